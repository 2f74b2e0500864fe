import { MODELS } from '../../../engine/model/models.ts';
import type { LayoutOf, ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import { mergeAggregate, type McAggregate } from '../../../engine/montecarlo/aggregate.ts';
import { chunksOf, type ChunkResult } from '../../../engine/montecarlo/runChunk.ts';
import type { StopReason } from '../../../engine/montecarlo/summaryTypes.ts';
import type { McWorkerInit, McWorkerReply, McWorkerRequest } from './mcWorkerProtocol.ts';

/** What the browser pool needs besides the scenario (as engine/node/chunkPool.ts's McPoolOptions). */
export interface BrowserPoolOptions {
  /** uint32 master seed */
  master: number;
  /** trials to run (the most, with untilSe) */
  trials: number;
  chunkSize: number;
  /** Web Workers to start (at most one per chunk) */
  workers: number;
  /** collect each chunk's CSV lines (passed to onChunk) */
  withCsv: boolean;
  /** stop once the model's largest stopping SE is ≤ this, checked after each chunk in chunk order */
  untilSe: number | null;
  /** called after each chunk is merged, in chunk order */
  onChunk?: (info: { trialsDone: number; csv: string | null; maxSe: number }) => void;
  /** aborting stops the run at once: the workers are terminated, the chunks merged so far stand (stoppedBy 'interrupted') */
  signal?: AbortSignal;
}

/** A finished, precise-enough or cancelled run: the model's layout, the merged aggregate, trials merged, why it stopped. */
export interface BrowserMcResult<K extends ModelId> {
  layout: LayoutOf<K>;
  agg: McAggregate;
  trials: number;
  stoppedBy: StopReason;
}

/** Starts one planner worker (Vite bundles mcWorker.ts and everything it imports as its own module). */
export function startMcWorker(): Worker {
  return new Worker(new URL('./mcWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * The browser twin of engine/node/chunkPool.ts + runModelMonteCarlo.ts: trial i runs with
 * `trialSeed(master, i)` in fixed chunks (`chunksOf`) on Web Workers, and the chunks' integer
 * aggregates are merged strictly in chunk order (a finished chunk waits for those before it;
 * no worker runs more than 4 × workers chunks ahead of the merge point). The aggregate — and so
 * the summary — is bit-identical to the CLI's for any worker count. Unlike the CLI, every chunk
 * runs on a worker (even one chunk), so the page never freezes; a cancel terminates the workers
 * at once instead of letting running chunks finish, so a cancelled run's partial summary may hold
 * fewer trials than the CLI's after Ctrl-C.
 */
export async function runBrowserMonteCarlo<K extends ModelId>(
  model: K,
  scenario: ScenarioOf<K>,
  opts: BrowserPoolOptions,
  start: () => Worker = startMcWorker,
): Promise<BrowserMcResult<K>> {
  const mc = MODELS[model].mc;
  const layout = mc.layout(scenario);
  const agg = mc.createAggregate(layout);
  const chunks = chunksOf(opts.trials, opts.chunkSize);
  let trialsDone = 0;

  /** Merges the next chunk in order; true when the run should stop for precision. */
  const merge = (r: ChunkResult): boolean => {
    mergeAggregate(agg, r.agg);
    trialsDone += chunks[r.index]!.count;
    const maxSe = mc.maxSe(layout, agg);
    opts.onChunk?.({ trialsDone, csv: r.csv, maxSe });
    return opts.untilSe != null && maxSe <= opts.untilSe;
  };

  const nWorkers = Math.max(1, Math.min(opts.workers, chunks.length));
  const window = 4 * nWorkers;
  const init = { type: 'init', model, scenario, master: opts.master, withCsv: opts.withCsv } as McWorkerInit;
  const pool: Worker[] = [];
  const state = { stoppedBy: 'trials' as StopReason };
  try {
    await new Promise<void>((resolve, reject) => {
      const done = new Map<number, ChunkResult>();
      const busy = new Set<Worker>();
      let nextDispatch = 0;
      let nextMerge = 0;
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      const onAbort = () => {
        state.stoppedBy = 'interrupted';
        finish();
      };
      const dispatch = (w: Worker) => {
        if (settled || nextDispatch >= chunks.length || nextDispatch >= nextMerge + window) return;
        busy.add(w);
        w.postMessage({ type: 'chunk', chunk: chunks[nextDispatch++]! } satisfies McWorkerRequest);
      };
      const onResult = (w: Worker, m: Extract<McWorkerReply, { type: 'result' }>) => {
        busy.delete(w);
        done.set(m.index, { index: m.index, agg: { counts: m.counts }, csv: m.csv });
        for (let r = done.get(nextMerge); r; r = done.get(nextMerge)) {
          done.delete(nextMerge++);
          if (merge(r) && trialsDone < opts.trials) {
            state.stoppedBy = 'untilSe';
            return finish(); // later chunks, finished or not, are discarded
          }
        }
        for (const x of pool) if (!busy.has(x)) dispatch(x);
        if (busy.size === 0) finish();
      };

      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort);
      for (let i = 0; i < nWorkers; i++) {
        const w = start();
        pool.push(w);
        w.onmessage = (e: MessageEvent<McWorkerReply>) => {
          if (settled) return;
          const m = e.data;
          if (m.type === 'error') finish(new Error(m.message));
          else onResult(w, m);
        };
        w.onerror = (e) => {
          e.preventDefault();
          finish(new Error(e.message || 'worker error'));
        };
        w.postMessage(init satisfies McWorkerRequest);
      }
      for (const w of pool) dispatch(w);
      if (busy.size === 0) finish();
    });
  } finally {
    for (const w of pool) w.terminate();
  }
  if (state.stoppedBy === 'interrupted' && trialsDone >= opts.trials) state.stoppedBy = 'trials';
  return { layout, agg, trials: trialsDone, stoppedBy: state.stoppedBy };
}
