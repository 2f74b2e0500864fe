import type { LogEvent } from '../sim/eventLog.ts';
import { buildEvacOutcome, type EvacOutcome } from './evacOutcome.ts';
import { EvacuationSim, type EvacRunOptions } from './evacuationSim.ts';
import type { EvacuationScenario } from './schema.ts';

export interface EvacRunResult {
  outcome: EvacOutcome;
  /** the run's event log (times in seconds since ignition); empty when keepLog is false */
  log: LogEvent[];
}

/**
 * Runs one school-fire evacuation of a loaded building scenario over one seed (uint32) to the
 * scenario's horizon. Pure and deterministic: the same scenario, seed, mode and decisions give
 * a byte-identical log and outcome, whether the statecharts run as XState actors or compiled
 * tables (`machines`). Decisions are applied at their times after that instant's fire, smoke and
 * role events; refused ones are logged (`decision.refused`) and listed in the outcome.
 */
export function runEvacuation(scenario: EvacuationScenario, seed: number, options: EvacRunOptions = {}): EvacRunResult {
  const sim = new EvacuationSim(scenario, seed, options);
  sim.runUntil(scenario.horizonS);
  return { outcome: buildEvacOutcome(sim), log: sim.events };
}
