import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A running `yanlian` process: its output so far, its end, and a way to wait for a line. */
export interface CliProcess {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** resolves once stderr matches (rejects if the process ends first or after `ms`) */
  waitErr: (re: RegExp, ms?: number) => Promise<void>;
}

/** Starts `node bin/yanlian.js …args` (shard locks of 2 s so a killed worker's shard is taken over quickly). */
export function yanlian(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { cwd: repo, env: { ...process.env, YANLIAN_QUEUE_LOCK_MS: '2000', ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitErr = async (re: RegExp, ms = 120_000) => {
    const t0 = Date.now();
    let ended = false;
    void done.then(() => (ended = true));
    while (!re.test(err)) {
      if (ended) throw new Error(`process ended before ${re}:\n${err}`);
      if (Date.now() - t0 > ms) throw new Error(`no ${re} within ${ms} ms:\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, out: () => out, err: () => err, done, waitErr };
}

/** Runs `yanlian …args` to the end. */
export async function yanlianRun(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = Date.now();
  const p = yanlian(args, env);
  const { code } = await p.done;
  return { code, out: p.out(), err: p.err(), ms: Date.now() - t0 };
}

/** Stops a process (SIGKILL unless told otherwise) and waits for it. */
export async function stop(p: CliProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.done;
}
