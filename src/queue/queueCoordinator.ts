import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import { MODELS } from '../../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../../engine/model/modelTypes.ts';
import { MergeScheduler } from '../../engine/montecarlo/mergeScheduler.ts';
import type { McPoolOptions } from '../../engine/node/chunkPool.ts';
import type { ModelMcRunResult } from '../../engine/node/runModelMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from '../cli/cliExit.ts';
import { QUEUE_NAME, QUEUE_PROTOCOL, RESULT_TTL_S, runIdOf, scenarioKey, shardJobId, shardKey, type ShardJob } from './queueKeys.ts';
import { qmsg } from './queueMessages.ts';
import type { QueueTarget } from './queueUrl.ts';
import { bullConnection, closeWithin, connectRedis } from './redisConnect.ts';
import { decodeShard } from './shardCodec.ts';

/** A Monte Carlo on the Redis queue: the local pool's options (chunkSize is the shard size) and where the queue is. */
export interface QueueRunOptions extends Omit<McPoolOptions, 'workers'> {
  target: QueueTarget;
  lang: Lang;
  /** the scenario exactly as loaded (the file text; a sweep run's JSON): workers load it from Redis */
  scenarioText: string;
  /** shards in the queue ahead of the merge point at most (default 256) */
  window?: number;
  /** give up when Redis has not answered for this long (default 10 s) */
  lostAfterMs?: number;
  /** status lines (start, resumed shards, waiting for workers): stderr by default */
  say?: (line: string) => void;
}

/** How often the coordinator looks for finished shards when no event woke it. */
const POLL_MS = 250;

/**
 * The coordinator of a Monte Carlo on BullMQ: publishes the scenario text in Redis, queues the
 * trial ranges as shard jobs (ids from the run id, so a restarted coordinator re-queues nothing
 * that is queued or finished), takes the shards' results from Redis as workers store them and
 * merges them with the one `MergeScheduler` — in trial order, each shard once — into the same
 * aggregate the local pool builds: the summary is byte-identical for any worker count and shard
 * size. Shard results stay in Redis (TTL 2 days) until the run is complete, so a coordinator
 * started again with the same arguments picks up the finished shards. Ctrl-C (`shouldStop`)
 * withdraws the shards not yet started and merges those running, as the local run does.
 */
export async function runQueueMonteCarlo<K extends ModelId>(id: K, scenario: ScenarioOf<K>, o: QueueRunOptions): Promise<ModelMcRunResult<K>> {
  const say = o.say ?? ((line: string) => process.stderr.write(line + '\n'));
  const mc = MODELS[id].mc;
  const layout = mc.layout(scenario);
  const agg = mc.createAggregate(layout);
  const size = agg.counts.length;
  const withCsv = o.withCsv ?? false;
  const sha = sha256Hex(o.scenarioText);
  const runId = runIdOf({ model: id, scenarioSha256: sha, master: o.master, trials: o.trials, shardSize: o.chunkSize, engineVersion: ENGINE_VERSION, withCsv });
  const sched = new MergeScheduler({
    trials: o.trials,
    chunkSize: o.chunkSize,
    agg,
    maxSe: (a) => mc.maxSe(layout, a),
    untilSe: o.untilSe ?? null,
    window: o.window ?? 256,
    onChunk: o.onChunk,
  });

  const client = await connectRedis(o.target, o.lang);
  const connection = bullConnection(o.target);
  const queue = new Queue<ShardJob>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => {}); // a lost connection shows as failing calls, handled below
  events.on('error', () => {});
  let wake: (() => void) | null = null;
  const failed = new Map<number, string>();
  const prefix = `${runId}-`;
  const ours = (jobId: string): number | null => (jobId.startsWith(prefix) ? Number(jobId.slice(prefix.length)) : null);
  events.on('completed', ({ jobId }) => {
    if (ours(jobId) !== null) wake?.();
  });
  events.on('failed', ({ jobId, failedReason }) => {
    const i = ours(jobId);
    if (i === null) return;
    failed.set(i, failedReason);
    wake?.();
  });

  const received = new Set<number>();
  let resumed = 0;
  let lostSince: number | null = null;
  let lastProgress = Date.now();
  let warnedIdle = false;
  const lostAfter = o.lostAfterMs ?? 10_000;

  /** Runs a Redis call; a failure (Redis gone) is tolerated until `lostAfter`, then ends the command with exit 4. */
  const redis = async <T>(call: () => Promise<T>): Promise<T | null> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const r = await Promise.race([
        call(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(o.lang === 'zh' ? 'Redis 无响应' : 'Redis does not answer')), lostAfter);
        }),
      ]);
      lostSince = null;
      return r;
    } catch (e) {
      const now = Date.now();
      lostSince ??= now;
      if (now - lostSince >= lostAfter)
        throw new CliExit(EXIT.unavailable, qmsg(o.lang, 'lost', { url: o.target.shown, secs: Math.round(lostAfter / 1000), detail: e instanceof Error ? e.message : String(e) }));
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

  /** Merges whatever results of the given shards Redis holds; true if any was new. */
  const collect = async (indices: number[]): Promise<number> => {
    const todo = indices.filter((i) => !received.has(i));
    if (todo.length === 0) return 0;
    const texts = await redis(() => client.mget(todo.map((i) => shardKey(runId, i))));
    if (!texts) return 0;
    let n = 0;
    todo.forEach((i, k) => {
      const text = texts[k];
      if (!text) return;
      let shard: ReturnType<typeof decodeShard>;
      try {
        shard = decodeShard(text, size);
      } catch (e) {
        const c = sched.chunks[i]!;
        throw new CliExit(EXIT.internal, qmsg(o.lang, 'shardFailed', { index: i, from: c.start, to: c.start + c.count - 1, reason: e instanceof Error ? e.message : String(e) }));
      }
      const { counts, csv } = shard;
      received.add(i);
      sched.accept({ index: i, agg: counts, csv: withCsv ? csv : null });
      n++;
    });
    return n;
  };

  /** Shards handed out by the scheduler and not yet queued (Redis may have refused them a moment ago). */
  const unqueued: number[] = [];
  /** Queues the shards handed out by the scheduler whose results are not in Redis already. */
  const fill = async (): Promise<void> => {
    for (let c = sched.next(); c; c = sched.next()) unqueued.push(c.index);
    if (unqueued.length === 0) return;
    resumed += await collect(unqueued);
    const jobs: { name: string; data: ShardJob; opts: JobsOptions }[] = [];
    for (const index of unqueued) {
      if (received.has(index)) continue;
      const jobId = shardJobId(runId, index);
      // a shard of an earlier start that failed (a refusal, say) is queued afresh
      const old = await redis(() => queue.getJob(jobId));
      if (old && (await redis(() => old.isFailed()))) await redis(() => old.remove());
      const c = sched.chunks[index]!;
      const data: ShardJob = { runId, model: id, scenarioSha256: sha, engineVersion: ENGINE_VERSION, protocol: QUEUE_PROTOCOL, master: o.master, withCsv, index, start: c.start, count: c.count };
      jobs.push({ name: 'shard', data, opts: { jobId, attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: RESULT_TTL_S } } });
    }
    // the same job id twice is one job: queuing again after a failed call is harmless
    if (jobs.length === 0 || (await redis(() => queue.addBulk(jobs)))) unqueued.length = 0;
  };

  /**
   * Removes this run's queued shards in [from, to) that no worker has started (a running one cannot
   * be removed: its result still comes); returns the indices removed.
   */
  const removeQueued = async (from: number, to: number): Promise<number[]> => {
    const removed: number[] = [];
    for (let i = from; i < to; i++) {
      if (received.has(i)) continue;
      const job = await redis(() => queue.getJob(shardJobId(runId, i)));
      if (!job) continue;
      try {
        await job.remove();
        removed.push(i);
      } catch {
        // running on a worker
      }
    }
    return removed;
  };

  say(qmsg(o.lang, 'queueStart', { trials: o.trials, shards: sched.chunks.length, shard: o.chunkSize, url: o.target.shown, runId }));
  let interrupted = false;
  try {
    if (!(await redis(() => client.set(scenarioKey(sha), o.scenarioText, 'EX', RESULT_TTL_S))))
      throw new CliExit(EXIT.unavailable, qmsg(o.lang, 'unreachable', { url: o.target.shown, detail: 'SET' }));
    await fill();
    if (resumed > 0) say(qmsg(o.lang, 'queueResumed', { n: resumed }));
    while (!sched.finished) {
      if (!interrupted && o.shouldStop?.()) {
        interrupted = true;
        sched.interrupt();
        // the shards not yet started are withdrawn; merging stops before the first of them
        const removed = await removeQueued(sched.mergePoint, sched.mergePoint + sched.outstanding);
        for (const i of [...removed, ...unqueued]) sched.forget(i);
        unqueued.length = 0;
        if (removed.length > 0) say(qmsg(o.lang, 'queueInterruptWithdraw', { n: removed.length }));
        if (sched.finished) break;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
      const before = sched.trialsDone;
      const from = sched.mergePoint;
      const upto = from + sched.outstanding;
      await collect(Array.from({ length: upto - from }, (_, k) => from + k));
      for (const [i, reason] of failed) {
        if (received.has(i) || i < sched.mergePoint || i >= sched.mergePoint + sched.outstanding) continue;
        const c = sched.chunks[i]!;
        throw new CliExit(EXIT.internal, qmsg(o.lang, 'shardFailed', { index: i, from: c.start, to: c.start + c.count - 1, reason }));
      }
      const now = Date.now();
      if (sched.trialsDone > before) {
        lastProgress = now;
        warnedIdle = false;
      } else if (!warnedIdle && now - lastProgress > 15_000) {
        warnedIdle = true;
        say(qmsg(o.lang, 'queueWaiting', { secs: 15, url: o.target.shown }));
      }
      if (!interrupted) await fill();
    }
    const result = sched.result();
    // stopped for precision: the shards still queued are not needed
    if (result.stoppedBy === 'untilSe') await removeQueued(sched.mergePoint, sched.mergePoint + sched.outstanding);
    if (result.stoppedBy !== 'interrupted') {
      // the run is complete: its shard results are no longer needed (the scenario text expires by itself)
      const keys = Array.from({ length: sched.chunks.length }, (_, i) => shardKey(runId, i));
      for (let i = 0; i < keys.length; i += 1000) await redis(() => client.del(...keys.slice(i, i + 1000)));
    }
    return { layout, ...result };
  } finally {
    await closeWithin(2000, () => events.close(), () => queue.close(), () => client.quit());
    client.disconnect();
  }
}
