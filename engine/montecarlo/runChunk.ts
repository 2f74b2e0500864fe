import { finishedTrial } from '../sim/runTrial.ts';
import { TrialArena } from '../sim/trialArena.ts';
import type { MachineFactory } from '../sim/trial.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { compileWorld } from '../world/world.ts';
import { addTrial, addTrialExceptFans, createAggregate, FanBatch, type McAggregate } from './aggregate.ts';
import { csvRow } from './csvRow.ts';
import type { McLayout } from './mcLayout.ts';
import { sparseOf, type ChunkCounts } from './sparseCounts.ts';
import { trialRowOfTrial } from './trialRowOfTrial.ts';
import { trialSeed } from './trialSeed.ts';

/** Chunks of at least this many trials add their stock fans in one pass (FanBatch); the same counts either way. */
const FAN_BATCH_MIN_TRIALS = 16;

/** A fixed slice of a run: trials start … start + count − 1. */
export interface Chunk {
  index: number;
  start: number;
  count: number;
}

export interface ChunkResult {
  index: number;
  /** the chunk's counters: sparse from `runChunk` (what workers post and the merge reads), dense from a model that builds one */
  agg: ChunkCounts;
  /** the chunk's CSV lines, in trial order, when asked for */
  csv: string | null;
}

/**
 * The dense aggregate a chunk counts into, one per layout, reused: it is all zero between chunks
 * (`sparseOf(…, true)` clears it), so a chunk allocates only its sparse result, not 2.8–23.7 MB.
 * Single-threaded, like `FanBatch`.
 */
const scratch = new WeakMap<McLayout, Scratch>();
interface Scratch {
  agg: McAggregate;
  /** sparseOf's index buffer */
  idx: Uint32Array;
  dirty: boolean;
}

function scratchFor(layout: McLayout): Scratch {
  let s = scratch.get(layout);
  if (!s) {
    s = { agg: createAggregate(layout), idx: new Uint32Array(layout.size), dirty: false };
    scratch.set(layout, s);
  }
  if (s.dirty) s.agg.counts.fill(0); // a chunk that threw left counts behind
  s.dirty = true;
  return s;
}

/**
 * Runs one chunk of trials (trial i with seed `trialSeed(master, i)`) and aggregates them into
 * the chunk's non-zero counters (sparseCounts.ts): the same doubles as a fresh dense aggregate.
 * Pure and deterministic: the result depends on (scenario, master, chunk) only, so chunks may
 * run on any thread in any order.
 */
export function runChunk(
  scenario: Scenario,
  layout: McLayout,
  master: number,
  chunk: Chunk,
  machines: MachineFactory,
  withCsv: boolean,
): ChunkResult {
  const s = scratchFor(layout);
  const agg = s.agg;
  let csv = '';
  // the stock fans in one pass at the end (FanBatch); for a few trials, trial by trial
  const fans = chunk.count >= FAN_BATCH_MIN_TRIALS ? FanBatch.for(layout) : null;
  // trials one after another, each read into its row before the next starts: they share one
  // set of arrays (reset between them) instead of allocating their own
  const arena = TrialArena.of(compileWorld(scenario));
  for (let i = chunk.start; i < chunk.start + chunk.count; i++) {
    // the row straight from the trial's state: no outcome objects to build and collect
    const row = trialRowOfTrial(layout, i, finishedTrial(scenario, trialSeed(master, i), machines, { log: false, arena }));
    if (fans) {
      addTrialExceptFans(layout, agg, row);
      fans.add(row);
    } else addTrial(layout, agg, row);
    if (withCsv) csv += csvRow(row);
  }
  fans?.flush(agg);
  const counts = sparseOf(agg.counts, true, s.idx);
  s.dirty = false;
  return { index: chunk.index, agg: counts, csv: withCsv ? csv : null };
}

/** Cuts trials 0 … trials − 1 into chunks of `chunkSize` (the last may be shorter); pure. */
export function chunksOf(trials: number, chunkSize: number): Chunk[] {
  const out: Chunk[] = [];
  for (let start = 0, index = 0; start < trials; start += chunkSize, index++)
    out.push({ index, start, count: Math.min(chunkSize, trials - start) });
  return out;
}

/** Chunks hold at least this many trials by default (all of a smaller run): a chunk costs a pass over its aggregate (Lezhi's 2.8 MB) however few trials it ran. */
const MIN_DEFAULT_CHUNK = 20;

/** Default chunk size for a run of `trials`: about 1% of it, at least 20 (or all of them) and at most 10,000; pure. */
export function defaultChunkSize(trials: number): number {
  return Math.max(1, Math.min(10_000, trials, Math.max(MIN_DEFAULT_CHUNK, Math.ceil(trials / 100))));
}
