import type { Trial } from './trial.ts';

/** Consumption 'rate': before a jump in a store's level, the level just before it goes in the series. */
export function markBeforeJump(tr: Trial, wh: number, item: number): void {
  if (tr.rateMode && tr.stockRecordedAt[wh * tr.world.itemCount + item]! < tr.now) tr.recordStock(wh, item);
}

/** Store `wh` has run out of `item`: the first time in a trial, a stockout is recorded. */
export function noteStockout(tr: Trial, wh: number, item: number): void {
  const k = wh * tr.world.itemCount + item;
  if (tr.stockoutSeen[k]) return;
  tr.stockoutSeen[k] = 1;
  tr.stockouts.push({ t: tr.now, warehouse: wh, item });
  if (tr.log.on) tr.log.add(tr.now, 'stock.out', { warehouse: tr.s.reserves.warehouses[wh]!.id, item: tr.s.reserves.items[item]!.id });
}
