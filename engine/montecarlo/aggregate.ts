import { FIRE_COUNT_MAX, FIRE_GRADES, LEVELS, TOTAL_KEYS, type McLayout } from './mcLayout.ts';
import { isSparse, type ChunkCounts } from './sparseCounts.ts';
import type { TrialRow } from './trialRow.ts';

/**
 * Streaming Monte Carlo aggregate: integer counters and fixed-bin integer histograms in one
 * Float64Array laid out by `McLayout` (integers are exact in a double up to 2^53). Its size
 * depends on the scenario only, never on the number of trials, and two aggregates merge exactly
 * by element-wise addition, in any order.
 */
export interface McAggregate {
  counts: Float64Array;
}

/** An empty aggregate for a layout; pure. */
export function createAggregate(layout: McLayout): McAggregate {
  return { counts: new Float64Array(layout.size) };
}

/**
 * Adds `from` (a dense aggregate or its non-zero counters, sparseCounts.ts) into `into` (mutates
 * `into`); exact and order-free. Both forms add the same non-zero values in index order.
 */
export function mergeAggregate(into: McAggregate, from: ChunkCounts): void {
  const a = into.counts;
  if (isSparse(from)) {
    if (a.length !== from.size) throw new RangeError(`mergeAggregate: sizes differ (${a.length} vs ${from.size})`);
    const { at, v } = from;
    for (let k = 0; k < at.length; k++) a[at[k]!]! += v[k]!;
    return;
  }
  const b = from.counts;
  if (a.length !== b.length) throw new RangeError(`mergeAggregate: sizes differ (${a.length} vs ${b.length})`);
  // most bins of a chunk are empty (1-minute bins over the horizon): skip them rather than add 0
  for (let i = 0; i < a.length; i++) {
    const x = b[i]!;
    if (x !== 0) a[i]! += x;
  }
}

/** Number of trials an aggregate holds; pure. */
export function aggregateTrials(layout: McLayout, agg: McAggregate): number {
  return agg.counts[layout.off.trials]!;
}

/** Adds one trial's row to the aggregate (mutates `agg`). */
export function addTrial(layout: McLayout, agg: McAggregate, row: TrialRow): void {
  addTrialExceptFans(layout, agg, row);
  addFans(layout, agg.counts, row);
}

/** The stock fans of one trial: per item with stock, one count per whole hour in its stock bin. */
function addFans(layout: McLayout, c: Float64Array, row: TrialRow): void {
  const H = layout.fanHours;
  const stockBins = layout.stockBins;
  const fanStride = stockBins.size + 1;
  layout.items.forEach((it, k) => {
    if (it.initialTotal <= 0) return;
    // stock stays put for hours at a time: look its bin up only when it changes (NaN never equals, so it is always looked up)
    const fan = it.off.fan;
    let last = NaN;
    let bin = 0;
    for (let h = 0; h < H; h++) {
      const x = row.stockFraction[k * H + h]!;
      if (x !== last) {
        last = x;
        bin = stockBins.index(x);
      }
      c[fan + h * fanStride + bin]!++;
    }
  });
}

/**
 * The stock fans of many trials at once, for `runChunk`: adding a trial's fan count by count
 * touches one cache line per hour of the horizon in a histogram of hours × bins (2,881 × 202
 * for a 120-day season: 11,500 scattered writes a trial), so each trial adds only the runs of
 * hours it spends in one bin, as +1/−1 at their ends in a difference array, and `flush` adds
 * the running sums into the aggregate in one sequential pass. Integer counts: the aggregate
 * ends up exactly as with `addTrial`. Kept per layout (its arrays are reused, and zero
 * between chunks); single-threaded.
 */
export class FanBatch {
  private readonly diff: Int32Array[];
  /** per item and hour row of `diff`: 1 when some run starts or ends there */
  private readonly touched: Uint8Array[];
  /** flush's running count per bin, and the bins where it is not zero */
  private readonly run: Float64Array;
  private readonly live: Int32Array;
  private dirty = false;

  private constructor(private readonly layout: McLayout) {
    const stride = layout.stockBins.size + 1;
    const rows = (layout.fanHours + 1) * stride;
    this.diff = layout.items.map((it) => new Int32Array(it.initialTotal > 0 ? rows : 0));
    this.touched = layout.items.map((it) => new Uint8Array(it.initialTotal > 0 ? layout.fanHours + 1 : 0));
    this.run = new Float64Array(stride);
    this.live = new Int32Array(stride);
  }

  private static readonly byLayout = new WeakMap<McLayout, FanBatch>();

  /** The batch for `layout`, emptied. */
  static for(layout: McLayout): FanBatch {
    let b = FanBatch.byLayout.get(layout);
    if (!b) {
      b = new FanBatch(layout);
      FanBatch.byLayout.set(layout, b);
    }
    if (b.dirty) {
      // a chunk that threw left counts behind
      for (const d of b.diff) d.fill(0);
      for (const t of b.touched) t.fill(0);
    }
    return b;
  }

  /** Adds one trial's fans. */
  add(row: TrialRow): void {
    const layout = this.layout;
    const H = layout.fanHours;
    if (H === 0) return;
    const stockBins = layout.stockBins;
    const stride = stockBins.size + 1;
    const sf = row.stockFraction;
    this.dirty = true;
    for (let k = 0; k < layout.items.length; k++) {
      if (layout.items[k]!.initialTotal <= 0) continue;
      const d = this.diff[k]!;
      const touched = this.touched[k]!;
      let last = sf[k * H]!;
      let bin = stockBins.index(last);
      let start = 0;
      for (let h = 1; h < H; h++) {
        const x = sf[k * H + h]!;
        if (x === last) continue;
        last = x;
        const b = stockBins.index(x);
        if (b === bin) continue;
        d[start * stride + bin]!++;
        d[h * stride + bin]!--;
        touched[start] = 1;
        touched[h] = 1;
        start = h;
        bin = b;
      }
      d[start * stride + bin]!++;
      d[H * stride + bin]!--;
      touched[start] = 1;
      touched[H] = 1;
    }
  }

  /**
   * Adds the batched fans into `agg` and empties the batch: each hour adds the running count of
   * every bin where it is not zero (one add per counter, so in any order the same integers);
   * the running counts change only on rows some run starts or ends on.
   */
  flush(agg: McAggregate): void {
    const layout = this.layout;
    const H = layout.fanHours;
    const stride = layout.stockBins.size + 1;
    const c = agg.counts;
    const { run, live } = this;
    for (let k = 0; k < layout.items.length; k++) {
      const it = layout.items[k]!;
      if (it.initialTotal <= 0) continue;
      const d = this.diff[k]!;
      const touched = this.touched[k]!;
      const fan = it.off.fan;
      run.fill(0);
      let nLive = 0;
      for (let h = 0; h < H; h++) {
        const row = h * stride;
        if (touched[h] === 1) {
          touched[h] = 0;
          nLive = 0;
          for (let b = 0; b < stride; b++) {
            const x = d[row + b]!;
            if (x !== 0) {
              run[b]! += x;
              d[row + b] = 0;
            }
            if (run[b] !== 0) live[nLive++] = b;
          }
        }
        for (let i = 0; i < nLive; i++) {
          const b = live[i]!;
          c[fan + row + b]! += run[b]!;
        }
      }
      touched[H] = 0;
      d.fill(0, H * stride, (H + 1) * stride);
    }
    this.dirty = false;
  }
}

/** Adds one trial's row to the aggregate except its stock fans (see `FanBatch`; mutates `agg`). */
export function addTrialExceptFans(layout: McLayout, agg: McAggregate, row: TrialRow): void {
  const c = agg.counts;
  const { hourBins, amountBins } = layout;
  const o = layout.off;
  c[o.trials]!++;
  for (const k of TOTAL_KEYS) c[o.totals[k]]! += Math.round(row.totals[k] * 1000);
  c[o.affectedHist + amountBins.index(row.totals.affectedPeople)]!++;
  c[o.deadMissingHist + amountBins.index(row.totals.deadMissing)]!++;

  const rank = row.highest === 'none' ? 0 : LEVELS.indexOf(row.highest) + 1;
  c[o.highest + rank]!++;
  if (rank > 0 && row.highestAtHours !== null) bumpHours(c, hourBins, o.highestHours[rank - 1]!, row.highestAtHours);
  for (let r = 0; r < row.atLeastHours.length; r++) {
    const h = row.atLeastHours[r]!;
    if (h === null) continue;
    c[o.atLeast[r]!]!++;
    bumpHours(c, hourBins, o.atLeastHours[r]!, h);
  }

  for (let i = 0; i < layout.targets.length; i++) {
    const t = layout.targets[i]!.off;
    const x = row.targets[i]!;
    if (x.met === null) continue;
    c[t.applied]!++;
    if (x.met) c[t.met]!++;
    bumpHours(c, hourBins, t.hours, x.worstHours);
  }

  for (let k = 0; k < layout.items.length; k++) addItem(c, layout, layout.items[k]!.off, row.items[k]!);
  if (layout.fire && row.fire) addFire(c, layout, layout.fire, row.fire);

  for (let j = 0; j < layout.trunkLinks.length; j++) {
    const l = layout.trunkLinks[j]!.off;
    const hours = row.trunk[j]!.closedHours;
    if (hours.length === 0) continue;
    c[l.cut]!++;
    c[l.episodes]! += hours.length;
    for (const h of hours) bumpHours(c, hourBins, l.hours, h);
  }
}

/** One count in an hours histogram at `histOffset`: in its bin, or in the last for null (never). */
function bumpHours(c: Float64Array, hourBins: McLayout['hourBins'], histOffset: number, hours: number | null): void {
  c[histOffset + (hours === null ? hourBins.size : hourBins.index(hours))]!++;
}

function addItem(c: Float64Array, layout: McLayout, off: McLayout['items'][number]['off'], x: TrialRow['items'][number]): void {
  if (x.stockoutHours !== null) {
    c[off.stockout]!++;
    bumpHours(c, layout.hourBins, off.stockoutHours, x.stockoutHours);
  }
  for (let j = 0; j < off.tiers.length; j++) {
    const h = x.tierStockoutHours[j]!;
    if (h === null) continue;
    c[off.tiers[j]!.stockout]!++;
    bumpHours(c, layout.hourBins, off.tiers[j]!.stockoutHours, h);
  }
  if (x.shortfall > 0) c[off.shortfallTrials]!++;
  c[off.shortfallSum]! += Math.round(x.shortfallScaled * 1000);
  c[off.shortfallHist + layout.amountBins.index(x.shortfallScaled)]!++;
}

function addFire(c: Float64Array, layout: McLayout, f: NonNullable<McLayout['fire']>, x: NonNullable<TrialRow['fire']>): void {
  c[f.fires]! += x.count;
  c[f.out24]! += x.outWithin24h;
  c[f.initialAttack]! += x.initialAttackContained;
  c[f.burnedSum]! += Math.round(x.burnedHa * 1000);
  c[f.evacuatedSum]! += Math.round(x.peopleEvacuated * 1000);
  if (x.count > 0) {
    c[f.trialsWithFire]!++;
    if (x.allOutWithin24h) c[f.allOut24]!++;
  }
  c[f.burnedHist + layout.amountBins.index(x.burnedHa)]!++;
  c[f.countHist + Math.min(FIRE_COUNT_MAX, x.count)]!++;
  c[f.largestGrade + Math.max(0, FIRE_GRADES.indexOf(x.largestGrade as (typeof FIRE_GRADES)[number]))]!++;
}
