import { compiledMachines } from '../machines/compiledMachines.ts';
import { deriveSeed } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { TimedDecision } from '../sim/decision.ts';
import { runTrial } from '../sim/runTrial.ts';
import type { TrialOutcome } from '../sim/outcome.ts';

/** The few numbers a what-if compares, for one run. */
export interface RunSummary {
  seed: number;
  targetsMet: number;
  targetsJudged: number;
  failedSites: number;
  deadMissing: number;
  /** worst hours to first relief among affected villages (null: some never relieved, or none affected) */
  worstReliefHours: number | null;
  /** decisions the engine refused on this storm (a site that did not fail, a road not cut, …) */
  refused: number;
}

export interface WhatIfResult {
  seeds: number;
  stockFactor: number;
  /** the drill's own storm with its decisions, run to the horizon */
  drill: RunSummary;
  runs: RunSummary[];
  /** share of runs that met no more targets than the drill did (0–1): where the drill sits */
  drillPercentile: number;
  /** share of runs meeting every judged target */
  allTargetsMet: number;
}

export function summarise(seed: number, o: TrialOutcome, refused: number): RunSummary {
  const judged = o.targets.filter((t) => t.cases > 0);
  // relief sent ahead of a slide reaches the village before it is affected: that is 0 h, not negative
  const relief = o.relief.map((r) => (r.hoursToRelief === null ? null : Math.max(0, r.hoursToRelief)));
  return {
    seed,
    targetsMet: judged.filter((t) => t.met).length,
    targetsJudged: judged.length,
    failedSites: o.totals.failedSites,
    deadMissing: o.totals.deadMissing,
    worstReliefHours: relief.length === 0 || relief.some((h) => h === null) ? null : Math.max(...(relief as number[])),
    refused,
  };
}

/** A copy of the scenario with every store's stock multiplied (what if reserves were larger?). Pure. */
export function scaleStock(s: Scenario, factor: number): Scenario {
  const copy = structuredClone(s) as Scenario;
  for (const w of copy.reserves.warehouses) for (const k of Object.keys(w.stock)) (w.stock as Record<string, number>)[k] = w.stock[k]! * factor;
  return copy;
}

/**
 * Re-runs the trainees' decisions over `seeds` other storms (seeds derived from the drill's
 * engine seed) and, optionally, with every store's stock scaled, and says where the drill's one
 * outcome sits in that distribution. Decisions that make no sense on another storm are refused
 * by the engine and counted. Pure and deterministic (compiled statecharts, manual mode).
 */
export function whatIf(s: Scenario, engineSeed: number, decisions: readonly TimedDecision[], opts: { seeds: number; stockFactor?: number }): WhatIfResult {
  const factor = opts.stockFactor ?? 1;
  const sc = factor === 1 ? s : scaleStock(s, factor);
  const one = (seed: number) => {
    const r = runTrial(sc, seed, compiledMachines, { mode: 'manual', decisions });
    return summarise(seed, r.outcome, r.events.filter((e) => e.type === 'decision.refused').length);
  };
  const drill = one(engineSeed);
  const runs = Array.from({ length: opts.seeds }, (_, k) => one(deriveSeed(engineSeed, 'whatif', k)));
  return {
    seeds: opts.seeds,
    stockFactor: factor,
    drill,
    runs,
    drillPercentile: runs.filter((r) => r.targetsMet <= drill.targetsMet).length / Math.max(1, runs.length),
    allTargetsMet: runs.filter((r) => r.targetsMet === r.targetsJudged).length / Math.max(1, runs.length),
  };
}
