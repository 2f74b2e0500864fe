import type { McAggregate, McLayout, StopReason } from '../montecarlo/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { McPoolOptions } from './chunkPool.ts';
import { runModelMonteCarlo } from './runModelMonteCarlo.ts';

export { runChunkPool, type McPoolOptions, type McPoolPlan } from './chunkPool.ts';

export interface McRunOptions extends McPoolOptions {
  scenario: Scenario;
}

export interface McRunResult {
  layout: McLayout;
  agg: McAggregate;
  trials: number;
  stoppedBy: StopReason;
}

/**
 * Runs a Monte Carlo: trials are cut into fixed chunks by index, run in this thread or on a pool
 * of worker threads that pull chunks, and merged strictly in chunk order. Since each trial's
 * seed depends on (master, trial index) alone and aggregates are integer counts, the result is
 * bit-identical for any worker count and chunk size; `untilSe` and `shouldStop` act between
 * chunks, so they stop at a chunk boundary (and `untilSe` at the same one for any worker count).
 */
export async function runMonteCarlo(opts: McRunOptions): Promise<McRunResult> {
  return runModelMonteCarlo('county', opts.scenario, opts);
}

