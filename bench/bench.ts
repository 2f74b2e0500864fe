/**
 * `npm run bench`: throughput of the engine on the default scenario, in one run, against its
 * baselines — the fast path (compiled statecharts, sfc32) with 1 and 2 workers, and the
 * interactive path (the same machines as live XState actors with the event log, exactly as a
 * drill runs them, on seedrandom's default ARC4 generator). Prints trials per second and the
 * ratios. Then the
 * Monte Carlo table of every shipped scenario (bench/mcTable.ts: CPU µs/trial, trials/s at 1 and
 * 2 workers, the CPU-normalised 2-worker scaling, worker start-up, and with `--memory` peak RSS
 * of `yanlian simulate` at N and 10 N trials), at `--scale` (default 0.5 here).
 * Figures vary with machine load: compare ratios within one run.
 */
import { availableParallelism } from 'node:os';
import seedrandom from 'seedrandom';
import { loadScenarioFile } from '../engine/node/scenarioFile.ts';
import { runMonteCarlo } from '../engine/node/runMonteCarlo.ts';
import { deriveSeed, runTrial, xstateMachines } from '../engine/index.ts';

const file = process.argv.find((a) => a.endsWith('.yaml')) ?? 'scenarios/lezhi-rainstorm.yaml';
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FAST_TRIALS = arg('--trials', 4000);
const SLOW_TRIALS = arg('--interactive-trials', 300);
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  console.error(`${file} does not load`);
  process.exit(2);
}
const scenario = loaded.scenario;
const master = 20261125;

async function fast(workers: number, trials: number): Promise<number> {
  const t0 = performance.now();
  await runMonteCarlo({ scenario, master, trials, chunkSize: 200, workers });
  return trials / ((performance.now() - t0) / 1000);
}

function interactive(trials: number): number {
  const t0 = performance.now();
  for (let i = 0; i < trials; i++)
    runTrial(scenario, deriveSeed(master, 'trial', i), xstateMachines, {
      generator: (seed) => {
        const r = seedrandom(String(seed));
        return { next: () => r() };
      },
    });
  return trials / ((performance.now() - t0) / 1000);
}

const f = (x: number) => x.toFixed(x < 100 ? 1 : 0);
console.log(`yanlian bench — ${file} (${scenario.region.villages.length} villages, ${scenario.roads.links.length} links, ${scenario.hazardSites.length} sites); Node ${process.version}, ${availableParallelism()} CPUs`);
// warm up both paths so the JIT has compiled them
await fast(1, 200);
interactive(20);
const fast1 = await fast(1, FAST_TRIALS);
const fast2 = await fast(2, FAST_TRIALS);
const slow = interactive(SLOW_TRIALS);
console.log(`fast path, 1 worker:        ${f(fast1)} trials/s  (${f(1e6 / fast1)} µs/trial, ${FAST_TRIALS} trials)`);
console.log(`fast path, 2 workers:       ${f(fast2)} trials/s  (${FAST_TRIALS} trials)`);
console.log(`interactive path (XState actors + event log + seedrandom ARC4): ${f(slow)} trials/s  (${f(1e6 / slow)} µs/trial, ${SLOW_TRIALS} trials)`);
console.log(`ratio fast(1 worker) / interactive: ${(fast1 / slow).toFixed(1)}×   (goal ≥ 20×)`);
console.log(`ratio 2 workers / 1 worker:         ${(fast2 / fast1).toFixed(2)}×  (goal ≥ 1.7×)`);
console.log(`1,000,000 trials at the 2-worker rate: ${f(1e6 / fast2)} s  (goal < 60 s)`);
console.log('');
if (!process.argv.includes('--scale')) process.argv.push('--scale', '0.5');
await import('./mcTable.ts');
