import type { World } from '../world/world.ts';

/**
 * Constants of the relief logistics that depend on the compiled world alone, computed once
 * per world and shared by every trial (the hot `refreshRates` / `settleStock` read them
 * instead of recomputing them per call).
 */
export interface ReliefTables {
  /** per store × item (store-major, like the stock): at or below this level it is empty (`isEmpty`) */
  emptyAt: Float64Array;
  /** per item: 1 when it is drawn daily (perPersonPerDay > 0), the `wanted` of `storeDistances` */
  daily: Uint8Array;
  /** per item: its perPersonPerDay (read per village and item on every refreshRates) */
  perDay: Float64Array;
  /**
   * the store × item entries of the daily items, ascending: the only ones ever given a draw
   * rate, so the only ones `refreshRates` and `settleStock` need to visit
   */
  dailyEntries: Int32Array;
  /** per store × item: the reorder level, the store's reorderFraction × its initial stock (the same product refreshRates computed per call) */
  reorderAt: Float64Array;
  /** per store × item: 1e-9 × its initial stock, refreshRates' tolerance around the reorder level */
  reorderTol: Float64Array;
  /**
   * per village, made on first use (storeDistances.ts): its distances to the stores on the
   * intact network (the intact tree's) and the stores reachable there, nearest first
   */
  intactRow: ({ dist: Float64Array; order: Int32Array } | undefined)[];
}

const tables = new WeakMap<World, ReliefTables>();

/** The world's relief tables (cached per world). Pure apart from the cache. */
export function reliefTables(w: World): ReliefTables {
  let t = tables.get(w);
  if (!t) {
    // the very product isEmpty used to compute on every call: the same double, bit for bit
    const emptyAt = Float64Array.from(w.initialStock, (init) => 1e-9 * Math.max(1, init));
    const daily = Uint8Array.from(w.scenario.reserves.items, (it) => (it.perPersonPerDay > 0 ? 1 : 0));
    const perDay = Float64Array.from(w.scenario.reserves.items, (it) => it.perPersonPerDay);
    const nI = w.itemCount;
    const entries: number[] = [];
    for (let k = 0; k < w.initialStock.length; k++) if (daily[k % nI] === 1) entries.push(k);
    const stores = w.scenario.reserves.warehouses;
    const reorderAt = Float64Array.from(w.initialStock, (init, k) => stores[Math.floor(k / nI)]!.reorderFraction * init);
    const reorderTol = Float64Array.from(w.initialStock, (init) => 1e-9 * init);
    t = { emptyAt, daily, perDay, dailyEntries: Int32Array.from(entries), reorderAt, reorderTol, intactRow: [] };
    tables.set(w, t);
  }
  return t;
}

