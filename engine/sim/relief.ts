import { peopleInNeed, refreshRates, settleStock } from './drawRates.ts';
import { anyPositive, sendTransport, takeNearest } from './storeLoads.ts';
import type { Trial } from './trial.ts';

// the relief logistics' entry points for the event handlers, wherever they live
export { onDeliveryArrive, onDeliveryReroute, onLoaded, retryWaitingDeliveries, startDelivery } from './deliveries.ts';
export { finishStock, onNetworkChange, peopleInNeed, refreshRates, settleStock } from './drawRates.ts';
export { onResupply, onStockCheck, requestResupply } from './resupply.ts';
export { admitToShelter, leaveShelter } from './shelters.ts';

const MIN_PER_DAY = 1440;

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
