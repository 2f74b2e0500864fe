/**
 * Imported layers and registers → a complete scenario (schemaVersion 1): villages and townships
 * from the division table and the villages register, snapped to the nearest road node; hazard
 * sites cutting the links within a buffer; stores, teams and shelters; the rest from the template.
 * Every number gets a provenance entry naming its file and row or feature, or the template's
 * assumption. Pure: files are read by the shell (src/cli/importCommand.ts).
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { RoadGraph } from './buildRoadGraph.ts';
import type { DivisionData } from './divisions.ts';
import { closestOnSegment, GridIndex, planeKm, roundTo, type LonLat, type XY } from './geo.ts';
import { forestOfRow, forestProvenance, type ForestGiven } from './forestCompartment.ts';
import { ProblemList } from './importProblem.ts';
import { CAPABILITIES, lookupWord, REGISTERS, SCALES, SITE_KINDS, STORE_TIERS, TEAM_TIERS } from './registerSpecs.ts';
import { parseNumber, parseRegister, type RegisterRow, type SheetData } from './registers.ts';
import type { ImportTemplate } from './rainstormTemplate.ts';

export interface ImportInput {
  divisions: DivisionData;
  roads: RoadGraph;
  villages?: SheetData;
  sites?: SheetData;
  stores?: SheetData;
  teams?: SheetData;
  shelters?: SheetData;
  template: ImportTemplate;
  /** a hazard site threatens the links within this distance, m (default 200) */
  bufferM?: number;
  /** elevation model: metres at a position, undefined outside it */
  dem?: { file: string; at(p: LonLat): number | undefined };
}

export interface ImportSummary {
  villages: number;
  townships: number;
  sites: number;
  cuts: number;
  stores: number;
  teams: number;
  shelters: number;
  /** village → road node distances, m */
  snapMedianM: number;
  snapMaxM: number;
}

type Provenance = ScenarioFile['provenance'][number];
const NO_PARENT = '\u0000none';
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KIND_ZH = { landslide: '滑坡', collapse: '崩塌', debrisFlow: '泥石流', waterlogging: '内涝点', forest: '林区' } as const;
const KIND_EN = { landslide: 'landslide', collapse: 'rockfall', debrisFlow: 'debris flow', waterlogging: 'waterlogging point', forest: 'forest compartment' } as const;

/** Builds the scenario; undefined when any error was found (all of them are in `problems`). Pure. */
export function buildScenario(input: ImportInput, problems: ProblemList): { scenario: ScenarioFile; summary: ImportSummary } | undefined {
  const { divisions: div, roads, template: tpl } = input;
  const bufferKm = (input.bufferM ?? 200) / 1000;
  const margin = 0.02;
  const ctx = { bounds: { minLon: roads.bounds.minLon - margin, maxLon: roads.bounds.maxLon + margin, minLat: roads.bounds.minLat - margin, maxLat: roads.bounds.maxLat + margin } };
  const county = div.county;
  const sources: ScenarioFile['sources'] = {
    gb2260: { title: `统计用区划代码（${div.source}）`, standard: 'GB/T 2260 + 统计用区划代码' },
    roads: { title: `道路图层 ${roads.file}（导入）`, file: roads.file },
  };
  const provenance: Provenance[] = [];
  const addSource = (id: string, sheet: SheetData, zh: string) => (sources[id] = { title: `${zh} ${sheet.file}（导入）`, file: sheet.file });

  const nodeXY = roads.nodes.map((n) => roads.plane.toXY(n.position));
  const nearestNode = (p: LonLat): { index: number; km: number } => {
    const xy = roads.plane.toXY(p);
    let best = { index: 0, km: Infinity };
    nodeXY.forEach((q, i) => {
      const km = planeKm(xy, q);
      if (km < best.km || (km === best.km && roads.mainNodes.has(roads.nodes[i]!.id) && !roads.mainNodes.has(roads.nodes[best.index]!.id))) best = { index: i, km };
    });
    return best;
  };
  let warnedDem = false;
  const elevationAt = (p: LonLat, file: string, row: number): { m: number; from: 'dem' | 'flat' } => {
    if (input.dem) {
      const m = input.dem.at(p);
      if (m !== undefined && Number.isFinite(m)) return { m: roundTo(m, 0), from: 'dem' };
      problems.warn(file, 'outsideDem', { lon: p[0], lat: p[1], m: tpl.flatElevationM }, { row });
      return { m: tpl.flatElevationM, from: 'flat' };
    }
    if (!warnedDem) {
      warnedDem = true;
      problems.warn(file, 'noDem', { m: tpl.flatElevationM });
    }
    return { m: tpl.flatElevationM, from: 'flat' };
  };

  // --- villages ---
  if (!input.villages) {
    problems.error('--villages', 'noVillagesRegister');
    return undefined;
  }
  const vs = input.villages;
  addSource('villages', vs, '村（社区）名册');
  const vrows = parseRegister(vs, REGISTERS.villages, ctx, problems);
  const byCode = new Map(div.villages.map((v) => [v.code, v]));
  const townshipByCode = new Map(div.townships.map((t) => [t.code, t]));
  type V = { row: RegisterRow; d: DivisionData['villages'][number]; position: LonLat; node: number; km: number; elevation: { m: number; from: 'dem' | 'flat' | 'file' } };
  const villages: V[] = [];
  const seenVillage = new Map<string, number>();
  for (const row of vrows) {
    const code = row.values.code as string | undefined;
    const name = row.values.name as string | undefined;
    const town = row.values.township as string | undefined;
    let d: DivisionData['villages'][number] | undefined;
    if (code !== undefined) {
      d = byCode.get(code.replace(/\s/g, ''));
      if (!d) {
        problems.error(vs.file, 'unknownVillage', { value: code, county: county.zh }, { row: row.row, column: row.columns.code! });
        continue;
      }
    } else if (name !== undefined) {
      let hits = div.villages.filter((v) => v.zh === name || v.en.toLowerCase() === name.toLowerCase());
      if (hits.length > 1 && town) hits = hits.filter((v) => { const t = townshipByCode.get(v.township); return t && (t.zh === town || t.en === town); });
      if (hits.length !== 1) {
        problems.error(vs.file, hits.length === 0 ? 'unknownVillage' : 'ambiguousVillage', { value: name, county: county.zh, count: hits.length }, { row: row.row, column: row.columns.name! });
        continue;
      }
      d = hits[0]!;
    } else {
      problems.error(vs.file, 'emptyCell', {}, { row: row.row, column: REGISTERS.villages.fields[1]!.zh });
      continue;
    }
    const first = seenVillage.get(d.code);
    if (first !== undefined) {
      problems.error(vs.file, 'duplicateRow', { first, value: d.zh }, { row: row.row });
      continue;
    }
    seenVillage.set(d.code, row.row);
    const position = row.values.position as LonLat;
    const nn = nearestNode(position);
    const elevation = typeof row.values.elevation === 'number' ? { m: row.values.elevation, from: 'file' as const } : elevationAt(position, vs.file, row.row);
    if (nn.km > 2) problems.warn(vs.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: roads.nodes[nn.index]!.id }, { row: row.row });
    else if (!roads.mainNodes.has(roads.nodes[nn.index]!.id)) problems.warn(vs.file, 'offMainNetwork', { node: roads.nodes[nn.index]!.id }, { row: row.row });
    villages.push({ row, d, position, node: nn.index, km: nn.km, elevation });
  }
  if (villages.length === 0 && problems.errorCount === 0) problems.error(vs.file, 'noVillages');
  const villageOf = new Map(villages.map((v) => [v.d.code, v]));
  const vid = (v: V) => `v${v.d.code}`;
  const nid = (i: number) => roads.nodes[i]!.id;

  // --- townships: those with imported villages; seat at the most populous one ---
  const townCodes = [...new Set(villages.map((v) => v.d.township))].sort();
  const townships = townCodes.map((code) => {
    const members = villages.filter((v) => v.d.township === code);
    const seat = [...members].sort((a, b) => (b.row.values.population as number) - (a.row.values.population as number) || a.row.row - b.row.row)[0]!;
    const t = townshipByCode.get(code) ?? { code, zh: code, en: code };
    return { t, members, seat, population: members.reduce((s, v) => s + (v.row.values.population as number), 0) };
  });

  // --- hazard sites ---
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
  const villageByName = (word: string): V | undefined => villages.find((v) => v.d.code === word || v.d.zh === word || v.d.en === word);
  const nearestVillage = (p: LonLat): V => {
    const xy = roads.plane.toXY(p);
    return villages.reduce((b, v) => (planeKm(xy, roads.plane.toXY(v.position)) < planeKm(xy, roads.plane.toXY(b.position)) ? v : b), villages[0]!);
  };
  const sites: ScenarioFile['hazardSites'] = [];
  const siteRowsAll: number[] = [];
  const suscFromFile: number[] = [];
  const linkSusc = new Map<string, number>();
  const linkIds = new Set(roads.links.map((l) => l.id));
  const cutsFromFile: number[] = [];
  /** each compartment's site index and which forest columns its row gave (the rest are the template's) */
  const forestRows: ({ i: number } & ForestGiven)[] = [];
  let cutCount = 0;
  if (input.sites && villages.length > 0) {
    const ss = input.sites;
    addSource('sites', ss, '地质灾害隐患点台账');
    const seen = new Map<string, number>();
    for (const row of parseRegister(ss, REGISTERS.sites, ctx, problems)) {
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
      let village: V | undefined;
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
      const xy = roads.plane.toXY(position);
      const given = row.values.cuts === undefined ? undefined : parseCuts(String(row.values.cuts), linkIds);
      if (typeof given === 'string') {
        problems.error(ss.file, 'unknownValue', { value: given, allowed: '路段编号:概率（如 r3:0.6；r5:0.4），或“无”' }, at('cuts'));
        continue;
      }
      const near = given ? [] : linkGrid
        .near(xy, bufferKm)
        .map((k) => ({ l: roads.links[k]!, km: linkKm(xy, k) }))
        .filter((x) => x.km <= bufferKm)
        .sort((a, b) => a.km - b.km || (a.l.id < b.l.id ? -1 : 1))
        .slice(0, tpl.maxCutsPerSite);
      if (near.length === 0 && !given) problems.warn(ss.file, 'noLinksNear', { m: Math.round(bufferKm * 1000) }, { row: row.row });
      const susceptibility = typeof row.values.susceptibility === 'number' ? row.values.susceptibility : tpl.siteSusceptibility[scale];
      const cp = tpl.cutProbability;
      const cuts = given ?? near.map((x) => ({ link: x.l.id, probability: roundTo(cp.near - (cp.near - cp.edge) * (x.km / bufferKm), 2) }));
      for (const c of cuts) linkSusc.set(c.link, Math.max(linkSusc.get(c.link) ?? 0, susceptibility));
      if (given) cutsFromFile.push(sites.length);
      cutCount += cuts.length;
      const i = sites.length;
      sites.push({
        id,
        name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${village.d.en} ${KIND_EN[kind]}${code ? ` ${code}` : ''}` },
        kind,
        village: vid(village),
        threatenedPeople: row.values.people as number,
        susceptibility,
        cuts,
        ...(compartment ? { forest: compartment.forest } : {}),
      });
      if (compartment) forestRows.push({ i, ...compartment.given });
      siteRowsAll.push(row.row);
      if (typeof row.values.susceptibility === 'number') suscFromFile.push(i);
    }
  }

  if (input.sites && sites.length > 0) {
    provenance.push({ paths: ['hazardSites.*.threatenedPeople'], source: 'sites', note: `${input.sites.file} 第 ${rowRanges(siteRowsAll)} 行, in order: hazardSites.k is the k-th of these rows (rows ${rowRanges(siteRowsAll)}); column 威胁人数 (threatened people).` });
    if (suscFromFile.length > 0)
      provenance.push({ paths: suscFromFile.length === sites.length ? ['hazardSites.*.susceptibility'] : suscFromFile.map((i) => `hazardSites.${i}.susceptibility`), source: 'sites', note: `The 易发性 (susceptibility) column of ${input.sites.file}.` });
  }

  if (input.sites && tpl.forest && forestRows.length > 0) provenance.push(...forestProvenance(forestRows, sites.length, input.sites.file, tpl.forest));

  // --- stores ---
  const warehouses: ScenarioFile['reserves']['warehouses'] = [];
  const itemHeaders = new Map<string, string>();
  for (const it of tpl.items) for (const h of [it.id, it.name.zh, it.name.en, ...(tpl.itemAliases[it.id] ?? [])]) itemHeaders.set(h.replace(/[（(][^）)]*[）)]/g, '').trim().toLowerCase(), it.id);
  const countySeat = [...townships].sort((a, b) => b.population - a.population)[0];
  if (input.stores) {
    const st = input.stores;
    addSource('stores', st, '救灾物资储备库（点）名册');
    const rows = parseRegister(st, REGISTERS.stores, ctx, problems);
    const names = new Map<string, number>();
    rows.forEach((r, i) => names.set(r.values.name as string, i));
    const parents: (string | undefined)[] = [];
    for (const row of rows) {
      const tier = lookupWord(STORE_TIERS, row.values.tier as string);
      if (!tier) {
        problems.error(st.file, 'unknownValue', { value: row.values.tier as string, allowed: '县级、乡镇、村、协议' }, { row: row.row, column: row.columns.tier! });
        continue;
      }
      const stock: Record<string, number> = {};
      let bad = false;
      for (const [h, c] of Object.entries(row.extra)) {
        const item = itemHeaders.get(h.replace(/[（(][^）)]*[）)]/g, '').trim().toLowerCase());
        if (!item || c === null || String(c).trim() === '') continue;
        const n = parseNumber(c);
        if (n === undefined || !Number.isInteger(n) || n < 0) {
          problems.error(st.file, n === undefined ? 'notANumber' : 'notAnInteger', { value: String(c) }, { row: row.row, column: h });
          bad = true;
          continue;
        }
        stock[item] = n;
      }
      if (bad) continue;
      if (Object.keys(stock).length === 0) {
        problems.error(st.file, 'noStock', { items: tpl.items.map((x) => x.name.zh).join('、') }, { row: row.row });
        continue;
      }
      // 无 (as export-gis writes it): resupplied from outside the county, not from the first county store
      const parent = /^(无|none)$/i.test(String(row.values.parent ?? '').trim()) ? NO_PARENT : (row.values.parent as string | undefined);
      if (parent !== undefined && parent !== NO_PARENT && !names.has(parent)) {
        problems.error(st.file, 'unknownStore', { value: parent }, { row: row.row, column: row.columns.parent! });
        continue;
      }
      const nn = nearestNode(row.values.position as LonLat);
      if (nn.km > 2) problems.warn(st.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: nid(nn.index) }, { row: row.row });
      parents.push(parent);
      warehouses.push({
        id: `wh-r${row.row}`,
        name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} relief store (row ${row.row})` },
        tier,
        node: nid(nn.index),
        stock,
        ...tpl.store[tier],
      });
    }
    if (warehouses.length > 0) provenance.push({ paths: ['reserves.warehouses.*.stock.*'], source: 'stores', note: `${st.file}: store wh-rN is 第 N 行 (row N); the item quantity columns.` });
    // parents by name; a store without one hangs off the first county store (none for county stores)
    const rowOf = new Map(rows.map((r) => [r.values.name as string, r.row]));
    const firstCounty = warehouses.find((w) => w.tier === 'county');
    warehouses.forEach((w, i) => {
      const p = parents[i];
      const pid = p === NO_PARENT ? undefined : p !== undefined ? `wh-r${rowOf.get(p)}` : w.tier !== 'county' && firstCounty ? firstCounty.id : undefined;
      if (pid && pid !== w.id && warehouses.some((x) => x.id === pid)) {
        const { resupplyLeadHours, reorderFraction, loadingHours, ...head } = w;
        warehouses[i] = { ...head, parent: pid, resupplyLeadHours, reorderFraction, loadingHours };
      }
    });
  } else if (countySeat) {
    const people = tpl.defaultStorePeople;
    const stock = Object.fromEntries(tpl.items.map((it) => [it.id, Math.ceil(people * (it.perPersonOnce + it.perPersonPerDay))]));
    warehouses.push({ id: 'wh-county', name: { zh: `${county.zh}救灾物资储备库`, en: `${county.en} relief depot` }, tier: 'county', node: nid(countySeat.seat.node), stock, ...tpl.store.county });
    provenance.push({ paths: ['reserves.warehouses.0.stock.*'], source: 'assumed', note: `No stores register (--stores): one county store at the seat of the most populous township, stocked for ${people} people (tents and quilts once, a day of food and water).` });
  }

  // --- teams ---
  const teams: ScenarioFile['teams'] = [];
  if (input.teams) {
    const tt = input.teams;
    addSource('teams', tt, '应急救援队伍名册');
    for (const row of parseRegister(tt, REGISTERS.teams, ctx, problems)) {
      const tier = lookupWord(TEAM_TIERS, row.values.tier as string);
      if (!tier) {
        problems.error(tt.file, 'unknownValue', { value: row.values.tier as string, allowed: '县级、乡镇、村、专业' }, { row: row.row, column: row.columns.tier! });
        continue;
      }
      const words = String(row.values.capabilities).split(/[、,，;；/\s]+/).filter((w) => w !== '');
      const caps = [...new Set(words.map((w) => lookupWord(CAPABILITIES, w)))];
      if (caps.some((c) => c === undefined) || caps.length === 0 || (row.values.size as number) < 1) {
        if ((row.values.size as number) < 1) problems.error(tt.file, 'outOfRange', { value: row.values.size as number, min: 1, max: 100000 }, { row: row.row, column: row.columns.size! });
        else problems.error(tt.file, 'unknownValue', { value: row.values.capabilities as string, allowed: '抢通、救援、扑火' }, { row: row.row, column: row.columns.capabilities! });
        continue;
      }
      const nn = nearestNode(row.values.position as LonLat);
      if (nn.km > 2) problems.warn(tt.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: nid(nn.index) }, { row: row.row });
      teams.push({
        id: `team-r${row.row}`,
        name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} team (row ${row.row})` },
        tier,
        node: nid(nn.index),
        size: row.values.size as number,
        capabilities: caps as ('clearing' | 'rescue' | 'fireSuppression')[],
        mobilisationHours: tpl.mobilisation[tier],
      });
    }
    if (teams.length > 0) provenance.push({ paths: ['teams.*.size'], source: 'teams', note: `${tt.file}: team team-rN is 第 N 行 (row N); column 人数 (size).` });
  } else if (countySeat) {
    teams.push({ id: 'team-county', name: { zh: `${county.zh}综合应急救援大队`, en: `${county.en} emergency rescue group` }, tier: 'county', node: nid(countySeat.seat.node), size: tpl.defaultTeamSize.county, capabilities: tpl.forest ? ['clearing', 'rescue', tpl.forest.teamCapability] : ['clearing', 'rescue'], mobilisationHours: tpl.mobilisation.county });
    for (const t of townships) teams.push({ id: `team-${t.t.code}`, name: { zh: `${t.t.zh}应急救援队`, en: `${t.t.en} rescue team` }, tier: 'township', node: nid(t.seat.node), size: tpl.defaultTeamSize.township, capabilities: tpl.forest ? ['rescue', tpl.forest.teamCapability] : ['rescue'], mobilisationHours: tpl.mobilisation.township });
    provenance.push({ paths: ['teams.*.size'], source: 'assumed', note: `No teams register (--teams): a county group of ${tpl.defaultTeamSize.county} (clearing and rescue) and a rescue team of ${tpl.defaultTeamSize.township} at each township seat.` });
  }

  // --- shelters ---
  const shelters: ScenarioFile['shelters'] = [];
  let shelterFromArea = false;
  if (input.shelters) {
    const sh = input.shelters;
    addSource('shelters', sh, '应急避难场所名册');
    for (const row of parseRegister(sh, REGISTERS.shelters, ctx, problems)) {
      let capacity = row.values.capacity as number | undefined;
      const fromArea = capacity === undefined;
      if (capacity === undefined && typeof row.values.area === 'number') capacity = Math.floor(row.values.area / tpl.shelterM2PerPerson);
      if (capacity === undefined) {
        problems.error(sh.file, 'emptyCell', {}, { row: row.row, column: REGISTERS.shelters.fields.find((f) => f.key === 'capacity')!.zh });
        continue;
      }
      const nn = nearestNode(row.values.position as LonLat);
      if (nn.km > 2) problems.warn(sh.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: nid(nn.index) }, { row: row.row });
      shelters.push({ id: `sh-r${row.row}`, name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} shelter (row ${row.row})` }, node: nid(nn.index), capacity });
      if (fromArea) shelterFromArea = true;
    }
  }

  if (input.shelters && shelters.length > 0)
    provenance.push({
      paths: ['shelters.*.capacity'],
      source: 'shelters',
      note: `${input.shelters.file}: shelter sh-rN is 第 N 行 (row N); the 容纳人数 (capacity) column, or where it is empty the 面积 (area) ÷ ${tpl.shelterM2PerPerson} m² per person (GB 21734-2008)${shelterFromArea ? '' : ' (no row needed it)'}.`,
    });
  if (problems.errorCount > 0) return undefined;

  // --- region and roads ---
  const regionVillages = villages.map((v) => ({
    id: vid(v),
    name: { zh: v.d.zh, en: v.d.en },
    code: v.d.code,
    township: `t${v.d.township}`,
    population: v.row.values.population as number,
    position: v.position,
    elevationM: v.elevation.m,
    node: nid(v.node),
  }));
  const regionTownships = townships.map((t) => ({
    id: `t${t.t.code}`,
    name: { zh: t.t.zh, en: t.t.en },
    code: t.t.code,
    population: t.population,
    position: t.seat.position,
    elevationM: t.seat.elevation.m,
    node: nid(t.seat.node),
  }));
  // each node's nearest village names an unnamed link: 良安镇—猫儿沟村 村道
  const placeOfNode = roads.nodes.map((_, i) => {
    const xy = nodeXY[i]!;
    let best = villages[0]!;
    for (const v of villages) if (planeKm(xy, roads.plane.toXY(v.position)) < planeKm(xy, roads.plane.toXY(best.position))) best = v;
    return best.d;
  });
  const idxOf = new Map(roads.nodes.map((n, i) => [n.id, i]));
  const links = roads.links.map((l) => {
    const a = placeOfNode[idxOf.get(l.from)!]!;
    const b = placeOfNode[idxOf.get(l.to)!]!;
    const name = l.name ?? (a.code === b.code ? { zh: `${a.zh} ${l.roadClass.zh}`, en: `${a.en} ${l.roadClass.en}` } : { zh: `${a.zh}—${b.zh} ${l.roadClass.zh}`, en: `${a.en}–${b.en} ${l.roadClass.en}` });
    return { id: l.id, name, from: l.from, to: l.to, lengthKm: l.lengthKm, speedKmh: l.speedKmh, trunk: l.trunk, susceptibility: linkSusc.get(l.id) ?? tpl.linkSusceptibility };
  });

  // --- provenance of the geography ---
  provenance.unshift(
    ...(villages.length > 0
      ? [
          {
            paths: ['region.villages.*.population', 'region.villages.*.position.*', ...(villages.every((v) => v.elevation.from === 'file') ? ['region.villages.*.elevationM'] : [])],
            source: 'villages',
            note: `${vs.file} 第 ${rowRanges(villages.map((v) => v.row.row))} 行, in order: region.villages.k is the k-th of these rows (rows ${rowRanges(villages.map((v) => v.row.row))}); columns ${villages[0]!.row.columns.population}, ${villages[0]!.row.columns.position}.`,
          },
        ]
      : []),
    { paths: ['region.townships.*.population'], source: 'villages', note: `Sum of the township’s villages in ${vs.file}.` },
    { paths: ['region.townships.*.position.*'], source: 'villages', note: `The position of the township’s most populous village in ${vs.file} (taken as its seat).` },
    { paths: ['roads.nodes.*.position.*'], source: 'roads', note: `Line ends, crossings and T-junctions of ${roads.file}, joined within ${roads.snapM} m (mean of the joined points).` },
    { paths: ['roads.links.*.lengthKm'], source: 'roads', note: `Length along the geometry (great circle) of the feature the link id names: link rN or rN-k is (a piece of) ${roads.file} feature N${roads.links.some((l) => l.lengthFromAttribute) ? '; or the length_km attribute of a feature that is one link (as export-gis writes it)' : ''}.` },
  );
  const speedFromAttr = roads.links.map((l, i) => (l.speedFromAttribute ? i : -1)).filter((i) => i >= 0);
  // explicit paths for a few attribute speeds; past that many patterns would slow every validation, so one entry says both
  const fewSpeeds = speedFromAttr.length <= 200;
  if (speedFromAttr.length > 0)
    provenance.push({
      paths: speedFromAttr.length === roads.links.length || !fewSpeeds ? ['roads.links.*.speedKmh'] : speedFromAttr.map((i) => `roads.links.${i}.speedKmh`),
      source: 'roads',
      note: `The speed attribute of the link’s feature in ${roads.file}${speedFromAttr.length < roads.links.length && !fewSpeeds ? `; the ${roads.links.length - speedFromAttr.length} links whose feature has none take their road class default (assumed, docs/import.md)` : ''}.`,
    });
  if (speedFromAttr.length < roads.links.length && fewSpeeds)
    provenance.push({ paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Default speed of the feature’s road class (docs/import.md): 高速 100, 国道 70, 省道 60, 县道 50, 乡道 40, 村道 30, 专用公路 30, 机耕道 15 km/h; unknown classes as 村道. Typical hilly-county travel speeds below the JTG B01-2014 design speeds.' });
  provenance.push({ paths: ['roads.links.*.susceptibility'], source: 'assumed', note: `Template: ${tpl.linkSusceptibility} for a link no site threatens; else the largest susceptibility of the sites within ${Math.round(bufferKm * 1000)} m.` });
  const elevFrom = new Set([...villages.map((v) => v.elevation.from)]);
  if (elevFrom.has('dem')) sources.dem = { title: `数字高程模型 ${input.dem!.file}（导入）`, file: input.dem!.file };
  provenance.push({
    paths: ['region.**.elevationM'],
    source: elevFrom.has('dem') ? 'dem' : elevFrom.has('file') && elevFrom.size === 1 ? 'villages' : 'assumed',
    note: elevFrom.has('dem') ? `Sampled from ${input.dem!.file} at each position (nearest cell); ${tpl.flatElevationM} m outside it.` : elevFrom.has('flat') ? `No DEM (--dem): flat ${tpl.flatElevationM} m where the register gives no elevation.` : `The elevation column of ${vs.file}.`,
  });
  if (sites.length > 0) {
    provenance.push({ paths: ['hazardSites.*.susceptibility'], source: 'assumed', note: `Template by 规模等级: 小型 ${tpl.siteSusceptibility.小型}, 中型 ${tpl.siteSusceptibility.中型}, 大型 ${tpl.siteSusceptibility.大型}, 特大型 ${tpl.siteSusceptibility.特大型}, none given ${tpl.siteSusceptibility.none}.` });
    const cutsAssumed = sites.some((x, i) => x.cuts.length > 0 && !cutsFromFile.includes(i));
    if (cutsFromFile.some((i) => sites[i]!.cuts.length > 0))
      provenance.push({ paths: cutsAssumed ? cutsFromFile.filter((i) => sites[i]!.cuts.length > 0).map((i) => `hazardSites.${i}.cuts.*.probability`) : ['hazardSites.*.cuts.*.probability'], source: 'sites', note: `The 阻断路段 (cuts) column of ${input.sites!.file}: link id and P(link blocked | site fails).` });
    if (cutsAssumed)
      provenance.push({ paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: `Template: P(link blocked | site fails) ${tpl.cutProbability.near} at the site falling linearly to ${tpl.cutProbability.edge} at ${Math.round(bufferKm * 1000)} m; the ${tpl.maxCutsPerSite} nearest links at most.` });
  }

  if (tpl.hazard.kind === 'earthquake') provenance.push({ paths: ['hazard.epicentre.*'], source: 'assumed', note: `Template ${tpl.id}: the design earthquake is placed at the centre of ${roads.file}'s extent; replace it with the county's own scenario earthquake (e.g. its nearest active fault).` });
  const usedSources = new Set([...provenance, ...tpl.provenance].map((p) => p.source));
  const tplSources = Object.fromEntries(Object.entries(tpl.sources).filter(([k]) => usedSources.has(k)));
  const tplProvenance = tpl.provenance.filter((p) => !(p.paths.some((x) => x.startsWith('reserves.warehouses')) && warehouses.length === 0));

  const scenario: ScenarioFile = {
    schemaVersion: 1,
    id: `import-${county.code}`,
    name: { zh: `${county.zh}${tpl.zh}（导入）`, en: `${county.en}: ${tpl.en} (imported)` },
    description: {
      zh: `由 yanlian import 从 ${[roads.file, vs.file, input.sites?.file, input.stores?.file, input.teams?.file, input.shelters?.file].filter(Boolean).join('、')} 生成；灾害、灾害链、预警、响应和时限取自 ${tpl.id} 模板（假设值，见 provenance）。`,
      en: `Generated by yanlian import from ${[roads.file, vs.file, input.sites?.file, input.stores?.file, input.teams?.file, input.shelters?.file].filter(Boolean).join(', ')}; the hazard, chain, warnings, response and targets come from the ${tpl.id} template (assumed; see provenance).`,
    },
    start: tpl.start,
    horizonHours: tpl.horizonHours,
    sources: { ...sources, ...tplSources },
    provenance: [...provenance, ...tplProvenance],
    region: { name: { zh: county.zh, en: county.en }, code: county.code, terrain: tpl.terrain, townships: regionTownships, villages: regionVillages },
    roads: { nodes: roads.nodes.map((n) => ({ id: n.id, position: n.position })), links },
    hazardSites: sites,
    // a shipped earthquake's epicentre lies in its own county: the imported one is put at the road layer's centre
    hazard: tpl.hazard.kind === 'earthquake' ? { ...tpl.hazard, epicentre: [roundTo((roads.bounds.minLon + roads.bounds.maxLon) / 2, 4), roundTo((roads.bounds.minLat + roads.bounds.maxLat) / 2, 4)] } : tpl.hazard,
    chain: tpl.chain,
    warnings: tpl.warnings,
    response: tpl.response,
    reserves: { items: tpl.items, warehouses, coverDaysPerDelivery: tpl.coverDaysPerDelivery, horizonCoverDays: tpl.horizonCoverDays },
    teams,
    shelters,
    targets: tpl.targets,
  };
  const snaps = villages.map((v) => Math.round(v.km * 1000)).sort((a, b) => a - b);
  return {
    scenario,
    summary: {
      villages: villages.length,
      townships: townships.length,
      sites: sites.length,
      cuts: cutCount,
      stores: warehouses.length,
      teams: teams.length,
      shelters: shelters.length,
      snapMedianM: snaps[Math.floor(snaps.length / 2)] ?? 0,
      snapMaxM: snaps[snaps.length - 1] ?? 0,
    },
  };
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

/** Rows as ranges: [2, 3, 4, 6] → "2–4, 6". Pure. */
export function rowRanges(rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(i === j ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}
