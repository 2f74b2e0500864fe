import type { Bins } from './bins.ts';

/** Number of values in a histogram (regular bins and overflow); pure. */
export function histogramCount(counts: Float64Array, offset: number, bins: Bins): number {
  let n = 0;
  for (let b = 0; b <= bins.size; b++) n += counts[offset + b]!;
  return n;
}

/** The value of order statistic `k` (0-based): its bin's midpoint, or Infinity in the overflow bin. */
function orderStatistic(counts: Float64Array, offset: number, bins: Bins, k: number): number {
  let seen = 0;
  for (let b = 0; b < bins.size; b++) {
    seen += counts[offset + b]!;
    if (k < seen) return bins.mid(b);
  }
  return Infinity;
}

/**
 * Quantile p (0–1) of the values in a histogram: R type 7 / numpy "linear" over the bin
 * midpoints, with the same arithmetic as simple-statistics ≥ 7.8.9 `quantileSorted`
 * (index (n − 1)·p, linear interpolation), so it equals `ss.quantile` applied to the midpoints.
 * Error against the raw values: at most half a bin (see bins.ts).
 *
 * Pure. Returns NaN for an empty histogram and Infinity when the quantile falls among the
 * overflow values ("never within the horizon").
 */
export function histogramQuantile(counts: Float64Array, offset: number, bins: Bins, p: number): number {
  const n = histogramCount(counts, offset, bins);
  if (n === 0) return NaN;
  const idx = (n - 1) * p;
  if (p === 1) return orderStatistic(counts, offset, bins, n - 1);
  if (p === 0) return orderStatistic(counts, offset, bins, 0);
  if (idx % 1 !== 0) {
    const lower = Math.floor(idx);
    const lo = orderStatistic(counts, offset, bins, lower);
    const hi = orderStatistic(counts, offset, bins, Math.ceil(idx));
    if (!Number.isFinite(hi)) return Infinity;
    return lo + (idx - lower) * (hi - lo);
  }
  return orderStatistic(counts, offset, bins, idx);
}

/**
 * For each t in `grid`, how many values are ≤ t (a value taken at its bin's midpoint; overflow
 * values are above every t). Pure; integer counts.
 */
export function histogramAtOrBelow(counts: Float64Array, offset: number, bins: Bins, grid: readonly number[]): number[] {
  const out: number[] = [];
  let b = 0;
  let atOrBelow = 0;
  for (const t of grid) {
    while (b < bins.size && bins.mid(b) <= t) atOrBelow += counts[offset + b++]!;
    out.push(atOrBelow);
  }
  return out;
}

/**
 * P(value > t) for each t in `grid`, over all values in the histogram (overflow values count as
 * greater than any t); a value is taken at its bin's midpoint. Pure; returns [] when empty.
 */
export function histogramExceedance(counts: Float64Array, offset: number, bins: Bins, grid: readonly number[]): number[] {
  const n = histogramCount(counts, offset, bins);
  if (n === 0) return [];
  return histogramAtOrBelow(counts, offset, bins, grid).map((k) => (n - k) / n);
}

/** Mean and sample variance of the midpoints (regular bins only); pure. NaN when fewer than 1 / 2 values. */
export function histogramMoments(counts: Float64Array, offset: number, bins: Bins): { n: number; mean: number; variance: number } {
  let n = 0;
  let s = 0;
  for (let b = 0; b < bins.size; b++) {
    const c = counts[offset + b]!;
    if (c === 0) continue;
    n += c;
    s += c * bins.mid(b);
  }
  const mean = n > 0 ? s / n : NaN;
  let ss = 0;
  for (let b = 0; b < bins.size; b++) {
    const c = counts[offset + b]!;
    if (c === 0) continue;
    const d = bins.mid(b) - mean;
    ss += c * d * d;
  }
  return { n, mean, variance: n > 1 ? ss / (n - 1) : NaN };
}
