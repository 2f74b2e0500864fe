import { sampleDist } from '../random/index.ts';
import { routeExists } from './routeExists.ts';
import { depart, planTravel } from './travel.ts';
import type { Trial } from './trial.ts';

/** A truck from store `wh` to `village` with `quantities` (per item) for `people`: it loads (a drawn number of hours), then leaves. */
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

/** Deliveries waiting for a road try again (after a link reopens); one still cut off plans nothing. */
export function retryWaitingDeliveries(tr: Trial): void {
  tr.deliveries.forEach((d, index) => {
    if (d.machine.value !== 'waitingForRoute') return;
    const dest = tr.world.villageNode[d.village]!;
    if (!routeExists(tr, d.at, dest)) return;
    const travel = planTravel(tr, d.at, dest, 1);
    if (!travel) return;
    d.machine.send({ type: 'ROUTE_FOUND' });
    depart(tr, { kind: 'delivery', index }, travel);
  });
}
