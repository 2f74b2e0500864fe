import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Chunk, ChunkResult, McAggregate, StopReason } from '../montecarlo/index.ts';
import { MergeScheduler } from '../montecarlo/mergeScheduler.ts';
import type { McWorkerData, McWorkerReply } from './mcWorker.ts';

/** What the chunk pool needs besides the scenario: the options shared by the county and building Monte Carlo. */
export interface McPoolOptions {
  /** uint32 master seed */
  master: number;
  /** trials to run (the most, with untilSe) */
  trials: number;
  chunkSize: number;
  /** 1 runs in this thread; more start that many worker threads */
  workers: number;
  /** collect each chunk's CSV lines (passed to onChunk) */
  withCsv?: boolean;
  /** stop once the largest stopping SE of the headline probabilities is ≤ this, checked after each chunk in order */
  untilSe?: number | null;
  /** called after each chunk is merged, in chunk order */
  onChunk?: (info: { trialsDone: number; csv: string | null; maxSe: number }) => void;
  /** asked before each chunk is started; true stops the run after the chunks already started */
  shouldStop?: () => boolean;
}

/** URL of tsx's ESM API (its `import` export; the CommonJS build cannot load hooks here). */
function tsxEsmApiUrl(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

let bundled: string | undefined;

/**
 * Starts a worker thread running `mcWorker.ts`. Node 20 cannot load TypeScript in a worker, so
 * the worker and everything it imports are bundled once per process with esbuild (a dependency
 * of tsx, pinned in package.json) into one ES module in the OS temp folder; a worker then starts
 * in tens of milliseconds instead of seconds under tsx. The bundle is the same code, so results
 * are unchanged. If bundling fails, the slower tsx bootstrap is used. Started with `null`, the
 * thread takes `McShardRequest`s of any run (the queue worker, src/queue/shardWorker.ts). The CLI
 * started from its compiled form (bin/cliBundle.js) passes its compiled worker instead, so
 * nothing is bundled at run time.
 */
export function startWorker(data: McWorkerData | null): Worker {
  // the CLI started from its compiled form (bin/cliBundle.js) has the worker compiled already
  const prebuilt = (globalThis as Record<symbol, unknown>)[Symbol.for('yanlian.mcWorker')];
  if (typeof prebuilt === 'string') return new Worker(prebuilt, { workerData: data });
  if (bundled === undefined) {
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'yanlian-mc-')), 'mcWorker.mjs');
      buildSync({
        entryPoints: [fileURLToPath(new URL('./mcWorker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: out,
        logLevel: 'silent',
        // keep CommonJS dependencies loadable from an ES module bundle
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      });
      bundled = out;
    } catch {
      bundled = '';
    }
  }
  if (bundled) return new Worker(bundled, { workerData: data });
  const api = tsxEsmApiUrl();
  const entry = new URL('./mcWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** One model's part of a pooled Monte Carlo: its empty aggregate, its chunk runner (this thread), its stopping SE and its worker data. */
export interface McPoolPlan {
  agg: McAggregate;
  runLocal: (chunk: Chunk, withCsv: boolean) => ChunkResult;
  maxSe: (agg: McAggregate) => number;
  workerData: McWorkerData;
}

/**
 * The chunk pool behind every model's Monte Carlo (runModelMonteCarlo.ts): chunks handed out and
 * merged by the one `MergeScheduler` (strictly in chunk order, into `plan.agg`, mutated and
 * returned), run here or on worker threads.
 */
export async function runChunkPool(plan: McPoolPlan, opts: McPoolOptions): Promise<{ agg: McAggregate; trials: number; stoppedBy: StopReason }> {
  const withCsv = opts.withCsv ?? false;
  const chunkCount = Math.ceil(opts.trials / opts.chunkSize);
  const local = opts.workers <= 1 || chunkCount <= 1;
  const nWorkers = local ? 1 : Math.min(opts.workers, chunkCount);
  const sched = new MergeScheduler({
    trials: opts.trials,
    chunkSize: opts.chunkSize,
    agg: plan.agg,
    maxSe: plan.maxSe,
    untilSe: opts.untilSe ?? null,
    // chunks may finish out of order; never run further ahead of the merge point than this
    window: 4 * nWorkers,
    onChunk: opts.onChunk,
  });

  if (local) {
    for (;;) {
      if (opts.shouldStop?.()) sched.interrupt();
      const chunk = sched.next();
      if (!chunk) break;
      sched.accept(plan.runLocal(chunk, withCsv));
      if (sched.finished) break;
      // let signal handlers and I/O run between chunks
      await new Promise((resolve) => setImmediate(resolve));
    }
    return sched.result();
  }

  const data: McWorkerData = { ...plan.workerData, withCsv };
  const pool = Array.from({ length: nWorkers }, () => startWorker(data));
  try {
    await new Promise<void>((resolve, reject) => {
      const busy = new Set<Worker>();
      let settled = false;

      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      const dispatch = (w: Worker) => {
        if (opts.shouldStop?.()) sched.interrupt();
        const chunk = sched.next();
        if (chunk) {
          busy.add(w);
          w.postMessage(chunk);
        }
      };
      const onResult = (w: Worker, m: Extract<McWorkerReply, { type: 'result' }>) => {
        busy.delete(w);
        // merged in chunk order; after an interrupt the chunks still running are merged too
        sched.accept({ index: m.index, agg: m.counts, csv: m.csv });
        if (sched.finished) return finish(); // after a precision stop, later chunks are discarded
        for (const x of pool) if (!busy.has(x)) dispatch(x);
        if (busy.size === 0) finish();
      };

      for (const w of pool) {
        w.on('message', (m: McWorkerReply) => {
          if (settled) return;
          if (m.type === 'error') finish(new Error(`Monte Carlo worker failed: ${m.message}`));
          else onResult(w, m);
        });
        w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (!settled) finish(new Error(`Monte Carlo worker stopped early (exit code ${code})`));
        });
      }
      for (const w of pool) dispatch(w);
      if (busy.size === 0) finish();
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return sched.result();
}
