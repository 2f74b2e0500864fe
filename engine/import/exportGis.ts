/**
 * A scenario → the layers `yanlian import` reads: roads as lines and villages, hazard sites, stores,
 * teams and shelters as point registers, with the importer's own column names (registerSpecs.ts,
 * roadClass.ts), so a county can fix its data in QGIS or Excel and import it again. Pure: the
 * shell (src/cli/exportGisCommand.ts) writes GeoJSON, xlsx and the shapefile.
 *
 * The scenario keeps node positions, not road geometry: each link is written as the straight line
 * between its nodes, with its measured length (length_km) and id (link_id) as attributes so the
 * import keeps both. Straight lines may cross where the roads did not: they are reported
 * (`crossings`), and import does not join two features that both carry a link_id.
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import { localPlane, segmentCrossing, type LonLat } from './geo.ts';
import { REGISTERS } from './registerSpecs.ts';
import type { Cell } from './registers.ts';
import { ROAD_CLASSES } from './roadClass.ts';

export interface ExportLayer {
  id: 'roads' | 'villages' | 'sites' | 'stores' | 'teams' | 'shelters';
  headers: string[];
  rows: Cell[][];
  /** one per row: a line (roads) or a point */
  geometry: (LonLat | LonLat[])[];
}

export interface GisExport {
  layers: ExportLayer[];
  /** pairs of link ids whose straight lines cross (the import would join them at a new node) */
  crossings: [string, string][];
  /** hazard sites of kinds the importer does not read (levee, chemical, fire): left out */
  skippedSites: string[];
}

const zhOf = (key: string, spec: { fields: readonly { key: string; zh: string }[] }) => spec.fields.find((f) => f.key === key)!.zh;
const KIND_ZH: Record<string, string> = { landslide: '滑坡', collapse: '崩塌', debrisFlow: '泥石流', waterlogging: '内涝点', forest: '林区' };
const STORE_TIER_ZH = { county: '县级', township: '乡镇', village: '村', agreement: '协议' } as const;
const TEAM_TIER_ZH = { county: '县级', township: '乡镇', village: '村', professional: '专业' } as const;
const CAPABILITY_ZH = { clearing: '抢通', rescue: '救援', fireSuppression: '扑火' } as const;
/** An item's column: its Chinese name without the unit in brackets (as the --templates workbooks head it). */
export const itemColumn = (zh: string) => zh.replace(/[（(][^）)]*[）)]/g, '').trim();

/** The road class a link is written with: a class word ending its name, else 县道 for a trunk link and 村道 otherwise. */
function classWord(name: string | undefined, trunk: boolean): string {
  const hit = name ? ROAD_CLASSES.find((c) => c.trunk === trunk && name.endsWith(c.zh)) : undefined;
  return hit?.zh ?? (trunk ? '县道' : '村道');
}

/** Builds the layers of a scenario. Pure. */
export function exportGis(s: ScenarioFile): GisExport {
  const node = new Map(s.roads.nodes.map((n) => [n.id, n.position as LonLat]));
  const at = (id: string): LonLat => node.get(id)!;
  const V = REGISTERS.villages, S = REGISTERS.sites, W = REGISTERS.stores, T = REGISTERS.teams, H = REGISTERS.shelters;
  const layers: ExportLayer[] = [];

  layers.push({
    id: 'roads',
    headers: ['link_id', '名称', 'name_en', '道路等级', '速度', 'length_km'],
    rows: s.roads.links.map((l) => [l.id, l.name?.zh ?? null, l.name?.en ?? null, classWord(l.name?.zh, l.trunk), l.speedKmh, l.lengthKm]),
    geometry: s.roads.links.map((l) => [at(l.from), at(l.to)]),
  });

  const township = new Map(s.region.townships.map((t) => [t.id, t]));
  layers.push({
    id: 'villages',
    headers: [zhOf('code', V), zhOf('name', V), zhOf('township', V), zhOf('population', V), zhOf('lon', V), zhOf('lat', V), zhOf('elevation', V)],
    rows: s.region.villages.map((v) => [v.code ?? null, v.name.zh, township.get(v.township)?.name.zh ?? null, v.population, v.position[0], v.position[1], v.elevationM]),
    geometry: s.region.villages.map((v) => v.position as LonLat),
  });

  const village = new Map(s.region.villages.map((v) => [v.id, v]));
  const link = new Map(s.roads.links.map((l) => [l.id, l]));
  const skippedSites: string[] = [];
  const sites = s.hazardSites.filter((h) => (KIND_ZH[h.kind] ? true : (skippedSites.push(h.id), false)));
  // a site has no position in a scenario: the middle of the first link it cuts, else its village
  const sitePos = (h: (typeof sites)[number]): LonLat => {
    const l = h.cuts[0] && link.get(h.cuts[0].link);
    if (l) {
      const a = at(l.from), b = at(l.to);
      return [round6((a[0] + b[0]) / 2), round6((a[1] + b[1]) / 2)];
    }
    return village.get(h.village)!.position as LonLat;
  };
  // forest compartments (a fire season) carry their compartment columns; other counties' sheets stay as they were
  const FOREST = ['areaHa', 'fuelFactor', 'slopeDeg', 'walkIn', 'walkInMin', 'walkInMax', 'wuiDistanceM'] as const;
  const anyForest = sites.some((h) => h.forest);
  const forestCells = (h: (typeof sites)[number]): Cell[] => {
    const f = h.forest;
    if (!f) return FOREST.map(() => null);
    const w = f.walkInHours as { dist: string; min?: number; mode?: number; max?: number; value?: number };
    const walk = w.dist === 'triangular' ? [w.mode!, w.min!, w.max!] : [null, null, null];
    return [f.areaHa, f.fuelFactor, f.slopeDeg, ...walk, f.wuiDistanceM ?? null];
  };
  layers.push({
    id: 'sites',
    headers: [zhOf('code', S), zhOf('name', S), zhOf('nameEn', S), zhOf('kind', S), zhOf('people', S), zhOf('village', S), zhOf('susceptibility', S), zhOf('cuts', S), zhOf('lon', S), zhOf('lat', S), ...(anyForest ? FOREST.map((k) => zhOf(k, S)) : [])],
    rows: sites.map((h) => {
      const v = village.get(h.village);
      const p = sitePos(h);
      return [h.id, h.name.zh, h.name.en, KIND_ZH[h.kind]!, h.threatenedPeople, v?.code ?? v?.name.zh ?? h.village, h.susceptibility, h.cuts.map((c) => `${c.link}:${c.probability}`).join('；') || '无', p[0], p[1], ...(anyForest ? forestCells(h) : [])];
    }),
    geometry: sites.map(sitePos),
  });

  const storeName = new Map(s.reserves.warehouses.map((w) => [w.id, w.name.zh]));
  layers.push({
    id: 'stores',
    headers: [zhOf('name', W), zhOf('nameEn', W), zhOf('tier', W), zhOf('parent', W), zhOf('lon', W), zhOf('lat', W), ...s.reserves.items.map((it) => itemColumn(it.name.zh))],
    rows: s.reserves.warehouses.map((w) => [w.name.zh, w.name.en, STORE_TIER_ZH[w.tier], w.parent ? storeName.get(w.parent)! : w.tier === 'county' ? null : '无', at(w.node)[0], at(w.node)[1], ...s.reserves.items.map((it) => w.stock[it.id] ?? null)]),
    geometry: s.reserves.warehouses.map((w) => at(w.node)),
  });
  layers.push({
    id: 'teams',
    headers: [zhOf('name', T), zhOf('nameEn', T), zhOf('tier', T), zhOf('size', T), zhOf('capabilities', T), zhOf('lon', T), zhOf('lat', T)],
    rows: s.teams.map((t) => [t.name.zh, t.name.en, TEAM_TIER_ZH[t.tier], t.size, t.capabilities.map((c) => CAPABILITY_ZH[c]).join('、'), at(t.node)[0], at(t.node)[1]]),
    geometry: s.teams.map((t) => at(t.node)),
  });
  layers.push({
    id: 'shelters',
    headers: [zhOf('name', H), zhOf('nameEn', H), zhOf('capacity', H), zhOf('lon', H), zhOf('lat', H)],
    rows: s.shelters.map((h) => [h.name.zh, h.name.en, h.capacity, at(h.node)[0], at(h.node)[1]]),
    geometry: s.shelters.map((h) => at(h.node)),
  });

  return { layers, crossings: straightCrossings(s), skippedSites };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Pairs of links whose straight lines cross away from their ends. O(n²) over a sorted sweep in x. */
function straightCrossings(s: ScenarioFile): [string, string][] {
  const n0 = s.roads.nodes[0]!.position;
  const plane = localPlane(n0[0], n0[1]);
  const xy = new Map(s.roads.nodes.map((n) => [n.id, plane.toXY(n.position as LonLat)]));
  const segs = s.roads.links.map((l) => ({ l, a: xy.get(l.from)!, b: xy.get(l.to)! })).map((x) => ({ ...x, lo: Math.min(x.a[0], x.b[0]), hi: Math.max(x.a[0], x.b[0]) }));
  segs.sort((p, q) => p.lo - q.lo);
  const out: [string, string][] = [];
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length && segs[j]!.lo <= segs[i]!.hi; j++) {
      const p = segs[i]!, q = segs[j]!;
      if (p.l.from === q.l.from || p.l.from === q.l.to || p.l.to === q.l.from || p.l.to === q.l.to) continue;
      if (segmentCrossing(p.a, p.b, q.a, q.b, 1e-9)) out.push([p.l.id, q.l.id]);
    }
  return out;
}

/** A layer as a GeoJSON FeatureCollection (properties keyed by the headers; empty cells left out). Pure. */
export function layerGeoJson(layer: ExportLayer): object {
  return {
    type: 'FeatureCollection',
    name: layer.id,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    features: layer.rows.map((row, i) => {
      const g = layer.geometry[i]!;
      const properties = Object.fromEntries(layer.headers.map((h, k) => [h, row[k]]).filter(([, v]) => v !== null && v !== undefined));
      return { type: 'Feature', properties, geometry: typeof g[0] === 'number' ? { type: 'Point', coordinates: g } : { type: 'LineString', coordinates: g } };
    }),
  };
}
