import { evacMaxStoppingSe, evacMcLayout, createEvacAggregate, runEvacChunk, type EvacMcLayout } from '../evacuation/montecarlo/index.ts';
import type { EvacuationScenario } from '../evacuation/schema.ts';
import type { McAggregate, StopReason } from '../montecarlo/index.ts';
import { runChunkPool, type McPoolOptions } from './runMonteCarlo.ts';

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
  const layout = evacMcLayout(opts.scenario);
  const r = await runChunkPool(
    {
      agg: createEvacAggregate(layout),
      runLocal: (chunk, withCsv) => runEvacChunk(opts.scenario, layout, opts.master, chunk, withCsv),
      maxSe: (agg) => evacMaxStoppingSe(layout, agg),
      workerData: { model: 'evacuation', scenario: opts.scenario, master: opts.master, withCsv: opts.withCsv ?? false },
    },
    opts,
  );
  return { layout, ...r };
}
