import type { RedisOptions } from 'ioredis';

/** Where the queue lives: ioredis connection options and the URL to show (password hidden). */
export interface QueueTarget {
  redis: RedisOptions;
  /** the URL with any password replaced by *** (for messages and logs) */
  shown: string;
}

/**
 * Parses `redis://[user][:password@]host[:port][/db]` (or `rediss://` for TLS); null if it is not
 * one. Pure. The password travels to Redis only (AUTH), never into a message.
 */
export function parseQueueUrl(raw: string): QueueTarget | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((u.protocol !== 'redis:' && u.protocol !== 'rediss:') || u.hostname === '' || u.search !== '' || u.hash !== '') return null;
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(dbText) || Number(dbText) > 15) return null;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const redis: RedisOptions = {
    host,
    port,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(dbText ? { db: Number(dbText) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const auth = u.username || u.password ? `${u.username}${u.password ? ':***' : ''}@` : '';
  return { redis, shown: `${u.protocol}//${auth}${u.host}${dbText ? '/' + dbText : ''}` };
}
