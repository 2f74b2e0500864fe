import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import { forestOfRow, forestProvenance, type ForestGiven } from './forestCompartment.ts';
import { closestOnSegment, GridIndex, planeKm, roundTo, type LonLat, type XY } from './geo.ts';
import type { ImportContext } from './importContext.ts';
import { villageId, type ImportedVillage } from './importVillages.ts';
import { lookupWord, REGISTERS, SCALES, SITE_KINDS } from './registerSpecs.ts';
import { parseRegister } from './registers.ts';
import { rowRanges } from './rowRanges.ts';

/** The hazard sites imported and what the road links took from them. */
export interface ImportedSites {
  sites: ScenarioFile['hazardSites'];
  /** per link id, the largest susceptibility of the sites that cut it */
  linkSusc: Map<string, number>;
  /** indices of the sites whose cuts the register gave (阻断路段) rather than the buffer search */
  cutsFromFile: number[];
  cutCount: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KIND_EN = { landslide: 'landslide', collapse: 'rockfall', debrisFlow: 'debris flow', waterlogging: 'waterlogging point', forest: 'forest compartment' } as const;

/**
 * The sites register (geological hazard sites, or forest compartments for a fire season): each
 * site's village (named, or the nearest), the links it cuts (given, or the nearest within the
 * buffer with a probability falling with distance), its susceptibility (given, or by scale);
 * adds the register's provenance. Nothing without a register or villages.
 */
export function importSites(cx: ImportContext, villages: readonly ImportedVillage[]): ImportedSites {
  const { input, problems, roads, tpl, county, bufferKm } = cx;
  const out: ImportedSites = { sites: [], linkSusc: new Map(), cutsFromFile: [], cutCount: 0 };
  if (!input.sites || villages.length === 0) return out;
  const { sites, linkSusc, cutsFromFile } = out;
  const near = linksNear(cx);
  const villageByName = (word: string) => villages.find((v) => v.d.code === word || v.d.zh === word || v.d.en === word);
  const nearestVillage = (p: LonLat): ImportedVillage => {
    const xy = roads.plane.toXY(p);
    return villages.reduce((b, v) => (planeKm(xy, roads.plane.toXY(v.position)) < planeKm(xy, roads.plane.toXY(b.position)) ? v : b), villages[0]!);
  };
  const siteRowsAll: number[] = [];
  const suscFromFile: number[] = [];
  const linkIds = new Set(roads.links.map((l) => l.id));
  /** each compartment's site index and which forest columns its row gave (the rest are the template's) */
  const forestRows: ({ i: number } & ForestGiven)[] = [];
  const ss = input.sites;
  cx.addSource('sites', ss, '地质灾害隐患点台账');
  const seen = new Map<string, number>();
  for (const row of parseRegister(ss, REGISTERS.sites, cx.register, problems)) {
    const at = (key: string) => ({ row: row.row, column: row.columns[key]! });
    const kind = lookupWord(SITE_KINDS, row.values.kind as string);
    // a fire season reads forest compartments only; the other templates geological sites only
    if (!kind || (kind === 'forest') !== Boolean(tpl.forest)) {
      const allowed = tpl.forest ? '林区、林班、小班（火险期模板只读林区）' : '滑坡、不稳定斜坡、崩塌、危岩、泥石流、内涝点（林区须用 --template fire-season）';
      problems.error(ss.file, 'unknownValue', { value: row.values.kind as string, allowed }, at('kind'));
      continue;
    }
    const compartment = tpl.forest ? forestOfRow(row, tpl.forest, ss.file, problems) : undefined;
    if (tpl.forest && !compartment) continue;
    const scaleWord = row.values.scale as string | undefined;
    const scale = scaleWord === undefined ? 'none' : SCALES.find((s) => scaleWord.trim() === s || scaleWord.trim() === `${s}级`);
    if (!scale) {
      problems.error(ss.file, 'unknownValue', { value: scaleWord!, allowed: SCALES.join('、') }, at('scale'));
      continue;
    }
    const position = row.values.position as LonLat;
    let village: ImportedVillage | undefined;
    if (row.values.village !== undefined) {
      village = villageByName(row.values.village as string);
      if (!village) {
        problems.error(ss.file, 'unknownVillage', { value: row.values.village as string, county: `${county.zh}（村表）` }, at('village'));
        continue;
      }
    } else village = nearestVillage(position);
    const code = row.values.code as string | undefined;
    const id = code && ID.test(code) && code.length <= 60 ? code : `gh-r${row.row}`;
    if (seen.has(id)) {
      problems.error(ss.file, 'duplicateRow', { first: seen.get(id)!, value: code ?? id }, { row: row.row });
      continue;
    }
    seen.set(id, row.row);
    const given = row.values.cuts === undefined ? undefined : parseCuts(String(row.values.cuts), linkIds);
    if (typeof given === 'string') {
      problems.error(ss.file, 'unknownValue', { value: given, allowed: '路段编号:概率（如 r3:0.6；r5:0.4），或“无”' }, at('cuts'));
      continue;
    }
    const nearby = given ? [] : near(roads.plane.toXY(position));
    if (nearby.length === 0 && !given) problems.warn(ss.file, 'noLinksNear', { m: Math.round(bufferKm * 1000) }, { row: row.row });
    const susceptibility = typeof row.values.susceptibility === 'number' ? row.values.susceptibility : tpl.siteSusceptibility[scale];
    const cp = tpl.cutProbability;
    const cuts = given ?? nearby.map((x) => ({ link: x.id, probability: roundTo(cp.near - (cp.near - cp.edge) * (x.km / bufferKm), 2) }));
    for (const c of cuts) linkSusc.set(c.link, Math.max(linkSusc.get(c.link) ?? 0, susceptibility));
    if (given) cutsFromFile.push(sites.length);
    out.cutCount += cuts.length;
    const i = sites.length;
    sites.push({
      id,
      name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${village.d.en} ${KIND_EN[kind]}${code ? ` ${code}` : ''}` },
      kind,
      village: villageId(village),
      threatenedPeople: row.values.people as number,
      susceptibility,
      cuts,
      ...(compartment ? { forest: compartment.forest } : {}),
    });
    if (compartment) forestRows.push({ i, ...compartment.given });
    siteRowsAll.push(row.row);
    if (typeof row.values.susceptibility === 'number') suscFromFile.push(i);
  }
  if (sites.length > 0) {
    cx.provenance.push({ paths: ['hazardSites.*.threatenedPeople'], source: 'sites', note: `${ss.file} 第 ${rowRanges(siteRowsAll)} 行, in order: hazardSites.k is the k-th of these rows (rows ${rowRanges(siteRowsAll)}); column 威胁人数 (threatened people).` });
    if (suscFromFile.length > 0)
      cx.provenance.push({ paths: suscFromFile.length === sites.length ? ['hazardSites.*.susceptibility'] : suscFromFile.map((i) => `hazardSites.${i}.susceptibility`), source: 'sites', note: `The 易发性 (susceptibility) column of ${ss.file}.` });
  }
  if (tpl.forest && forestRows.length > 0) cx.provenance.push(...forestProvenance(forestRows, sites.length, ss.file, tpl.forest));
  return out;
}

/**
 * The links within the buffer of a point (plane km), nearest first (ties by id), at most the
 * template's cuts per site: a grid over the links' segments narrows the search.
 */
function linksNear(cx: ImportContext): (xy: XY) => { id: string; km: number }[] {
  const { roads, bufferKm, tpl } = cx;
  const linkXY = roads.links.map((l) => l.coords.map((p) => roads.plane.toXY(p)));
  const linkGrid = new GridIndex<number>(Math.max(0.25, bufferKm * 2));
  linkXY.forEach((xy, k) =>
    xy.slice(1).forEach((b, s) => {
      const a = xy[s]!;
      linkGrid.add(k, Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }),
  );
  const linkKm = (p: XY, k: number) => {
    const xy = linkXY[k]!;
    let best = Infinity;
    for (let s = 1; s < xy.length; s++) best = Math.min(best, closestOnSegment(p, xy[s - 1]!, xy[s]!).km);
    return best;
  };
  return (xy) =>
    linkGrid
      .near(xy, bufferKm)
      .map((k) => ({ id: roads.links[k]!.id, km: linkKm(xy, k) }))
      .filter((x) => x.km <= bufferKm)
      .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1))
      .slice(0, tpl.maxCutsPerSite);
}

/** A 阻断路段 cell, "r3:0.62；r5:0.4", → cuts; the offending word when a link is unknown or a probability is not 0–1. Pure. */
export function parseCuts(cell: string, links: ReadonlySet<string>): { link: string; probability: number }[] | string {
  const out: { link: string; probability: number }[] = [];
  // 无 (as export-gis writes it): the site cuts no road, and no buffer search is made
  if (/^(无|none)$/i.test(cell.trim())) return out;
  for (const word of cell.split(/[;；,，\s]+/).filter((w) => w !== '')) {
    const m = /^([^:：]+)[:：]([0-9.]+)$/.exec(word);
    const p = m ? Number(m[2]) : NaN;
    if (!m || !links.has(m[1]!) || !(p >= 0 && p <= 1) || out.some((c) => c.link === m[1])) return word;
    out.push({ link: m[1]!, probability: p });
  }
  return out;
}
