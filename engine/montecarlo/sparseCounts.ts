/**
 * A chunk's aggregate as its non-zero counters only: their indices, increasing, and their values
 * (the very doubles of the dense array). Most counters of a chunk are zero — 1-minute bins over
 * the horizon: Lezhi's dense aggregate is 2.8 MB, the fire season's 23.7 MB, and a chunk sets a
 * few thousand counters — so this is what workers post, the Redis queue stores and the merge
 * reads. Adding it into a dense aggregate adds the same non-zero values in the same order as the
 * dense merge (which skips zeros), so the result is bit-identical.
 */
export interface SparseCounts {
  /** number of counters of the dense aggregate */
  size: number;
  /** indices of the non-zero counters, increasing */
  at: Uint32Array;
  /** their values */
  v: Float64Array;
}

/** What a chunk hands back to be merged: its dense aggregate or its non-zero counters. */
export type ChunkCounts = { counts: Float64Array } | SparseCounts;

/** True for the sparse form; pure. */
export function isSparse(c: ChunkCounts): c is SparseCounts {
  return (c as SparseCounts).at !== undefined;
}

/**
 * The non-zero counters of `counts`, in one pass; with `clear`, `counts` is left all zero (a
 * scratch aggregate is reused for the next chunk without a fresh allocation). `indexScratch`, at
 * least as long as `counts`, holds the indices during the pass (pass one to reuse it).
 */
export function sparseOf(counts: Float64Array, clear = false, indexScratch: Uint32Array = new Uint32Array(counts.length)): SparseCounts {
  if (indexScratch.length < counts.length) throw new RangeError('sparseOf: index scratch too short');
  const nz = nonZeroIndices(counts, indexScratch);
  const at = indexScratch.slice(0, nz);
  const v = new Float64Array(nz);
  for (let k = 0; k < nz; k++) {
    const i = at[k]!;
    v[k] = counts[i]!;
    if (clear) counts[i] = 0;
  }
  return { size: counts.length, at, v };
}

/**
 * Writes the indices of the non-zero counters of `counts` into `out`, increasing; returns how
 * many. Most counters are zero, so it tests four at a time and looks closer only at a group
 * with a non-zero one (-0 counts as zero and NaN as non-zero, as `!== 0` has it): 40% less time
 * than one by one on a fire season's 3 M counters.
 */
function nonZeroIndices(counts: Float64Array, out: Uint32Array): number {
  const n = counts.length;
  let nz = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    if (counts[i] === 0 && counts[i + 1] === 0 && counts[i + 2] === 0 && counts[i + 3] === 0) continue;
    for (let j = i; j < i + 4; j++) if (counts[j] !== 0) out[nz++] = j;
  }
  for (; i < n; i++) if (counts[i] !== 0) out[nz++] = i;
  return nz;
}

/** The sparse form of either form; pure (a dense aggregate is not changed). */
export function toSparse(c: ChunkCounts): SparseCounts {
  return isSparse(c) ? c : sparseOf(c.counts);
}

/** The dense counters of either form (a new array for the sparse form); pure. */
export function denseOf(c: ChunkCounts): Float64Array {
  if (!isSparse(c)) return c.counts;
  const out = new Float64Array(c.size);
  for (let k = 0; k < c.at.length; k++) out[c.at[k]!] = c.v[k]!;
  return out;
}

/**
 * Checks a sparse result that came from elsewhere (a worker, Redis): `size` counters, indices
 * increasing and in range, as many values as indices. Throws a RangeError naming the fault.
 */
export function checkSparse(s: SparseCounts, size: number): void {
  if (s.size !== size) throw new RangeError(`chunk result has ${s.size} counters, the layout ${size}`);
  if (s.at.length !== s.v.length) throw new RangeError('chunk result is damaged (index and value lengths differ)');
  let last = -1;
  for (let k = 0; k < s.at.length; k++) {
    const i = s.at[k]!;
    if (i <= last || i >= size) throw new RangeError(`chunk result counter ${i} is out of order or out of range`);
    last = i;
  }
}
