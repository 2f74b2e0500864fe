import { FIRE_COUNT_MAX, FIRE_GRADES, LEVELS, TOTAL_KEYS, type McLayout } from './mcLayout.ts';
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

/** Adds `from` into `into` (mutates `into`); exact and order-free. */
export function mergeAggregate(into: McAggregate, from: McAggregate): void {
  const a = into.counts;
  const b = from.counts;
  if (a.length !== b.length) throw new RangeError(`mergeAggregate: sizes differ (${a.length} vs ${b.length})`);
  for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
}

/** Number of trials an aggregate holds; pure. */
export function aggregateTrials(layout: McLayout, agg: McAggregate): number {
  return agg.counts[layout.off.trials]!;
}

/** Adds one trial's row to the aggregate (mutates `agg`). */
export function addTrial(layout: McLayout, agg: McAggregate, row: TrialRow): void {
  const c = agg.counts;
  const { hourBins, amountBins, stockBins } = layout;
  const o = layout.off;
  const bump = (histOffset: number, hours: number | null) => {
    c[histOffset + (hours === null ? hourBins.size : hourBins.index(hours))]!++;
  };
  c[o.trials]!++;
  for (const k of TOTAL_KEYS) c[o.totals[k]]! += Math.round(row.totals[k] * 1000);
  c[o.affectedHist + amountBins.index(row.totals.affectedPeople)]!++;
  c[o.deadMissingHist + amountBins.index(row.totals.deadMissing)]!++;

  const rank = row.highest === 'none' ? 0 : LEVELS.indexOf(row.highest) + 1;
  c[o.highest + rank]!++;
  if (rank > 0 && row.highestAtHours !== null) bump(o.highestHours[rank - 1]!, row.highestAtHours);
  row.atLeastHours.forEach((h, r) => {
    if (h === null) return;
    c[o.atLeast[r]!]!++;
    bump(o.atLeastHours[r]!, h);
  });

  layout.targets.forEach((t, i) => {
    const x = row.targets[i]!;
    if (x.met === null) return;
    c[t.off.applied]!++;
    if (x.met) c[t.off.met]!++;
    bump(t.off.hours, x.worstHours);
  });

  const H = layout.fanHours;
  const fanStride = stockBins.size + 1;
  layout.items.forEach((it, k) => {
    const x = row.items[k]!;
    if (x.stockoutHours !== null) {
      c[it.off.stockout]!++;
      bump(it.off.stockoutHours, x.stockoutHours);
    }
    it.off.tiers.forEach((t, j) => {
      const h = x.tierStockoutHours[j]!;
      if (h === null) return;
      c[t.stockout]!++;
      bump(t.stockoutHours, h);
    });
    if (x.shortfall > 0) c[it.off.shortfallTrials]!++;
    c[it.off.shortfallSum]! += Math.round(x.shortfallScaled * 1000);
    c[it.off.shortfallHist + amountBins.index(x.shortfallScaled)]!++;
    if (it.initialTotal > 0)
      for (let h = 0; h < H; h++) c[it.off.fan + h * fanStride + stockBins.index(row.stockFraction[k * H + h]!)]!++;
  });

  const f = layout.fire;
  if (f && row.fire) {
    const x = row.fire;
    c[f.fires]! += x.count;
    c[f.out24]! += x.outWithin24h;
    c[f.initialAttack]! += x.initialAttackContained;
    c[f.burnedSum]! += Math.round(x.burnedHa * 1000);
    c[f.evacuatedSum]! += Math.round(x.peopleEvacuated * 1000);
    if (x.count > 0) {
      c[f.trialsWithFire]!++;
      if (x.allOutWithin24h) c[f.allOut24]!++;
    }
    c[f.burnedHist + amountBins.index(x.burnedHa)]!++;
    c[f.countHist + Math.min(FIRE_COUNT_MAX, x.count)]!++;
    c[f.largestGrade + Math.max(0, FIRE_GRADES.indexOf(x.largestGrade as (typeof FIRE_GRADES)[number]))]!++;
  }

  layout.trunkLinks.forEach((l, j) => {
    const hours = row.trunk[j]!.closedHours;
    if (hours.length === 0) return;
    c[l.off.cut]!++;
    c[l.off.episodes]! += hours.length;
    for (const h of hours) bump(l.off.hours, h);
  });
}
