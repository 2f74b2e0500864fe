/**
 * The Monte Carlo table of every shipped scenario (both models), in one run:
 * - in-thread CPU µs per trial of the model's `runChunk` (process.cpuUsage, after a warm-up);
 * - the pool (`runModelMonteCarlo`, chunks of 100) with 1 worker (this thread) and 2 worker
 *   threads over twice as many trials: wall trials/s and CPU µs per trial (process.cpuUsage
 *   counts every thread of the process: the workers' start-up and warm-up and the merging main
 *   thread are in the 2-worker figure);
 * - the 2-worker scaling: wall (2-worker trials/s ÷ 1-worker trials/s: meaningful on an idle
 *   machine only) and CPU-normalised (2 × CPU µs per trial at 1 worker ÷ at 2 workers: the wall
 *   speed-up two workers give when each has a core; 2.00 when a second worker costs nothing
 *   extra per trial; the goal is ≥ 1.8);
 * - the CPU one worker thread costs to start and run its first trial (start-up: loading the
 *   compiled engine, building the scenario's world) minus the trial's own cost;
 * - with `--memory`: peak RSS of `yanlian simulate` (2 workers) in a child process for N and
 *   10 N trials (`--memory-trials N`, default 2,000 × scale; needs /usr/bin/time).
 * Usage: npx tsx bench/mcTable.ts [--scale K] [--only NAME] [--dir SCENARIOS] [--memory
 * [--memory-trials N]]; `npm run bench` prints it after the Lezhi fast/interactive lines.
 * Figures vary with machine load: compare within one run, and give the load with them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODELS } from '../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../engine/model/modelTypes.ts';
import { loadAnyScenarioFile } from '../engine/node/anyScenarioFile.ts';
import { runModelMonteCarlo } from '../engine/node/runModelMonteCarlo.ts';
import { cliBundle } from '../bin/cliBundle.js';

// worker threads start from the CLI's compiled worker, as `yanlian simulate` does (bin/yanlian.js)
const compiled = await cliBundle();
if (compiled) (globalThis as Record<symbol, unknown>)[Symbol.for('yanlian.mcWorker')] = compiled.mcWorker;

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const scale = Number(arg('--scale', '1'));
const only = arg('--only', '');
const dir = arg('--dir', 'scenarios');
const memory = process.argv.includes('--memory');
const memoryTrials = Number(arg('--memory-trials', String(Math.round(2000 * scale))));
// trials per measurement: the 120-day fire season and the earthquake cost more a trial
const cases: [string, number][] = [
  ['lezhi-rainstorm', 3000],
  ['jingyan-rainstorm', 3000],
  ['pinghu-typhoon', 2000],
  ['shidian-earthquake', 600],
  ['shidian-forest-fire', 600],
  ['school-fire-evacuation', 3000],
];
const cpu = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const f = (x: number) => x.toFixed(0);

/** Peak RSS (MB) of `yanlian simulate FILE --trials N --workers 2` in a child process, or NaN without /usr/bin/time. */
function peakRssMb(file: string, trials: number): number {
  if (!existsSync('/usr/bin/time')) return NaN;
  const out = mkdtempSync(join(tmpdir(), 'yanlian-bench-'));
  try {
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, 'bin/yanlian.js', 'simulate', file, '--trials', String(trials), '--seed', '1', '--workers', '2', '--json', join(out, 's.json')], { encoding: 'utf8' });
    const m = /maxrss (\d+)/.exec(r.stderr);
    return m ? Number(m[1]) / 1024 : NaN;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function row<K extends ModelId>(name: string, model: K, s: ScenarioOf<K>, n: number): Promise<string> {
  const mc = MODELS[model].mc;
  const layout = mc.layout(s);
  mc.runChunk(s, layout, 2, { index: 0, start: 0, count: Math.min(300, n) }, false); // warm-up
  const c0 = cpu();
  for (let start = 0; start < n; start += 200) mc.runChunk(s, layout, 1, { index: 0, start, count: Math.min(200, n - start) }, false);
  const inThread = (cpu() - c0) / n;
  const pool = async (workers: number, trials: number, chunkSize = 100) => {
    const t0 = performance.now();
    const c = cpu();
    await runModelMonteCarlo(model, s, { master: 1, trials, chunkSize, workers });
    return { perS: trials / ((performance.now() - t0) / 1000), cpuUs: (cpu() - c) / trials, cpuMs: (cpu() - c) / 1000 };
  };
  // two workers running one trial each: their start-up (the trial's own cost taken off)
  const start2 = await pool(2, 2, 1);
  const startupMs = (start2.cpuMs - (2 * inThread) / 1000) / 2;
  const w1 = await pool(1, 2 * n);
  const w2 = await pool(2, 2 * n);
  const cells = [
    name,
    String(n),
    f(inThread),
    `${f(w1.perS)} (${f(w1.cpuUs)})`,
    `${f(w2.perS)} (${f(w2.cpuUs)})`,
    `${(w2.perS / w1.perS).toFixed(2)}×, ${((2 * w1.cpuUs) / w2.cpuUs).toFixed(2)}×`,
    f(startupMs),
  ];
  if (memory) {
    const a = peakRssMb(`${dir}/${name}.yaml`, memoryTrials);
    const b = peakRssMb(`${dir}/${name}.yaml`, 10 * memoryTrials);
    cells.push(`${f(a)} / ${f(b)} (${(b / a).toFixed(2)})`);
  }
  return `| ${cells.join(' | ')} |`;
}

const head = ['scenario', 'trials (pool: twice)', 'in-thread CPU µs/trial', '1 worker: trials/s (CPU µs/trial)', '2 workers: trials/s (CPU µs/trial)', '2 ÷ 1 workers: wall, CPU-normalised', 'worker start-up, CPU ms'];
if (memory) head.push(`peak RSS MB, ${memoryTrials} / ${10 * memoryTrials} trials (ratio)`);
console.log(`Monte Carlo table — Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the start`);
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const [name, n0] of cases) {
  if (only && !name.includes(only)) continue;
  const file = `${dir}/${name}.yaml`;
  if (!existsSync(file)) continue;
  const n = Math.max(50, Math.round(n0 * scale));
  const r = loadAnyScenarioFile(file);
  if (!r.ok) throw new Error(`${name} does not load`);
  console.log(await row(name, r.model, r.scenario as never, n));
}
console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
