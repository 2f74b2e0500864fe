import type { LogEvent } from '../sim/eventLog.ts';
import type { CountyGeometry } from './geometry.ts';
import { advance, refresh, settle, takeOnce, viewStock, type DrawContext, type DrawState } from './stockRate.ts';

/**
 * The stores' stock in the county reducer. Two ways, as the engine has them:
 * - at a rate (automatic runs with consumption 'rate'): levels fall continuously at the draw
 *   rates (`s.draw`, stockRate.ts); the trucks' loads are transport, not stock, save the
 *   once-only items taken when a village asks for relief;
 * - otherwise (consumption dailyLump, or a drill where trainees release stock): each dispatch
 *   takes its load from its store at once.
 * Resupply (to the initial stock, from the parent store if any) and stock-outs in both.
 */

/** The part of the county state (countyState.ts) the stock lives in. */
export interface StockHolder extends DrawContext {
  /** warehouse → item → units (at a rate: at the moment last viewed) */
  stock: Record<string, Record<string, number>>;
  /** resupply on its way: warehouse → item → units */
  resupply: Record<string, Record<string, number>>;
  /** the draw at a rate; null when the run took stock at each dispatch */
  draw: DrawState | null;
}

/** The events at which the engine settles the stock and reviews the draw rates. */
const DRAW_EVENTS = new Set(['relief.requested', 'relief.ended', 'road.cut', 'road.reopened', 'stock.out', 'resupply.requested', 'resupply.arrived']);

const str = (x: unknown): string => (typeof x === 'string' ? x : String(x ?? ''));
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Before event `e` is applied: with draws at a rate, the stock is brought to its time (stores running out on the way). */
export function beforeStockEvent(s: StockHolder, e: LogEvent, g: CountyGeometry): void {
  const d = s.draw;
  if (!d || !DRAW_EVENTS.has(e.type)) return;
  advance(d, g.stock, s, e.t);
  settle(d, g.stock, e.t);
}

/** After event `e` was applied: the once-only items of a request are taken, the rates reviewed, the levels written. */
export function afterStockEvent(s: StockHolder, e: LogEvent, g: CountyGeometry): void {
  const d = s.draw;
  if (!d || !DRAW_EVENTS.has(e.type)) return;
  if (e.type === 'relief.requested') takeOnce(d, g.stock, s, str(e.village), num(e.people));
  refresh(d, g.stock, s, e.t);
  viewStock(d, g.stock, s, e.t, s.stock);
}

/** The stock at time `t` (≥ the last event applied) into `s.stock`: a no-op unless drawn at a rate. */
export function stockAtTime(s: StockHolder, g: CountyGeometry, t: number): void {
  if (s.draw) viewStock(s.draw, g.stock, s, Math.max(t, s.draw.settledT), s.stock);
}

/** Reads and writes one store × item: the settled base at a rate, else the level itself. */
function level(s: StockHolder, g: CountyGeometry, wh: string, item: string): { get(): number; set(q: number): void } | null {
  const d = s.draw;
  if (d) {
    const i = g.stock.whIds.indexOf(wh);
    const k = g.stock.itemIds.indexOf(item);
    if (i < 0 || k < 0) return null;
    const at = i * g.stock.itemIds.length + k;
    return { get: () => d.base[at]!, set: (q) => (d.base[at] = q) };
  }
  const row = s.stock[wh];
  if (!row) return null;
  return { get: () => row[item] ?? 0, set: (q) => (row[item] = q) };
}

/** The stock events (and a dispatch's load); false for any other type. */
export function applyStock(s: StockHolder, e: LogEvent, g: CountyGeometry): boolean {
  switch (e.type) {
    case 'delivery.dispatched': {
      if (s.draw) return true; // at a rate: the once-only items left with the request, the daily goods as used
      const wh = str(e.warehouse);
      const items = (e.items ?? {}) as Record<string, unknown>;
      for (const [item, q] of Object.entries(items)) {
        const l = level(s, g, wh, item);
        if (l) l.set(Math.max(0, l.get() - num(q)));
      }
      return true;
    }
    case 'stock.out':
      level(s, g, str(e.warehouse), str(e.item))?.set(0);
      return true;
    case 'resupply.requested': {
      // as the engine does: top each item back up to its initial stock, from the parent store if any
      const wh = str(e.warehouse);
      const parent = g.warehouseParent.get(wh) ?? null;
      const init = g.initialStock.get(wh);
      if (!init || !s.stock[wh]) return true;
      const q: Record<string, number> = {};
      for (const [item, initial] of init) {
        const own = level(s, g, wh, item);
        let want = Math.max(0, initial - (own?.get() ?? 0));
        const p = parent && s.stock[parent] ? level(s, g, parent, item) : null;
        if (p) {
          want = Math.min(want, p.get());
          p.set(p.get() - want);
        }
        q[item] = want;
      }
      s.resupply[wh] = q;
      return true;
    }
    case 'resupply.arrived': {
      const wh = str(e.warehouse);
      const q = s.resupply[wh];
      if (q)
        for (const [item, n] of Object.entries(q)) {
          const l = level(s, g, wh, item);
          if (l) l.set(l.get() + n);
        }
      delete s.resupply[wh];
      return true;
    }
    default:
      return false;
  }
}
