import { checkSparse, type SparseCounts } from '../../engine/montecarlo/sparseCounts.ts';

/**
 * A shard's result as stored in Redis: its aggregate's non-zero counters exactly — their indices
 * (uint32) and their doubles' bytes, as the thread pool transfers them — in base64, with the CSV
 * lines when asked for. Most counters of a shard are zero (1-minute bins over the horizon:
 * Lezhi's aggregate is 2.8 MB dense, a shard sets a few thousand counters), and a dense array
 * would cost the coordinator a pass over megabytes per shard to decode; this keeps encoding and
 * decoding to one pass over the counters; the coordinator merges them as they are. Decoding gives
 * back the very same doubles, so merging is as exact as in the local pool. (A change of this format bumps QUEUE_PROTOCOL, which
 * workers check.) Byte order: the machine's (little-endian on x86-64 and ARM64 alike).
 */
export interface EncodedShard {
  /** number of doubles of the dense aggregate */
  n: number;
  /** base64 of the indices of the non-zero counters (uint32) */
  at: string;
  /** base64 of their values (float64) */
  v: string;
  csv: string | null;
}

/** Encodes a shard's non-zero counters (as a compute thread posts them) and CSV; pure. */
export function encodeShard(counts: SparseCounts, csv: string | null): string {
  const b64 = (a: Uint32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const e: EncodedShard = { n: counts.size, at: b64(counts.at), v: b64(counts.v), csv };
  return JSON.stringify(e);
}

/**
 * Decodes `encodeShard`'s text into the shard's non-zero counters, for a layout of `size`
 * doubles; throws if it is damaged (lengths, indices out of order or range) or of another size.
 */
export function decodeShard(text: string, size: number): { counts: SparseCounts; csv: string | null } {
  const e = JSON.parse(text) as EncodedShard;
  if (e.n !== size) throw new Error(`shard result has ${e.n} counters, the layout ${size}`);
  const atBytes = Buffer.from(e.at, 'base64');
  const vBytes = Buffer.from(e.v, 'base64');
  const nz = atBytes.length / 4;
  if (!Number.isInteger(nz) || vBytes.length !== nz * 8) throw new Error('shard result is damaged (index and value lengths differ)');
  // copied into aligned arrays (a Buffer's bytes may start at any offset of its pool)
  const at = new Uint32Array(nz);
  new Uint8Array(at.buffer).set(atBytes);
  const v = new Float64Array(nz);
  new Uint8Array(v.buffer).set(vBytes);
  const counts: SparseCounts = { size, at, v };
  checkSparse(counts, size);
  return { counts, csv: e.csv };
}
