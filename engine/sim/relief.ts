import { sampleDist } from '../random/index.ts';
import { reliefTables } from './reliefTables.ts';
import { storeRow, storeRowsOf } from './storeDistances.ts';
import { depart, planTravel } from './travel.ts';
import type { ShelterStay, Trial } from './trial.ts';

const MIN_PER_DAY = 1440;

/**
 * People leave their homes for the nearest shelters with room (intact-network distance).
 * Returns where they went (those without room are overflow and not listed).
 */
export function admitToShelter(tr: Trial, village: number, people: number): ShelterStay[] {
  const stays: ShelterStay[] = [];
  if (people > 0) tr.relocatedPeople += people;
  let left = people;
  for (const k of tr.world.villageShelters[village]!) {
    if (left <= 0) break;
    if (tr.shelterOpen[k] === 0) continue;
    const room = tr.s.shelters[k]!.capacity - tr.shelterOccupancy[k]!;
    const take = Math.min(room, left);
    if (take <= 0) continue;
    tr.shelterOccupancy[k]! += take;
    left -= take;
    stays.push({ shelter: k, people: take });
    if (tr.log.on) tr.log.add(tr.now, 'shelter.admitted', { shelter: tr.s.shelters[k]!.id, people: take });
  }
  if (left > 0) {
    tr.shelterOverflow += left;
    if (tr.log.on) tr.log.add(tr.now, 'shelter.overflow', { village: tr.s.region.villages[village]!.id, people: left });
  }
  return stays;
}

/** The people of `stays` go home: each shelter's occupancy drops by what it took in. */
export function leaveShelter(tr: Trial, stays: readonly ShelterStay[]): void {
  for (const { shelter, people } of stays) {
    if (people <= 0) continue;
    tr.shelterOccupancy[shelter] = Math.max(0, tr.shelterOccupancy[shelter]! - people);
    if (tr.log.on) tr.log.add(tr.now, 'shelter.left', { shelter: tr.s.shelters[shelter]!.id, people });
  }
}

/** People of `village` still needing daily relief: affected minus those gone home. Pure read. */
export function peopleInNeed(tr: Trial, village: number): number {
  const gone = tr.villageReleased[village]!;
  return Math.max(0, tr.villageAffected[village]! - gone);
}

/**
 * `people` of `village` go home and need no more daily relief from now on; what was already
 * delivered stays counted, and they stay counted as affected.
 */
export function endRelief(tr: Trial, village: number, people: number): void {
  if (people <= 0) return;
  settleStock(tr);
  const before = peopleInNeed(tr, village);
  tr.villageReleased[village]! += people;
  if (tr.log.on) tr.log.add(tr.now, 'relief.ended', { village: tr.s.region.villages[village]!.id, people: before - peopleInNeed(tr, village), remaining: peopleInNeed(tr, village) });
  refreshRates(tr);
}

/**
 * `people` more are affected in `village`: they need the once-only items (tents, quilts) now,
 * and the daily ones from now on — with consumption 'rate' drawn from a store as they are used
 * (`refreshRates`), with 'dailyLump' as `coverDaysPerDelivery` days of need taken at each delivery.
 */
export function requestRelief(tr: Trial, village: number, people: number): void {
  const r = tr.s.reserves;
  settleStock(tr);
  if (!Number.isFinite(tr.villageAffectedAt[village]!)) {
    tr.villageAffectedAt[village] = tr.now;
    const list = tr.affectedVillages;
    let i = list.length;
    list.push(village);
    for (; i > 0 && list[i - 1]! > village; i--) list[i] = list[i - 1]!;
    list[i] = village;
    tr.villagesAwaitingRelief++;
    for (let round = 1; tr.auto && tr.now + round * r.coverDaysPerDelivery * MIN_PER_DAY < tr.horizon; round++)
      tr.schedule(tr.now + round * r.coverDaysPerDelivery * MIN_PER_DAY, { k: 'reliefDue', village, round });
  }
  tr.villageAffected[village]! += people;
  if (tr.log.on) tr.log.add(tr.now, 'relief.requested', { village: tr.s.region.villages[village]!.id, people });
  if (!tr.auto) return; // in a drill, trainees release stock
  const nI = tr.world.itemCount;
  const need = new Array<number>(nI);
  if (tr.rateMode) {
    for (let k = 0; k < nI; k++) need[k] = people * r.items[k]!.perPersonOnce;
    // each store's once-only items become its truck's load (`loadOf`)
    takeNearest(tr, village, need, people, false);
    refreshRates(tr);
    sendTransport(tr, village, people);
    return;
  }
  for (let k = 0; k < nI; k++) {
    const it = r.items[k]!;
    need[k] = people * (it.perPersonOnce + it.perPersonPerDay * r.coverDaysPerDelivery);
  }
  takeNearest(tr, village, need, people, true);
}

/** The next period's daily items for everyone in the village still needing relief (not gone home). */
export function onReliefDue(tr: Trial, village: number): void {
  const r = tr.s.reserves;
  const people = peopleInNeed(tr, village);
  if (people <= 0) return;
  if (tr.rateMode) {
    sendTransport(tr, village, people);
    return;
  }
  const need = r.items.map((it) => people * it.perPersonPerDay * r.coverDaysPerDelivery);
  if (anyPositive(need)) takeNearest(tr, village, need, people, true);
}

/**
 * Scratch of `takeNearest` and `sendTransport` at a rate (single-threaded; neither is entered
 * again before it is done): per store, the load of the truck being made up for one village
 * (null: none yet), and the stores given one, in the order first given (the trucks leave so).
 */
let loadOf: (number[] | null)[] = [];
let loadOrder = new Int32Array(0);
let nLoads = 0;

/** Store `wh`'s truck carries `q` (per item); it must have none yet. */
function addLoad(wh: number, q: number[]): void {
  if (loadOrder.length <= nLoads) {
    const grown = new Int32Array(Math.max(8, 2 * loadOrder.length));
    grown.set(loadOrder);
    loadOrder = grown;
  }
  loadOf[wh] = q;
  loadOrder[nLoads++] = wh;
}

/** Is any entry of `q` above zero? Pure. */
function anyPositive(q: readonly number[]): boolean {
  for (let k = 0; k < q.length; k++) if (q[k]! > 0) return true;
  return false;
}

/**
 * Consumption 'rate': trucks to `village`, one per store — the once-only items already taken
 * from it (the loads `takeNearest` made, if any) and the daily goods for the next
 * `coverDaysPerDelivery` days from the store each daily item is drawn from. The daily goods
 * are transport only: they left the stock at the rate they are used (`settleStock`).
 */
function sendTransport(tr: Trial, village: number, people: number): void {
  const r = tr.s.reserves;
  const nI = tr.world.itemCount;
  for (let k = 0; k < nI; k++) {
    const it = r.items[k]!;
    const src = tr.drawSource[village * nI + k]!;
    if (src < 0 || !(it.perPersonPerDay > 0)) continue;
    let q = loadOf[src];
    if (!q) addLoad(src, (q = new Array<number>(nI).fill(0)));
    q[k]! += people * it.perPersonPerDay * r.coverDaysPerDelivery;
  }
  const n = nLoads;
  nLoads = 0;
  for (let j = 0; j < n; j++) {
    const wh = loadOrder[j]!;
    const q = loadOf[wh]!;
    loadOf[wh] = null;
    if (anyPositive(q)) startDelivery(tr, wh, village, q, people);
  }
}

/** Scratch of `takeNearest`: the reachable stores, nearest first. */
let nearest = new Int32Array(0);

/**
 * Takes `need` (its own now: it is used up as what is still missing) from the reachable
 * warehouses, nearest first (ties: lower index), each giving what it holds; what nobody
 * reachable holds is a shortfall. With every store cut off, the best-stocked store gives and
 * waits for a road. Store by store, what it gave leaves at once (`deliver`: a truck to
 * `village` for `people`) or becomes its truck's load for `sendTransport`; then the store may
 * ask for resupply.
 */
function takeNearest(tr: Trial, village: number, need: number[], people: number, deliver: boolean): void {
  if (!anyPositive(need)) return;
  const w = tr.world;
  const nI = w.itemCount;
  const tree = tr.tree(w.villageNode[village]!);
  const whNode = w.warehouseNode;
  const nW = whNode.length;
  if (nearest.length < nW) nearest = new Int32Array(nW);
  const stores = nearest;
  // by (distance, index): insertion keeps a later index after an equal distance
  let n = 0;
  for (let i = 0; i < nW; i++) {
    const x = tree.distTo(whNode[i]!);
    if (!Number.isFinite(x)) continue;
    let j = n++;
    for (; j > 0 && tree.distTo(whNode[stores[j - 1]!]!) > x; j--) stores[j] = stores[j - 1]!;
    stores[j] = i;
  }
  if (n === 0) {
    let best = -1;
    let bestHeld = 0;
    for (let i = 0; i < nW; i++) {
      let held = 0;
      for (let k = 0; k < nI; k++) held += need[k]! > 0 ? Math.min(1, tr.stock[i * nI + k]! / need[k]!) : 0;
      if (held > bestHeld) (best = i), (bestHeld = held);
    }
    if (best >= 0) stores[n++] = best;
  }
  const left = need;
  for (let s = 0; s < n; s++) {
    const wh = stores[s]!;
    let anyLeft = false;
    for (let k = 0; k < nI; k++) if (!(left[k]! <= 1e-9)) anyLeft = true;
    if (!anyLeft) break;
    const take = new Array<number>(nI);
    let anyTaken = false;
    for (let k = 0; k < nI; k++) {
      take[k] = Math.min(left[k]!, tr.stock[wh * nI + k]!);
      if (!(take[k]! <= 0)) anyTaken = true;
    }
    if (!anyTaken) continue;
    for (let k = 0; k < nI; k++) {
      const q = take[k]!;
      if (q <= 0) continue;
      markBeforeJump(tr, wh, k);
      tr.stock[wh * nI + k]! -= q;
      left[k]! -= q;
      tr.recordStock(wh, k);
      if (tr.stock[wh * nI + k]! <= 1e-9 && w.initialStock[wh * nI + k]! > 0) noteStockout(tr, wh, k);
    }
    if (deliver) startDelivery(tr, wh, village, take, people);
    else addLoad(wh, take);
    maybeResupply(tr, wh);
  }
  for (let k = 0; k < nI; k++) {
    const q = left[k]!;
    if (q > 1e-9) {
      tr.shortfall[k]! += q;
      if (tr.log.on) tr.log.add(tr.now, 'relief.shortfall', {
        village: tr.s.region.villages[village]!.id,
        item: tr.s.reserves.items[k]!.id,
        quantity: Math.round(q * 1000) / 1000,
      });
    }
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

/** Consumption 'rate': before a jump in a store's level, the level just before it goes in the series. */
function markBeforeJump(tr: Trial, wh: number, item: number): void {
  if (tr.rateMode && tr.stockRecordedAt[wh * tr.world.itemCount + item]! < tr.now) tr.recordStock(wh, item);
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
  // only daily items are ever given a rate: their entries, in the ascending order of a full pass
  const entries = t.dailyEntries;
  for (let j = 0; j < entries.length; j++) {
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
/** the store × item entries `refreshRates` gave a draw rate, in the order first given */
let drawn = new Int32Array(0);

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
  for (let j = 0; j < entries.length; j++) {
    const k = entries[j]!;
    stocked[k] = tr.stock[k]! <= emptyAt[k]! ? 0 : 1;
    rate[k] = 0;
  }
  const rows = storeRowsOf(tr);
  // affected villages in ascending order, as the draw rates are summed
  for (const v of tr.affectedVillages) {
    const people = peopleInNeed(tr, v);
    if (!(people > 0)) {
      for (let k = 0; k < nI; k++) tr.drawSource[v * nI + k] = -2; // nobody here draws it
      continue;
    }
    const row = storeRow(tr, rows, v, stocked, t.daily);
    const reachable = rows.count[row]! > 0;
    for (let k = 0; k < nI; k++) {
      const perDay = items[k]!.perPersonPerDay;
      if (!(perDay > 0)) {
        tr.drawSource[v * nI + k] = -2;
        continue;
      }
      // the nearest store holding it; with none reachable at all, the best-stocked one
      const best = reachable ? rows.nearestStocked(row, stocked, nI, k) : bestStocked(tr, stocked, k);
      const before = tr.drawSource[v * nI + k]!;
      tr.drawSource[v * nI + k] = best;
      if (best >= 0) {
        if (rate[best * nI + k] === 0) drawn[nDrawn++] = best * nI + k;
        rate[best * nI + k]! += (people * perDay) / MIN_PER_DAY;
      } else if (before !== -1 && tr.log.on)
        tr.log.add(tr.now, 'relief.shortfall', { village: tr.s.region.villages[v]!.id, item: items[k]!.id, perDay: Math.round(people * perDay * 1000) / 1000 });
    }
  }
  // only the entries given a rate can run out: visited in ascending order, as a full pass would
  sortInts(drawn, nDrawn);
  let next = Infinity;
  for (let j = 0; j < nDrawn; j++) {
    const k = drawn[j]!;
    const r = rate[k]!;
    if (!(r > 0)) continue;
    // a store that would run out within the clock's resolution has run out now (else the check
    // would fall at this very minute again and again)
    if (!(tr.now + tr.stock[k]! / r > tr.now)) {
      tr.stock[k] = 0;
      tr.recordStock(Math.floor(k / nI), k % nI);
      if (w.initialStock[k]! > 0) noteStockout(tr, Math.floor(k / nI), k % nI);
      refreshRates(tr);
      return;
    }
    next = Math.min(next, tr.stock[k]! / r);
    const wh = Math.floor(k / nI);
    const above = tr.stock[k]! - t.reorderAt[k]!;
    // within requestResupply's tolerance it is already low: a request that found nothing to send (an
    // empty parent) is not retried at ever smaller steps
    if (!tr.resupplyPending[wh] && above > t.reorderTol[k]! && tr.now + above / r > tr.now) next = Math.min(next, above / r);
  }
  tr.stockEpoch++;
  if (tr.now + next <= tr.horizon) tr.schedule(tr.now + next, { k: 'stockCheck', epoch: tr.stockEpoch });
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

/** Consumption 'rate': a store ran out or fell below its reorder level (unless things changed since). */
export function onStockCheck(tr: Trial, epoch: number): void {
  if (epoch !== tr.stockEpoch) return;
  settleStock(tr);
  for (let wh = 0; wh < tr.world.warehouseNode.length; wh++) maybeResupply(tr, wh);
  refreshRates(tr);
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

function noteStockout(tr: Trial, wh: number, item: number): void {
  const k = wh * tr.world.itemCount + item;
  if (tr.stockoutSeen[k]) return;
  tr.stockoutSeen[k] = 1;
  tr.stockouts.push({ t: tr.now, warehouse: wh, item });
  if (tr.log.on) tr.log.add(tr.now, 'stock.out', { warehouse: tr.s.reserves.warehouses[wh]!.id, item: tr.s.reserves.items[item]!.id });
}

export function startDelivery(tr: Trial, wh: number, village: number, quantities: number[], people: number): void {
  const index = tr.deliveries.length;
  tr.deliveries.push({ machine: tr.machines.delivery(), warehouse: wh, village, quantities, people, at: tr.world.warehouseNode[wh]!, travel: null });
  const whDef = tr.s.reserves.warehouses[wh]!;
  const hours = sampleDist(tr.rngOnce('warehouse', whDef.id, 'loading', tr.warehouseLoads[wh]!++), whDef.loadingHours);
  if (tr.log.on) tr.log.add(tr.now, 'delivery.dispatched', {
    delivery: index,
    warehouse: whDef.id,
    village: tr.s.region.villages[village]!.id,
    items: Object.fromEntries(tr.s.reserves.items.map((it, k) => [it.id, Math.round(quantities[k]! * 1000) / 1000])),
  });
  tr.schedule(tr.now + hours * 60, { k: 'loaded', delivery: index });
}

/** Loaded: the truck leaves, or waits for a road. */
export function onLoaded(tr: Trial, index: number): void {
  const d = tr.deliveries[index]!;
  const travel = planTravel(tr, tr.world.warehouseNode[d.warehouse]!, tr.world.villageNode[d.village]!, 0);
  if (!travel) {
    d.machine.send({ type: 'NO_ROUTE' });
    if (tr.log.on) tr.log.add(tr.now, 'delivery.noRoute', { delivery: index });
    return;
  }
  d.machine.send({ type: 'LOADED' });
  depart(tr, { kind: 'delivery', index }, travel);
}

/** A delivery reaches its village: the first one marks the village as relieved. */
export function onDeliveryArrive(tr: Trial, index: number, leg: number): void {
  const d = tr.deliveries[index]!;
  if (!d.travel || leg !== d.travel.leg) return;
  d.travel = null;
  d.machine.send({ type: 'ARRIVED' });
  const v = tr.s.region.villages[d.village]!;
  if (tr.log.on) tr.log.add(tr.now, 'delivery.arrived', { delivery: index, village: v.id });
  if (!Number.isFinite(tr.villageFirstReliefAt[d.village]!)) {
    tr.villageFirstReliefAt[d.village] = tr.now;
    tr.villagesAwaitingRelief--;
    const hours = (tr.now - tr.villageAffectedAt[d.village]!) / 60;
    if (tr.log.on) tr.log.add(tr.now, 'relief.first', { village: v.id, hours: Math.round(hours * 1000) / 1000 });
  }
}

/** A delivery met a cut ahead: re-plan from there or wait. */
export function onDeliveryReroute(tr: Trial, index: number, leg: number, node: number): void {
  const d = tr.deliveries[index]!;
  if (!d.travel || leg !== d.travel.leg) return;
  const travel = planTravel(tr, node, d.travel.dest, leg);
  if (travel) depart(tr, { kind: 'delivery', index }, travel);
  else {
    d.travel = null;
    d.at = node;
    d.machine.send({ type: 'NO_ROUTE' });
    if (tr.log.on) tr.log.add(tr.now, 'delivery.noRoute', { delivery: index });
  }
}

/** Deliveries waiting for a road try again (after a link reopens). */
export function retryWaitingDeliveries(tr: Trial): void {
  tr.deliveries.forEach((d, index) => {
    if (d.machine.value !== 'waitingForRoute') return;
    const travel = planTravel(tr, d.at, tr.world.villageNode[d.village]!, 1);
    if (!travel) return;
    d.machine.send({ type: 'ROUTE_FOUND' });
    depart(tr, { kind: 'delivery', index }, travel);
  });
}

/** Tops a store up from its parent (or from outside the county) once it runs low. */
function maybeResupply(tr: Trial, wh: number): void {
  if (tr.auto) requestResupply(tr, wh, false);
}

/** The shortest resupply lead time, 1 minute (assumed: the engine's clock step). */
const MIN_RESUPPLY_HOURS = 1 / 60;

/**
 * Tops store `wh` up to its initial stock from its parent (or from outside the county) —
 * when it runs low (`force` false) or on request (`force` true). Returns false when nothing
 * was requested (already pending, or nothing missing).
 */
export function requestResupply(tr: Trial, wh: number, force: boolean): boolean {
  if (tr.resupplyPending[wh]) return false;
  settleStock(tr);
  const w = tr.world;
  const nI = w.itemCount;
  const def = tr.s.reserves.warehouses[wh]!;
  // at a rate, the check falls at the crossing itself: a relative 1e-9 keeps rounding from missing it
  const tol = tr.rateMode ? 1e-9 : 0;
  let low = false;
  for (let k = 0; k < nI; k++) {
    const init = w.initialStock[wh * nI + k]!;
    if (init > 0 && tr.stock[wh * nI + k]! < def.reorderFraction * init + tol * init) low = true;
  }
  if (!low && !force) return false;
  const parent = w.warehouseParent[wh]!;
  const quantities: number[] = [];
  for (let k = 0; k < nI; k++) {
    let q = Math.max(0, w.initialStock[wh * nI + k]! - tr.stock[wh * nI + k]!);
    if (parent >= 0) {
      q = Math.min(q, tr.stock[parent * nI + k]!);
      if (q > 0) {
        markBeforeJump(tr, parent, k);
        tr.stock[parent * nI + k]! -= q;
        tr.recordStock(parent, k);
        if (tr.stock[parent * nI + k]! <= 1e-9 && w.initialStock[parent * nI + k]! > 0) noteStockout(tr, parent, k);
      }
    }
    quantities.push(q);
  }
  if (quantities.every((q) => q <= 0)) return false;
  tr.resupplyPending[wh] = 1;
  // a resupply takes at least one minute (assumed: the engine's clock step): with a lead time of
  // zero, a store drawn at a rate would empty and refill at ever closer instants without end
  const hours = Math.max(MIN_RESUPPLY_HOURS, sampleDist(tr.rngOnce('warehouse', def.id, 'resupply', tr.warehouseResupplies[wh]!++), def.resupplyLeadHours));
  if (tr.log.on) tr.log.add(tr.now, 'resupply.requested', {
    warehouse: def.id,
    from: parent >= 0 ? tr.s.reserves.warehouses[parent]!.id : 'outside',
    hours: Math.round(hours * 1000) / 1000,
  });
  tr.schedule(tr.now + hours * 60, { k: 'resupply', warehouse: wh, quantities });
  if (parent >= 0) maybeResupply(tr, parent);
  return true;
}

/** Resupply arrives: stock goes back up. */
export function onResupply(tr: Trial, wh: number, quantities: number[]): void {
  const nI = tr.world.itemCount;
  settleStock(tr);
  quantities.forEach((q, k) => {
    if (q <= 0) return;
    markBeforeJump(tr, wh, k);
    tr.stock[wh * nI + k]! += q;
    tr.recordStock(wh, k);
  });
  tr.resupplyPending[wh] = 0;
  if (tr.log.on) tr.log.add(tr.now, 'resupply.arrived', { warehouse: tr.s.reserves.warehouses[wh]!.id });
  maybeResupply(tr, wh);
  refreshRates(tr);
}
