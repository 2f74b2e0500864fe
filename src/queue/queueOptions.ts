import type { Lang } from '../../engine/index.ts';
import { CliExit, EXIT } from '../cli/cliExit.ts';
import { qmsg } from './queueMessages.ts';
import { parseQueueUrl, type QueueTarget } from './queueUrl.ts';

/** Parses `--queue`; exits 2 with the expected form otherwise (a password in the bad URL is not echoed). */
export function queueTargetOrExit(raw: string, lang: Lang): QueueTarget {
  const t = parseQueueUrl(raw);
  if (!t) throw new CliExit(EXIT.badInput, qmsg(lang, 'badUrl', { url: raw.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@') }));
  return t;
}

/**
 * `--queue` and `--shard-size` of simulate and sweep: the queue, or null without `--queue`.
 * `--workers` does not apply on the queue — the workers are `yanlian worker` processes — and
 * `--shard-size` only applies there: either mistake exits 2.
 */
export function queueOptionsOrExit(opts: { queue?: string; workers?: string; shardSize?: string }, lang: Lang): QueueTarget | null {
  if (opts.queue === undefined) {
    if (opts.shardSize !== undefined) throw new CliExit(EXIT.badInput, qmsg(lang, 'shardSizeNeedsQueue'));
    return null;
  }
  const target = queueTargetOrExit(opts.queue, lang);
  if (opts.workers !== undefined) throw new CliExit(EXIT.badInput, qmsg(lang, 'workersWithQueue'));
  return target;
}
