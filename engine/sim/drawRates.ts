import { reliefTables } from './reliefTables.ts';
import { noteStockout } from './stockLevel.ts';
import { storeRow, storeRowsOf } from './storeDistances.ts';
import type { Trial } from './trial.ts';

// Consumption 'rate': which store each village draws each daily item from, at what rate, and
// the stock brought up to date by those rates.

const MIN_PER_DAY = 1440;

/** People of `village` still needing daily relief: affected minus those gone home. Pure read. */
export function peopleInNeed(tr: Trial, village: number): number {
  const gone = tr.villageReleased[village]!;
  return Math.max(0, tr.villageAffected[village]! - gone);
}

/**
 * Consumption 'rate': brings every store's stock up to now — each store × item loses its draw
 * rate × the minutes since the last settling (a store that reaches zero has run out then) — and
 * adds the daily need no store could meet since then to the shortfall. No-op otherwise.
 */
export function settleStock(tr: Trial): void {
  if (!tr.rateMode) return;
  const dt = tr.now - tr.settledAt;
  if (!(dt > 0)) return;
  tr.settledAt = tr.now;
  const nI = tr.world.itemCount;
  const rate = tr.drawRate;
  const t = reliefTables(tr.world);
  // a store × item holding at most this (relative to its initial stock) is empty
  const emptyAt = t.emptyAt;
  // only the entries the trial's last refreshRates gave a rate (`drawn`, ascending, as a full
  // pass visits them); for another trial's list, every daily item's entry
  const entries = drawnFor === tr ? drawn : t.dailyEntries;
  const n = drawnFor === tr ? nDrawnLast : entries.length;
  for (let j = 0; j < n; j++) {
    const k = entries[j]!;
    const r = rate[k]!;
    if (!(r > 0)) continue;
    tr.stock[k] = tr.stock[k]! - r * dt;
    if (tr.stock[k]! <= emptyAt[k]!) tr.stock[k] = 0;
    const wh = Math.floor(k / nI);
    tr.recordStock(wh, k % nI);
    if (tr.stock[k] === 0 && tr.world.initialStock[k]! > 0) noteStockout(tr, wh, k % nI);
  }
  const items = tr.s.reserves.items;
  const daily = t.daily;
  for (const v of tr.affectedVillages) {
    for (let k = 0; k < nI; k++) {
      // an item not drawn daily is never without a source (−2) and would add nothing
      if (daily[k] === 0 || tr.drawSource[v * nI + k] !== -1) continue;
      const people = peopleInNeed(tr, v);
      if (people > 0) tr.shortfall[k]! += (people * items[k]!.perPersonPerDay * dt) / MIN_PER_DAY;
    }
  }
}

/** Scratch of `refreshRates` (single-threaded; each call fills what it reads first). */
let stockedNow = new Uint8Array(0);
/**
 * The store × item entries `refreshRates` gave a draw rate (in the order first given, then
 * ascending); after its last call, the first `nDrawnLast` of them, for trial `drawnFor`: every
 * entry of that trial with a rate above zero (`settleStock` needs visit no other).
 */
let drawn = new Int32Array(0);
let nDrawnLast = 0;
let drawnFor: Trial | null = null;

/**
 * Consumption 'rate': which store each village draws each daily item from — the nearest
 * reachable store holding it (ties: lower index; with every store cut off, the best-stocked
 * one, whose goods wait for a road), none (−1) when no such store holds any — and the draw
 * rates that follow (people × perPersonPerDay per day); then queues one `stockCheck` at the
 * first moment a store runs out or falls below its reorder level: stock ÷ rate, no hourly
 * events. Call after `settleStock`, whenever people, stock or roads change. No-op otherwise.
 */
export function refreshRates(tr: Trial): void {
  if (!tr.rateMode) return;
  const w = tr.world;
  const nI = w.itemCount;
  const items = tr.s.reserves.items;
  const nK = tr.stock.length;
  const t = reliefTables(w);
  if (stockedNow.length < nK) {
    stockedNow = new Uint8Array(nK);
    drawn = new Int32Array(nK);
  }
  const stocked = stockedNow;
  let nDrawn = 0;
  const emptyAt = t.emptyAt;
  // only the daily items' entries are read (nearestStocked, bestStocked and the searches ask
  // about daily items alone) and given a rate; the others keep whatever they held
  const entries = t.dailyEntries;
  const rate = tr.drawRate;
  const stock = tr.stock;
  const source = tr.drawSource;
  const perDayOf = t.perDay;
  for (let j = 0; j < entries.length; j++) {
    const k = entries[j]!;
    stocked[k] = stock[k]! <= emptyAt[k]! ? 0 : 1;
    rate[k] = 0;
  }
  const rows = storeRowsOf(tr);
  // affected villages in ascending order, as the draw rates are summed
  for (const v of tr.affectedVillages) {
    const people = peopleInNeed(tr, v);
    if (!(people > 0)) {
      for (let k = 0; k < nI; k++) source[v * nI + k] = -2; // nobody here draws it
      continue;
    }
    const row = storeRow(tr, rows, v, stocked, t.daily);
    const reachable = rows.count[row]! > 0;
    for (let k = 0; k < nI; k++) {
      const perDay = perDayOf[k]!;
      if (!(perDay > 0)) {
        source[v * nI + k] = -2;
        continue;
      }
      // the nearest store holding it; with none reachable at all, the best-stocked one
      const best = reachable ? rows.nearestStocked(row, stocked, nI, k) : bestStocked(tr, stocked, k);
      const before = source[v * nI + k]!;
      source[v * nI + k] = best;
      if (best >= 0) {
        if (rate[best * nI + k] === 0) drawn[nDrawn++] = best * nI + k;
        rate[best * nI + k]! += (people * perDay) / MIN_PER_DAY;
      } else if (before !== -1 && tr.log.on)
        tr.log.add(tr.now, 'relief.shortfall', { village: tr.s.region.villages[v]!.id, item: items[k]!.id, perDay: Math.round(people * perDay * 1000) / 1000 });
    }
  }
  // only the entries given a rate can run out: visited in ascending order, as a full pass would
  sortInts(drawn, nDrawn);
  nDrawnLast = nDrawn;
  drawnFor = tr;
  let next = Infinity;
  const now = tr.now;
  for (let j = 0; j < nDrawn; j++) {
    const k = drawn[j]!;
    const r = rate[k]!;
    if (!(r > 0)) continue;
    // a store that would run out within the clock's resolution has run out now (else the check
    // would fall at this very minute again and again)
    if (!(now + stock[k]! / r > now)) {
      stock[k] = 0;
      tr.recordStock(Math.floor(k / nI), k % nI);
      if (w.initialStock[k]! > 0) noteStockout(tr, Math.floor(k / nI), k % nI);
      refreshRates(tr);
      return;
    }
    next = Math.min(next, stock[k]! / r);
    const wh = Math.floor(k / nI);
    const above = stock[k]! - t.reorderAt[k]!;
    // within requestResupply's tolerance it is already low: a request that found nothing to send (an
    // empty parent) is not retried at ever smaller steps
    if (!tr.resupplyPending[wh] && above > t.reorderTol[k]! && now + above / r > now) next = Math.min(next, above / r);
  }
  tr.stockEpoch++;
  if (now + next <= tr.horizon) tr.schedule(now + next, { k: 'stockCheck', epoch: tr.stockEpoch });
}

/** Sorts `a[0 … n − 1]` ascending in place (insertion sort: a few entries). */
function sortInts(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    let j = i;
    for (; j > 0 && a[j - 1]! > x; j--) a[j] = a[j - 1]!;
    a[j] = x;
  }
}

/** The store holding most of item `k` among those `stocked` (ties: lower index), or −1. Pure read. */
function bestStocked(tr: Trial, stocked: Uint8Array, k: number): number {
  const nI = tr.world.itemCount;
  const nW = tr.world.warehouseNode.length;
  let best = -1;
  for (let i = 0; i < nW; i++) {
    if (stocked[i * nI + k] === 0) continue;
    if (best < 0 || tr.stock[i * nI + k]! > tr.stock[best * nI + k]!) best = i;
  }
  return best;
}

/** Roads closed or reopened: with consumption 'rate', villages may now draw from other stores. */
export function onNetworkChange(tr: Trial): void {
  if (!tr.rateMode) return;
  settleStock(tr);
  refreshRates(tr);
}

/** The horizon: with consumption 'rate', stock and shortfall are brought up to it. */
export function finishStock(tr: Trial): void {
  settleStock(tr);
}
