import { mergeAggregate, type McAggregate } from './aggregate.ts';
import { chunksOf, type Chunk, type ChunkResult } from './runChunk.ts';
import type { StopReason } from './summaryTypes.ts';

/** What a scheduler needs: the run's size, the aggregate to merge into, the stopping rule, progress. */
export interface MergeSchedulerOptions {
  /** trials to run (the most, with untilSe) */
  trials: number;
  chunkSize: number;
  /** the empty aggregate the chunks are merged into (mutated) */
  agg: McAggregate;
  /** the model's largest stopping SE of an aggregate */
  maxSe: (agg: McAggregate) => number;
  /** stop once maxSe ≤ this, checked after each chunk in chunk order */
  untilSe?: number | null;
  /** never hand out a chunk more than this many chunks past the merge point (default: no limit) */
  window?: number;
  /** called after each chunk is merged, in chunk order */
  onChunk?: (info: { trialsDone: number; csv: string | null; maxSe: number }) => void;
}

/**
 * The one scheduler and merger behind every Monte Carlo runner (worker threads, Web Workers, the
 * Redis queue): it hands out the chunks (trial ranges, `chunksOf`) in order, accepts their
 * results in any order — duplicates and results it no longer wants are ignored — and merges them
 * strictly in chunk order, so the aggregate, the progress calls and the `untilSe` stop are the
 * same whatever order the chunks finish in. Pure: no timers, no I/O; the runner drives it.
 *
 * An interrupt stops handing out chunks; the chunks already handed out are still merged (a
 * runner that knows one will never come back calls `forget`, and merging stops before it).
 */
export class MergeScheduler {
  readonly chunks: readonly Chunk[];
  private readonly pending = new Map<number, ChunkResult>();
  private nextOut = 0;
  private nextMerge = 0;
  /** chunks at or past this index are never merged */
  private cutoff: number;
  private done = 0;
  private interrupted = false;
  private precise = false;

  constructor(private readonly o: MergeSchedulerOptions) {
    this.chunks = chunksOf(o.trials, o.chunkSize);
    this.cutoff = this.chunks.length;
  }

  /** Trials merged so far. */
  get trialsDone(): number {
    return this.done;
  }

  /** Index of the next chunk to merge (every chunk before it is merged). */
  get mergePoint(): number {
    return this.nextMerge;
  }

  /** Chunks handed out and not yet merged (nor forgotten). */
  get outstanding(): number {
    return Math.max(0, Math.min(this.nextOut, this.cutoff) - this.nextMerge);
  }

  /** True once nothing more will be merged: every wanted chunk is in, or the precision was reached. */
  get finished(): boolean {
    if (this.precise) return true;
    const last = this.interrupted ? Math.min(this.nextOut, this.cutoff) : this.cutoff;
    return this.nextMerge >= last;
  }

  /** The next chunk to run, or null when none may start now (all handed out, too far ahead, stopped). */
  next(): Chunk | null {
    if (this.interrupted || this.precise || this.nextOut >= this.cutoff) return null;
    if (this.o.window !== undefined && this.nextOut >= this.nextMerge + this.o.window) return null;
    return this.chunks[this.nextOut++]!;
  }

  /** Stops handing out chunks; those already handed out are still merged. */
  interrupt(): void {
    this.interrupted = true;
  }

  /** Chunk `index` will never come back (e.g. its job was withdrawn): merging stops before it. */
  forget(index: number): void {
    if (index < this.cutoff && index >= this.nextMerge) {
      this.cutoff = index;
      for (const k of [...this.pending.keys()]) if (k >= index) this.pending.delete(k);
    }
  }

  /**
   * Takes a chunk's result in any order and merges every result now next in line. A result for a
   * chunk already merged, forgotten or past the precision stop is ignored, so a chunk that ran
   * twice (a retried shard) counts once. Returns true if this result was new.
   */
  accept(r: ChunkResult): boolean {
    if (this.precise || r.index < this.nextMerge || r.index >= this.cutoff || this.pending.has(r.index)) return false;
    if (r.index >= this.chunks.length) throw new RangeError(`MergeScheduler: no chunk ${r.index}`);
    this.pending.set(r.index, r);
    for (let x = this.pending.get(this.nextMerge); x; x = this.pending.get(this.nextMerge)) {
      this.pending.delete(this.nextMerge);
      mergeAggregate(this.o.agg, x.agg);
      this.done += this.chunks[this.nextMerge]!.count;
      this.nextMerge++;
      const maxSe = this.o.maxSe(this.o.agg);
      this.o.onChunk?.({ trialsDone: this.done, csv: x.csv, maxSe });
      if (this.o.untilSe != null && maxSe <= this.o.untilSe && this.done < this.o.trials) {
        // later chunks, finished or not, are discarded
        this.precise = true;
        this.pending.clear();
        break;
      }
    }
    return true;
  }

  /** The merged aggregate, the trials in it and why the run stopped. */
  result(): { agg: McAggregate; trials: number; stoppedBy: StopReason } {
    const stoppedBy: StopReason = this.precise ? 'untilSe' : this.done < this.o.trials && (this.interrupted || this.cutoff < this.chunks.length) ? 'interrupted' : 'trials';
    return { agg: this.o.agg, trials: this.done, stoppedBy };
  }
}
