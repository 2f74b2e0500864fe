/**
 * `npm run bench:queue`: the Monte Carlo through the Redis queue (src/queue) against the
 * in-process pool, on the default scenario. Starts a throw-away redis-server on loopback, then
 * for 1, 2 and 4 `yanlian worker` processes (one compute thread each) runs the same trials with
 * the coordinator in this process, and the same trials on the in-process pool with as many
 * threads; prints trials per second, the queue/pool ratio and the overhead per shard (queue time
 * minus pool time at one worker, per shard, at two shard sizes). Figures vary with machine load
 * and core count: compare within one run. Options: --trials N (2000), --shard S (100), --small S (10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../engine/node/scenarioFile.ts';
import { runModelMonteCarlo } from '../engine/node/runModelMonteCarlo.ts';
import { runQueueMonteCarlo } from '../src/queue/queueCoordinator.ts';
import { parseQueueUrl } from '../src/queue/queueUrl.ts';
import { startRedis } from '../test/queue/redisServer.ts';

const file = process.argv.find((a) => a.endsWith('.yaml')) ?? 'scenarios/lezhi-rainstorm.yaml';
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const TRIALS = arg('--trials', 2000);
const SHARD = arg('--shard', 100);
const SMALL = arg('--small', 10);
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  console.error(`${file} does not load`);
  process.exit(2);
}
const scenario = loaded.scenario;
const text = readFileSync(file, 'utf8');
const master = 20261125;

const redis = await startRedis();
const target = parseQueueUrl(redis.url)!;

/** Starts n `yanlian worker` processes and waits until each is connected. */
async function startWorkers(n: number): Promise<ChildProcess[]> {
  const procs = Array.from({ length: n }, () =>
    spawn(process.execPath, [fileURLToPath(new URL('../bin/yanlian.js', import.meta.url)), 'worker', '--queue', redis.url, '--concurrency', '1', '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          let err = '';
          p.stderr!.on('data', (d: Buffer) => {
            err += d.toString();
            if (err.includes('worker connected')) resolve();
          });
          p.once('exit', () => reject(new Error(`worker exited:\n${err}`)));
        }),
    ),
  );
  return procs;
}

async function stopWorkers(procs: ChildProcess[]): Promise<void> {
  await Promise.all(
    procs.map((p) => {
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGKILL');
      return gone;
    }),
  );
  await redis.client.flushall();
}

/** Seconds for the trials through the queue. */
async function queued(shard: number): Promise<number> {
  const t0 = performance.now();
  await runQueueMonteCarlo('county', scenario, { master, trials: TRIALS, chunkSize: shard, target, lang: 'en', scenarioText: text, say: () => {} });
  return (performance.now() - t0) / 1000;
}

/** Seconds for the trials on the in-process pool. */
async function pooled(workers: number, chunk: number): Promise<number> {
  const t0 = performance.now();
  await runModelMonteCarlo('county', scenario, { master, trials: TRIALS, chunkSize: chunk, workers });
  return (performance.now() - t0) / 1000;
}

const f = (x: number) => x.toFixed(x < 100 ? 1 : 0);
console.log(`${file}: ${TRIALS} trials, shards of ${SHARD}; ${availableParallelism()} CPU cores; redis-server on loopback`);
console.log('processes  pool trials/s  queue trials/s  queue/pool');
try {
  let queue1 = 0;
  let pool1 = 0;
  for (const n of [1, 2, 4]) {
    const pool = await pooled(n, SHARD);
    const procs = await startWorkers(n);
    const q = await queued(SHARD);
    await stopWorkers(procs);
    if (n === 1) [queue1, pool1] = [q, pool];
    console.log(`${String(n).padStart(9)}  ${f(TRIALS / pool).padStart(13)}  ${f(TRIALS / q).padStart(14)}  ${(pool / q).toFixed(2).padStart(10)}`);
  }
  // the overhead per shard: the queue's extra time at one worker, per shard, at two shard sizes
  const procs = await startWorkers(1);
  const qSmall = await queued(SMALL);
  await stopWorkers(procs);
  const poolSmall = await pooled(1, SMALL);
  const per = (q: number, p: number, shard: number) => (((q - p) / Math.ceil(TRIALS / shard)) * 1000).toFixed(1);
  console.log(`overhead per shard (1 worker): ${per(queue1, pool1, SHARD)} ms with shards of ${SHARD}, ${per(qSmall, poolSmall, SMALL)} ms with shards of ${SMALL}`);
} finally {
  await redis.stop();
}
