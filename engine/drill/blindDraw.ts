import { compiledMachines } from '../machines/compiledMachines.ts';
import { deriveSeed, Sfc32, uniform } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { runTrial } from '../sim/runTrial.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { DrillConfig } from './drillConfig.ts';
import { sha256 } from './sha256.ts';

/**
 * What the server draws for a drill and commits to before it starts: the engine seed (which
 * fixes the storm and which sites fail), the wall-clock start of a 双盲 drill, and which
 * injects fire and when. Plain JSON.
 */
export interface DrillSchedule {
  v: 1;
  engineSeed: number;
  /** wall-clock milliseconds (Unix epoch) at which the drill starts by itself (双盲 with a start window), else null */
  startAtMs: number | null;
  /** hazard sites that fail in this draw's physical chain (decisions cannot change it) */
  failingSites: string[];
  injects: { id: string; fires: boolean; offsetMin: number | null }[];
}

/**
 * Which sites fail under an engine seed. The physical chain (rain, slope failures, cuts) does
 * not depend on decisions, so one dry run in manual mode with no decisions tells. Pure.
 */
export function failingSites(scenario: Scenario, engineSeed: number): string[] {
  const { events } = runTrial(scenario, engineSeed, compiledMachines, { mode: 'manual' });
  return events.filter((e) => e.type === 'site.failed').map((e) => String(e.site));
}

export type DrawResult = { ok: true; schedule: DrillSchedule; draws: number } | { ok: false; draws: number };

/**
 * Draws the schedule from the drill seed within the trainer's bounds. Open drills use the
 * drill seed as the engine seed and every inject as written; 双盲 drills try engine seeds
 * `deriveSeed(drillSeed, 'blind', 'trial', k)` for k = 0, 1, … until the failing sites meet
 * the bounds, then draw the start time and each inject from streams keyed by their ids.
 * Pure and deterministic: the same inputs give the same schedule.
 */
export function drawSchedule(
  scenario: Scenario,
  config: DrillConfig,
  drillSeed: number,
  sitesFor: (engineSeed: number) => string[] = (s) => failingSites(scenario, s),
): DrawResult {
  const blind = config.blind;
  if (!blind) {
    return {
      ok: true,
      draws: 1,
      schedule: {
        v: 1,
        engineSeed: drillSeed,
        startAtMs: null,
        failingSites: sitesFor(drillSeed),
        injects: config.injects.map((i) => ({ id: i.id, fires: i.trigger.kind !== 'manual', offsetMin: i.trigger.kind === 'at' ? i.trigger.offsetMin : null })),
      },
    };
  }
  const f = blind.failures;
  const fits = (sites: string[]) =>
    !f ||
    ((f.min === undefined || sites.length >= f.min) &&
      (f.max === undefined || sites.length <= f.max) &&
      f.include.every((x) => sites.includes(x)) &&
      f.exclude.every((x) => !sites.includes(x)));
  for (let k = 0; k < blind.maxDraws; k++) {
    const engineSeed = deriveSeed(drillSeed, 'blind', 'trial', k);
    const sites = sitesFor(engineSeed);
    if (!fits(sites)) continue;
    let startAtMs: number | null = null;
    if (blind.startWindow) {
      const from = Date.parse(blind.startWindow.from);
      const to = Date.parse(blind.startWindow.to);
      const u = Sfc32.fromSeed(deriveSeed(drillSeed, 'blind', 'start')).next();
      // whole minutes: the start is announced to nobody, but logs read better
      startAtMs = Math.floor((from + u * (to - from)) / 60_000) * 60_000;
    }
    const injects = config.injects.map((i) => {
      const r = Sfc32.fromSeed(deriveSeed(drillSeed, 'blind', 'inject', i.id));
      const p = i.blind?.probability ?? 1;
      const fires = i.trigger.kind !== 'manual' && r.next() < p;
      let offsetMin: number | null = null;
      if (i.trigger.kind === 'at') {
        const j = i.blind?.jitterMin ?? 0;
        offsetMin = Math.max(0, Math.round(i.trigger.offsetMin + (j > 0 ? uniform(r, -j, j) : 0)));
      }
      return { id: i.id, fires, offsetMin };
    });
    return { ok: true, draws: k + 1, schedule: { v: 1, engineSeed, startAtMs, failingSites: sites, injects } };
  }
  return { ok: false, draws: blind.maxDraws };
}

/** Everything the commitment covers; revealed in full at the debrief. */
export interface CommitmentReveal {
  v: 1;
  scenarioSha256: string;
  configSha256: string;
  drillSeed: number;
  schedule: DrillSchedule;
  /** 32 random bytes (hex) so that the seed cannot be found by trying all 2^32 */
  salt: string;
}

/** SHA-256 of the canonical JSON of the reveal: the commitment published before the start. Pure. */
export function commitmentOf(r: CommitmentReveal): string {
  return sha256(canonicalJson(r));
}

/** SHA-256 of a drill config's canonical JSON. Pure. */
export function configHash(config: DrillConfig): string {
  return sha256(canonicalJson(config));
}

export interface Verification {
  ok: boolean;
  commitmentMatches: boolean;
  scenarioMatches: boolean | null;
  configMatches: boolean | null;
  scheduleRedrawn: boolean | null;
}

/**
 * Checks a reveal against the published commitment; with the scenario text, its config and
 * the scenario, also that the schedule is exactly what the rules draw from the seed (so the
 * 导调 could not pick a convenient one). Pure.
 */
export function verifyCommitment(
  commitment: string,
  reveal: CommitmentReveal,
  extra: { scenarioText?: string; config?: DrillConfig; scenario?: Scenario } = {},
): Verification {
  const commitmentMatches = commitmentOf(reveal) === commitment;
  const scenarioMatches = extra.scenarioText === undefined ? null : sha256(extra.scenarioText) === reveal.scenarioSha256;
  const configMatches = extra.config === undefined ? null : configHash(extra.config) === reveal.configSha256;
  let scheduleRedrawn: boolean | null = null;
  if (extra.config && extra.scenario) {
    const d = drawSchedule(extra.scenario, extra.config, reveal.drillSeed);
    scheduleRedrawn = d.ok && canonicalJson(d.schedule) === canonicalJson(reveal.schedule);
  }
  return {
    ok: commitmentMatches && scenarioMatches !== false && configMatches !== false && scheduleRedrawn !== false,
    commitmentMatches,
    scenarioMatches,
    configMatches,
    scheduleRedrawn,
  };
}
