/**
 * The README's per-scenario Monte Carlo table: for each shipped scenario, CPU µs per trial of
 * `runChunk` in this thread (process.cpuUsage, after a warm-up), and `runMonteCarlo` with 1 and 2
 * workers over twice as many trials (chunks of 100, after a small 2-worker run that builds the
 * worker bundle): wall trials/s and CPU µs per trial (process.cpuUsage counts every thread of
 * the process, so the 2-worker figure includes both workers' start-up and warm-up and the
 * merging main thread).
 * Usage: npx tsx bench/mcTable.ts [--scale K] [--only NAME] [--dir SCENARIOS]; figures vary with
 * machine load.
 */
import { loadScenarioFile } from '../engine/node/scenarioFile.ts';
import { runMonteCarlo } from '../engine/node/runMonteCarlo.ts';
import { mcLayout, mcMachines, runChunk } from '../engine/montecarlo/index.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const scale = Number(arg('--scale', '1'));
const only = arg('--only', '');
const dir = arg('--dir', 'scenarios');
// trials per measurement: the 120-day fire season and the earthquake cost more a trial
const cases: [string, number][] = [
  ['lezhi-rainstorm', 3000],
  ['jingyan-rainstorm', 3000],
  ['pinghu-typhoon', 2000],
  ['shidian-earthquake', 600],
  ['shidian-forest-fire', 600],
];
const cpu = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
console.log('| scenario | trials (pool: twice) | in-thread CPU µs/trial | 1 worker: trials/s (CPU µs/trial) | 2 workers: trials/s (CPU µs/trial) | 2 ÷ 1 workers: wall, per CPU second |');
console.log('|---|---|---|---|---|---|');
for (const [name, n0] of cases) {
  if (only && !name.includes(only)) continue;
  const n = Math.max(50, Math.round(n0 * scale));
  const r = loadScenarioFile(`${dir}/${name}.yaml`);
  if (!r.ok) throw new Error(`${name} does not load`);
  const s = r.scenario;
  const layout = mcLayout(s);
  runChunk(s, layout, 2, { index: 0, start: 0, count: Math.min(300, n) }, mcMachines, false); // warm-up
  let c0 = cpu();
  for (let start = 0; start < n; start += 200) runChunk(s, layout, 1, { index: 0, start, count: Math.min(200, n - start) }, mcMachines, false);
  const inThread = (cpu() - c0) / n;
  const pool = async (workers: number, trials: number) => {
    const t0 = performance.now();
    const c = cpu();
    await runMonteCarlo({ scenario: s, master: 1, trials, chunkSize: 100, workers });
    return { perS: trials / ((performance.now() - t0) / 1000), cpuUs: (cpu() - c) / trials };
  };
  await pool(2, Math.min(200, n)); // builds the worker bundle (once per process) outside the measurement
  const w1 = await pool(1, 2 * n);
  const w2 = await pool(2, 2 * n);
  const f = (x: number) => x.toFixed(0);
  console.log(`| ${name} | ${n} | ${f(inThread)} | ${f(w1.perS)} (${f(w1.cpuUs)}) | ${f(w2.perS)} (${f(w2.cpuUs)}) | ${(w2.perS / w1.perS).toFixed(2)}×, ${(w1.cpuUs / w2.cpuUs).toFixed(2)}× |`);
}
