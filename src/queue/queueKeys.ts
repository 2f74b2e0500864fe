import { createHash } from 'node:crypto';
import type { ModelId } from '../../engine/model/modelTypes.ts';

/** The BullMQ queue every coordinator and worker shares. */
export const QUEUE_NAME = 'yanlian-mc';

/** Version of the job and result formats (ShardJob, shardCodec.ts): a worker refuses jobs of another. */
export const QUEUE_PROTOCOL = 2;

/** How long shard results and published scenarios stay in Redis (seconds): long enough to restart a coordinator the next morning. */
export const RESULT_TTL_S = 2 * 24 * 3600;

/** Redis key of a published scenario text, by its SHA-256. */
export const scenarioKey = (sha256: string): string => `yanlian:scenario:${sha256}`;

/** Redis key of one shard's result. */
export const shardKey = (runId: string, index: number): string => `yanlian:run:${runId}:shard:${index}`;

/** BullMQ job id of one shard (custom ids may not contain ':'). */
export const shardJobId = (runId: string, index: number): string => `${runId}-${index}`;

/** What identifies a run: the same values give the same id on any machine, so a restarted coordinator finds its shards. */
export interface RunIdentity {
  model: ModelId;
  scenarioSha256: string;
  master: number;
  trials: number;
  shardSize: number;
  engineVersion: string;
  withCsv: boolean;
}

/** The run id: the first 20 hex digits of the SHA-256 of the identity. Pure. */
export function runIdOf(x: RunIdentity): string {
  const text = JSON.stringify([x.model, x.scenarioSha256, x.master, x.trials, x.shardSize, x.engineVersion, x.withCsv]);
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/** One shard job: which run, which trials, and what the worker must check before running it. */
export interface ShardJob {
  runId: string;
  model: ModelId;
  scenarioSha256: string;
  engineVersion: string;
  /** QUEUE_PROTOCOL of the coordinator */
  protocol: number;
  master: number;
  withCsv: boolean;
  index: number;
  start: number;
  count: number;
}
