/**
 * The county model of the builders: real township and village divisions placed on synthetic
 * ground (seats spread over the county, villages around their seat), with synthetic populations.
 * Pure but for readDivisions (reads the committed JSON). Every draw comes from a Rand keyed by
 * purpose: "seats", "villages:<township code>", "population".
 */
import { readFileSync } from 'node:fs';
import type { DivisionData } from '../build-divisions.ts';
import { fromLonLat, inCounty, dist, toLonLat, type Geo, type XY } from './geo.ts';
import { Rand, largestRemainder } from './rand.ts';

export type { DivisionData };
export type Division = DivisionData['townships'][number];
export type VillageDivision = DivisionData['villages'][number];
export type Bilingual = { zh: string; en: string };

/** scenarios/data/<slug>-divisions.json, as written by scripts/build-divisions.ts. */
export const readDivisions = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as DivisionData;

export interface Township {
  d: Division;
  id: string;
  node: string;
  xy: XY;
  urban: boolean;
  villages: Village[];
  /** people: the sum of its villages */
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
  /** node id of the road towards the seat (set by buildRoads) */
  parent: string;
  /** link id of that road */
  access: string;
  /** km of village road to the seat */
  treeKm: number;
}

export interface PlaceTownshipsOptions {
  /** Mitchell's best-candidate draws per seat; default 80 (the default scenario used 60) */
  candidates?: number;
}

/**
 * Township seats: the given fixed positions, the rest spread evenly over the county (Mitchell's
 * best candidate within `spread` of the ellipse).
 */
export function placeTownships(
  data: DivisionData,
  g: Geo,
  ns: string,
  urban: Set<string>,
  fixed: Record<string, [number, number]>,
  spread = 0.86,
  opts: PlaceTownshipsOptions = {},
): Township[] {
  const r = new Rand(ns, 'seats');
  const candidates = opts.candidates ?? 80;
  const ts: Township[] = [];
  for (const d of data.townships) {
    const f = fixed[d.code];
    let xy: XY | undefined = f ? fromLonLat(g, f) : undefined;
    if (!xy) {
      let best: XY = [0, 0];
      let bestScore = -1;
      for (let k = 0; k < candidates; k++) {
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

export interface PlaceVillagesOptions {
  /** least distance between villages, km */
  spacingKm: number;
  /** villages lie within radiusPerSqrt·√(villages of the township) km of the seat (+1.5 in town) */
  radiusPerSqrt: number;
  /** least distance of a village from its seat, km; default 0.8·spacingKm */
  villageMinRadiusKm?: number;
  /** ring of the communities (社区) around a seat, km: default urban [0.3, 2.2], town [0.2, 1.2] */
  communityRadiusKm?: { urban: [number, number]; town: [number, number] };
  /**
   * After the search radius has grown this many times, a village may lie nearer another seat;
   * default 3. Infinity never allows it (the default scenario).
   */
  relaxNearestAfterGrow?: number;
}

/** Villages around their seat, closer to it than to any other seat, spaced apart. */
export function placeVillages(data: DivisionData, ts: Township[], g: Geo, ns: string, opts: PlaceVillagesOptions): Village[] {
  const byCode = new Map(ts.map((t) => [t.d.code, t]));
  const placed: XY[] = ts.map((t) => t.xy);
  const ring = opts.communityRadiusKm ?? { urban: [0.3, 2.2], town: [0.2, 1.2] };
  const villageMin = opts.villageMinRadiusKm ?? 0.8 * opts.spacingKm;
  const relaxAt = opts.relaxNearestAfterGrow ?? 3;
  const vs: Village[] = [];
  for (const t of ts) {
    const r = new Rand(ns, `villages:${t.d.code}`);
    const own = data.villages.filter((v) => v.township === t.d.code);
    const radius = opts.radiusPerSqrt * Math.sqrt(own.length) + (t.urban ? 1.5 : 0);
    for (const d of own) {
      const community = d.zh.endsWith('社区');
      const [rMin, rMax] = community ? (t.urban ? ring.urban : ring.town) : [villageMin, radius];
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
          if (nearest !== t && !(t.urban && nearest.urban) && grow < relaxAt) continue;
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
  const people = largestRemainder(vs.map((v) => weight(v, r)), total);
  vs.forEach((v, i) => (v.population = people[i]!));
  for (const t of ts) t.population = t.villages.reduce((a, v) => a + v.population, 0);
}

/** Standard node list: seats then villages, elevations rounded to the metre. */
export function roadNodes(g: Geo, ts: Township[], vs: Village[], elev: (p: XY) => number) {
  return [
    ...ts.map((t) => ({ id: t.node, position: toLonLat(g, t.xy), elevationM: Math.round(elev(t.xy)) })),
    ...vs.map((v) => ({ id: v.node, position: toLonLat(g, v.xy), elevationM: Math.round(elev(v.xy)) })),
  ];
}
/** The scenario's `region`: the county, its townships and villages in division order. */
export function regionOut(data: DivisionData, g: Geo, ts: Township[], vs: Village[], terrain: string, elev: (p: XY) => number) {
  return {
    name: { zh: data.county.zh, en: data.county.en },
    code: data.county.code,
    terrain,
    townships: ts.map((t) => ({ id: t.id, name: { zh: t.d.zh, en: t.d.en }, code: t.d.code, population: t.population, position: toLonLat(g, t.xy), elevationM: Math.round(elev(t.xy)), node: t.node })),
    villages: vs.map((v) => ({ id: v.id, name: { zh: v.d.zh, en: v.d.en }, code: v.d.code, township: v.t.id, population: v.population, position: toLonLat(g, v.xy), elevationM: Math.round(elev(v.xy)), node: v.node })),
  };
}

/** "<township><village><what>" / "<village> (<township>) <what>": how the builders name things at a village. */
export const atVillage = (v: Village, zh: string, en: string): Bilingual => ({ zh: `${v.t.d.zh}${v.d.zh}${zh}`, en: `${v.d.en} (${v.t.d.en}) ${en}` });
/** "<township><what>" / "<township> <what>". */
export const atTownship = (t: Township, zh: string, en: string): Bilingual => ({ zh: `${t.d.zh}${zh}`, en: `${t.d.en} ${en}` });
