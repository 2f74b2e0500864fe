import type { Rng } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { compileWorld } from '../world/world.ts';
import type { PolicyMode, TimedDecision } from './decision.ts';
import type { LogEvent } from './eventLog.ts';
import { startHazard } from './hazards.ts';
import { runUntil } from './kernel.ts';
import { buildOutcome, type TrialOutcome } from './outcome.ts';
import { finishStock } from './relief.ts';
import { Trial, xstateMachines, type MachineFactory } from './trial.ts';
import type { TrialArena } from './trialArena.ts';

export interface TrialResult {
  events: LogEvent[];
  outcome: TrialOutcome;
}

export interface TrialOptions {
  /** keep the event log (default true); Monte Carlo turns it off */
  log?: boolean;
  /** 'auto' (default): the engine decides; 'manual': only `decisions` do (drill replays) */
  mode?: PolicyMode;
  /** participants' decisions, applied at their times after that minute's other events */
  decisions?: readonly TimedDecision[];
  /** generator per stream from its derived seed (default sfc32); benchmarks plug a baseline in */
  generator?: (seed: number) => Rng;
  /**
   * Monte Carlo's fast path: the trial's arrays from this arena (reset, not allocated), valid only
   * until the arena's next trial starts; the scenario's world's arena, 'auto' mode only (trialArena.ts)
   */
  arena?: TrialArena;
}

/** Creates a trial, draws its hazard and queues the given decisions; nothing has run yet. */
export function startTrial(scenario: Scenario, seed: number, machines: MachineFactory, options: TrialOptions): Trial {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a uint32, got ${seed}`);
  const tr = new Trial(compileWorld(scenario), seed, machines, options.log ?? true, options.mode ?? 'auto', options.generator, options.arena);
  startHazard(tr);
  for (const d of options.decisions ?? []) {
    tr.decisions.push(d);
    tr.schedule(d.t, { k: 'decision', index: tr.decisions.length - 1 });
  }
  return tr;
}

/**
 * Runs one trial of a validated scenario over one seed (uint32): the hazard, the chain of
 * failures and cuts, warnings, the response level, teams and relief, as a discrete-event
 * simulation in simulated minutes up to the scenario's horizon. Pure and deterministic: the
 * same scenario, seed and decisions give the identical event log. `machines` picks how the
 * statecharts run (live XState actors by default, compiled tables for Monte Carlo).
 */
export function runTrial(
  scenario: Scenario,
  seed: number,
  machines: MachineFactory = xstateMachines,
  options: TrialOptions = {},
): TrialResult {
  const tr = finishedTrial(scenario, seed, machines, options);
  return { events: tr.log.events, outcome: buildOutcome(tr) };
}

/**
 * `runTrial` without the outcome: the trial run to its horizon with its stock settled, for a
 * caller that reads its state directly (Monte Carlo's trial rows); the same trial as
 * `runTrial`'s, so `buildOutcome` of it is `runTrial`'s outcome.
 */
export function finishedTrial(scenario: Scenario, seed: number, machines: MachineFactory, options: TrialOptions): Trial {
  const tr = startTrial(scenario, seed, machines, options);
  runUntil(tr, tr.horizon);
  tr.now = tr.horizon;
  finishStock(tr);
  return tr;
}
