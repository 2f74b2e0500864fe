import { sampleDist } from '../random/index.ts';
import { refreshRates, settleStock } from './drawRates.ts';
import { reliefTables } from './reliefTables.ts';
import { markBeforeJump, noteStockout } from './stockLevel.ts';
import type { Trial } from './trial.ts';

/** Consumption 'rate': a store ran out or fell below its reorder level (unless things changed since). */
export function onStockCheck(tr: Trial, epoch: number): void {
  if (epoch !== tr.stockEpoch) return;
  settleStock(tr);
  for (let wh = 0; wh < tr.world.warehouseNode.length; wh++) maybeResupply(tr, wh);
  refreshRates(tr);
}

/** Tops a store up from its parent (or from outside the county) once it runs low. */
export function maybeResupply(tr: Trial, wh: number): void {
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
  // below the reorder level (reorderFraction × initial stock); at a rate the check falls at the
  // crossing itself, and a relative 1e-9 (reorderTol) keeps rounding from missing it
  const t = reliefTables(w);
  let low = false;
  for (let k = wh * nI; k < (wh + 1) * nI && !low; k++)
    if (w.initialStock[k]! > 0 && tr.stock[k]! < (tr.rateMode ? t.reorderAt[k]! + t.reorderTol[k]! : t.reorderAt[k]!)) low = true;
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
