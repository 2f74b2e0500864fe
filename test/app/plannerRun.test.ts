import { describe, expect, it } from 'vitest';
import { defaultChunkSize } from '../../engine/montecarlo/runChunk.ts';
import { workerChunkSize } from '../../src/app/planner/workerChunk.ts';

/** As parseRunSettings gives them (plannerRun.ts): the CLI default chunk unless one is typed; pp → a probability. */
const settings = (f: { trials: string; chunk?: string; untilSePp?: string }) => {
  const trials = Number(f.trials);
  return { trials, chunkSize: f.chunk ? Number(f.chunk) : defaultChunkSize(trials), chunkGiven: !!f.chunk, untilSe: f.untilSePp ? Number(f.untilSePp) / 100 : null };
};

describe('the chunk size the browser workers run', () => {
  it('about 16 chunks per worker when nothing is asked, never below the CLI default', () => {
    expect(workerChunkSize(settings({ trials: '1000' }), 2)).toBe(32);
    expect(workerChunkSize(settings({ trials: '10000' }), 4)).toBe(157);
    expect(workerChunkSize(settings({ trials: '20' }), 2)).toBe(defaultChunkSize(20));
    expect(workerChunkSize(settings({ trials: '100000000' }), 1)).toBe(1_000_000);
  });

  it('the planner’s own chunk, and the CLI default under a precision stop (the stop point depends on it)', () => {
    expect(workerChunkSize(settings({ trials: '1000', chunk: '7' }), 2)).toBe(7);
    expect(workerChunkSize(settings({ trials: '1000', untilSePp: '1' }), 2)).toBe(defaultChunkSize(1000));
  });
});
