import type { ConnectionOptions, RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Lang } from '../../engine/index.ts';
import { CliExit, EXIT } from '../cli/cliExit.ts';
import { qmsg } from './queueMessages.ts';
import type { QueueTarget } from './queueUrl.ts';

/** How long the first connection may take before the command gives up (connect + AUTH + PING). */
export const CONNECT_DEADLINE_MS = 4000;

/**
 * Connection options for the long-lived connections (BullMQ's and ours) once Redis has answered:
 * reconnect every ≤ 1 s; commands fail after a few reconnects instead of waiting for ever
 * (BullMQ's blocking connections set `maxRetriesPerRequest: null` themselves).
 */
export function liveOptions(target: QueueTarget): RedisOptions {
  return {
    ...target.redis,
    connectTimeout: 3000,
    maxRetriesPerRequest: 3,
    retryStrategy: (times: number) => Math.min(100 * times, 1000),
  };
}

/**
 * The same options for BullMQ's own connections (its option type is its own, structurally the
 * same), with `maxRetriesPerRequest: null` as BullMQ requires: its calls wait through a reconnect,
 * so the coordinator bounds each call with its own deadline.
 */
export function bullConnection(target: QueueTarget): ConnectionOptions {
  const out: BullRedisOptions = {};
  for (const [k, v] of Object.entries(liveOptions(target))) if (v !== undefined) out[k] = v;
  out.maxRetriesPerRequest = null;
  return out;
}

/**
 * Connects to the queue's Redis and checks it answers (PING), within `CONNECT_DEADLINE_MS`; a
 * connection refused, a wrong password or a host that does not answer ends the command with a
 * readable message and exit 4 — never a hang or a stack trace. Returns the connected client.
 */
export async function connectRedis(target: QueueTarget, lang: Lang): Promise<Redis> {
  const probe = new Redis({ ...target.redis, lazyConnect: true, connectTimeout: CONNECT_DEADLINE_MS - 500, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // the socket's own error (ECONNREFUSED, ETIMEDOUT, WRONGPASS…) says more than the rejected connect()
  let cause: string | null = null;
  probe.on('error', (e: Error) => {
    cause ??= e.message;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.connect().then(() => probe.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(lang === 'zh' ? `${CONNECT_DEADLINE_MS / 1000} 秒内无响应` : `no answer within ${CONNECT_DEADLINE_MS / 1000} s`)), CONNECT_DEADLINE_MS);
      }),
    ]);
  } catch (e) {
    probe.disconnect();
    const detail = (cause ?? (e instanceof Error ? e.message : String(e))).replace(/[.。]\s*$/, '');
    throw new CliExit(EXIT.unavailable, qmsg(lang, 'unreachable', { url: target.shown, detail }));
  } finally {
    clearTimeout(timer);
  }
  probe.disconnect();
  const client = new Redis(liveOptions(target));
  client.on('error', () => {}); // a lost connection shows as failing commands, handled by the caller
  return client;
}

/** Runs `close` but gives up after `ms` (closing a connection to a Redis that is gone must not hang the exit). */
export async function closeWithin(ms: number, ...closers: (() => Promise<unknown>)[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(closers.map((c) => c())),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
