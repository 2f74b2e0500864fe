// The chunk size the planner's workers run (kept apart from plannerRun.ts, which imports the
// browser pool's types, so Node tests can import it).

/** The largest chunk `yanlian simulate --chunk` takes (SIMULATE_LIMITS.chunk). */
const MAX_CHUNK = 1_000_000;

/** A run's settings as far as the chunking goes (plannerRun.ts PlannerRunSettings). */
interface PlannerRunSettings {
  trials: number;
  chunkSize: number;
  chunkGiven: boolean;
  untilSe: number | null;
}

/**
 * The chunk size the workers run: the planner's own, or the CLI's default when a precision stop
 * is asked for (there the stop point depends on the chunking, and the summary records it);
 * otherwise about 16 chunks per worker, never fewer trials a chunk than the CLI's default. The
 * aggregate — and so the summary — is the same for any chunking; fewer, larger chunks mean fewer
 * aggregates posted and merged on the page's thread (lezhi 1,000 trials, 2 workers: chunks of 25
 * ran 10–15% faster than the CLI's 10 in a first run of bench/plannerSpeed.ts, no different in a second), while 16 a worker keep the
 * progress bar moving, a cancel prompt and the last workers' idle tail short. Pure.
 */
export function workerChunkSize(s: PlannerRunSettings, workers: number): number {
  if (s.chunkGiven || s.untilSe !== null) return s.chunkSize;
  return Math.max(s.chunkSize, Math.min(MAX_CHUNK, Math.ceil(s.trials / (Math.max(1, workers) * 16))));
}
