import { MODELS } from '../../../engine/model/models.ts';
import type { LayoutOf, ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import type { McAggregate } from '../../../engine/montecarlo/aggregate.ts';
import { MergeScheduler } from '../../../engine/montecarlo/mergeScheduler.ts';
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
 * `trialSeed(master, i)` in fixed chunks on Web Workers, and the chunks' integer aggregates are
 * merged by the shared MergeScheduler strictly in chunk order (a finished chunk waits for those before it;
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
  const chunkCount = Math.ceil(opts.trials / opts.chunkSize);
  const nWorkers = Math.max(1, Math.min(opts.workers, chunkCount));
  const sched = new MergeScheduler({
    trials: opts.trials,
    chunkSize: opts.chunkSize,
    agg: mc.createAggregate(layout),
    maxSe: (a) => mc.maxSe(layout, a),
    untilSe: opts.untilSe,
    window: 4 * nWorkers,
    onChunk: opts.onChunk,
  });
  const init = { type: 'init', model, scenario, master: opts.master, withCsv: opts.withCsv } as McWorkerInit;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const busy = new Set<Worker>();
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      const onAbort = () => {
        // the running chunks are terminated, not waited for: merging stops where it is
        sched.interrupt();
        sched.forget(sched.mergePoint);
        finish();
      };
      const dispatch = (w: Worker) => {
        const chunk = settled ? null : sched.next();
        if (!chunk) return;
        busy.add(w);
        w.postMessage({ type: 'chunk', chunk } satisfies McWorkerRequest);
      };
      const onResult = (w: Worker, m: Extract<McWorkerReply, { type: 'result' }>) => {
        busy.delete(w);
        sched.accept({ index: m.index, agg: m.counts, csv: m.csv });
        if (sched.finished) return finish(); // after a precision stop, later chunks are discarded
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
  return { layout, ...sched.result() };
}
