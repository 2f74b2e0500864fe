/**
 * Builds scenarios/jingyan-rainstorm.yaml: a second Sichuan hilly county, modelled on 井研县
 * (乐山市, 511124) from its 14th Five-Year emergency plan (seed 002): a flood-season rainstorm
 * fails hillslopes that cut roads; the county answers with its 15 township teams and 119 village
 * squads, its agency-stored relief (代储 in all 15 镇) and its 50 shelters for 201,400 people.
 *
 *   npx tsx scripts/build-jingyan-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-jingyan-scenario.ts --calibrate   also run the engine on seeds 1…300 and print headline figures
 *
 * Real: the 15 township and 119 village names and codes (scenarios/data/jingyan-divisions.json,
 * from scripts/build-divisions.ts). Synthesised here and marked "assumed": positions, elevations,
 * populations, roads, hazard sites, stock levels, team sizes. The 暴雨 signals and the relief time
 * limit are left to the national rules (engine/rules): the loader fills them with provenance.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_SIZES } from '../engine/rules/index.ts';
import { dataFile } from './build-divisions.ts';
import {
  COVER_DAYS_PROVENANCE, DRY_HOURS_PROVENANCE, ITEM_PROVENANCE, RAIN_RESPONSE_END_PROVENANCE, SITE_SUSCEPTIBILITY_PROVENANCE, SMALL_SLIDE_CHAIN,
  SMALL_SLIDE_CHAIN_PROVENANCE, TARGETS, Rand, assignPopulation, buildRoads, buildSlopeSites, clamp, commentAt, cond, condPaths, deadMissingAt, dist, isMain,
  keyComments, largestRemainder, linksOut, makeGeo, pickSources, placeTownships, placeVillages, readDivisions, regionOut, rescueWithin, reservesOut, responseOut,
  roadNodes, round, runBuilder, scenarioDocument, shelter, slopeSiteOut, stockFor, team, townshipTeams, tri, villageTeams, warehouse, type XY,
} from './build-scenario-kit.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'scenarios/jingyan-rainstorm.yaml');
const NS = 'jingyan-2025';

/** 井研 is about 841 km² around 104.07 °E, 29.65 °N: an ellipse of 17 × 16 km semi-axes (≈ 855 km²). */
const G = makeGeo(104.07, 29.65, 17, 16);
const TOTAL_POPULATION = 280_000; // assumed
const URBAN = new Set(['511124001']); // 研城街道, the county town
const SITE_COUNT = 30;
const TRUNK_SITE_COUNT = 8;
const COUNTY_STORE_PEOPLE = STORE_SIZES.find((s) => s.tier === 'county')!.people[1]; // 7,000: the upper 建标121 county class
const SHELTERS = 50; // seed 002
const SHELTER_PEOPLE = 201_400; // seed 002: 「能容纳20.14万人」
const SHELTER_AREA_M2 = 302_100; // seed 002: 「约30.21万平方米」

/** Low hills of 340–620 m: a NW–SE ridge and two scales of hill-and-valley relief. Synthetic. */
export function elevation([x, y]: XY): number {
  const ridge = Math.exp(-(((x + 0.6 * y - 4) / 9) ** 2));
  const hills = 42 * Math.sin(x / 2.8 + 0.7) * Math.cos(y / 3.1 + 0.2) + 24 * Math.sin((x - y) / 1.6) + 12 * Math.cos((2 * x + y) / 1.2);
  return clamp(400 + 130 * ridge + hills, 340, 620);
}

const SOURCES = pickSources('seed002', 'seed000', 'gb2260', 'sphere2018', 'gb21734', 'gh2003', 'jianbiao121', 'ndrc2024', 'caine1980');

const HAZARD = {
  kind: 'rainstorm',
  onsetHour: tri(0, 2, 6),
  durationHours: tri(6, 14, 30),
  peakIntensityMmPerHour: { dist: 'lognormal', median: 28, sigma: 0.35, max: 100 },
  peakPosition: tri(0.2, 0.4, 0.7),
  hourlyNoiseSigma: 0.3,
};
const CHAIN = SMALL_SLIDE_CHAIN;

export function build() {
  const data = readDivisions(dataFile('jingyan'));
  const ts = placeTownships(data, G, NS, URBAN, { '511124001': [104.07, 29.652] });
  const vs = placeVillages(data, ts, G, NS, { spacingKm: 1.2, radiusPerSqrt: 1.6 });
  assignPopulation(vs, ts, TOTAL_POPULATION, NS, (v, r) => (v.community ? (v.t.urban ? r.uniform(5000, 9000) : r.uniform(1500, 3500)) : r.uniform(1200, 2600)));
  const links = buildRoads(ts, {
    winding: 1.3, trunkSpeed: [50, 60], townSpeed: 40, villageSpeed: (s) => 35 - 10 * s,
    susceptibility: (s, trunk, r) => round(clamp(0.1 + 0.6 * s + r.uniform(-0.05, 0.05) - (trunk ? 0.05 : 0), 0.05, 0.9), 2),
    maxTrunkKm: 13, radialKm: 16, crossKm: 5, elevation,
  }, NS);
  const sites = buildSlopeSites(vs, links, NS, { count: SITE_COUNT, trunkCount: TRUNK_SITE_COUNT, trunkNearKm: 3.5, elevation });
  const tBy = new Map(ts.map((t) => [t.d.zh, t]));
  const yancheng = ts[0]!;

  // --- reserves: the county depot and the agency stores of 金都徽连锁 in all 15 镇(街道) (seed 002)
  const warehouses = [
    warehouse({ id: 'wh-county', name: { zh: '井研县救灾物资储备库', en: 'Jingyan County relief depot' }, tier: 'county', node: yancheng.node, stock: stockFor(COUNTY_STORE_PEOPLE), resupplyLeadHours: tri(6, 8, 12), loadingHours: tri(0.5, 1, 2) }),
    ...ts.map((t) => {
      const people = clamp(Math.round(t.population / 40 / 100) * 100, 300, 1000);
      const name = { zh: `金都徽连锁${t.d.zh}门店（协议代储）`, en: `Jinduhui chain store, ${t.d.en} (agreement store)` };
      return warehouse({ id: `wh-ag-${t.id}`, name, tier: 'agreement', node: t.node, stock: { food: people * 3, water: people * 3 }, resupplyLeadHours: tri(12, 24, 48), loadingHours: tri(0.5, 1, 2) });
    }),
  ];

  // --- teams: fire brigade and the two central stations, road crews, 15 township teams, 119 village squads
  const r = new Rand(NS, 'teams');
  const mata = tBy.get('马踏镇')!.node;
  const zhoupo = tBy.get('周坡镇')!.node;
  const teams = [
    team('team-county-fire', { zh: '井研县消防救援大队', en: 'Jingyan County fire and rescue brigade' }, 'professional', yancheng.node, 45, ['rescue'], tri(0.1, 0.25, 0.5)),
    team('team-fire-mata', { zh: '马踏镇中心消防救援站', en: 'Mata Town central fire station' }, 'professional', mata, 25, ['rescue'], tri(0.1, 0.25, 0.5)),
    team('team-fire-zhoupo', { zh: '周坡镇中心消防救援站', en: 'Zhoupo Town central fire station' }, 'professional', zhoupo, 25, ['rescue'], tri(0.1, 0.25, 0.5)),
    team('team-county-road', { zh: '井研县公路养护抢通队', en: 'Jingyan County road maintenance and clearing team' }, 'professional', yancheng.node, 40, ['clearing'], tri(1, 1.5, 2.5)),
    team('team-road-mata', { zh: '马踏片区公路抢通分队', en: 'Mata area road clearing squad' }, 'professional', mata, 20, ['clearing'], tri(1, 1.5, 2.5)),
    team('team-road-zhoupo', { zh: '周坡片区公路抢通分队', en: 'Zhoupo area road clearing squad' }, 'professional', zhoupo, 20, ['clearing'], tri(1, 1.5, 2.5)),
  ];
  const countyTeams = teams.length;
  teams.push(...townshipTeams(ts, { zh: '应急救援队', en: 'emergency rescue team', size: () => r.int(30, 45) }));
  teams.push(...villageTeams(vs, { zh: '应急分队', en: 'emergency squad', size: () => r.int(10, 15) }));

  // --- shelters: 50 sites for 201,400 people (seed 002), a central one in the county town,
  // one per township, the rest at the largest villages; capacities by population, summing exactly
  const hosts: { id: string; zh: string; en: string; node: string; weight: number }[] = [
    { id: 'sh-central', zh: '县城中心避难场所（广场）', en: 'County-town central shelter (square)', node: yancheng.node, weight: 0.6 * yancheng.population },
    ...ts.map((t) => ({ id: `sh-${t.id}`, zh: `${t.d.zh}避难场所（学校）`, en: `${t.d.en} shelter (school)`, node: t.node, weight: t.population / 2 })),
  ];
  const big = [...vs].sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1)).slice(0, SHELTERS - hosts.length).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const v of big) hosts.push({ id: `sh-${v.id}`, zh: `${v.t.d.zh}${v.d.zh}避难场所（市场）`, en: `${v.d.en} (${v.t.d.en}) shelter (market)`, node: v.node, weight: v.population });
  const caps = largestRemainder(hosts.map((h) => h.weight), SHELTER_PEOPLE);
  const shelters = hosts.map((h, i) => shelter(h.id, { zh: h.zh, en: h.en }, h.node, caps[i]!));

  const levels = [
    { level: 'IV', startAny: [cond('failedSites', 1), cond('cutTrunkLinks', 1), cond('warningLevel', 2)] },
    { level: 'III', startAny: [cond('deadMissing', deadMissingAt('中型')), cond('affectedPeople', 500), cond('failedSites', 4), cond('cutTrunkLinks', 3), cond('warningLevel', 3)] },
    { level: 'II', startAny: [cond('deadMissing', deadMissingAt('大型')), cond('affectedPeople', 2000), cond('failedSites', 8), cond('warningLevel', 4)] },
    { level: 'I', startAny: [cond('deadMissing', deadMissingAt('特大型')), cond('affectedPeople', COUNTY_STORE_PEOPLE)] },
  ];

  const provenance = [
    { paths: ['horizonHours'], source: 'assumed', note: 'Three days: the storm, the failures and two more days of relief and resupply.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `The plan gives no population; taken as ${TOTAL_POPULATION.toLocaleString('en')} for a hilly county of about 840 km², shared out by weights (county-town communities 5,000–9,000, town communities 1,500–3,500, villages 1,200–2,600).` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*'], source: 'assumed', note: 'Synthetic: county town 研城 at 104.07 °E, 29.65 °N; other seats spread evenly over a 34 × 32 km ellipse; villages around their seat. Not surveyed positions.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic hilly terrain of 340–620 m (seed 002: 「地形地貌多样、地质条件复杂」).' },
    { paths: ['roads.links.*.lengthKm'], source: 'assumed', note: 'Straight-line distance between the nodes times a winding factor of 1.3.' },
    { paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Trunk roads 50–60 km/h (40 in the county town); village roads 25–35 km/h, slower where the corridor climbs more.' },
    { paths: ['roads.links.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the relief along the corridor, plus a little noise; trunk roads slightly lower.' },
    { paths: ['hazardSites.*.threatenedPeople'], source: 'assumed', note: 'The plan lists no sites: lognormal around 60 people, clipped to 10–300 (小型/中型 险情 of 地质灾害防治条例, engine/rules GH-IV/III); at most a third of the village.' },
    SITE_SUSCEPTIBILITY_PROVENANCE,
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'Trunk road below a slope 0.4–0.7; a village road 0.5–0.9; a second link 0.2–0.5.' },
    { paths: ['hazard.onsetHour.*', 'hazard.durationHours.*', 'hazard.peakPosition.*', 'hazard.hourlyNoiseSigma'], source: 'assumed', note: 'A July night rainstorm starting 0–6 h after 20:00, lasting 6–30 h, peaking in its first half.' },
    { paths: ['hazard.peakIntensityMmPerHour.*'], source: 'assumed', note: 'Peak 28 mm/h median, a little wetter than 乐至: 乐山 lies on the rainy western edge of the Sichuan basin. Most draws reach the orange 暴雨 signal.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b'], source: 'caine1980', note: 'Global intensity–duration threshold for shallow landslides I = 14.82·D^-0.39 (mm/h, h), standards-cn LT-1 (P).' },
    { paths: ['chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'assumed', note: 'As in the default scenario: a typical storm fails a handful of the sites (engine check: scripts/build-jingyan-scenario.ts --calibrate).' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Earthquake branch, unused by this rainstorm; placeholders.' },
    ...SMALL_SLIDE_CHAIN_PROVENANCE,
    DRY_HOURS_PROVENANCE,
    { paths: condPaths(levels, 'deadMissing'), source: 'gh2003', note: 'Dead and missing at the 灾情 cut-offs of the national geohazard grading (engine/rules GH-III/II/I): 中型 ≥ 3 (Ⅲ), 大型 ≥ 10 (Ⅱ), 特大型 ≥ 30 (Ⅰ).' },
    { paths: [...condPaths(levels, 'affectedPeople'), ...condPaths(levels, 'failedSites'), ...condPaths(levels, 'cutTrunkLinks')], source: 'assumed', note: 'County-scale ladder (the national relief plan counts per province, engine/rules NDR-4 from 10万 relocated); Ⅰ at the county store\'s planned 7,000 people; fewer sites than 乐至, so lower site counts.' },
    { paths: condPaths(levels, 'warningLevel'), source: 'assumed', note: 'Common county 防汛 practice (standards-cn §4.1, M): yellow signal → Ⅳ, orange → Ⅲ, red → Ⅱ.' },
    RAIN_RESPONSE_END_PROVENANCE,
    ...ITEM_PROVENANCE,
    { paths: ['reserves.warehouses.0.stock.*'], source: 'jianbiao121', note: `County depot sized for ${COUNTY_STORE_PEOPLE.toLocaleString('en')} relocated people (建标121-2009 county class 0.5–0.7万人, engine/rules R-3.county): tents and quilts once, a day of food and water. Of the order of the plan's 「7万余件（套）」 in store.` },
    { paths: ['reserves.warehouses.*.stock.*'], source: 'seed002', note: '「与金都徽连锁有限公司签订了救灾物资代储协议，在全县15个镇（街道）代储粮油、干粮、水」: one agency store per 镇 holding food and water; quantities assumed (a day for 300–1,000 people, by township population).' },
    { paths: ['reserves.warehouses.0.resupplyLeadHours.*'], source: 'ndrc2024', note: 'The county depot is refilled from 乐山市: first batch within 8 h of the order (engine/rules T-10.city), 6–12 h.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'Agency stores restocked by the chain in 12–48 h; loading 0.5–2 h; reorder below 30%.' },
    COVER_DAYS_PROVENANCE,
    { paths: teams.slice(0, countyTeams).map((_, i) => `teams.${i}.size`), source: 'assumed', note: 'The plan names the fire brigade as the backbone and two central stations (马踏, 周坡: 「建设2个中心消防救援站」) but no headcounts: 45 and 25 each; road crews 40 and 20 (the plan gives no road teams; assumed for 抢通).' },
    { paths: ['teams.*.size'], source: 'seed000', note: '井研 gives no team sizes for its 「15支镇（街道）应急救援队、119支村（社区）应急分队」: borrowed from the same-province 乐至 plan (≥ 30 and ≥ 10 people), drawn 30–45 and 10–15.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'Night call-out: fire crews 0.1–0.5 h, road crews 1–2.5 h (machinery), township teams 0.5–2 h, village squads 0.25–1 h.' },
    { paths: ['shelters.*.capacity'], source: 'seed002', note: '「应急避难场所50个约30.21万平方米，能容纳20.14万人」 (1.5 m² per person): the 201,400 places shared out by the population each site serves (the split is assumed).' },
    { paths: ['targets.1.hours'], source: 'seed000', note: '井研 sets no hour targets; the trunk-road target is borrowed from the same-province 乐至 plan: 「6小时内抢通一般灾害干线公路路段」.' },
    { paths: ['targets.2.hours', 'targets.3.hours'], source: 'assumed', note: 'A response level within 2 h of the first failure (township report within 1 h, engine/rules T-1, plus an hour to decide); a rescue team at each failed site within 2 h.' },
  ];

  const scenario = {
    schemaVersion: 1,
    id: 'jingyan-rainstorm',
    name: { zh: '井研县暴雨—滑坡—断路灾害链', en: 'Jingyan County: rainstorm, landslides and road cuts' },
    description: {
      zh: '汛期夜间暴雨诱发丘陵区滑坡和崩塌，阻断干线公路和村道；检验15支镇（街道）应急救援队、119支村（社区）应急分队、全县15个镇代储物资和50处避难场所。暴雨预警信号和救助时限取国家规定。地名和区划代码真实，位置、高程、人口、路网和隐患点为合成数据。',
      en: 'A flood-season night rainstorm triggers landslides and rockfalls in the hills, cutting trunk and village roads; tests the 15 township teams, 119 village squads, the agency stores in all 15 towns and the 50 shelters. The 暴雨 signals and the relief time limit are the national ones. Place names and codes are real; positions, elevations, populations, roads and hazard sites are synthetic.',
    },
    start: '2025-07-22T20:00:00+08:00',
    horizonHours: 72,
    sources: SOURCES,
    provenance,
    region: regionOut(data, G, ts, vs, 'hilly', elevation),
    roads: { nodes: roadNodes(G, ts, vs, elevation), links: linksOut(links) },
    hazardSites: sites.map(slopeSiteOut),
    hazard: HAZARD,
    chain: CHAIN,
    warnings: { cancelAfterDryHours: 6, downgrade: 'hold', evacuateAt: 'orange' },
    response: responseOut(levels, { rain: true }),
    reserves: reservesOut(warehouses),
    teams,
    shelters,
    targets: [
      TARGETS.reliefNational,
      { id: 'trunk-6h', name: { zh: '6小时内抢通干线公路（借用乐至目标）', en: 'Cut trunk roads reopened within 6 h (乐至 target)' }, kind: 'trunkReopenWithin', hours: 6 },
      TARGETS.response2h,
      rescueWithin(2),
    ],
  };

  const doc = scenarioDocument(scenario, [
    ' jingyan-rainstorm.yaml — rainstorm → landslides → road cuts in a county modelled on 井研县 (乐山市, 511124).',
    ' GENERATED by `npx tsx scripts/build-jingyan-scenario.ts`: edit the script, not this file.',
    '',
    ' Real: the 15 township and 119 village names and GB/T 2260 codes (scenarios/data/jingyan-divisions.json);',
    ' from seed 002: the 15 township teams and 119 village squads, agency storage in all 15 镇, 50 shelters for 201,400.',
    ' Synthetic (provenance "assumed"): positions, elevations, populations, roads, hazard sites, stock levels.',
    ' Left to the national rules (engine/rules), filled by the loader with provenance: warnings.rainstorm',
    ' (RS-B/Y/O/R) and the relief target\'s hours (T-9, 10 h). scenarios/README.md explains the sources.',
  ]);
  keyComments(doc, {
    sources: ' --- documents the numbers cite ---',
    provenance: ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---',
    region: ' --- 井研县: 15 镇(街道), 119 村(社区); positions and populations synthetic ---',
    hazardSites: ` --- ${SITE_COUNT} geological hazard sites (地质灾害隐患点), synthetic: the plan lists none ---`,
    warnings: ' --- no `rainstorm` list: the national 暴雨 signals apply (engine/rules RS-B/Y/O/R) ---',
    reserves: ' --- the county depot and the 金都徽连锁 agency stores in all 15 镇 (seed 002) ---',
    teams: ' --- fire brigade, 2 central stations, road crews, 15 township teams, 119 village squads ---',
    shelters: ' --- 50 shelters, 201,400 places (seed 002) ---',
    targets: ' --- relief: no hours, so the national 10 h (T-9) applies; trunk roads: 乐至\'s 6 h ---',
  });
  commentAt(doc, ['teams', countyTeams], ' 15 township teams (镇（街道）应急救援队)');
  commentAt(doc, ['teams', countyTeams + ts.length], ' 119 village squads (村（社区）应急分队)');
  return {
    doc,
    counts: {
      townships: ts.length, villages: vs.length, population: TOTAL_POPULATION, nodes: ts.length + vs.length,
      links: links.length, trunkLinks: links.filter((l) => l.trunk).length, sites: sites.length, sitesOnTrunk: sites.filter((s) => s.onTrunk).length,
      threatenedPeople: sites.reduce((a, s) => a + s.threatened, 0), warehouses: warehouses.length, teams: teams.length,
      shelters: shelters.length, shelterCapacity: shelters.reduce((a, s) => a + s.capacity, 0), shelterAreaM2: SHELTER_AREA_M2,
      seatSpreadKm: round(Math.max(...ts.map((t) => dist(t.xy, yancheng.xy))), 1),
    },
  };
}

if (isMain(import.meta.url)) await runBuilder(OUT_FILE, build, process.argv.slice(2));
