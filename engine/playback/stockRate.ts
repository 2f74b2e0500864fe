import type { Scenario } from '../scenario/schema/scenario.ts';
import { buildRoadGraph, shortestPathTree, type RoadGraph } from '../world/roadGraph.ts';

/**
 * Relief consumed at a rate (reserves.consumption 'rate', the engine's default in automatic
 * runs; engine/sim/relief.ts): daily items leave a store as people use them, so its level falls
 * continuously between the log's events. The log says who needs relief (relief.requested /
 * relief.ended), which roads are closed, and the resupplies; the draw rates follow from those
 * and the scenario exactly as the engine computes them (nearest reachable store holding the
 * item, by travel time over the open roads; with every store cut off, the best-stocked one),
 * and so do the moments a store runs out and its villages turn to the next store — which the
 * log does not always say (a store runs out twice, `stock.out` is logged once).
 */

const MIN_PER_DAY = 1440;

/** The static facts the rate model needs, built once per scenario. */
export interface StockModel {
  /** true when the log's run drew relief at a rate (automatic run, consumption 'rate') */
  rate: boolean;
  whIds: string[];
  itemIds: string[];
  perDay: number[];
  perOnce: number[];
  /** warehouse-major [w · items + i] */
  initial: number[];
  villageIds: string[];
  villageIndex: Map<string, number>;
  villageNode: Int32Array;
  whNode: Int32Array;
  linkIds: string[];
  /** the engine's own road graph (same weights, same Dijkstra, same ties) */
  graph: RoadGraph;
  /** distances village node → each store, by closed-link set (a memo: pure in its key) */
  distMemo: Map<string, Float64Array>;
}

/** The moving part, plain JSON: stock as of `settledT`, and the draw rates in force. */
export interface DrawState {
  /** the time `base` refers to (minutes): the last settling, at the events the engine settles at */
  settledT: number;
  /** units, warehouse-major [w · items + i] */
  base: number[];
  /** units per minute drawn now */
  rate: number[];
  /** the first moment a store drawn at a rate runs out (minutes; null when none is drawn: the state stays plain JSON) */
  nextOut: number | null;
}

/** What the rate model reads of the county state (kept structural: countyState.ts imports this file). */
export interface DrawContext {
  links: Record<string, string>;
  relief: Record<string, { people: number }>;
}

/** The rate model of a scenario; `auto` false for a drill (trainees release stock: no rates). Pure. */
export function stockModel(s: Scenario, auto: boolean): StockModel {
  const nodeIndex = new Map(s.roads.nodes.map((n, i) => [n.id, i]));
  const ni = (id: string) => nodeIndex.get(id) ?? 0;
  const itemIds = s.reserves.items.map((it) => it.id);
  return {
    rate: auto && (s.reserves.consumption ?? 'rate') === 'rate',
    whIds: s.reserves.warehouses.map((w) => w.id),
    itemIds,
    perDay: s.reserves.items.map((it) => it.perPersonPerDay),
    perOnce: s.reserves.items.map((it) => it.perPersonOnce),
    initial: s.reserves.warehouses.flatMap((w) => itemIds.map((id) => w.stock[id] ?? 0)),
    villageIds: s.region.villages.map((v) => v.id),
    villageIndex: new Map(s.region.villages.map((v, i) => [v.id, i])),
    villageNode: Int32Array.from(s.region.villages.map((v) => ni(v.node))),
    whNode: Int32Array.from(s.reserves.warehouses.map((w) => ni(w.node))),
    linkIds: s.roads.links.map((l) => l.id),
    graph: buildRoadGraph(
      s.roads.nodes.length,
      s.roads.links.map((l) => ({ from: ni(l.from), to: ni(l.to), minutes: (l.lengthKm / l.speedKmh) * 60 })),
    ),
    distMemo: new Map(),
  };
}

/** The draw state before any event (null when the run did not draw at a rate). Pure. */
export function initialDraw(m: StockModel): DrawState | null {
  return m.rate ? { settledT: 0, base: m.initial.slice(), rate: m.initial.map(() => 0), nextOut: null } : null;
}

/** A store × item holding at most this (relative to its initial stock) is empty (as the engine's isEmpty). */
const isEmpty = (d: DrawState, m: StockModel, k: number) => d.base[k]! <= 1e-9 * Math.max(1, m.initial[k]!);

/** Brings `d` to time `t` at the rates in force (a store reaching zero is empty), as settleStock does. */
export function settle(d: DrawState, m: StockModel, t: number): void {
  const dt = t - d.settledT;
  if (!(dt > 0)) return;
  d.settledT = t;
  for (let k = 0; k < d.rate.length; k++) {
    const r = d.rate[k]!;
    if (!(r > 0)) continue;
    d.base[k] = d.base[k]! - r * dt;
    if (isEmpty(d, m, k)) d.base[k] = 0;
  }
}

const closedKey = (m: StockModel, c: DrawContext) => {
  let key = '';
  for (let l = 0; l < m.linkIds.length; l++) {
    const st = c.links[m.linkIds[l]!];
    if (st === 'cut' || st === 'clearing') key += `${l},`;
  }
  return key;
};

/** Travel minutes from village `v` to each store over the roads open now (Infinity: no road). */
function storeDistances(m: StockModel, v: number, closed: string): Float64Array {
  const root = m.villageNode[v]!;
  const key = `${root}|${closed}`;
  let out = m.distMemo.get(key);
  if (!out) {
    const open = new Uint8Array(m.graph.linkCount).fill(1);
    for (const l of closed.split(',')) if (l !== '') open[Number(l)] = 0;
    const dist = shortestPathTree(m.graph, open, root).dist;
    out = Float64Array.from(m.whNode, (n) => dist[n]!);
    if (m.distMemo.size >= 50_000) m.distMemo.clear();
    m.distMemo.set(key, out);
  }
  return out;
}

/**
 * The draw rates now (time `t`, `d` settled to it), as refreshRates sets them: each village in
 * need draws each daily item from the nearest reachable store holding it (ties: lower index),
 * or with every store cut off from the best-stocked one. A store that would run out within the
 * clock's resolution has run out now. Then the next moment one runs out.
 */
export function refresh(d: DrawState, m: StockModel, c: DrawContext, t: number): void {
  const nI = m.itemIds.length;
  const nW = m.whIds.length;
  const closed = closedKey(m, c);
  for (let guard = 0; guard <= d.base.length; guard++) {
    d.rate.fill(0);
    for (let v = 0; v < m.villageIds.length; v++) {
      const people = c.relief[m.villageIds[v]!]?.people ?? 0;
      if (!(people > 0)) continue;
      const dist = storeDistances(m, v, closed);
      const reachable = dist.some((x) => Number.isFinite(x));
      for (let k = 0; k < nI; k++) {
        const perDay = m.perDay[k]!;
        if (!(perDay > 0)) continue;
        let best = -1;
        for (let i = 0; i < nW; i++) {
          if (isEmpty(d, m, i * nI + k)) continue;
          if (reachable) {
            if (!Number.isFinite(dist[i]!)) continue;
            if (best < 0 || dist[i]! < dist[best]!) best = i;
          } else if (best < 0 || d.base[i * nI + k]! > d.base[best * nI + k]!) best = i;
        }
        if (best >= 0) d.rate[best * nI + k]! += (people * perDay) / MIN_PER_DAY;
      }
    }
    let again = false;
    d.nextOut = null;
    for (let k = 0; k < d.rate.length; k++) {
      const r = d.rate[k]!;
      if (!(r > 0)) continue;
      if (!(t + d.base[k]! / r > t)) {
        d.base[k] = 0;
        again = true;
        break;
      }
      const out = t + d.base[k]! / r;
      if (d.nextOut === null || out < d.nextOut) d.nextOut = out;
    }
    if (!again) return;
  }
}

/** Runs the draw on to time `t`: every store that runs out before then does at its moment, and its villages turn to the next store. */
export function advance(d: DrawState, m: StockModel, c: DrawContext, t: number): void {
  for (let guard = 0; d.nextOut !== null && d.nextOut <= t && guard <= d.base.length; guard++) {
    const at: number = d.nextOut;
    settle(d, m, at);
    refresh(d, m, c, at);
  }
}

/**
 * The once-only items (tents, quilts) for `people` newly in need at village `village`, taken
 * from the nearest reachable stores holding them, each giving what it holds (takeNearest).
 */
export function takeOnce(d: DrawState, m: StockModel, c: DrawContext, village: string, people: number): void {
  const v = m.villageIndex.get(village);
  if (v === undefined || !(people > 0)) return;
  const nI = m.itemIds.length;
  const need = m.perOnce.map((q) => q * people);
  if (!need.some((q) => q > 0)) return;
  const dist = storeDistances(m, v, closedKey(m, c));
  const stores: number[] = [];
  for (let i = 0; i < m.whIds.length; i++) if (Number.isFinite(dist[i]!)) stores.push(i);
  stores.sort((a, b) => dist[a]! - dist[b]! || a - b);
  if (stores.length === 0) {
    let best = -1;
    let bestHeld = 0;
    for (let i = 0; i < m.whIds.length; i++) {
      let held = 0;
      for (let k = 0; k < nI; k++) held += need[k]! > 0 ? Math.min(1, d.base[i * nI + k]! / need[k]!) : 0;
      if (held > bestHeld) (best = i), (bestHeld = held);
    }
    if (best >= 0) stores.push(best);
  }
  for (const i of stores) {
    for (let k = 0; k < nI; k++) {
      const q = Math.min(need[k]!, d.base[i * nI + k]!);
      if (!(q > 0)) continue;
      d.base[i * nI + k]! -= q;
      need[k]! -= q;
    }
  }
}

/** The stock of every store at time `t` ≥ d.settledT, into `out` (warehouse → item → units); `d` is left as it is. */
export function viewStock(d: DrawState, m: StockModel, c: DrawContext, t: number, out: Record<string, Record<string, number>>): void {
  let w: DrawState = d;
  if (t > d.settledT) {
    w = { settledT: d.settledT, base: d.base.slice(), rate: d.rate.slice(), nextOut: d.nextOut };
    advance(w, m, c, t);
    settle(w, m, t);
  }
  const nI = m.itemIds.length;
  for (let i = 0; i < m.whIds.length; i++) {
    const row = (out[m.whIds[i]!] ??= {});
    for (let k = 0; k < nI; k++) row[m.itemIds[k]!] = w.base[i * nI + k]!;
  }
}
