import { startDelivery } from './deliveries.ts';
import { maybeResupply } from './resupply.ts';
import { markBeforeJump, noteStockout } from './stockLevel.ts';
import type { Trial } from './trial.ts';

// Making up the store trucks' loads for a village: what relief takes from the nearest stores.

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
export function anyPositive(q: readonly number[]): boolean {
  for (let k = 0; k < q.length; k++) if (q[k]! > 0) return true;
  return false;
}

/**
 * Consumption 'rate': trucks to `village`, one per store — the once-only items already taken
 * from it (the loads `takeNearest` made, if any) and the daily goods for the next
 * `coverDaysPerDelivery` days from the store each daily item is drawn from. The daily goods
 * are transport only: they left the stock at the rate they are used (`settleStock`).
 */
export function sendTransport(tr: Trial, village: number, people: number): void {
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

/** Scratch of `takeNearest`: each store's distance from the village, Infinity once visited. */
let storeDist = new Float64Array(0);

/**
 * Takes `need` (its own now: it is used up as what is still missing) from the reachable
 * warehouses, nearest first (ties: lower index), each giving what it holds; what nobody
 * reachable holds is a shortfall. With every store cut off, the best-stocked store gives and
 * waits for a road. Store by store, what it gave leaves at once (`deliver`: a truck to
 * `village` for `people`) or becomes its truck's load for `sendTransport`; then the store may
 * ask for resupply.
 */
export function takeNearest(tr: Trial, village: number, need: number[], people: number, deliver: boolean): void {
  if (!anyPositive(need)) return;
  const w = tr.world;
  const nI = w.itemCount;
  const tree = tr.tree(w.villageNode[village]!);
  const whNode = w.warehouseNode;
  const nW = whNode.length;
  if (storeDist.length < nW) storeDist = new Float64Array(nW);
  const d = storeDist;
  let reachable = false;
  for (let i = 0; i < nW; i++) {
    d[i] = tree.distTo(whNode[i]!);
    if (d[i]! < Infinity) reachable = true;
  }
  // with no store reachable, the one holding most of the need (as a share per item)
  let cutOff = -1;
  if (!reachable) {
    let bestHeld = 0;
    for (let i = 0; i < nW; i++) {
      let held = 0;
      for (let k = 0; k < nI; k++) held += need[k]! > 0 ? Math.min(1, tr.stock[i * nI + k]! / need[k]!) : 0;
      if (held > bestHeld) (cutOff = i), (bestHeld = held);
    }
  }
  const left = need;
  for (;;) {
    let anyLeft = false;
    for (let k = 0; k < nI; k++) if (!(left[k]! <= 1e-9)) anyLeft = true;
    if (!anyLeft) break;
    // the nearest store not visited yet (ties: lower index), picked only as the need asks:
    // most requests are met by the first
    let wh = -1;
    if (reachable) {
      for (let i = 0; i < nW; i++) if (d[i]! < Infinity && (wh < 0 || d[i]! < d[wh]!)) wh = i;
      if (wh >= 0) d[wh] = Infinity;
    } else (wh = cutOff), (cutOff = -1);
    if (wh < 0) break;
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
