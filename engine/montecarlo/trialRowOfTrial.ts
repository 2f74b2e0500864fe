import { fireSummary, h3, highestResponse, judgeTarget, r3, trialTotals } from '../sim/outcome.ts';
import type { Trial } from '../sim/trial.ts';
import { LEVELS, type McLayout, type ResponseLevel } from './mcLayout.ts';
import { stockFractions, stockSeriesBuffer, type StockSeriesBuffer } from './stockFraction.ts';
import type { TrialRow } from './trialRow.ts';

/**
 * What a layout's trial rows are built in: the row itself, the stock series buffer, and per road
 * link its trunk slot (−1: none), read from the first trial's scenario (a layout is made for one
 * scenario, and `runChunk` is handed the two together).
 */
interface RowScratch {
  row: TrialRow;
  series: StockSeriesBuffer;
  trunkOfLink: Int32Array;
}

const scratches = new WeakMap<McLayout, RowScratch>();

function scratchFor(layout: McLayout, tr: Trial): RowScratch {
  let sc = scratches.get(layout);
  if (!sc) {
    sc = {
      row: {
        trial: 0,
        seed: 0,
        totals: trialTotals(tr),
        highest: 'none',
        highestAtHours: null,
        atLeastHours: LEVELS.map(() => null),
        targets: layout.targets.map(() => ({ cases: 0, met: null, worstHours: null })),
        items: layout.items.map((it) => ({ stockoutHours: null, tierStockoutHours: it.tiers.map(() => null), shortfall: 0, shortfallScaled: 0 })),
        trunk: layout.trunkLinks.map(() => ({ closedHours: [] })),
        stockFraction: new Float64Array(layout.items.length * layout.fanHours),
        fire: null,
      },
      series: stockSeriesBuffer(0),
      trunkOfLink: Int32Array.from(tr.s.roads.links, (l) => layout.trunkSlot.get(l.id) ?? -1),
    };
    scratches.set(layout, sc);
  }
  return sc;
}

const minOrNull = (a: number | null, b: number): number => (a === null || b < a ? b : a);

/**
 * The row of trial `trial` read straight from the finished trial: the very row `trialRow` makes
 * from `buildOutcome(tr)` (same roundings, same order of every sum; a test holds them equal),
 * without building the outcome's objects and strings — Monte Carlo's fast path. The returned
 * row and its arrays are scratch of the layout, overwritten by the next call: use it at once,
 * keep nothing. Pure otherwise (reads `tr`, writes only that scratch).
 */
export function trialRowOfTrial(layout: McLayout, trial: number, tr: Trial): TrialRow {
  const sc = scratchFor(layout, tr);
  const row = sc.row;
  row.trial = trial;
  row.seed = tr.seed;
  row.totals = trialTotals(tr);
  readResponse(row, tr);
  readTargets(layout, row, tr);
  readItems(layout, row, tr);
  readTrunk(row, tr, sc.trunkOfLink);
  sc.series = readStockSeries(layout, tr, sc.series);
  stockFractions(layout, sc.series, row.stockFraction);
  row.fire = tr.s.hazard.kind === 'fireSeason' ? fireSummary(tr) : null; // the season's figures without its list of fires
  return row;
}

/** The highest level, when it was first in force, and per level IV…I when it or a higher one was. */
function readResponse(row: TrialRow, tr: Trial): void {
  const highest = highestResponse(tr) as ResponseLevel;
  row.highest = highest;
  row.highestAtHours = null;
  row.atLeastHours.fill(null);
  for (const x of tr.responseTimeline) {
    const rank = LEVELS.indexOf(x.level as (typeof LEVELS)[number]) + 1;
    if (rank === 0) continue;
    const at = h3(x.t);
    for (let r = 0; r < rank; r++) if (row.atLeastHours[r] === null) row.atLeastHours[r] = at;
    if (x.level === highest && row.highestAtHours === null) row.highestAtHours = at;
  }
}

function readTargets(layout: McLayout, row: TrialRow, tr: Trial): void {
  for (let i = 0; i < layout.targets.length; i++) {
    const t = judgeTarget(tr, tr.s.targets[i]!);
    const x = row.targets[i]!;
    x.cases = t.cases;
    x.met = t.cases > 0 ? t.met : null;
    x.worstHours = t.cases > 0 ? t.worstHours : null;
  }
}

/** Per item: shortfall, and the first stock-out anywhere and per tier. */
function readItems(layout: McLayout, row: TrialRow, tr: Trial): void {
  for (let k = 0; k < layout.items.length; k++) {
    const x = row.items[k]!;
    const units = r3(tr.shortfall[k]!);
    x.stockoutHours = null;
    x.tierStockoutHours.fill(null);
    x.shortfall = units;
    x.shortfallScaled = units / layout.items[k]!.divisor;
  }
  for (const s of tr.stockouts) {
    const x = row.items[s.item]!;
    const at = h3(s.t);
    x.stockoutHours = minOrNull(x.stockoutHours, at);
    const slot = layout.items[s.item]!.warehouseTierSlot[s.warehouse]!;
    if (slot >= 0) x.tierStockoutHours[slot] = minOrNull(x.tierStockoutHours[slot]!, at);
  }
}

/** Per trunk link, the hours each of its cuts lasted (null: not reopened by the horizon). */
function readTrunk(row: TrialRow, tr: Trial, trunkOfLink: Int32Array): void {
  for (const t of row.trunk) t.closedHours.length = 0;
  for (const e of tr.episodes) {
    const j = trunkOfLink[e.link]!;
    if (j >= 0) row.trunk[j]!.closedHours.push(e.reopenedAt === null ? null : h3(e.reopenedAt - e.cutAt));
  }
}

/** The trial's stock series as the outcome rounds it, into `buf` (or a larger buffer when it is too small). */
function readStockSeries(layout: McLayout, tr: Trial, buf: StockSeriesBuffer): StockSeriesBuffer {
  const series = tr.stockSeries;
  const out = stockSeriesBuffer(series.length, buf);
  const nI = layout.items.length;
  for (let i = 0; i < series.length; i++) {
    const x = series[i]!;
    out.atHours[i] = h3(x.t);
    out.level[i] = r3(x.level);
    out.slot[i] = x.warehouse * nI + x.item;
  }
  return out;
}
