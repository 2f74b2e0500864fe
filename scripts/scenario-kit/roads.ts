/**
 * The synthetic road network of a builder's county. Pure; its draws come from Rand(ns, 'roads').
 */
import type { Township, Village } from './county.ts';
import { dist, type XY } from './geo.ts';
import { Rand, clamp, round } from './rand.ts';

export interface Link {
  id: string;
  name?: { zh: string; en: string };
  from: string;
  to: string;
  lengthKm: number;
  speedKmh: number;
  trunk: boolean;
  susceptibility: number;
  kind: 'trunk' | 'village' | 'cross';
}

/** What a susceptibility rule may read of a corridor besides its steepness. */
export interface Corridor {
  /** straight-line length, km */
  km: number;
  /** mean elevation along it, m (13 points) */
  meanM: number;
}

export interface RoadOptions {
  /** road length over straight-line length */
  winding: number;
  /** km/h, drawn per trunk link (integer, both ends included) */
  trunkSpeed: [number, number];
  /** km/h between two urban seats */
  townSpeed: number;
  /** village road speed from the corridor steepness 0–1 (rounded to km/h) */
  villageSpeed: (steep: number) => number;
  /** corridor susceptibility 0–1 (documentation: the engine reads the sites' cuts) */
  susceptibility: (steep: number, trunk: boolean, r: Rand, corridor: Corridor) => number;
  /** relative neighbourhood edges longer than this are dropped unless they connect */
  maxTrunkKm: number;
  /** radial roads from the county town to seats within this */
  radialKm: number;
  /** cross-township village roads up to this long */
  crossKm: number;
  elevation: (p: XY) => number;
}

/** Steepness 0–1: relief along the corridor (13 points) per its length. */
function corridorTerrain(o: RoadOptions, a: XY, b: XY): { km: number; steep: number; meanM: number } {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (let k = 0; k <= 12; k++) {
    const e = o.elevation([a[0] + ((b[0] - a[0]) * k) / 12, a[1] + ((b[1] - a[1]) * k) / 12]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
    sum += e;
  }
  const km = dist(a, b);
  return { km, steep: clamp((hi - lo) / (40 + 12 * km), 0, 1), meanM: sum / 13 };
}

/**
 * The synthetic road network: trunk roads on the relative neighbourhood graph of the seats
 * (connected, with loops: a and b are joined unless some seat is nearer both of them than they
 * are to each other) plus radial roads from the county town that cross no trunk road; village
 * roads as trees towards each seat (each village joins the cheapest node nearer the seat); one
 * village road between neighbouring townships as a detour. Sets each village's parent, access
 * and treeKm. Links in order: trunk, village, cross.
 */
export function buildRoads(ts: Township[], o: RoadOptions, ns: string): Link[] {
  const r = new Rand(ns, 'roads');
  const links: Link[] = [];
  const susc = (a: XY, b: XY, trunk: boolean) => {
    const { km, steep, meanM } = corridorTerrain(o, a, b);
    return { km, steep, s: () => o.susceptibility(steep, trunk, r, { km, meanM }) };
  };
  const pairs: [Township, Township][] = [];
  for (let i = 0; i < ts.length; i++)
    for (let j = i + 1; j < ts.length; j++) {
      const a = ts[i]!;
      const b = ts[j]!;
      const ab = dist(a.xy, b.xy);
      if (ts.every((c) => c === a || c === b || Math.max(dist(c.xy, a.xy), dist(c.xy, b.xy)) >= ab)) pairs.push([a, b]);
    }
  pairs.sort((p, q) => dist(p[0].xy, p[1].xy) - dist(q[0].xy, q[1].xy));
  const comp = new Map(ts.map((t) => [t.id, t.id]));
  const find = (x: string): string => (comp.get(x) === x ? x : find(comp.get(x)!));
  const trunkPairs: [Township, Township][] = [];
  for (const [a, b] of pairs) {
    const joins = find(a.id) !== find(b.id);
    if (joins) comp.set(find(a.id), find(b.id));
    if (joins || dist(a.xy, b.xy) <= o.maxTrunkKm) trunkPairs.push([a, b]);
  }
  const crosses = (a: XY, b: XY, c: XY, d: XY) => {
    const or = (p: XY, q: XY, s: XY) => Math.sign((q[0] - p[0]) * (s[1] - p[1]) - (q[1] - p[1]) * (s[0] - p[0]));
    return or(a, b, c) * or(a, b, d) < 0 && or(c, d, a) * or(c, d, b) < 0;
  };
  const town = ts.filter((t) => t.urban);
  if (town.length > 0)
    for (const t of [...ts].sort((p, q) => dist(p.xy, town[0]!.xy) - dist(q.xy, town[0]!.xy))) {
      if (t.urban) continue;
      const hub = town.reduce((m, u) => (dist(u.xy, t.xy) < dist(m.xy, t.xy) ? u : m));
      if (dist(hub.xy, t.xy) > o.radialKm || trunkPairs.some(([a, b]) => (a === hub && b === t) || (a === t && b === hub))) continue;
      if (trunkPairs.some(([a, b]) => a !== t && b !== t && a !== hub && b !== hub && crosses(a.xy, b.xy, hub.xy, t.xy))) continue;
      trunkPairs.push(hub.d.code < t.d.code ? [hub, t] : [t, hub]);
    }
  trunkPairs.sort((p, q) => (p[0].d.code + p[1].d.code < q[0].d.code + q[1].d.code ? -1 : 1));
  for (const [a, b] of trunkPairs) {
    const { km, s } = susc(a.xy, b.xy, true);
    const inTown = a.urban && b.urban;
    links.push({
      id: `r-${a.id}-${b.id}`,
      name: { zh: `${a.d.zh}—${b.d.zh}干线公路`, en: `${a.d.en}–${b.d.en} trunk road` },
      from: a.node,
      to: b.node,
      lengthKm: round(Math.max(0.5, km * o.winding), 1),
      speedKmh: inTown ? o.townSpeed : r.int(o.trunkSpeed[0], o.trunkSpeed[1]),
      trunk: true,
      susceptibility: inTown ? 0.05 : s(),
      kind: 'trunk',
    });
  }
  for (const t of ts) {
    const joined: { node: string; xy: XY; seatKm: number; treeKm: number; zh: string; en: string }[] = [{ node: t.node, xy: t.xy, seatKm: 0, treeKm: 0, zh: t.d.zh, en: t.d.en }];
    const order = [...t.villages].sort((a, b) => dist(a.xy, t.xy) - dist(b.xy, t.xy) || (a.id < b.id ? -1 : 1));
    for (const v of order) {
      const seatKm = dist(v.xy, t.xy);
      let best = joined[0]!;
      let bestCost = Infinity;
      for (const p of joined) {
        if (p.seatKm >= seatKm) continue;
        const cost = dist(v.xy, p.xy) + 0.3 * p.treeKm;
        if (cost < bestCost) (best = p), (bestCost = cost);
      }
      const { km, steep, s } = susc(best.xy, v.xy, false);
      const lengthKm = round(Math.max(0.4, km * o.winding), 1);
      v.parent = best.node;
      v.access = `r-${v.id}`;
      v.treeKm = best.treeKm + lengthKm;
      joined.push({ node: v.node, xy: v.xy, seatKm, treeKm: v.treeKm, zh: v.d.zh, en: v.d.en });
      links.push({ id: v.access, name: villageRoadName(best, v.d), from: best.node, to: v.node, lengthKm, speedKmh: Math.round(o.villageSpeed(steep)), trunk: false, susceptibility: s(), kind: 'village' });
    }
  }
  for (const [a, b] of trunkPairs) {
    if (a.urban && b.urban) continue;
    let best: [Village, Village] | undefined;
    for (const va of a.villages) for (const vb of b.villages) if (!best || dist(va.xy, vb.xy) < dist(best[0].xy, best[1].xy)) best = [va, vb];
    if (!best || dist(best[0].xy, best[1].xy) > o.crossKm) continue;
    const { km, steep, s } = susc(best[0].xy, best[1].xy, false);
    links.push({
      id: `r-x-${best[0].id}-${best[1].id}`,
      name: villageRoadName(best[0].d, best[1].d),
      from: best[0].node,
      to: best[1].node,
      lengthKm: round(Math.max(0.4, km * o.winding), 1),
      speedKmh: Math.round(o.villageSpeed(steep)),
      trunk: false,
      susceptibility: s(),
      kind: 'cross',
    });
  }
  return links;
}

/** A village road (村道) named from its ends, as a county names one: 良安镇—猫儿沟村 村道. Pure. */
export function villageRoadName(a: { zh: string; en: string }, b: { zh: string; en: string }): { zh: string; en: string } {
  return { zh: `${a.zh}—${b.zh} 村道`, en: `${a.en}–${b.en} village road` };
}

/** Links as the scenario writes them (without the builder's `kind`). */
export const linksOut = (links: Link[]) => links.map(({ kind: _k, ...l }) => l);
