import { canonicalJson } from './canonicalJson.ts';
import { sha256 } from './sha256.ts';

/** The hash before the first event of a drill: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What each drill-log record's hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  /** wall-clock milliseconds when it was recorded */
  at: number;
  /** simulated minutes */
  t: number;
  kind: string;
  audience: string;
  data: unknown;
}

/**
 * hash(n) = SHA-256(hash(n − 1) + "\n" + canonical JSON of record n's fields): each record
 * commits to the whole log before it, so removing, reordering or editing any record breaks
 * every later hash. Pure.
 */
export function chainHash(prev: string, r: ChainedFields, digest: (s: string) => string = sha256): string {
  return digest(prev + '\n' + canonicalJson({ seq: r.seq, at: r.at, t: r.t, kind: r.kind, audience: r.audience, data: r.data }));
}

/**
 * Checks a drill log from its first record: seq runs 1, 2, 3 … and every hash matches.
 * Returns the first bad seq, or null if the whole chain holds. Pure.
 */
export function verifyChain(
  records: readonly (ChainedFields & { prevHash: string; hash: string })[],
  digest: (s: string) => string = sha256,
): { ok: true; head: string; count: number } | { ok: false; badSeq: number; reason: 'seq' | 'prev' | 'hash' } {
  let prev = GENESIS_HASH;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.seq !== i + 1) return { ok: false, badSeq: r.seq, reason: 'seq' };
    if (r.prevHash !== prev) return { ok: false, badSeq: r.seq, reason: 'prev' };
    if (chainHash(prev, r, digest) !== r.hash) return { ok: false, badSeq: r.seq, reason: 'hash' };
    prev = r.hash;
  }
  return { ok: true, head: prev, count: records.length };
}

/**
 * Numbers, times and chains new records after a head (seq, hash). `digest` defaults to the
 * pure SHA-256; the server passes Node's (same result, faster). Pure.
 */
export function sealRecords<R extends { t: number; kind: string; audience: string; data: unknown }>(
  head: { seq: number; hash: string },
  records: readonly R[],
  at: number,
  digest: (s: string) => string = sha256,
): (R & { seq: number; at: number; prevHash: string; hash: string })[] {
  let prev = head.hash;
  let seq = head.seq;
  return records.map((r) => {
    seq++;
    const hash = chainHash(prev, { seq, at, t: r.t, kind: r.kind, audience: r.audience, data: r.data }, digest);
    const out = { ...r, seq, at, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}
