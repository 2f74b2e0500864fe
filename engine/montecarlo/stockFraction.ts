import type { McLayout } from './mcLayout.ts';

/**
 * A trial's stock series as flat arrays, in series (time) order: the point's hours since the
 * scenario start, its level (both rounded as in the outcome), and its store × item slot
 * `warehouse × items + item` (−1: a point the layout does not know, skipped). Filled by the
 * caller for `n` points; reused from trial to trial (`stockSeriesBuffer`).
 */
export interface StockSeriesBuffer {
  n: number;
  atHours: Float64Array;
  level: Float64Array;
  slot: Int32Array;
}

/** A series buffer holding at least `n` points: `buf` itself when it is large enough, else a larger one. */
export function stockSeriesBuffer(n: number, buf?: StockSeriesBuffer): StockSeriesBuffer {
  if (buf && buf.atHours.length >= n) {
    buf.n = n;
    return buf;
  }
  const cap = Math.max(64, n, 2 * (buf?.atHours.length ?? 0));
  return { n, atHours: new Float64Array(cap), level: new Float64Array(cap), slot: new Int32Array(cap) };
}

/**
 * Per layout, what `stockFractions` works in, so that a trial allocates nothing. Per slot: the
 * level at the last point passed; with linear consumption its open segment (from that point to
 * the next point of the slot) and whether it is active. Per item: its active slots, increasing.
 */
interface Work {
  level: Float64Array;
  total: Float64Array;
  /** the segment's start hour, and its level change and length: (b.level − a.level) and (b.atHours − a.atHours) */
  aT: Float64Array;
  dL: Float64Array;
  dT: Float64Array;
  active: Uint8Array;
  /** item k's active slots at k × stores … k × stores + count[k] − 1 */
  list: Int32Array;
  count: Int32Array;
  /** per slot the last point seen so far walking backwards; per point the next of its slot */
  seen: Int32Array;
  next: Int32Array;
}

const works = new WeakMap<McLayout, Work>();

function workFor(layout: McLayout, n: number): Work {
  const nI = layout.items.length;
  const slots = layout.warehouseIndex.size * nI;
  let w = works.get(layout);
  if (!w) {
    w = {
      level: new Float64Array(slots),
      total: new Float64Array(nI),
      aT: new Float64Array(slots),
      dL: new Float64Array(slots),
      dT: new Float64Array(slots),
      active: new Uint8Array(slots),
      list: new Int32Array(slots),
      count: new Int32Array(nI),
      seen: new Int32Array(slots),
      next: new Int32Array(64),
    };
    works.set(layout, w);
  }
  if (w.next.length < n) w.next = new Int32Array(Math.max(n, 2 * w.next.length));
  w.level.fill(0);
  w.total.fill(0);
  w.active.fill(0);
  w.count.fill(0);
  return w;
}

/**
 * Total stock of each item at each whole hour 0 … fanHours − 1 as a fraction of its initial
 * total (NaN for an item with none at the start), from a time-ordered stock series; writes
 * `out[item × fanHours + hour]`. With consumption 'rate' the level of a store × item falls
 * linearly between two of its points, so each hour adds the interpolated change of every open
 * segment. Only active segments are visited, in increasing store order as before, so each sum
 * adds the same doubles in the same order (results are bit-identical to walking every store);
 * an item with none open keeps its fraction until the next point, filled in one go (a fire
 * season's 2,881 hours hold about ten points).
 * Not reentrant: uses scratch kept per layout.
 */
export function stockFractions(layout: McLayout, series: StockSeriesBuffer, out: Float64Array): void {
  const { n, atHours: t, level: lv, slot } = series;
  const nI = layout.items.length;
  const nW = layout.warehouseIndex.size;
  const H = layout.fanHours;
  const linear = layout.stockLinear;
  const w = workFor(layout, n);
  const { level, total, next } = w;
  if (linear) linkSegments(w, series);
  let s = 0;
  for (let h = 0; h < H; ) {
    for (; s < n && t[s]! <= h; s++) {
      const j = slot[s]!;
      if (j < 0) continue;
      total[j % nI]! += lv[s]! - level[j]!;
      level[j] = lv[s]!;
      if (linear) openSegment(w, series, j, s, next[s]!, nI, nW);
    }
    // no point is passed before hour `until` (the first whole hour at or after the next point's)
    const until = s < n ? Math.min(H, Math.max(h + 1, Math.ceil(t[s]!))) : H;
    for (let k = 0; k < nI; k++) {
      const init = layout.items[k]!.initialTotal;
      if (init > 0 && w.count[k]! > 0) interpolate(w, k, nW, h, until, init, out, k * H);
      else out.fill(init > 0 ? total[k]! / init : NaN, k * H + h, k * H + until); // the level stands still
    }
    h = until;
  }
}

/** Hours h0 … h1 − 1 of item k while its open segments stay open: the total plus each segment's interpolated change, in store order. */
function interpolate(w: Work, k: number, nW: number, h0: number, h1: number, init: number, out: Float64Array, at: number): void {
  const start = k * nW;
  const end = start + w.count[k]!;
  const { list, aT, dL, dT } = w;
  for (let h = h0; h < h1; h++) {
    let sum = w.total[k]!;
    for (let a = start; a < end; a++) {
      const j = list[a]!;
      sum += (dL[j]! * (h - aT[j]!)) / dT[j]!;
    }
    out[at + h] = sum / init;
  }
}

/** `next[i]`: the following point of point i's slot (−1: none). */
function linkSegments(w: Work, series: StockSeriesBuffer): void {
  const { seen, next } = w;
  const { n, slot } = series;
  seen.fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const j = slot[i]!;
    next[i] = -1;
    if (j < 0) continue;
    next[i] = seen[j]!;
    seen[j] = i;
  }
}

/**
 * Slot j has just passed point i (whose next point is `nx`): its segment now runs from i to nx
 * and adds to the sums while it has a next point later in time; keeps item k's list of active
 * slots increasing.
 */
function openSegment(w: Work, series: StockSeriesBuffer, j: number, i: number, nx: number, nI: number, nW: number): void {
  const t = series.atHours;
  const on = nx >= 0 && t[nx]! > t[i]!;
  if (on) {
    w.aT[j] = t[i]!;
    w.dL[j] = series.level[nx]! - series.level[i]!;
    w.dT[j] = t[nx]! - t[i]!;
  }
  if (on === (w.active[j] === 1)) return;
  w.active[j] = on ? 1 : 0;
  const k = j % nI;
  const base = k * nW;
  const list = w.list;
  const c = w.count[k]!;
  if (on) {
    let p = base + c;
    for (; p > base && list[p - 1]! > j; p--) list[p] = list[p - 1]!;
    list[p] = j;
    w.count[k] = c + 1;
  } else {
    let p = base;
    while (list[p] !== j) p++;
    for (; p < base + c - 1; p++) list[p] = list[p + 1]!;
    w.count[k] = c - 1;
  }
}
