// The Monte Carlo on a Redis queue (src/queue), end to end: a real redis-server on loopback
// (test/queue/redisServer.ts), `yanlian worker` processes and `yanlian simulate --queue`.
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { CliExit } from '../../src/cli/cliExit.ts';
import { QUEUE_NAME, QUEUE_PROTOCOL, type ShardJob } from '../../src/queue/queueKeys.ts';
import { parseQueueUrl } from '../../src/queue/queueUrl.ts';
import { CONNECT_DEADLINE_MS, connectRedis } from '../../src/queue/redisConnect.ts';
import { repo, stop, yanlian, yanlianRun, type CliProcess } from './cliProcess.ts';
import { freePort, startRedis, type TestRedis } from './redisServer.ts';

const COUNTY = 'scenarios/lezhi-rainstorm.yaml';
const EVAC = 'scenarios/school-fire-evacuation.yaml';
const TRIALS = { [COUNTY]: 240, [EVAC]: 120 } as const;
const SEED = '11';

let redis: TestRedis;
let dir: string;
const local: Record<string, string> = {};
const procs: CliProcess[] = [];

function worker(concurrency = 1): CliProcess {
  const p = yanlian(['worker', '--queue', redis.url, '--concurrency', String(concurrency), '--lang', 'en']);
  procs.push(p);
  return p;
}
function coordinator(file: keyof typeof TRIALS, shard: number, out: string): CliProcess {
  const p = yanlian(['simulate', file, '--trials', String(TRIALS[file]), '--seed', SEED, '--queue', redis.url, '--shard-size', String(shard), '--json', join(dir, out), '--lang', 'en']);
  procs.push(p);
  return p;
}
const json = (name: string) => readFileSync(join(dir, name), 'utf8');
const shardKeys = () => redis.client.keys('yanlian:run:*:shard:*');

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'yanlian-queue-'));
  // the local runs every queued run must match byte for byte
  await Promise.all(
    [COUNTY, EVAC].map(async (f) => {
      const out = join(dir, `local-${basename(f)}.json`);
      const r = await yanlianRun(['simulate', f, '--trials', String(TRIALS[f as keyof typeof TRIALS]), '--seed', SEED, '--workers', '1', '--json', out]);
      expect(r.code, r.err).toBe(0);
      local[f] = readFileSync(out, 'utf8');
    }),
  );
}, 180_000);

afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => stop(p)));
  await redis.client.flushall();
});

afterAll(async () => {
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('simulate --queue with yanlian worker processes', () => {
  it('gives the local run byte for byte, for two models, several shard sizes and two worker processes', async () => {
    worker();
    worker();
    for (const [file, shard] of [
      [COUNTY, 17],
      [COUNTY, 240],
      [EVAC, 13],
    ] as const) {
      const c = coordinator(file, shard, `q-${shard}.json`);
      const { code } = await c.done;
      expect(code, c.err()).toBe(0);
      expect(c.err()).toMatch(new RegExp(`as ${Math.ceil(TRIALS[file] / shard)} shards of ${shard} on the queue redis://:\\*\\*\\*@127\\.0\\.0\\.1`));
      expect(c.err()).not.toContain('yanlian-test-pw');
      expect(json(`q-${shard}.json`)).toBe(local[file]);
    }
    // both workers took shards; finished runs leave no shard results behind
    expect(procs[0]!.err()).toMatch(/shard \w+#\d+: trials/);
    expect(procs[1]!.err()).toMatch(/shard \w+#\d+: trials/);
    expect(await shardKeys()).toEqual([]);
  }, 400_000);

  it('a worker killed in the middle of a shard: the shard is retried on another worker and counted once', async () => {
    const a = worker();
    await a.waitErr(/worker connected/);
    const c = coordinator(COUNTY, 80, 'q-kill.json');
    const active = new Queue<ShardJob>(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, password: 'yanlian-test-pw' } });
    try {
      let running: number | null = null;
      for (const t0 = Date.now(); running === null && Date.now() - t0 < 120_000; await new Promise((r) => setTimeout(r, 50))) {
        const jobs = await active.getActive();
        if (jobs[0]) running = jobs[0].data.index;
      }
      expect(running).not.toBeNull();
      expect(await redis.client.exists(`yanlian:run:${(await active.getActive())[0]?.data.runId}:shard:${running}`)).toBe(0);
      await stop(a); // SIGKILL, mid-shard
      const b = worker();
      const { code } = await c.done;
      expect(code, c.err()).toBe(0);
      expect(json('q-kill.json')).toBe(local[COUNTY]);
      expect(b.err()).toMatch(new RegExp(`#${running}: trials ${running! * 80}–`));
    } finally {
      await active.close();
    }
  }, 400_000);

  it('a coordinator restarted mid-run picks up the shards finished before', async () => {
    worker();
    const c1 = coordinator(COUNTY, 30, 'q-restart.json');
    for (const t0 = Date.now(); (await shardKeys()).length < 2; await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() - t0 > 120_000) throw new Error(`no shard finished:\n${c1.err()}`);
    }
    await stop(c1); // SIGKILL: nothing written
    expect(() => json('q-restart.json')).toThrow();
    const c2 = coordinator(COUNTY, 30, 'q-restart.json');
    const { code } = await c2.done;
    expect(code, c2.err()).toBe(0);
    expect(c2.err()).toMatch(/picked up [2-8] finished shard\(s\) from Redis/);
    expect(json('q-restart.json')).toBe(local[COUNTY]);
  }, 400_000);

  it('a worker refuses a shard whose scenario hash or engine version differs, with the reason; the coordinator stops with it', async () => {
    // the scenario in Redis no longer matches the coordinator's hash
    const c = coordinator(EVAC, 60, 'q-bad.json');
    await c.waitErr(/simulating 120 trials/);
    const sha = createHash('sha256').update(readFileSync(join(repo, EVAC), 'utf8')).digest('hex');
    await new Promise((r) => setTimeout(r, 500)); // the coordinator publishes the scenario, then queues
    expect(await redis.client.set(`yanlian:scenario:${sha}`, 'model: evacuation\n# changed\n', 'KEEPTTL')).toBe('OK');
    const w = worker();
    const { code } = await c.done;
    expect(code).toBe(3);
    expect(c.err()).toMatch(/shard 0 \(trials 0–59\) failed: refused: scenario hash differs \(the job wants [0-9a-f]{12}, the scenario text in Redis hashes to [0-9a-f]{12}\)/);
    expect(c.err()).not.toMatch(/\n\s+at /); // no stack trace
    expect(w.err()).toMatch(/refused: scenario hash differs/);

    // a job from a coordinator of another engine version
    const q = new Queue<ShardJob>(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, password: 'yanlian-test-pw' } });
    try {
      const job = await q.add('shard', { runId: 'other', model: 'county', scenarioSha256: sha, engineVersion: '0.0.0-elsewhere', protocol: QUEUE_PROTOCOL, master: 1, withCsv: false, index: 0, start: 0, count: 1 }, { jobId: 'other-0' });
      for (const t0 = Date.now(); !(await job.isFailed()); await new Promise((r) => setTimeout(r, 100))) if (Date.now() - t0 > 60_000) throw new Error('not refused');
      const failed = await q.getJob('other-0');
      expect(failed!.failedReason).toBe(`refused: engine version differs (coordinator 0.0.0-elsewhere, this worker ${ENGINE_VERSION}); install the same yanlian version on every machine`);
      expect(failed!.attemptsMade).toBe(1); // refused for good, not retried
    } finally {
      await q.close();
    }
  }, 400_000);

  it('Redis unreachable or the password wrong: a clear message and exit 4, no hang', async () => {
    const closed = await freePort();
    const [sim, work, wrong, bad] = await Promise.all([
      yanlianRun(['simulate', COUNTY, '--trials', '10', '--seed', '1', '--queue', `redis://127.0.0.1:${closed}`, '--lang', 'en']),
      yanlianRun(['worker', '--queue', `redis://:secret@127.0.0.1:${closed}`]),
      yanlianRun(['simulate', COUNTY, '--trials', '10', '--seed', '1', '--queue', `redis://:wrong-pw@127.0.0.1:${redis.port}`, '--lang', 'en']),
      yanlianRun(['simulate', COUNTY, '--trials', '10', '--seed', '1', '--queue', 'http://:pw@127.0.0.1:1', '--lang', 'en']),
    ]);
    expect(sim.code).toBe(4);
    expect(sim.err).toMatch(new RegExp(`^cannot reach the Redis queue at redis://127\\.0\\.0\\.1:${closed}: connect ECONNREFUSED`));
    expect(work.code).toBe(4);
    expect(work.err).toMatch(/^无法连接 Redis 队列 redis:\/\/:\*\*\*@127\.0\.0\.1:\d+：connect ECONNREFUSED/);
    expect(wrong.code).toBe(4);
    expect(wrong.err).toMatch(/WRONGPASS/);
    expect(wrong.err).not.toContain('wrong-pw');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^invalid queue URL: http:\/\/:\*\*\*@127\.0\.0\.1:1 /);
    for (const r of [sim, work, wrong, bad]) expect(r.err).not.toMatch(/\n\s+at /);
  }, 240_000);

  it('gives up on a host that accepts the connection and never answers within the connect deadline', async () => {
    // (timed in this process: the CLI's own start-up under load says nothing about the deadline)
    const silent = createServer(() => {}); // accepts, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      for (const [url, re] of [
        [`redis://127.0.0.1:${port}`, /^cannot reach the Redis queue at redis:\/\/127\.0\.0\.1:\d+: /],
        [`redis://127.0.0.1:${await freePort()}`, /ECONNREFUSED/],
      ] as const) {
        const t0 = performance.now();
        const e = await connectRedis(parseQueueUrl(url)!, 'en').then(
          () => null,
          (x: unknown) => x,
        );
        const ms = performance.now() - t0;
        expect(e).toBeInstanceOf(CliExit);
        expect((e as CliExit).code).toBe(4);
        expect((e as CliExit).message).toMatch(re);
        expect(ms).toBeLessThan(CONNECT_DEADLINE_MS + 1000);
      }
    } finally {
      silent.close();
    }
  }, 30_000);
});
