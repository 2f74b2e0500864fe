import { reliefTables } from './reliefTables.ts';
import { noteStockout } from './stockLevel.ts';
import { rowUnchanged, storeRow, storeRowsOf, type StoreRows } from './storeDistances.ts';
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
  if (refreshedFor !== tr) adopt(tr);
  const nI = tr.world.itemCount;
  const rate = tr.drawRate;
  // a store × item holding at most this (relative to its initial stock) is empty
  const emptyAt = reliefTables(tr.world).emptyAt;
  // only the entries given a rate (ascending, as a pass over every entry visits them); the
  // scratch in locals, as in refreshRates
  const entries = drawn;
  const n = nDrawn;
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
  // only the villages × daily items without a source (by village, then item, as the need is summed)
  const items = tr.s.reserves.items;
  const gaps = unmet;
  const nGaps = nUnmet;
  for (let j = 0; j < nGaps; j++) {
    const v = Math.floor(gaps[j]! / nI);
    const k = gaps[j]! - v * nI;
    const people = peopleInNeed(tr, v);
    if (people > 0) tr.shortfall[k]! += (people * items[k]!.perPersonPerDay * dt) / MIN_PER_DAY;
  }
}

/**
 * What the last `refreshRates` (or `adopt`) left, for trial `refreshedFor` alone (single-threaded
 * scratch; another trial's call starts it over, `adopt`):
 * - `drawn[0 … nDrawn − 1]`: the store × item entries with a draw rate, ascending (every other
 *   entry's rate is zero); `settleStock` need visit no other;
 * - `unmet[0 … nUnmet − 1]`: the village × daily item entries without a source (−1), ascending;
 * - `stocked`: per store × item of a daily item, 1 unless it is empty, as that call saw it, and
 *   `stockedStamp`, taken anew whenever one of those flags flipped;
 * - per village, the stamps its sources were chosen with (`chosenWith`: the flags', −1 when they
 *   must be chosen again; `chosenFrom`: its store row's, `StoreRows.filled`): while both hold,
 *   the sources it has are those a fresh choice would give (`choose`).
 */
let refreshedFor: Trial | null = null;
let drawn = new Int32Array(0);
let nDrawn = 0;
let unmet = new Int32Array(0);
let nUnmet = 0;
let stocked = new Uint8Array(0);
let stockedStamp = 0;
let chosenWith = new Float64Array(0);
let chosenFrom = new Float64Array(0);
/** the last stamp taken for the flags (stamps are never reused, so another trial's never match) */
let stamps = 0;

/** Makes the scratch describe trial `tr` from its arrays (whatever trial it described before). */
function adopt(tr: Trial): void {
  const w = tr.world;
  const nK = tr.stock.length;
  const nVI = tr.drawSource.length;
  if (stocked.length < nK) {
    stocked = new Uint8Array(nK);
    drawn = new Int32Array(nK);
  }
  if (unmet.length < nVI) unmet = new Int32Array(nVI);
  const nV = w.villageNode.length;
  if (chosenWith.length < nV) {
    chosenWith = new Float64Array(nV);
    chosenFrom = new Float64Array(nV);
  }
  chosenWith.fill(-1, 0, nV);
  const t = reliefTables(w);
  const entries = t.dailyEntries;
  nDrawn = 0;
  for (let j = 0; j < entries.length; j++) {
    const k = entries[j]!;
    stocked[k] = tr.stock[k]! <= t.emptyAt[k]! ? 0 : 1;
    if (tr.drawRate[k]! > 0) drawn[nDrawn++] = k;
  }
  stockedStamp = ++stamps;
  const nI = w.itemCount;
  nUnmet = 0;
  for (const v of tr.affectedVillages)
    for (let k = 0; k < nI; k++) if (t.daily[k] === 1 && tr.drawSource[v * nI + k] === -1) unmet[nUnmet++] = v * nI + k;
  refreshedFor = tr;
}

/**
 * Consumption 'rate': which store each village draws each daily item from — the nearest
 * reachable store holding it (ties: lower index; with every store cut off, the best-stocked
 * one, whose goods wait for a road), none (−1) when no such store holds any — and the draw
 * rates that follow (people × perPersonPerDay per day); then queues one `stockCheck` at the
 * first moment a store runs out or falls below its reorder level: stock ÷ rate, no hourly
 * events. Call after `settleStock`, whenever people, stock or roads change. No-op otherwise.
 *
 * A village's sources are chosen again only when they may have changed: its store row was
 * filled anew or went stale, a store ran out or was stocked again, or no store is reachable
 * (the best-stocked one follows the levels). The rates are summed afresh from the sources.
 */
export function refreshRates(tr: Trial): void {
  if (!tr.rateMode) return;
  const w = tr.world;
  const nI = w.itemCount;
  const t = reliefTables(w);
  const rate = tr.drawRate;
  const stock = tr.stock;
  if (refreshedFor !== tr) adopt(tr);
  // every rate is summed afresh: the entries given one last time are the only ones above zero
  for (let j = 0; j < nDrawn; j++) rate[drawn[j]!] = 0;
  // the flags of the daily items' entries (nearestStocked, bestStocked and the searches ask
  // about daily items alone); the others keep whatever they held
  const entries = t.dailyEntries;
  const emptyAt = t.emptyAt;
  let flipped = false;
  for (let j = 0; j < entries.length; j++) {
    const k = entries[j]!;
    const f = stock[k]! <= emptyAt[k]! ? 0 : 1;
    if (stocked[k] !== f) (stocked[k] = f), (flipped = true);
  }
  if (flipped) stockedStamp = ++stamps;
  const rows = storeRowsOf(tr);
  const source = tr.drawSource;
  const perDayOf = t.perDay;
  // the scratch in locals (module-level bindings cost a load at every use in the loop)
  const list = drawn;
  const gaps = unmet;
  const withFlags = chosenWith;
  const fromRow = chosenFrom;
  const current = stockedStamp;
  let n = 0;
  let nGaps = 0;
  // affected villages in ascending order, as the draw rates are summed
  for (const v of tr.affectedVillages) {
    const people = peopleInNeed(tr, v);
    if (!(people > 0)) {
      for (let k = 0; k < nI; k++) source[v * nI + k] = -2; // nobody here draws it
      withFlags[v] = -1;
      continue;
    }
    if (withFlags[v] !== current || !rowUnchanged(tr, rows, rows.row(v), fromRow[v]!)) choose(tr, rows, v, people);
    for (let k = 0; k < nI; k++) {
      const perDay = perDayOf[k]!;
      if (!(perDay > 0)) continue;
      const e = source[v * nI + k]!;
      if (e >= 0) {
        if (rate[e * nI + k] === 0) list[n++] = e * nI + k;
        rate[e * nI + k]! += (people * perDay) / MIN_PER_DAY;
      } else gaps[nGaps++] = v * nI + k;
    }
  }
  nDrawn = n;
  nUnmet = nGaps;
  // only the entries given a rate can run out: visited in ascending order, as a full pass would
  sortInts(list, n);
  let next = Infinity;
  const now = tr.now;
  for (let j = 0; j < n; j++) {
    const k = list[j]!;
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

/**
 * Chooses the sources of village `v` (`people` in need there) afresh, with the flags as they are
 * (`stocked`), and notes what they were chosen with.
 */
function choose(tr: Trial, rows: StoreRows, v: number, people: number): void {
  const nI = tr.world.itemCount;
  const t = reliefTables(tr.world);
  const source = tr.drawSource;
  const row = storeRow(tr, rows, v, stocked, t.daily);
  const reachable = rows.count[row]! > 0;
  for (let k = 0; k < nI; k++) {
    const perDay = t.perDay[k]!;
    if (!(perDay > 0)) {
      source[v * nI + k] = -2;
      continue;
    }
    // the nearest store holding it; with none reachable at all, the best-stocked one
    const best = reachable ? rows.nearestStocked(row, stocked, nI, k) : bestStocked(tr, stocked, k);
    const before = source[v * nI + k]!;
    source[v * nI + k] = best;
    if (best < 0 && before !== -1 && tr.log.on)
      tr.log.add(tr.now, 'relief.shortfall', { village: tr.s.region.villages[v]!.id, item: tr.s.reserves.items[k]!.id, perDay: Math.round(people * perDay * 1000) / 1000 });
  }
  // with no store reachable the best-stocked one follows the levels: chosen again every time
  chosenWith[v] = reachable ? stockedStamp : -1;
  chosenFrom[v] = rows.filled[row]!;
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
