import type { Lang } from '../../engine/index.ts';

/** Messages of the Redis queue (coordinator and worker), zh-CN and English. */
const MESSAGES = {
  badUrl: {
    zh: '队列地址无效：{url}（应为 redis://[:密码@]主机[:端口][/库号]，例如 redis://:secret@10.0.0.5:6379）',
    en: 'invalid queue URL: {url} (expected redis://[:password@]host[:port][/db], e.g. redis://:secret@10.0.0.5:6379)',
  },
  unreachable: {
    zh: '无法连接 Redis 队列 {url}：{detail}。请确认 redis-server 已启动、地址和端口正确、密码无误且网络可达。',
    en: 'cannot reach the Redis queue at {url}: {detail}. Check that redis-server is running, the host, port and password are right and the network lets you through.',
  },
  lost: {
    zh: '与 Redis 队列 {url} 的连接中断超过 {secs} 秒：{detail}。已完成的分片保存在 Redis 中，用同样的参数重新运行即可续算。',
    en: 'lost the Redis queue at {url} for over {secs} s: {detail}. Finished shards are kept in Redis: run the same command again to resume.',
  },
  queueStart: {
    zh: '开始队列模拟：{trials} 次试验，分为 {shards} 个分片（每片 {shard} 次），队列 {url}，运行编号 {runId}',
    en: 'simulating {trials} trials as {shards} shards of {shard} on the queue {url}, run {runId}',
  },
  queueResumed: {
    zh: '从 Redis 取回 {n} 个已完成的分片（同一运行编号的上次运行）',
    en: 'picked up {n} finished shard(s) from Redis (an earlier start of the same run)',
  },
  queueWaiting: {
    zh: '等待工作进程……{secs} 秒内没有分片完成（用 yanlian worker --queue {url} 启动工作进程）',
    en: 'waiting for workers… no shard finished for {secs} s (start one with yanlian worker --queue {url})',
  },
  shardFailed: {
    zh: '分片 {index}（试验 {from}–{to}）失败：{reason}',
    en: 'shard {index} (trials {from}–{to}) failed: {reason}',
  },
  refuseEngine: {
    zh: '拒绝分片：引擎版本不同（协调进程 {theirs}，本工作进程 {ours}）；请在所有机器上安装同一版本的 yanlian',
    en: 'refused: engine version differs (coordinator {theirs}, this worker {ours}); install the same yanlian version on every machine',
  },
  refuseScenario: {
    zh: '拒绝分片：场景哈希不符（任务要求 {want}，Redis 中的场景文本为 {got}）；场景在协调进程发布后被改动或损坏',
    en: 'refused: scenario hash differs (the job wants {want}, the scenario text in Redis hashes to {got}); it was changed or damaged after the coordinator published it',
  },
  refuseMissing: {
    zh: '拒绝分片：Redis 中没有场景 {want}（已过期或被删除）；请重新运行协调进程',
    en: 'refused: scenario {want} is not in Redis (expired or deleted); run the coordinator again',
  },
  refuseInvalid: {
    zh: '拒绝分片：场景 {want} 在本工作进程中无法载入（{detail}）',
    en: 'refused: scenario {want} does not load on this worker ({detail})',
  },
  workerStart: {
    zh: '工作进程已连接队列 {url}，并发 {concurrency}，引擎 {version}；按 Ctrl-C 在当前分片完成后退出',
    en: 'worker connected to the queue {url}, concurrency {concurrency}, engine {version}; Ctrl-C exits after the current shards',
  },
  workerShard: {
    zh: '分片 {run}#{index}：试验 {from}–{to}，{secs} 秒',
    en: 'shard {run}#{index}: trials {from}–{to}, {secs} s',
  },
  workerRefused: {
    zh: '分片 {run}#{index}：{reason}',
    en: 'shard {run}#{index}: {reason}',
  },
  workerStopping: {
    zh: '正在停止：等待当前分片完成（再按一次 Ctrl-C 立即退出，分片将由其他工作进程重做）',
    en: 'stopping: waiting for the current shards (Ctrl-C again exits now; another worker redoes them)',
  },
  workerRedisError: {
    zh: 'Redis 连接错误：{detail}（正在重连）',
    en: 'Redis connection error: {detail} (reconnecting)',
  },
  workersWithQueue: {
    zh: '--workers 不能与 --queue 同时使用：队列模式下的计算由 yanlian worker 进程完成（用 --concurrency 设置每个进程的线程数）',
    en: '--workers does not go with --queue: on the queue the work is done by yanlian worker processes (set their threads with --concurrency)',
  },
  shardSizeNeedsQueue: {
    zh: '--shard-size 只用于 --queue（本机运行用 --chunk）',
    en: '--shard-size applies only with --queue (use --chunk for a local run)',
  },
  queueInterruptWithdraw: {
    zh: '已撤回 {n} 个未开始的分片',
    en: 'withdrew {n} shard(s) not yet started',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type QueueMessageKey = keyof typeof MESSAGES;

/** A queue message in `lang` with `{name}` placeholders filled. */
export function qmsg(lang: Lang, key: QueueMessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
