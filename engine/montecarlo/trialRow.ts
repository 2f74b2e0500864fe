import type { TrialOutcome } from '../sim/outcome.ts';
import { LEVELS, type McLayout, type ResponseLevel } from './mcLayout.ts';
import { stockFractions, stockSeriesBuffer, type StockSeriesBuffer } from './stockFraction.ts';

/**
 * The headline numbers of one trial, extracted from its outcome: what Monte Carlo aggregates
 * and what a CSV row holds. Hours are as in the outcome (hours since the scenario start for
 * events, hours since the case began for durations); null means "did not happen" or, for
 * durations, "never finished within the horizon".
 */
export interface TrialRow {
  trial: number;
  seed: number;
  totals: TrialOutcome['totals'];
  highest: ResponseLevel;
  /** when the highest level was first in force; null for 'none' */
  highestAtHours: number | null;
  /** per level IV…I: when that level or a higher one was first in force */
  atLeastHours: (number | null)[];
  /** per scenario target: met is null when no case was judged; worstHours null = a case never finished */
  targets: { cases: number; met: boolean | null; worstHours: number | null }[];
  /** per item: first stock-out anywhere and per tier (layout order), shortfall in units and in its unit */
  items: { stockoutHours: number | null; tierStockoutHours: (number | null)[]; shortfall: number; shortfallScaled: number }[];
  /** per trunk link: hours each cut episode lasted (null = not reopened by the horizon) */
  trunk: { closedHours: (number | null)[] }[];
  /** per item × whole hour (item-major): total stock / initial total stock; NaN if none at the start */
  stockFraction: Float64Array;
  /** fire-season figures; null when the scenario has no fire season */
  fire: {
    count: number;
    outWithin24h: number;
    allOutWithin24h: boolean;
    initialAttackContained: number;
    burnedHa: number;
    largestGrade: string;
    peopleEvacuated: number;
  } | null;
}

const minOrNull = (a: number | null, b: number): number => (a === null || b < a ? b : a);

/**
 * Extracts the headline numbers of trial `trial` from its outcome; pure. Monte Carlo's
 * `runChunk` reads the same row straight from the finished trial (trialRowOfTrial.ts), without
 * building the outcome; a test holds the two equal, so a change here belongs there too.
 */
export function trialRow(layout: McLayout, trial: number, o: TrialOutcome): TrialRow {
  const nI = layout.items.length;
  const highest = o.response.highest as ResponseLevel;
  const atLeastHours: (number | null)[] = LEVELS.map(() => null);
  let highestAtHours: number | null = null;
  for (const x of o.response.timeline) {
    const rank = LEVELS.indexOf(x.level as (typeof LEVELS)[number]) + 1;
    if (rank === 0) continue;
    for (let r = 0; r < rank; r++) if (atLeastHours[r] === null) atLeastHours[r] = x.atHours;
    if (x.level === highest && highestAtHours === null) highestAtHours = x.atHours;
  }

  const items: TrialRow['items'] = layout.items.map((it) => {
    const units = o.stock.shortfall[it.id] ?? 0;
    return { stockoutHours: null, tierStockoutHours: it.tiers.map(() => null), shortfall: units, shortfallScaled: units / it.divisor };
  });
  for (const x of o.stock.stockouts) {
    const k = layout.itemIndex.get(x.item);
    const w = layout.warehouseIndex.get(x.warehouse);
    if (k === undefined || w === undefined) continue;
    const row = items[k]!;
    row.stockoutHours = minOrNull(row.stockoutHours, x.atHours);
    const slot = layout.items[k]!.warehouseTierSlot[w]!;
    if (slot >= 0) row.tierStockoutHours[slot] = minOrNull(row.tierStockoutHours[slot]!, x.atHours);
  }

  const trunk: TrialRow['trunk'] = layout.trunkLinks.map(() => ({ closedHours: [] }));
  for (const r of o.roads) {
    const j = layout.trunkSlot.get(r.link);
    if (j !== undefined) trunk[j]!.closedHours.push(r.hoursClosed);
  }

  // total stock per item at each whole hour, from the (time-ordered) stock series
  const series = seriesOfOutcome(layout, o.stock.series);
  const stockFraction = new Float64Array(nI * layout.fanHours);
  stockFractions(layout, series, stockFraction);

  return {
    trial,
    seed: o.seed,
    totals: o.totals,
    highest,
    highestAtHours,
    atLeastHours,
    targets: o.targets.map((t) => ({ cases: t.cases, met: t.cases > 0 ? t.met : null, worstHours: t.cases > 0 ? t.worstHours : null })),
    items,
    trunk,
    stockFraction,
    fire: o.fires
      ? {
          count: o.fires.count,
          outWithin24h: o.fires.outWithin24h,
          allOutWithin24h: o.fires.allOutWithin24h,
          initialAttackContained: o.fires.initialAttackContained,
          burnedHa: o.fires.burnedHa,
          largestGrade: o.fires.largestGrade,
          peopleEvacuated: o.fires.peopleEvacuated,
        }
      : null,
  };
}

const seriesBuffers = new WeakMap<McLayout, StockSeriesBuffer>();

/** The outcome's stock series as flat arrays (slots from the layout's ids), in a buffer reused per layout. */
function seriesOfOutcome(layout: McLayout, series: TrialOutcome['stock']['series']): StockSeriesBuffer {
  const buf = stockSeriesBuffer(series.length, seriesBuffers.get(layout));
  seriesBuffers.set(layout, buf);
  const nI = layout.items.length;
  for (let i = 0; i < series.length; i++) {
    const x = series[i]!;
    const k = layout.itemIndex.get(x.item);
    const w = layout.warehouseIndex.get(x.warehouse);
    buf.atHours[i] = x.atHours;
    buf.level[i] = x.level;
    buf.slot[i] = k !== undefined && w !== undefined ? w * nI + k : -1;
  }
  return buf;
}
