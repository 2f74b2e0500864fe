import type { EvacMcLayout } from '../evacuation/montecarlo/index.ts';
import type { EvacuationScenario } from '../evacuation/schema.ts';
import type { McAggregate, StopReason } from '../montecarlo/index.ts';
import type { McPoolOptions } from './chunkPool.ts';
import { runModelMonteCarlo } from './runModelMonteCarlo.ts';

export interface EvacMcRunResult {
  layout: EvacMcLayout;
  agg: McAggregate;
  trials: number;
  stoppedBy: StopReason;
}

/**
 * The Monte Carlo of a building scenario on the same chunk pool as the county one
 * (`runChunkPool`): trial i runs with `trialSeed(master, i)`, chunks merge in order, so the
 * aggregate is bit-identical for any worker count and chunk size; `untilSe` watches the
 * evacuation headline probabilities.
 */
export async function runEvacMonteCarlo(opts: McPoolOptions & { scenario: EvacuationScenario }): Promise<EvacMcRunResult> {
  return runModelMonteCarlo('evacuation', opts.scenario, opts);
}
