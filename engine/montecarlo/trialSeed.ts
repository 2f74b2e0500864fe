import { deriveSeed } from '../random/index.ts';

/**
 * The seed of Monte Carlo trial `trialIndex` (0-based) under a run's uint32 master seed:
 * `deriveSeed(master, 'trial', trialIndex)`. Pure; depends on nothing else, so results are the
 * same for any worker count or chunking, and `yanlian run FILE --seed <this>` re-runs the trial.
 */
export function trialSeed(master: number, trialIndex: number): number {
  return deriveSeed(master, 'trial', trialIndex);
}
