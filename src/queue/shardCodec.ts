import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A shard's result as stored in Redis: the aggregate's Float64Array bytes exactly (as the thread
 * pool transfers them), deflated — most bins of a shard are zero (Lezhi: 2.8 MB dense, 12–26 KB
 * deflated) — then base64, with the CSV lines when asked for. Decoding gives back the very same
 * doubles, so merging is as exact as in the local pool. (A change of this format bumps
 * QUEUE_PROTOCOL, which workers check.)
 */
export interface EncodedShard {
  /** number of doubles */
  n: number;
  /** base64 of the deflated little-endian Float64Array bytes */
  counts: string;
  csv: string | null;
}

/** Encodes a shard's counts and CSV; pure. */
export function encodeShard(counts: Float64Array, csv: string | null): string {
  const bytes = Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength);
  const e: EncodedShard = { n: counts.length, counts: deflateRawSync(bytes).toString('base64'), csv };
  return JSON.stringify(e);
}

/** Decodes `encodeShard`'s text; throws if it is damaged or of another size. */
export function decodeShard(text: string, size: number): { counts: Float64Array; csv: string | null } {
  const e = JSON.parse(text) as EncodedShard;
  if (e.n !== size) throw new Error(`shard result has ${e.n} counters, the layout ${size}`);
  const bytes = inflateRawSync(Buffer.from(e.counts, 'base64'));
  if (bytes.length !== size * 8) throw new Error(`shard result has ${bytes.length} bytes, expected ${size * 8}`);
  const counts = new Float64Array(size);
  new Uint8Array(counts.buffer).set(bytes);
  return { counts, csv: e.csv };
}
