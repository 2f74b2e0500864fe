/**
 * Builds scenarios/pinghu-typhoon.yaml: a flat coastal city modelled on 平湖市 (嘉兴市, 330482)
 * from its 14th Five-Year emergency plan (seed 001, 001_64f288e69b70dfdc.txt): typhoon rain,
 * modelled as a `rainstorm` hazard (wind is not modelled), floods low roads and homes (内涝) and
 * brings a levee emergency; a breach of the 独山港 embankment can flood the 独山港 hazardous-
 * chemicals park (a `chemical` site that fails only when the levee triggers it: 灾害链). The
 * alternative chain of the plan's "T-3储油罐雷击着火" drill, lightning → oil-tank fire, is
 * approximated by a `fire` site that fails at a low rate with the storm. The city answers with
 * its city store and 17 town stores, 127 shelters, 9 fire stations, 21 rescue teams (829
 * people), 7 social teams (334) and 71 village volunteer fire teams.
 *
 *   npx tsx scripts/build-pinghu-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-pinghu-scenario.ts --calibrate   also run the engine on seeds 1…300
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_SIZES } from '../engine/rules/index.ts';
import { dataFile } from './build-divisions.ts';
import {
  COVER_DAYS_PROVENANCE, DRY_HOURS_PROVENANCE, ITEM_PROVENANCE, RAIN_RESPONSE_END_PROVENANCE, TARGETS, Rand, assignPopulation, atTownship, buildRoads, byId,
  clamp, commentAt, cond, condPaths, deadMissingAt, dist, isMain, keyComments, linksOut, makeGeo, pickSources, placeTownships, placeVillages,
  pointSegmentDistance, readDivisions, regionOut, reservesOut, responseOut, roadNodes, round, runBuilder, scenarioDocument, stockFor, team, townshipShelters, tri,
  villageShelters, villageTeams, warehouse, type Cut, type Link, type Township, type Village, type XY,
} from './build-scenario-kit.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'scenarios/pinghu-typhoon.yaml');
const NS = 'pinghu-2025';

/** 平湖 has about 537 km² of land around 121.02 °E, 30.70 °N: an ellipse of 14 × 12 km (≈ 528 km²), Hangzhou Bay to the south. */
const G = makeGeo(121.02, 30.7, 14, 12);
const TOTAL_POPULATION = 680_000; // assumed
const URBAN = new Set(['330482001']); // 当湖街道
const WATERLOGGING_SITES = 24;
const TRUNK_WATERLOGGING = 8;
const CITY_STORE_PEOPLE = STORE_SIZES.find((s) => s.tier === 'county')!.people[1]; // 7,000
const TOWN_STORES = 17; // seed 001
const SHELTERS = { key: 8, standard: 15, total: 127 }; // seed 001

/** The 杭嘉湖 plain: 2–6 m above sea level, a little lower towards the polders. Synthetic. */
export function elevation([x, y]: XY): number {
  return clamp(3.6 + 0.9 * Math.sin(x / 3.3 + 0.4) * Math.cos(y / 2.9) + 0.5 * Math.sin((x - y) / 1.7) + 0.04 * y, 2, 6);
}

type Kind = 'waterlogging' | 'levee' | 'chemical' | 'fire';
interface Site {
  id: string;
  v: Village;
  kind: Kind;
  zh: string;
  en: string;
  threatened: number;
  susceptibility: number;
  cuts: Cut[];
  triggers?: { site: string; probability: number; delayHours: unknown }[];
  onTrunk: boolean;
}

function buildSites(ts: Township[], vs: Village[], links: Link[]): Site[] {
  const r = new Rand(NS, 'sites');
  const byName = (t: string, v: string) => vs.find((x) => x.t.d.zh === t && x.d.zh === v)!;
  const tBy = new Map(ts.map((t) => [t.d.zh, t]));
  const nodeXY = new Map<string, XY>();
  for (const v of vs) nodeXY.set(v.node, v.xy), nodeXY.set(v.t.node, v.t.xy);
  const trunkAt = (t: Township) => links.filter((l) => l.trunk && (l.from === t.node || l.to === t.node)).sort((a, b) => a.lengthKm - b.lengthKm || (a.id < b.id ? -1 : 1));
  const sites: Site[] = [];

  // chain sites first: the 独山港 embankment, the chemical park, the oil-tank farm
  const dsg = tBy.get('独山港镇')!;
  const zp = tBy.get('乍浦镇')!;
  const parkRoad = trunkAt(dsg)[0]!;
  const portRoad = trunkAt(zp)[0]!;
  const seawall = byName('独山港镇', '海塘村');
  const park = byName('独山港镇', '独山港社区');
  const tanks = byName('乍浦镇', '港龙社区');
  sites.push({ id: 'lv-dushangang', v: seawall, kind: 'levee', zh: '独山港段堤防（海塘）险段', en: 'Dushangang embankment (seawall) section', threatened: 650, susceptibility: 0.2, cuts: [{ link: seawall.access, probability: 0.7 }, { link: parkRoad.id, probability: 0.4 }], triggers: [{ site: 'chem-dushangang', probability: 0.6, delayHours: tri(0.5, 2, 6) }], onTrunk: true });
  sites.push({ id: 'chem-dushangang', v: park, kind: 'chemical', zh: '独山港危化园区（洪水进园）', en: 'Dushangang hazardous-chemicals park (flooded)', threatened: 800, susceptibility: 0, cuts: [{ link: parkRoad.id, probability: 0.8 }, { link: park.access, probability: 0.9 }], onTrunk: true });
  sites.push({ id: 'fire-zhapu-tank', v: tanks, kind: 'fire', zh: '乍浦港区储油罐（雷击着火）', en: 'Zhapu port oil-tank farm (lightning fire)', threatened: 150, susceptibility: 0.04, cuts: [{ link: portRoad.id, probability: 0.5 }], onTrunk: true });
  // two river levees (平湖塘, 上海塘 reaches), no chain
  for (const [t, v, zh, en] of [['新埭镇', '泖河村', '泖河堤防险段', 'Maohe levee section'], ['林埭镇', '徐家埭村', '平湖塘林埭段堤防险段', 'Pinghu Tang levee, Lindai reach']] as const) {
    const vil = byName(t, v);
    sites.push({ id: `lv-${vil.id}`, v: vil, kind: 'levee', zh, en, threatened: r.int(300, 600), susceptibility: round(r.uniform(0.15, 0.25), 2), cuts: [{ link: vil.access, probability: round(r.uniform(0.6, 0.9), 2) }], onTrunk: false });
  }
  // waterlogging: low trunk-road sections (underpasses, dips) and low villages and communities
  const used = new Set<string>(sites.map((s) => s.v.id));
  const low = (v: Village) => 6 - elevation(v.xy);
  const trunk = links.filter((l) => l.trunk && ![parkRoad.id, portRoad.id].includes(l.id));
  const mid = (l: Link): XY => { const a = nodeXY.get(l.from)!; const b = nodeXY.get(l.to)!; return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]; };
  const trunkSorted = [...trunk].sort((a, b) => elevation(mid(a)) - elevation(mid(b)) || (a.id < b.id ? -1 : 1));
  for (const l of trunkSorted) {
    if (sites.filter((s) => s.kind === 'waterlogging').length >= TRUNK_WATERLOGGING) break;
    const a = nodeXY.get(l.from)!;
    const b = nodeXY.get(l.to)!;
    const near = vs.filter((v) => !used.has(v.id) && (v.t.node === l.from || v.t.node === l.to)).sort((p, q) => pointSegmentDistance(p.xy, a, b) - pointSegmentDistance(q.xy, a, b))[0];
    if (!near) continue;
    used.add(near.id);
    sites.push({ id: '', v: near, kind: 'waterlogging', zh: `${l.name!.zh.replace('干线公路', '')}公路低洼路段内涝点`, en: `${l.name!.en.replace(' trunk road', '')} road, low section (waterlogging)`, threatened: clamp(Math.round(Math.exp(Math.log(80) + 0.6 * r.normal())), 20, 400), susceptibility: round(r.uniform(0.3, 0.6), 2), cuts: [{ link: l.id, probability: round(r.uniform(0.6, 0.9), 2) }, { link: near.access, probability: round(r.uniform(0.2, 0.4), 2) }], onTrunk: true });
  }
  const pool = vs.filter((v) => !used.has(v.id));
  while (sites.filter((s) => s.kind === 'waterlogging').length < WATERLOGGING_SITES) {
    const v = pool[r.weighted(pool.map((p) => (used.has(p.id) ? 0 : low(p) ** 2 * (p.community ? 2 : 1))))]!;
    used.add(v.id);
    sites.push({ id: '', v, kind: 'waterlogging', zh: `${v.t.d.zh}${v.d.zh}低洼区内涝点`, en: `${v.d.en} (${v.t.d.en}) low-lying area (waterlogging)`, threatened: Math.min(Math.floor(v.population / 4), clamp(Math.round(Math.exp(Math.log(80) + 0.6 * r.normal())), 20, 400)), susceptibility: round(r.uniform(0.3, 0.7), 2), cuts: [{ link: v.access, probability: round(r.uniform(0.5, 0.9), 2) }], onTrunk: false });
  }
  let n = 0;
  for (const s of sites) if (s.id === '') s.id = `wl${String(++n).padStart(2, '0')}`;
  return sites;
}

const SOURCES = {
  seed001: { title: '平湖市应急管理"十四五"规划（2021-2025年）（2022-01-12，平湖市发展和改革局、平湖市应急管理局）', file: '001_64f288e69b70dfdc.txt' },
  ...pickSources('gb2260', 'sphere2018', 'gb21734', 'gh2003', 'jianbiao121', 'ndrc2024', 'stat2020'),
};

export function build() {
  const data = readDivisions(dataFile('pinghu'));
  const fixed: Record<string, [number, number]> = { '330482001': [121.015, 30.7], '330482101': [121.08, 30.605], '330482108': [120.985, 30.625] };
  const ts = placeTownships(data, G, NS, URBAN, fixed, 0.8);
  const vs = placeVillages(data, ts, G, NS, { spacingKm: 1.1, radiusPerSqrt: 1.2 });
  assignPopulation(vs, ts, TOTAL_POPULATION, NS, (v, r) => (v.community ? (v.t.urban ? r.uniform(9000, 16000) : r.uniform(4000, 8000)) : r.uniform(2500, 4500)));
  const links = buildRoads(ts, {
    winding: 1.25, trunkSpeed: [60, 80], townSpeed: 40, villageSpeed: () => 35,
    susceptibility: (_s, trunk, r) => round(clamp((trunk ? 0.05 : 0.08) + r.uniform(0, 0.04), 0.05, 0.2), 2),
    maxTrunkKm: 12, radialKm: 16, crossKm: 4.5, elevation,
  }, NS);
  const sites = buildSites(ts, vs, links);
  const tBy = new Map(ts.map((t) => [t.d.zh, t]));
  const danghu = tBy.get('当湖街道')!;

  // --- reserves: the city store and 17 town stores (seed 001), one per town, 8 more in the larger towns
  const warehouses = [
    warehouse({ id: 'wh-city', name: { zh: '平湖市救灾物资储备库', en: 'Pinghu City relief store' }, tier: 'county', node: danghu.node, stock: stockFor(CITY_STORE_PEOPLE), resupplyLeadHours: tri(6, 8, 12), loadingHours: tri(0.5, 1, 2) }),
  ];
  const extra = [...ts].sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1)).slice(0, TOWN_STORES - ts.length);
  const townStore = (id: string, name: { zh: string; en: string }, node: string, people: number) =>
    warehouse({ id, name, tier: 'township', node, parent: 'wh-city', stock: stockFor(people), resupplyLeadHours: tri(1, 2, 3), loadingHours: tri(0.25, 0.5, 1) });
  for (const t of ts) {
    warehouses.push(townStore(`wh-${t.id}`, atTownship(t, '应急物资储备库', 'relief store'), t.node, clamp(Math.round(t.population / 150 / 100) * 100, 300, 800)));
    if (extra.includes(t)) {
      const v = [...t.villages].filter((x) => !x.community).sort((a, b) => dist(b.xy, t.xy) - dist(a.xy, t.xy) || (a.id < b.id ? -1 : 1))[0] ?? t.villages[0]!;
      warehouses.push(townStore(`wh-${v.id}`, { zh: `${t.d.zh}${v.d.zh}应急物资储备点`, en: `${v.d.en} (${t.d.en}) relief point` }, v.node, 200));
    }
  }

  // --- teams (seed 001): 9 fire stations, 21 rescue teams of 829 people, 7 social teams of 334, 71 village volunteer fire teams
  const r = new Rand(NS, 'teams');
  const teams = [
    team('team-drainage', { zh: '平湖市排涝抢险队', en: 'Pinghu City drainage and road emergency team' }, 'professional', danghu.node, 40, ['clearing'], tri(0.5, 1, 2)),
    ...ts.map((t) => team(`team-fire-${t.id}`, atTownship(t, '专职消防站', 'full-time fire station'), 'professional', t.node, 20, ['rescue'], tri(0.1, 0.2, 0.5))),
  ];
  const rescueHome = [danghu, danghu, danghu, danghu, tBy.get('独山港镇')!, ...ts.filter((t) => t !== danghu).flatMap((t) => [t, t])];
  const rescueFirst = teams.length;
  rescueHome.forEach((t, i) => teams.push(team(`team-rescue-${String(i + 1).padStart(2, '0')}`, atTownship(t, `应急救援队（${i + 1}）`, `emergency rescue team ${i + 1}`), 'township', t.node, 39 + (i < 829 - 39 * 21 ? 1 : 0), ['rescue', 'clearing'], tri(0.5, 1, 2))));
  const socialFirst = teams.length;
  for (let i = 0; i < 7; i++) teams.push(team(`team-social-${i + 1}`, { zh: `社会应急救援队伍（${i + 1}）`, en: `Social rescue team ${i + 1}` }, 'county', danghu.node, 47 + (i < 334 - 47 * 7 ? 1 : 0), ['rescue'], tri(1, 2, 3)));
  const villageFirst = teams.length;
  const fireVillages = byId(vs.filter((v) => !v.community).sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1)).slice(0, 71));
  teams.push(...villageTeams(fireVillages, { zh: '志愿消防队', en: 'volunteer fire team', size: () => r.int(8, 15) }));

  // --- shelters (seed 001): 127 in all, of which 8 key and 15 standard
  const keyTowns = byId([...ts].sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1)).slice(0, SHELTERS.key));
  const byPop = [...vs].sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1));
  const std = byPop.slice(0, SHELTERS.standard);
  const rest = byPop.slice(SHELTERS.standard, SHELTERS.standard + SHELTERS.total - SHELTERS.key - SHELTERS.standard);
  const shelters = [
    ...townshipShelters(keyTowns, '重点避难所', 'key shelter', () => r.int(30, 50) * 100, 'sh-key-'),
    ...villageShelters(byId(std), '标准避难所', 'standard shelter', () => r.int(8, 15) * 100, 'sh-std-'),
    ...villageShelters(byId(rest), '避灾安置场所', 'shelter', () => r.int(15, 40) * 10),
  ];

  const levels = [
    { level: 'IV', startAny: [cond('warningLevel', 2), cond('failedSites', 1)] },
    { level: 'III', startAny: [cond('warningLevel', 3), cond('failedSites', 5), cond('cutTrunkLinks', 2), cond('deadMissing', deadMissingAt('中型'))] },
    { level: 'II', startAny: [cond('warningLevel', 4), cond('failedSites', 10), cond('affectedPeople', 2000), cond('deadMissing', deadMissingAt('大型'))] },
    { level: 'I', startAny: [cond('affectedPeople', CITY_STORE_PEOPLE), cond('deadMissing', deadMissingAt('特大型'))] },
  ];
  const idx = (id: string) => sites.findIndex((s) => s.id === id);
  const wlPaths = (field: string) => sites.flatMap((s, i) => (s.kind === 'waterlogging' ? [`hazardSites.${i}.${field}`] : []));

  const provenance = [
    { paths: ['horizonHours'], source: 'assumed', note: 'Three days: the typhoon rain, the floods, the drainage and two days of relief.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `The plan gives no population; taken as ${TOTAL_POPULATION.toLocaleString('en')} for a county-level city of about 540 km² next to Shanghai, shared out by weights (当湖 communities 9,000–16,000, town communities 4,000–8,000, villages 2,500–4,500).` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*'], source: 'assumed', note: 'Synthetic: 当湖 at 121.015 °E, 30.70 °N; 乍浦 and 独山港 placed on the Hangzhou Bay shore; other seats spread over a 28 × 24 km ellipse; villages around their seat. Approximate, not surveyed.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic plain of 2–6 m (the 杭嘉湖 plain; seed 001: 「地处东部沿海地区」).' },
    { paths: ['roads.links.*.lengthKm'], source: 'assumed', note: 'Straight-line distance times a winding factor of 1.25 (plain roads following the waterways).' },
    { paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Trunk roads 60–80 km/h (40 in 当湖); village roads 35 km/h.' },
    { paths: ['roads.links.*.susceptibility'], source: 'assumed', note: 'Flat ground: landslide susceptibility near zero (0.05–0.2); flooding is carried by the waterlogging sites.' },
    { paths: wlPaths('threatenedPeople'), source: 'assumed', note: 'People in the flooded low area or along the flooded road section: lognormal around 80, clipped to 20–400 (the plan gives no 内涝点 list).' },
    { paths: wlPaths('susceptibility'), source: 'assumed', note: 'Relative 0–1 score: low trunk-road sections 0.3–0.6, low villages and communities 0.3–0.7 (drawn towards the lowest ground).' },
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'A flooded road section cuts its link with P 0.6–0.9; a low village its road 0.5–0.9; the park road is flooded with the park (0.8); a tank fire closes the port road half the time (0.5).' },
    { paths: [`hazardSites.${idx('lv-dushangang')}.threatenedPeople`, `hazardSites.${idx('lv-dushangang')}.susceptibility`, 'hazardSites.*.threatenedPeople', 'hazardSites.*.susceptibility'].slice(0, 2), source: 'assumed', note: 'The 独山港 embankment reach: 650 people behind it (大型 险情 by people, engine/rules GH-II); susceptibility 0.2, so it fails in roughly one typhoon in six of this distribution (engine check).' },
    { paths: [`hazardSites.${idx('lv-dushangang')}.triggers.0.probability`, `hazardSites.${idx('lv-dushangang')}.triggers.0.delayHours.*`], source: 'seed001', note: 'The plan\'s 「独山港危化园区防洪」 scenario: a breach floods the park with P 0.6 (assumed), 0.5–6 h later (assumed).' },
    { paths: [`hazardSites.${idx('chem-dushangang')}.susceptibility`], source: 'seed001', note: 'The park does not flood by itself: 0, so it fails only when the embankment breach triggers it (灾害链, 「独山港危化园区防洪」).' },
    { paths: [`hazardSites.${idx('chem-dushangang')}.threatenedPeople`], source: 'assumed', note: 'Park workers on shift and the nearest residents: 800 (the plan counts 400+ hazchem enterprises city-wide, not people).' },
    { paths: [`hazardSites.${idx('fire-zhapu-tank')}.susceptibility`, `hazardSites.${idx('fire-zhapu-tank')}.threatenedPeople`], source: 'assumed', note: 'The 「T-3储油罐雷击着火」 drill as a chain: lightning is not modelled, so the tank fails at a low rate (0.04) that rises with the storm; 150 people in the tank farm and port.' },
    { paths: ['hazardSites.*.threatenedPeople', 'hazardSites.*.susceptibility'], source: 'assumed', note: 'River levee reaches (泖河, 平湖塘): 300–600 people behind each (中型/大型 险情); susceptibility 0.15–0.25.' },
    { paths: ['hazard.onsetHour.*', 'hazard.durationHours.*', 'hazard.peakPosition.*', 'hazard.hourlyNoiseSigma'], source: 'assumed', note: 'Typhoon rain bands (seed 001: 「台风、洪涝、海洋等自然灾害易发频发」): rain starts 0–12 h after 08:00 and lasts 18–48 h, peaking mid-event; only the rain is modelled, not the wind or the storm surge.' },
    { paths: ['hazard.peakIntensityMmPerHour.*'], source: 'assumed', note: 'Peak 15 mm/h median, about 200 mm in the median event, the order of recent typhoon totals on the 杭嘉湖 plain; most events reach the yellow 暴雨 signal.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b'], source: 'assumed', note: 'Read here as the drainage-capacity curve of the plain (内涝 begins when mean rainfall exceeds 25·D^-0.6 mm/h: about 40 mm in 3 h, 70 mm in 12 h, 90 mm in 24 h; urban drainage and 圩区 pumping designed for 2–3-year storms).' },
    { paths: ['chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'assumed', note: 'Calibrated with the engine (scripts/build-pinghu-scenario.ts --calibrate): a typical typhoon floods several of the 24 low spots; a levee fails in a minority of events.' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Earthquake branch, unused; placeholders.' },
    { paths: ['chain.consequences.**'], source: 'assumed', note: 'Flooding: 50–100% of the threatened people affected, drowning rare (up to 1%); evacuation cuts casualties tenfold. The same fractions apply to a levee breach, the park and the tank fire (the engine has one consequence rule).' },
    { paths: ['chain.rescue.**', 'chain.clearing.**'], source: 'assumed', note: 'Rescue 1–6 h on site; a flooded road reopens after about 4 h of pumping and traffic control (median, up to 36 h).' },
    DRY_HOURS_PROVENANCE,
    { paths: condPaths(levels, 'deadMissing'), source: 'gh2003', note: 'Dead and missing at the national 灾情 cut-offs (engine/rules GH-III/II/I: 3, 10, 30), used here for floods as well.' },
    { paths: [...condPaths(levels, 'affectedPeople'), ...condPaths(levels, 'failedSites'), ...condPaths(levels, 'cutTrunkLinks')], source: 'assumed', note: 'City-scale ladder (the plan gives no response thresholds; the national relief plan counts per province); Ⅰ when more people are affected than the city store is sized for (7,000).' },
    { paths: condPaths(levels, 'warningLevel'), source: 'assumed', note: 'Common 防汛防台 practice (standards-cn §4.1, M): yellow → Ⅳ, orange → Ⅲ, red → Ⅱ.' },
    RAIN_RESPONSE_END_PROVENANCE,
    ...ITEM_PROVENANCE,
    { paths: ['reserves.warehouses.0.stock.*'], source: 'jianbiao121', note: `The plan's catalogue is still to be issued (「出台应急物资储备品种和规模」): the city store sized for ${CITY_STORE_PEOPLE.toLocaleString('en')} relocated people, the upper 建标121-2009 county class (engine/rules R-3.county).` },
    { paths: ['reserves.warehouses.*.stock.*'], source: 'assumed', note: 'Town stores for 300–800 people by town population, the 8 extra points for 200 (the plan counts 17 town stores, 「镇街道储备库17个」, without sizes).' },
    { paths: ['reserves.warehouses.0.resupplyLeadHours.*'], source: 'ndrc2024', note: 'Refilled from 嘉兴市: first batch within 8 h of the order (engine/rules T-10.city), 6–12 h.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'Town stores refilled from the city store in 1–3 h on the plain; loading 0.25–2 h; reorder below 30%.' },
    COVER_DAYS_PROVENANCE,
    { paths: Array.from({ length: 21 }, (_, i) => `teams.${rescueFirst + i}.size`), source: 'seed001', note: '「建设应急救援队伍21支829人」: 21 teams of 39–40; their bases (4 in 当湖, 3 in 独山港, 2 in each other town) assumed.' },
    { paths: Array.from({ length: 7 }, (_, i) => `teams.${socialFirst + i}.size`), source: 'seed001', note: '「注册的社会应急救援队伍有7支、队员334人」: 7 teams of 47–48, based in 当湖 (assumed).' },
    { paths: ['teams.*.size'], source: 'assumed', note: 'The plan counts 9 full-time fire stations and 71 village volunteer fire teams (「9处专职消防站、71个村志愿消防队」) without headcounts: 20 a station, 8–15 a volunteer team; a drainage team of 40.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'Fire stations 0.1–0.5 h; rescue teams 0.5–2 h; social teams 1–3 h; volunteers 0.25–1 h; drainage team 0.5–2 h.' },
    { paths: ['shelters.*.capacity'], source: 'assumed', note: 'The plan counts 127 shelters, with 8 key and 15 standard shelters by 2025 (「完成规范化建设127处」「建成8个重点避难所,15个标准避难所」), but no capacities: key 3,000–5,000, standard 800–1,500, others 150–400 people.' },
    { paths: ['targets.1.hours'], source: 'assumed', note: 'The plan sets no road target: flooded trunk roads reopened within 12 h.' },
    { paths: ['targets.2.hours'], source: 'stat2020', note: 'A response level within 2 h, the county\'s first-report limit (engine/rules T-2).' },
    { paths: ['targets.3.hours'], source: 'assumed', note: 'A rescue team at each flooded site with people at risk within 2 h on the plain.' },
  ];

  const siteOut = sites.map((s) => ({
    id: s.id, name: { zh: s.zh, en: s.en }, kind: s.kind, village: s.v.id, threatenedPeople: s.threatened, susceptibility: s.susceptibility, cuts: s.cuts, ...(s.triggers ? { triggers: s.triggers } : {}),
  }));
  const scenario = {
    schemaVersion: 1,
    id: 'pinghu-typhoon',
    name: { zh: '平湖市台风暴雨—内涝—堤防险情—危化园区进水灾害链', en: 'Pinghu City: typhoon rain, waterlogging, a levee emergency and a flooded chemical park' },
    description: {
      zh: '台风带来的强降雨（仅模拟降雨，不模拟大风和风暴潮）造成低洼路段和村社区内涝、堤防出现险情；独山港段堤防决口可能导致独山港危化园区进水。储油罐雷击着火以低概率火灾点近似。检验1个市级库和17个镇街道储备库、127处避灾安置场所和各类救援队伍。地名和区划代码真实，位置、高程、人口、路网和隐患点为合成数据。',
      en: 'Typhoon rain (only the rain: wind and storm surge are not modelled) floods low roads and villages and brings a levee emergency; a breach of the 独山港 embankment can flood the 独山港 hazardous-chemicals park. A lightning fire at an oil tank is approximated by a low-rate fire site. Tests the city store and 17 town stores, 127 shelters and the rescue teams. Place names and codes are real; positions, elevations, populations, roads and sites are synthetic.',
    },
    start: '2025-08-03T08:00:00+08:00',
    horizonHours: 72,
    sources: SOURCES,
    provenance,
    region: regionOut(data, G, ts, vs, 'coastal', elevation),
    roads: { nodes: roadNodes(G, ts, vs, elevation), links: linksOut(links) },
    hazardSites: siteOut,
    hazard: {
      kind: 'rainstorm',
      onsetHour: tri(0, 6, 12),
      durationHours: tri(18, 30, 48),
      peakIntensityMmPerHour: { dist: 'lognormal', median: 15, sigma: 0.4, max: 60 },
      peakPosition: tri(0.3, 0.5, 0.7),
      hourlyNoiseSigma: 0.35,
    },
    chain: {
      landslide: { rule: { type: 'intensityDuration', a: 25, b: 0.6 }, hourlyRateAtThreshold: 0.003, exponent: 2, intensityAt50: 8, intensitySpread: 0.7 },
      consequences: { affectedFraction: tri(0.5, 0.8, 1), deadMissingRate: tri(0, 0.001, 0.01), evacuatedFactor: 0.1 },
      rescue: { onSiteHours: tri(1, 3, 6) },
      clearing: { hours: { dist: 'lognormal', median: 4, sigma: 0.6, max: 36 }, trunkFactor: 1 },
    },
    warnings: { cancelAfterDryHours: 6, downgrade: 'hold', evacuateAt: 'yellow' },
    response: responseOut(levels, { rain: true }),
    reserves: reservesOut(warehouses),
    teams,
    shelters,
    targets: [
      TARGETS.reliefNational,
      { id: 'trunk-12h', name: { zh: '12小时内恢复被淹干线公路通行', en: 'Flooded trunk roads reopened within 12 h' }, kind: 'trunkReopenWithin', hours: 12 },
      { id: 'response-2h', name: { zh: '首个险情发生后2小时内启动应急响应', en: 'A response level in force within 2 h of the first failure' }, kind: 'responseWithin', hours: 2 },
      { id: 'rescue-2h', name: { zh: '救援队伍2小时内到达险情点', en: 'A rescue team at each site within 2 h' }, kind: 'rescueArrivalWithin', hours: 2 },
    ],
  };

  const doc = scenarioDocument(scenario, [
    ' pinghu-typhoon.yaml — typhoon rain → waterlogging and a levee emergency → flooding of the 独山港 chemical park,',
    ' in a coastal city modelled on 平湖市 (嘉兴市, 330482), from its 14th Five-Year emergency plan (seed 001).',
    ' GENERATED by `npx tsx scripts/build-pinghu-scenario.ts`: edit the script, not this file.',
    '',
    ' The typhoon is modelled as its rain only (a `rainstorm` hazard): no wind, no storm surge. The plan\'s',
    ' lightning → oil-tank fire (its T-3 drill) is approximated by a `fire` site that fails at a low rate with the storm.',
    ' Real: the 9 town and 136 village names and GB/T 2260 codes (scenarios/data/pinghu-divisions.json); from seed 001:',
    ' 17 town stores, 127 shelters (8 key, 15 standard), 9 fire stations, 21 teams / 829, 7 social teams / 334,',
    ' 71 village volunteer fire teams. Synthetic ("assumed"): positions, elevations, populations, roads, sites, stock.',
  ]);
  keyComments(doc, {
    sources: ' --- documents the numbers cite ---',
    provenance: ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---',
    region: ' --- 平湖市: 9 镇(街道), 136 村(社区); positions and populations synthetic ---',
    hazardSites: ' --- the chain: embankment → chemical park; the tank fire; river levees; 24 waterlogging spots (内涝点) ---',
    hazard: ' --- the typhoon\'s rain (wind and surge are not modelled) ---',
    warnings: ' --- no `rainstorm` list: the national 暴雨 signals apply (engine/rules); 危房/工棚 evacuated at yellow ---',
    reserves: ' --- the city store and the 17 town stores (seed 001) ---',
    teams: ' --- drainage team, 9 fire stations, 21 rescue teams (829), 7 social teams (334), 71 village volunteer fire teams ---',
    shelters: ' --- 127 shelters: 8 key, 15 standard, 104 others (seed 001) ---',
    targets: ' --- relief: no hours, so the national 10 h (T-9) applies ---',
  });
  commentAt(doc, ['teams', villageFirst], ' 71 village volunteer fire teams (村志愿消防队)');
  commentAt(doc, ['hazardSites', sites.findIndex((s) => s.kind === 'waterlogging')], ' waterlogging spots (内涝点): low trunk-road sections first, then low villages and communities');
  const kinds = (k: Kind) => sites.filter((s) => s.kind === k).length;
  return {
    doc,
    counts: {
      townships: ts.length, villages: vs.length, population: TOTAL_POPULATION, nodes: ts.length + vs.length, links: links.length, trunkLinks: links.filter((l) => l.trunk).length,
      sites: `${sites.length}: ${kinds('waterlogging')} waterlogging, ${kinds('levee')} levee, ${kinds('chemical')} chemical, ${kinds('fire')} fire`,
      warehouses: `${warehouses.length} (1 city + ${warehouses.length - 1} town)`, teams: teams.length, shelters: shelters.length, shelterCapacity: shelters.reduce((a, s) => a + s.capacity, 0),
    },
  };
}


/** How often each chain link fails over seeds 1…n (levee, park, tank), from the event logs. */
async function chainCheck(n: number) {
  const { readFileSync } = await import('node:fs');
  const { loadScenario, runTrial, compiledMachines } = await import('../engine/index.ts');
  const r = loadScenario(readFileSync(OUT_FILE, 'utf8'), OUT_FILE, 'en');
  if (!r.ok) throw new Error('does not load');
  const count: Record<string, number> = {};
  let triggered = 0;
  for (let seed = 1; seed <= n; seed++) {
    const { events } = runTrial(r.scenario, seed, compiledMachines, { log: true });
    for (const e of events) {
      const d = e as unknown as { type: string; site?: string };
      if (d.type === 'site.failed' && d.site && !d.site.startsWith('wl')) count[d.site] = (count[d.site] ?? 0) + 1;
      if (d.type === 'chain.triggered') triggered++;
    }
  }
  return { trials: n, failures: count, triggered };
}
if (isMain(import.meta.url)) await runBuilder(OUT_FILE, build, process.argv.slice(2), () => chainCheck(300));
