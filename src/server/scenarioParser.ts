import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { deepFreeze } from '../../engine/scenario/deepFreeze.ts';
import { loadScenario, type LoadResult } from '../../engine/scenario/index.ts';
import type { ParseJob, ParseReply } from './scenarioWorker.ts';

/** Loads a scenario text (file name for messages); resolves with the loader's result, rejects when the text could not be loaded at all. */
export type ParseScenario = (text: string, file: string) => Promise<LoadResult>;

/** Loads on the calling thread: for tests and `recoverAll` (before the server listens). Blocks while it runs. */
export const parseInThread: ParseScenario = async (text, file) => loadScenario(text, file);

let bundle: Promise<string> | undefined;

/**
 * Bundles `scenarioWorker.ts` and the loader with esbuild into one ES module in the OS temp
 * folder, once per process and asynchronously (Node 20 cannot load TypeScript in a worker; the
 * same approach as the Monte Carlo pool). Resolves with '' when bundling fails: the worker then
 * boots through tsx instead, slower but the same code.
 */
function workerBundle(): Promise<string> {
  return (bundle ??= (async () => {
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'yanlian-parse-')), 'scenarioWorker.mjs');
      await build({
        entryPoints: [fileURLToPath(new URL('./scenarioWorker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: out,
        logLevel: 'silent',
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      });
      return out;
    } catch {
      return '';
    }
  })());
}

function tsxBoot(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
  const entry = new URL('./scenarioWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

export interface ScenarioParserOptions {
  /** a text still loading after this long is abandoned and the worker restarted (default 60 s) */
  timeoutMs?: number;
  /** the worker's heap limit, MiB (default 512): a text that needs more fails, the server lives on */
  memoryMb?: number;
}

/**
 * Loads scenario texts on one worker thread, so a big upload (seconds of parsing) does not hold
 * up other drills' WebSocket traffic. Jobs run one at a time in arrival order. The worker starts
 * on the first job and does not keep the process alive; a crash, a timeout or the heap limit
 * fails the jobs in flight and the next job starts a fresh worker. Results are frozen again
 * (structured cloning drops the loader's freeze).
 */
export class ScenarioParser {
  private worker: Promise<Worker> | null = null;
  /** the worker once it runs (to tell a stale worker's failure from the current one's) */
  private live: Worker | null = null;
  private readonly jobs = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: ScenarioParserOptions = {}) {}

  readonly parse: ParseScenario = async (text, file) => {
    if (this.closed) throw new Error('scenario parser closed');
    const w = await this.start();
    const id = this.nextId++;
    return new Promise<LoadResult>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(w, new Error(`still loading after ${(this.opts.timeoutMs ?? 60_000) / 1000} s`)), this.opts.timeoutMs ?? 60_000);
      this.jobs.set(id, { resolve, reject, timer });
      w.postMessage({ id, text, file } satisfies ParseJob);
    });
  };

  /** Starts the worker now (it also starts on the first job); resolves once it is running. */
  async warm(): Promise<void> {
    await this.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    if (w) this.fail(await w, new Error('scenario parser closed'));
  }

  private start(): Promise<Worker> {
    return (this.worker ??= (async () => {
      const file = await workerBundle();
      const resourceLimits = { maxOldGenerationSizeMb: this.opts.memoryMb ?? 512 };
      const w = file ? new Worker(file, { resourceLimits }) : new Worker(tsxBoot(), { eval: true, resourceLimits });
      w.unref();
      this.live = w;
      w.on('message', (m: ParseReply) => {
        const job = this.jobs.get(m.id);
        if (!job) return;
        this.jobs.delete(m.id);
        clearTimeout(job.timer);
        if ('error' in m) job.reject(new Error(m.error));
        else job.resolve(m.result.ok ? { ...m.result, scenario: deepFreeze(m.result.scenario) } : m.result);
      });
      w.on('error', (e) => this.fail(w, e));
      w.on('exit', (code) => this.fail(w, new Error(`scenario worker exited (${code})`)));
      return w;
    })());
  }

  /** Fails every job in flight and drops the worker; the next job starts a new one. A stale worker's late exit touches nothing. */
  private fail(w: Worker, e: Error): void {
    void w.terminate();
    if (this.live !== w) return;
    this.live = null;
    this.worker = null;
    for (const [id, job] of this.jobs) {
      clearTimeout(job.timer);
      job.reject(e);
      this.jobs.delete(id);
    }
  }
}
