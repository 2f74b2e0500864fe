import { describe, expect, it } from 'vitest';
import type { McAggregate } from '../../engine/montecarlo/aggregate.ts';
import { MergeScheduler } from '../../engine/montecarlo/mergeScheduler.ts';
import type { Chunk, ChunkResult } from '../../engine/montecarlo/runChunk.ts';

/** A toy aggregate: counts[0] = trials, counts[1 + (i % 5)] += i for each trial i (order-free sums). */
const SIZE = 6;
function run(c: Chunk): ChunkResult {
  const counts = new Float64Array(SIZE);
  for (let i = c.start; i < c.start + c.count; i++) {
    counts[0]! += 1;
    counts[1 + (i % 5)]! += i;
  }
  return { index: c.index, agg: { counts }, csv: `${c.start}-${c.start + c.count}\n` };
}
/** Pretend standard error: shrinks with the trials merged. */
const maxSe = (a: McAggregate) => 1 / Math.sqrt(a.counts[0]! + 1);

/** Drives a scheduler handing every result back in the order `order` picks among those handed out. */
function drive(trials: number, chunkSize: number, pick: (n: number) => number, opts: { untilSe?: number; window?: number } = {}) {
  const log: string[] = [];
  const s = new MergeScheduler({ trials, chunkSize, agg: { counts: new Float64Array(SIZE) }, maxSe, untilSe: opts.untilSe ?? null, window: opts.window, onChunk: (i) => log.push(`${i.trialsDone}:${i.csv}`) });
  const out: Chunk[] = [];
  while (!s.finished) {
    for (let c = s.next(); c; c = s.next()) out.push(c);
    if (out.length === 0) break;
    const [c] = out.splice(pick(out.length), 1);
    s.accept(run(c!));
  }
  return { r: s.result(), log, s };
}

describe('MergeScheduler', () => {
  it('merges in chunk order whatever order the results arrive in: the same bytes, the same progress calls', () => {
    const ref = drive(1000, 37, () => 0);
    expect(ref.r.trials).toBe(1000);
    expect(ref.r.stoppedBy).toBe('trials');
    let seed = 12345;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const pick of [(n: number) => n - 1, rnd, rnd, rnd]) {
      const x = drive(1000, 37, pick);
      expect(Buffer.from(x.r.agg.counts.buffer)).toEqual(Buffer.from(ref.r.agg.counts.buffer));
      expect(x.log).toEqual(ref.log);
    }
    // and the chunk size does not change the aggregate
    expect(Buffer.from(drive(1000, 1000, () => 0).r.agg.counts.buffer)).toEqual(Buffer.from(ref.r.agg.counts.buffer));
  });

  it('counts a chunk that comes back twice once', () => {
    const s = new MergeScheduler({ trials: 30, chunkSize: 10, agg: { counts: new Float64Array(SIZE) }, maxSe });
    const [a, b, c] = [s.next()!, s.next()!, s.next()!];
    expect(s.accept(run(b))).toBe(true);
    expect(s.accept(run(b))).toBe(false);
    s.accept(run(a));
    expect(s.accept(run(a))).toBe(false);
    s.accept(run(c));
    expect(s.finished).toBe(true);
    expect(s.result()).toMatchObject({ trials: 30, stoppedBy: 'trials' });
    expect(s.result().agg.counts[0]).toBe(30);
  });

  it('stops at the same chunk for --until-se whatever the arrival order, and discards later chunks', () => {
    const a = drive(1000, 10, () => 0, { untilSe: 0.1 });
    const b = drive(1000, 10, (n) => n - 1, { untilSe: 0.1, window: 8 });
    expect(a.r.stoppedBy).toBe('untilSe');
    expect(a.r.trials).toBe(100); // 1/sqrt(101) < 0.1 first after 100 trials
    expect(b.r).toEqual(a.r);
    expect(b.log).toEqual(a.log);
  });

  it('never hands out more than `window` chunks past the merge point', () => {
    const s = new MergeScheduler({ trials: 100, chunkSize: 10, agg: { counts: new Float64Array(SIZE) }, maxSe, window: 3 });
    const out = [s.next(), s.next(), s.next(), s.next()];
    expect(out.map((c) => c?.index ?? null)).toEqual([0, 1, 2, null]);
    s.accept(run(out[1]!));
    expect(s.next()).toBeNull();
    s.accept(run(out[0]!));
    expect(s.next()?.index).toBe(3);
  });

  it('after an interrupt merges what was handed out, and stops before a chunk that will never come back', () => {
    const s = new MergeScheduler({ trials: 100, chunkSize: 10, agg: { counts: new Float64Array(SIZE) }, maxSe });
    const out = [s.next()!, s.next()!, s.next()!, s.next()!];
    s.interrupt();
    expect(s.next()).toBeNull();
    s.accept(run(out[0]!));
    s.accept(run(out[3]!));
    expect(s.finished).toBe(false);
    s.forget(2); // withdrawn: chunk 3's result is dropped too
    s.accept(run(out[1]!));
    expect(s.finished).toBe(true);
    expect(s.result()).toMatchObject({ trials: 20, stoppedBy: 'interrupted' });
    expect(s.outstanding).toBe(0);
  });
});

describe('shard codec', () => {
  it('gives back the very same doubles (sparse) and the CSV', async () => {
    const { encodeShard, decodeShard } = await import('../../src/queue/shardCodec.ts');
    const { sparseOf, denseOf } = await import('../../engine/montecarlo/sparseCounts.ts');
    const counts = new Float64Array(100_000);
    counts[0] = 1;
    counts[17] = 2 ** 52 + 1;
    counts[99_999] = 123_456_789_012;
    counts[500] = -0.5; // never produced, but exact too
    const back = decodeShard(encodeShard(sparseOf(counts), 'a,b\r\n'), counts.length);
    expect([...back.counts.at]).toEqual([0, 17, 500, 99_999]);
    expect(Buffer.from(denseOf(back.counts).buffer)).toEqual(Buffer.from(counts.buffer));
    expect(back.csv).toBe('a,b\r\n');
    expect(() => decodeShard(encodeShard(sparseOf(counts), null), 99)).toThrow(/100000 counters, the layout 99/);
    const damaged = JSON.stringify({ ...JSON.parse(encodeShard(sparseOf(counts), null)), at: Buffer.from(new Uint32Array([5, 3, 7, 9]).buffer).toString('base64') });
    expect(() => decodeShard(damaged, counts.length)).toThrow(/out of order/);
  });
});
