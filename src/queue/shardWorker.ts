import { UnrecoverableError, Worker as BullWorker, type Job } from 'bullmq';
import type { Worker as Thread } from 'node:worker_threads';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import { loadAnyScenario } from '../../engine/model/loadAnyScenario.ts';
import type { Chunk } from '../../engine/montecarlo/runChunk.ts';
import type { SparseCounts } from '../../engine/montecarlo/sparseCounts.ts';
import { startWorker } from '../../engine/node/chunkPool.ts';
import type { McShardRequest, McWorkerData, McWorkerReply } from '../../engine/node/mcWorker.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { QUEUE_NAME, QUEUE_PROTOCOL, RESULT_TTL_S, scenarioKey, shardKey, type ShardJob } from './queueKeys.ts';
import { qmsg } from './queueMessages.ts';
import type { QueueTarget } from './queueUrl.ts';
import { bullConnection, closeWithin, connectRedis } from './redisConnect.ts';
import { encodeShard } from './shardCodec.ts';

/** How a shard worker runs: how many shards at once, how long a shard's lock lasts, where it logs. */
export interface ShardWorkerOptions {
  target: QueueTarget;
  lang: Lang;
  /** shards run at once, each on its own thread */
  concurrency: number;
  /**
   * a shard's lock (ms): renewed every half of it while the shard runs; a worker that dies keeps
   * it this long before another takes the shard (default 30 s; env YANLIAN_QUEUE_LOCK_MS)
   */
  lockMs?: number;
  say?: (line: string) => void;
}

/** One compute thread (engine/node/mcWorker.ts, started without a run) and the shard it is running. */
class ShardThread {
  private thread: Thread = startWorker(null);
  private waiting: { resolve: (r: { counts: SparseCounts; csv: string | null }) => void; reject: (e: Error) => void } | null = null;

  constructor() {
    this.listen();
  }

  private listen(): void {
    const t = this.thread;
    t.on('message', (m: McWorkerReply) => {
      const w = this.waiting;
      this.waiting = null;
      if (!w) return;
      if (m.type === 'error') w.reject(new Error(m.message));
      else w.resolve({ counts: m.counts, csv: m.csv });
    });
    const fail = (e: Error) => {
      const w = this.waiting;
      this.waiting = null;
      w?.reject(e);
      // a thread that died is replaced for the next shard
      if (this.thread === t) {
        this.key = null;
        this.thread = startWorker(null);
        this.listen();
      }
    };
    t.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    t.on('exit', (code) => fail(new Error(`compute thread stopped (exit code ${code})`)));
  }

  /** the run the thread has set up (its scenario is sent once per run, not with every shard) */
  private key: string | null = null;

  run(key: string, setup: () => McWorkerData, chunk: Chunk): Promise<{ counts: SparseCounts; csv: string | null }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      const msg: McShardRequest = this.key === key ? { type: 'shard', key, chunk } : { type: 'shard', key, setup: setup(), chunk };
      this.key = key;
      this.thread.postMessage(msg);
    });
  }

  async stop(): Promise<void> {
    const t = this.thread;
    t.removeAllListeners();
    await t.terminate();
  }
}

/**
 * `yanlian worker`: takes shard jobs from the BullMQ queue and runs each on a compute thread with
 * the model's chunk runner — the same code and seeds as the local pool — after checking that the
 * job's engine version is this one and that the scenario text published in Redis hashes to the
 * job's SHA-256; otherwise it refuses the job with the reason (the coordinator prints it). The
 * aggregate is stored in Redis (TTL) before the job completes. `stop` lets the current shards
 * finish, then closes the connections and threads.
 */
export async function startShardWorker(o: ShardWorkerOptions): Promise<{ stop: () => Promise<void> }> {
  const say = o.say ?? ((line: string) => process.stderr.write(line + '\n'));
  const client = await connectRedis(o.target, o.lang);
  const lockMs = o.lockMs ?? (Number(process.env.YANLIAN_QUEUE_LOCK_MS) || 30_000);
  const threads = Array.from({ length: o.concurrency }, () => new ShardThread());
  const free = [...threads];
  /** scenarios loaded, by SHA-256 (the last few) */
  const loaded = new Map<string, McWorkerData['scenario']>();

  const refuse = (key: Parameters<typeof qmsg>[1], params: Record<string, string>) => new UnrecoverableError(qmsg(o.lang, key, params));

  const scenarioOf = async (d: ShardJob): Promise<McWorkerData['scenario']> => {
    const hit = loaded.get(d.scenarioSha256);
    if (hit) return hit;
    const text = await client.get(scenarioKey(d.scenarioSha256));
    if (text === null) throw refuse('refuseMissing', { want: d.scenarioSha256.slice(0, 12) });
    const got = sha256Hex(text);
    if (got !== d.scenarioSha256) throw refuse('refuseScenario', { want: d.scenarioSha256.slice(0, 12), got: got.slice(0, 12) });
    const r = loadAnyScenario(text, `redis:${got.slice(0, 12)}`, o.lang);
    if (!r.ok) throw refuse('refuseInvalid', { want: got.slice(0, 12), detail: r.problems[0]?.message ?? '?' });
    if (r.model !== d.model) throw refuse('refuseInvalid', { want: got.slice(0, 12), detail: `model ${r.model} ≠ ${d.model}` });
    if (loaded.size >= 8) loaded.delete(loaded.keys().next().value!);
    loaded.set(got, r.scenario);
    return r.scenario;
  };

  const process_ = async (job: Job<ShardJob>): Promise<{ ms: number }> => {
    const d = job.data;
    if (d.engineVersion !== ENGINE_VERSION) throw refuse('refuseEngine', { theirs: d.engineVersion, ours: ENGINE_VERSION });
    if (d.protocol !== QUEUE_PROTOCOL) throw refuse('refuseEngine', { theirs: `${d.engineVersion} (queue protocol ${d.protocol})`, ours: `${ENGINE_VERSION} (queue protocol ${QUEUE_PROTOCOL})` });
    const scenario = await scenarioOf(d);
    const t0 = performance.now();
    const thread = free.pop()!;
    try {
      const setup = () => ({ model: d.model, scenario, master: d.master, withCsv: d.withCsv }) as McWorkerData;
      const r = await thread.run(`${d.scenarioSha256}:${d.master}:${d.withCsv}`, setup, { index: d.index, start: d.start, count: d.count });
      await client.set(shardKey(d.runId, d.index), encodeShard(r.counts, d.withCsv ? r.csv : null), 'EX', RESULT_TTL_S);
    } finally {
      free.push(thread);
    }
    const ms = performance.now() - t0;
    say(qmsg(o.lang, 'workerShard', { run: d.runId.slice(0, 8), index: d.index, from: d.start, to: d.start + d.count - 1, secs: (ms / 1000).toFixed(2) }));
    return { ms: Math.round(ms) };
  };

  const worker = new BullWorker<ShardJob>(QUEUE_NAME, process_, {
    connection: bullConnection(o.target),
    concurrency: o.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(500, Math.round(lockMs / 2)),
    maxStalledCount: 5,
  });
  let lastError = 0;
  worker.on('error', (e) => {
    const now = Date.now();
    if (now - lastError < 5000) return;
    lastError = now;
    say(qmsg(o.lang, 'workerRedisError', { detail: e.message }));
  });
  worker.on('failed', (job, e) => {
    if (job) say(qmsg(o.lang, 'workerRefused', { run: job.data.runId.slice(0, 8), index: job.data.index, reason: e.message }));
  });
  await worker.waitUntilReady();
  say(qmsg(o.lang, 'workerStart', { url: o.target.shown, concurrency: o.concurrency, version: ENGINE_VERSION }));

  let closing: Promise<void> | null = null;
  const stop = () =>
    (closing ??= (async () => {
      await worker.close();
      await Promise.all(threads.map((t) => t.stop()));
      await closeWithin(2000, () => client.quit());
      client.disconnect();
    })());
  return { stop };
}
