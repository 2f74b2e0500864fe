/**
 * Builds scenarios/shidian-forest-fire.yaml: the forest-fire season (森林火险期, 1 Feb – 31 May) of
 * 施甸县 (保山市, 530521) from its 14th Five-Year emergency plan (seed 004): 「施甸属国家一级火险县,
 * 每年2–5月是森林草原火灾高发期」, 善洲林场 a key fire-prevention area, 「森林城镇交界火、原始高山林火」.
 * A daily 森林火险气象等级 (GB/T 36743-2018) drives ignitions; fires spread by 王正非 (1983) inside
 * compartments bounded by firebreaks (阻隔带) and are contained by fireline; the plan's forces fight
 * them (消防救援大队26人, 森林消防靠前驻防中队50人, 乡镇半专业队伍151人); a fire reaching its
 * village evacuates people and may close its road.
 *
 *   npx tsx scripts/build-shidian-forest-fire-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-shidian-forest-fire-scenario.ts --calibrate   also print fire figures over seeds 1…300
 *
 * The county, villages and roads are those of scripts/build-shidian-scenario.ts (same generator keys,
 * its placement constants copied here: that builder is a command, not a module). Compartments are
 * synthetic: two at the steepest villages of each township, four more for 善洲林场 (姚关镇).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRE_OUT_24H_TARGET, FOREST_FIRE_GRADES } from '../engine/rules/index.ts';
import { dataFile } from './build-divisions.ts';
import {
  COMMON_SOURCES, Document, ITEMS, ITEM_PROVENANCE, Rand, assignPopulation, buildRoads, clamp, commentAt, keyComment, layoutCommon, makeGeo,
  placeTownships, placeVillages, readDivisions, regionOut, relief, roadNodes, round, stockFor, tri, writeScenario, type Village, type XY,
} from './build-scenario-kit.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'scenarios/shidian-forest-fire.yaml');
// copied from build-shidian-scenario.ts so the county is the same one
const NS = 'shidian-2025';
const G = makeGeo(99.18, 24.73, 20, 32);
const TOTAL_POPULATION = 330_000;
const URBAN = new Set(['530521101']);
const COUNTY_STORE_PEOPLE = 5000;
const VILLAGE_SHELTER_M2 = 500;
const M2_PER_PERSON = 1.5;
function elevation([x, y]: XY): number {
  const basin = Math.exp(-((x / 6) ** 2)) * Math.exp(-(((y - 6) / 16) ** 2));
  const ranges = 650 * (1 - basin) + 380 * Math.sin(y / 6 + 0.3) * Math.cos(x / 5 - 0.2) + 180 * Math.sin((x + y) / 2.1) + 90 * Math.cos((x - 2 * y) / 1.3);
  const gorge = 1100 * clamp((-x - 11) / 9, 0, 1);
  return clamp(1500 + ranges - gorge, 650, 2900);
}

const FFNS = 'shidian-forest-fire-2025';
const SEASON_DAYS = 120; // 1 Feb – 31 May 2025: 28 + 31 + 30 + 31

interface Compartment {
  id: string;
  v: Village;
  shanzhou: boolean;
  wui: boolean;
  areaHa: number;
  fuelFactor: number;
  slopeDeg: number;
  walk: [number, number, number];
  wuiDistanceM?: number;
  people: number;
  weight: number;
}

function buildCompartments(vs: Village[]): Compartment[] {
  const r = new Rand(FFNS, 'compartments');
  const rough = new Map(vs.map((v) => [v.id, relief(elevation, v.xy)]));
  const maxRough = Math.max(...rough.values());
  const out: Compartment[] = [];
  const ts = [...new Set(vs.map((v) => v.t))];
  const make = (v: Village, shanzhou: boolean) => {
    const k = rough.get(v.id)! / maxRough;
    const wui = r.next() < (shanzhou ? 0.25 : 0.55);
    const areaHa = round(shanzhou ? r.uniform(400, 1200) : Math.exp(Math.log(150) + 0.7 * r.normal()), 0);
    out.push({
      id: '', v, shanzhou, wui,
      areaHa: clamp(areaHa, 30, 1500),
      fuelFactor: round(r.uniform(0.15, 0.3) + (shanzhou ? 0.05 : 0), 2),
      slopeDeg: round(clamp(5 + 15 * k + r.uniform(-3, 3), 4, 22), 0),
      walk: wui ? [0.1, 0.3, 1] : [0.5, 1.2, 3],
      ...(wui ? { wuiDistanceM: Math.round(r.uniform(30, 150)) * 10 } : {}),
      people: wui ? Math.min(Math.floor(v.population / 4), r.int(60, 400)) : 0,
      weight: round(clamp((wui ? 0.7 : 0.35) + r.uniform(-0.15, 0.15) + (shanzhou ? 0.2 : 0), 0.1, 1), 2),
    });
  };
  for (const t of ts) {
    const pool = t.villages.filter((v) => !v.community).sort((a, b) => rough.get(b.id)! - rough.get(a.id)! || (a.id < b.id ? -1 : 1));
    const n = t.d.zh === '姚关镇' ? 6 : 2;
    pool.slice(0, n).forEach((v, i) => make(v, t.d.zh === '姚关镇' && i < 4));
  }
  out.forEach((c, i) => (c.id = `ff${String(i + 1).padStart(2, '0')}`));
  return out;
}

const SOURCES = {
  seed004: { title: '施甸县"十四五"应急体系规划（2023-06-19，施甸县人民政府）', file: '004_14fb2cb55353c579.txt' },
  ...COMMON_SOURCES,
  ffr2008: { title: '森林防火条例（第四十条 森林火灾等级）', standard: '国务院令第541号 (2008)' },
  ffplan2016: { title: '全国森林防火规划（2016—2025年）（森林火灾24小时扑灭率 ≥ 95%）', standard: '国家林业局 (2016)' },
  gbt36743: { title: '森林火险气象等级', standard: 'GB/T 36743-2018' },
  wang1983: { title: '王正非 (1983) 山火初始蔓延速度测算法. 山地研究 1(2):42–51 (R = R0·Ks·Kw·Kφ; quoted from memory)' },
  anderson1983: { title: 'Anderson H.E. (1983) Predicting wind-driven wild land fire size and shape. USDA Forest Service Res. Pap. INT-305' },
  fried1996: { title: 'Fried J.S., Fried B.D. (1996) Simulating wildfire containment with realistic tactics. Forest Science 42(3):267–281' },
  stat2020: { title: '自然灾害情况统计调查制度', standard: '应急〔2020〕19号', url: 'http://fsou.com/html/text/lar/174138/17413829_4.html' },
};

function build() {
  const data = readDivisions(dataFile('shidian'));
  const ts = placeTownships(data, G, NS, URBAN, { '530521101': [99.183, 24.73] }, 0.84);
  const vs = placeVillages(data, ts, G, NS, { spacingKm: 1.8, radiusPerSqrt: 2.6 });
  assignPopulation(vs, ts, TOTAL_POPULATION, NS, (v, r) => (v.community ? (v.t.urban ? r.uniform(4000, 7000) : r.uniform(1800, 3500)) : r.uniform(1500, 3200)));
  const links = buildRoads(ts, {
    winding: 1.6, trunkSpeed: [35, 50], townSpeed: 30, villageSpeed: (s) => 25 - 10 * s,
    susceptibility: (s, trunk, r) => round(clamp(0.15 + 0.7 * s + r.uniform(-0.05, 0.05) - (trunk ? 0.05 : 0), 0.05, 0.95), 2),
    maxTrunkKm: 20, radialKm: 24, crossKm: 7, elevation,
  }, NS);
  const comps = buildCompartments(vs);
  const tBy = new Map(ts.map((t) => [t.d.zh, t]));
  const dianyang = tBy.get('甸阳镇')!;
  const yaoguan = tBy.get('姚关镇')!;

  const warehouses = [
    { id: 'wh-county', name: { zh: '施甸县救灾物资储备库', en: 'Shidian County relief depot' }, tier: 'county', node: dianyang.node, stock: stockFor(COUNTY_STORE_PEOPLE), resupplyLeadHours: tri(6, 8, 12), reorderFraction: 0.3, loadingHours: tri(0.5, 1, 2) },
    { id: 'wh-yaoguan', name: { zh: '姚关镇区域物资储备点', en: 'Yaoguan Town regional relief point' }, tier: 'township', node: yaoguan.node, parent: 'wh-county', stock: stockFor(1000), resupplyLeadHours: tri(2, 4, 8), reorderFraction: 0.3, loadingHours: tri(0.5, 0.75, 1.5) },
  ];

  const teams: Record<string, unknown>[] = [
    { id: 'team-county-fire', name: { zh: '施甸县消防救援大队', en: 'Shidian County fire and rescue brigade' }, tier: 'county', node: dianyang.node, size: 26, capabilities: ['rescue', 'fireSuppression'], mobilisationHours: tri(0.1, 0.25, 0.5) },
    { id: 'team-forest-fire', name: { zh: '保山市森林消防支队靠前驻防中队', en: 'Baoshan forest-fire detachment, forward-stationed squadron' }, tier: 'professional', node: yaoguan.node, size: 50, capabilities: ['rescue', 'fireSuppression'], mobilisationHours: tri(0.1, 0.25, 0.5) },
    { id: 'team-road-county', name: { zh: '施甸县公路养护抢通队', en: 'Shidian County road maintenance and clearing team' }, tier: 'professional', node: dianyang.node, size: 40, capabilities: ['clearing'], mobilisationHours: tri(1, 1.5, 2.5) },
  ];
  const countyTeams = teams.length;
  const villageTeamsAt = [...new Set(comps.map((c) => c.v))].sort((a, b) => (a.id < b.id ? -1 : 1));
  const base = Math.floor(151 / ts.length);
  ts.forEach((t, i) =>
    teams.push({ id: `team-${t.id}`, name: { zh: `${t.d.zh}应急救援半专业队`, en: `${t.d.en} semi-professional emergency team` }, tier: 'township', node: t.node, size: base + (i < 151 - base * ts.length ? 1 : 0), capabilities: ['rescue', 'fireSuppression'], mobilisationHours: tri(0.25, 0.5, 1) }),
  );

  const rv = new Rand(FFNS, 'village-teams');
  const villageTeams0 = teams.length;
  for (const v of villageTeamsAt)
    teams.push({ id: `team-${v.id}`, name: { zh: `${v.t.d.zh}${v.d.zh}微型消防站`, en: `${v.d.en} (${v.t.d.en}) micro fire station` }, tier: 'village', node: v.node, size: rv.int(6, 10), capabilities: ['fireSuppression'], mobilisationHours: tri(0.1, 0.25, 0.75) });

  const shelters = [
    { id: 'sh-county-I', name: { zh: '县城Ⅰ类应急避难场所', en: 'County-town class Ⅰ shelter' }, node: dianyang.node, capacity: Math.floor(20000 / M2_PER_PERSON) },
    ...ts.map((t) => ({ id: `sh-${t.id}`, name: { zh: `${t.d.zh}Ⅱ类应急避难场所`, en: `${t.d.en} class Ⅱ shelter` }, node: t.node, capacity: Math.floor(4000 / M2_PER_PERSON) })),
    ...vs.map((v) => ({ id: `sh-${v.id}`, name: { zh: `${v.t.d.zh}${v.d.zh}应急避难场所`, en: `${v.d.en} (${v.t.d.en}) shelter` }, node: v.node, capacity: Math.floor(VILLAGE_SHELTER_M2 / M2_PER_PERSON) })),
  ];

  const gradeRank = (g: string) => FOREST_FIRE_GRADES.find((x) => x.grade === g)!.rank + 1;
  const cond = (metric: string, value: number) => ({ metric, op: '>=', value });
  const levels = [
    { level: 'IV', startAny: [cond('fireGrade', gradeRank('较大')), cond('fireUncontainedHours', 4)] },
    { level: 'III', startAny: [cond('fireGrade', gradeRank('重大')), cond('fireUncontainedHours', 12), cond('affectedPeople', 300)] },
    { level: 'II', startAny: [cond('fireGrade', gradeRank('特别重大')), cond('fireUncontainedHours', 24), cond('affectedPeople', 1000)] },
    { level: 'I', startAny: [cond('fireUncontainedHours', 48), cond('affectedPeople', COUNTY_STORE_PEOPLE)] },
  ];
  const condPaths = (metric: string) => levels.flatMap((l, i) => l.startAny.flatMap((c, j) => (c.metric === metric ? [`response.levels.${i}.startAny.${j}.value`] : [])));

  const compPaths = (f: (c: Compartment) => boolean, field: string) => comps.flatMap((c, i) => (f(c) ? [`hazardSites.${i}.${field}`] : []));
  const provenance = [
    { paths: ['horizonHours', 'hazard.days'], source: 'seed004', note: 'The whole season, 1 February to 31 May 2025 (120 days): 「每年2–5月是森林草原火灾高发期」.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `As in shidian-earthquake: ${TOTAL_POPULATION.toLocaleString('en')} people shared out by weights (county-town communities 4,000–7,000, other communities 1,800–3,500, villages 1,500–3,200).` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*'], source: 'assumed', note: 'Synthetic, as in shidian-earthquake: county town 甸阳 at 99.18 °E, 24.73 °N; other seats over a 40 × 64 km ellipse; villages around their seat.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic mountains of 650–2,900 m, as in shidian-earthquake (seed 004: 「地处横断山脉南段」).' },
    { paths: ['roads.links.*.lengthKm', 'roads.links.*.speedKmh', 'roads.links.*.susceptibility'], source: 'assumed', note: 'The shidian-earthquake road network: straight lines × 1.6 winding; trunk 35–50 km/h, village roads 15–25 km/h; slope susceptibility (unused by fire).' },
    { paths: compPaths((c) => c.shanzhou, 'forest.areaHa'), source: 'assumed', note: '善洲林场 (seed 004: 「境内善洲林场是保山市乃至云南省的重点防火区域」) as four large compartments of 400–1,200 ha between firebreaks in 姚关镇; sizes synthetic.' },
    { paths: ['hazardSites.*.forest.areaHa'], source: 'assumed', note: 'Other compartments between engineered and green firebreaks (seed 004: 「工程阻隔带、生物阻隔带为主的林火阻隔系统」): lognormal around 150 ha, 30–1,500 ha; synthetic.' },
    { paths: ['hazardSites.*.forest.fuelFactor'], source: 'wang1983', note: '王正非 Ks for 云南松 (Yunnan pine) needle litter, 0.15–0.3 (his table gives flat needle litter about 0.8, grass about 1.6, quoted from memory). Set well below the table and calibrated to fire statistics: the formula gives a steady head fire in continuous fuel, while the one rate drawn here must also stand for the slower build-up of a point ignition, patchy litter in grazed and raked village-edge stands, and the calmer, damper evening a fire lit at 14:00 burns into; with the table\'s values fires found in minutes and attacked within the hour would still average tens of ha, against a national mean of a few ha per forest fire. 善洲林场 +0.05 for its dense plantations.' },
    { paths: ['hazardSites.*.forest.slopeDeg'], source: 'assumed', note: 'Slope the fire runs up, 4–22°, from the synthetic relief around the village: less than the steepest ground, since a fire runs upslope only part of the time.' },
    { paths: ['hazardSites.*.forest.walkInHours.*'], source: 'assumed', note: 'Walking from the road end to the fire edge: 0.1–1 h (mode 0.3 h) for compartments next to a village, whose micro fire station knows the paths, 0.5–3 h for remote high-mountain ones (原始高山林火).' },
    { paths: ['hazardSites.*.forest.wuiDistanceM'], source: 'assumed', note: 'Compartments next to a village (森林城镇交界, seed 004: 「森林城镇交界火」): the head fire reaches houses after a 300–1,500 m run.' },
    { paths: ['hazardSites.*.threatenedPeople'], source: 'assumed', note: 'People at the forest edge who leave when a fire reaches the village: 60–400, at most a quarter of the village; 0 for remote compartments.' },
    { paths: ['hazardSites.*.susceptibility'], source: 'assumed', note: 'Relative share of ignitions: most fires are lit by people (farm burning, graves, smoking), so compartments next to villages weigh 0.55–0.85, remote ones 0.2–0.5; 善洲林场 +0.2 for its visitors.' },
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'A fire at the village closes its access road (smoke, fallen burning trees) with probability 0.3–0.5.' },
    { paths: ['hazard.danger.periods.*.fromDay'], source: 'assumed', note: 'Calendar months of 2025: February from day 0, March 28, April 59, May 89.' },
    { paths: ['hazard.danger.periods.*.weights.*'], source: 'gbt36743', note: 'Shares of days at 森林火险气象等级 1–5 by month, assumed for 保山\'s dry season: rising through March and April (driest, windiest), falling in May as the monsoon comes (levels per GB/T 36743-2018; shares not from observations).' },
    { paths: ['hazard.danger.persistence'], source: 'assumed', note: 'Fire weather comes in spells: a day keeps the previous day\'s level with probability 0.7.' },
    { paths: ['hazard.weather.**'], source: 'assumed', note: 'Fire weather of 保山\'s dry season by level, the afternoon a fire starts in: 12–31 °C; relative humidity 55–90% at level 1 (fuels damp, fires creep) down to 10–30% at level 5; 10 m wind 0.3–2.5 m/s at level 1 rising to 1.5–8 m/s at level 4 and 2–12 m/s at level 5 (the gusty spring afternoons that make 极度危险 days). Spread apart by level so that most fires, lit on level 3 days, spread at about 1 m/min and a few on windy level 4–5 days run at 3–8 m/min: the heavy tail of fire sizes.' },
    { paths: ['hazard.ignitionsPerDay.*'], source: 'assumed', note: 'Calibrated to about six fires a season over the sampled compartments (a few to ten a year in a national class-1 fire-risk county, seed 004: 「国家一级火险县」), almost all on level 3–5 days.' },
    { paths: ['hazard.ignitionHour.*'], source: 'assumed', note: 'Human-caused fires start from late morning to evening, most around 14:00.' },
    { paths: ['hazard.detectionHours.*'], source: 'seed004', note: 'Found and reported by the video network and smart fire system the plan builds (「加强防火阻隔带和视频监控系统建设」; 「智慧森林消防系统…高清视频监控、无人机集群…自动发现…真正做到“打早、打小、打了”」), rangers and villagers: lognormal, median 0.2 h (12 min), σ 1, so 5% take over an hour and 1% over two (smoke hidden behind ridges, gaps in camera cover), at most 6 h; the hours are assumed.' },
    { paths: ['hazard.windAdjustment'], source: 'anderson1983', note: 'Mid-flame wind about 0.4 of the 10 m wind under a partly open pine canopy, for Anderson\'s length-to-breadth ratio.' },
    { paths: ['hazard.suppression.lineMetresPerPersonHour.*'], source: 'assumed', note: 'Fireline (or knocked-down edge) per person-hour with hand tools, wind blowers and water packs: the professional forest-fire squadron 60, the county fire brigade (urban firefighters) 40, township semi-professional teams 30, village 20; ranges quoted for Chinese direct attack, not measured here.' },
    { paths: ['hazard.suppression.initialAttackTeams', 'hazard.suppression.extendedAttackTeams'], source: 'assumed', note: 'The three nearest crews go at once (首攻: the village micro station and the nearest township or professional crews); an escaped fire calls three more (增援).' },
    { paths: ['hazard.suppression.escalateAfterHours'], source: 'assumed', note: 'A fire not contained 6 h after it was found has escaped initial attack (Fried & Fried: the initial-attack window).' },
    { paths: ['hazard.suppression.mopUpHours.*'], source: 'assumed', note: 'Mop-up and guarding the burned edge until the fire is declared out (清理余火, 看守火场): 2–22 h, mode 5 h (a large burned edge takes longer; the distribution does not know the fire size).' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b', 'chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent', 'chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Slope-failure branch, unused in a fire season (no rain, no shock): shidian-earthquake\'s values as placeholders.' },
    { paths: ['chain.consequences.**', 'chain.rescue.**'], source: 'assumed', note: 'Unused in a fire season (no slope fails): placeholders.' },
    { paths: ['chain.clearing.**'], source: 'assumed', note: 'Reopening a road closed by fire (burned trees, rockfall from burned slopes): about 2 h (median, up to 12 h); trunk roads the same.' },
    { paths: ['warnings.cancelAfterDryHours'], source: 'assumed', note: 'Unused: no rain falls in this scenario.' },
    { paths: condPaths('fireGrade'), source: 'ffr2008', note: 'Grade of a fire still burning (1 一般, 2 较大 ≥ 1 ha, 3 重大 ≥ 100 ha, 4 特别重大 ≥ 1,000 ha; engine/rules FF-*): Ⅳ from 较大, Ⅲ from 重大, Ⅱ from 特别重大 (the county ladder is assumed).' },
    { paths: condPaths('fireUncontainedHours'), source: 'assumed', note: 'A found fire still uncontained after 4 / 12 / 24 / 48 h raises the county to Ⅳ / Ⅲ / Ⅱ / Ⅰ.' },
    { paths: condPaths('affectedPeople'), source: 'assumed', note: 'People evacuated from the forest edge this season: 300 / 1,000 for Ⅲ / Ⅱ; Ⅰ at the 5,000 the county store is planned for (seed 004: 「县级不低于0.5万人」).' },
    { paths: ['response.deescalateAfterHours', 'response.endAll.*.value'], source: 'assumed', note: 'Step down after 12 quiet hours; the season\'s response ends once no fire has burned for endAfterHours.' },
    { paths: ['response.endAfterHours'], source: 'assumed', note: 'A response level, once reached, is stood down only after 30 fire-free days: the engine\'s response is one episode per scenario, so it is kept for the season.' },
    ...ITEM_PROVENANCE,
    { paths: ['reserves.warehouses.0.stock.*'], source: 'seed004', note: 'County store for 5,000 relocated people: 「县级不低于0.5万人的救灾物资需求」; the plan names forest fire among the hazards it must serve (「重点满足森林草原火灾…的物资需要」).' },
    { paths: ['reserves.warehouses.1.stock.*'], source: 'assumed', note: 'The plan\'s 「1个乡镇区域物资储备点」 without a size: stock for 1,000 people at 姚关.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'As in shidian-earthquake: the county store refilled from 保山 in 6–12 h, the regional point from the county in 2–8 h; loading 0.5–2 h; reorder below 30%.' },
    { paths: ['reserves.coverDaysPerDelivery', 'reserves.horizonCoverDays'], source: 'assumed', note: 'Each delivery covers one day; evacuees of a forest-edge fire are home within about three days.' },
    { paths: ['teams.0.size', 'teams.1.size'], source: 'seed004', note: '「施甸县消防救援大队26人、保山市森林消防支队靠前驻防中队50人」.' },
    { paths: ts.map((_, i) => `teams.${countyTeams + i}.size`), source: 'seed004', note: '「乡镇应急半专业队伍151人」 shared out over the 13 townships (11–12 each), here as forest-fire crews (「组建森林草原防灭火…应急救援队伍」).' },
    { paths: villageTeamsAt.map((_, i) => `teams.${villageTeams0 + i}.size`), source: 'seed004', note: 'Village micro fire stations (「所有行政村全部建成微型消防站」) at the compartment villages, the first on a village-edge fire; their 6–10 members are assumed.' },
    { paths: ['teams.*.size'], source: 'assumed', note: 'A county road crew of 40 to reopen roads closed by fire.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'On duty through the fire season: fire brigade and squadron 0.1–0.5 h; township teams 0.25–1 h; village micro stations 0.1–0.75 h; the road crew 1–2.5 h.' },
    { paths: ['shelters.0.capacity'], source: 'assumed', note: 'Class Ⅰ county shelter (seed 004: 「至少建成1Ⅰ类」) of 20,000 m² at 1.5 m² per person (GB 21734).' },
    { paths: ts.map((_, i) => `shelters.${1 + i}.capacity`), source: 'assumed', note: 'A class Ⅱ shelter per township (seed 004: 「每个乡镇至少建成1Ⅱ类」) of 4,000 m² at 1.5 m² per person.' },
    { paths: ['shelters.*.capacity'], source: 'seed004', note: '139 village shelters of at least 500 m² (「村级不少于500平方米空地」) at 1.5 m² per person (GB 21734): 333 each.' },
    { paths: ['targets.0.hours'], source: 'ffplan2016', note: `Each fire out within ${FIRE_OUT_24H_TARGET.hours} h of being found (24小时扑灭率; the national plan asks ≥ ${FIRE_OUT_24H_TARGET.rate * 100}% of fires).` },
    { paths: ['targets.1.hours'], source: 'seed004', note: '「确保灾害发生后10小时内受灾人员基本生活得到有效救助」 for people evacuated from the forest edge.' },
  ];

  const siteOut = (c: Compartment) => ({
    id: c.id,
    name: c.shanzhou
      ? { zh: `善洲林场${c.v.d.zh}片区林班`, en: `Shanzhou Forest Farm, ${c.v.d.en} compartment` }
      : { zh: `${c.v.t.d.zh}${c.v.d.zh}${c.wui ? '村边林区' : '高山林区'}`, en: `${c.v.d.en} (${c.v.t.d.en}) ${c.wui ? 'village-edge forest' : 'high-mountain forest'}` },
    kind: 'forest', village: c.v.id, threatenedPeople: c.people, susceptibility: c.weight,
    cuts: c.wui ? [{ link: c.v.access, probability: round(0.3 + 0.2 * ((c.areaHa * 7) % 1), 2) }] : [],
    forest: { areaHa: c.areaHa, fuelFactor: c.fuelFactor, slopeDeg: c.slopeDeg, walkInHours: tri(...c.walk), ...(c.wuiDistanceM !== undefined ? { wuiDistanceM: c.wuiDistanceM } : {}) },
  });

  const scenario = {
    schemaVersion: 1,
    id: 'shidian-forest-fire',
    name: { zh: '施甸县森林火险期（2—5月）：林火—森林城镇交界火—转移安置', en: 'Shidian County fire season (Feb–May): forest fires, WUI fires, evacuation' },
    description: {
      zh: '国家一级火险县施甸的森林防火期（2月1日至5月31日）：按日森林火险气象等级生成火情，王正非模型计算蔓延，阻隔带限定林班面积，扑火队伍以开设隔离带（扑打）控制火场；火烧到村边时转移群众、可能中断道路。检验消防救援大队、森林消防靠前驻防中队和151名乡镇半专业队员能否做到“打早、打小、打了”及24小时扑灭率。林班位置和参数为合成数据，地名和区划代码真实。',
      en: 'The fire season (1 Feb – 31 May) of a national class-1 fire-risk county: a daily fire-danger level drives ignitions; fires spread by Wang Zhengfei\'s model inside compartments bounded by firebreaks and are contained by fireline; a fire reaching its village evacuates people and may close the road. Tests the fire brigade, the forest-fire squadron and 151 township semi-professionals against the 24 h extinguishing target. Compartments are synthetic; place names and codes are real.',
    },
    start: '2025-02-01T00:00:00+08:00',
    horizonHours: SEASON_DAYS * 24,
    sources: SOURCES,
    provenance,
    region: regionOut(data, G, ts, vs, 'mountainous', elevation),
    roads: { nodes: roadNodes(G, ts, vs, elevation), links: links.map(({ kind: _k, ...l }) => l) },
    hazardSites: comps.map(siteOut),
    hazard: {
      kind: 'fireSeason',
      days: SEASON_DAYS,
      danger: {
        periods: [
          { fromDay: 0, weights: [15, 30, 35, 15, 5] },
          { fromDay: 28, weights: [5, 15, 35, 30, 15] },
          { fromDay: 59, weights: [5, 10, 30, 35, 20] },
          { fromDay: 89, weights: [25, 30, 30, 12, 3] },
        ],
        persistence: 0.7,
      },
      weather: [
        { temperatureC: tri(12, 17, 22), humidityPct: tri(55, 70, 90), windMs: tri(0.3, 1, 2.5) },
        { temperatureC: tri(15, 20, 25), humidityPct: tri(42, 55, 75), windMs: tri(0.5, 1.5, 3.5) },
        { temperatureC: tri(18, 23, 27), humidityPct: tri(30, 42, 58), windMs: tri(1, 2.5, 5) },
        { temperatureC: tri(20, 25, 29), humidityPct: tri(18, 28, 42), windMs: tri(1.5, 3.5, 8) },
        { temperatureC: tri(22, 27, 31), humidityPct: tri(10, 18, 30), windMs: tri(2, 5, 12) },
      ],
      ignitionsPerDay: [0.005, 0.02, 0.04, 0.08, 0.15],
      ignitionHour: tri(10, 14, 20),
      detectionHours: { dist: 'lognormal', median: 0.2, sigma: 1, max: 6 },
      windAdjustment: 0.4,
      suppression: {
        lineMetresPerPersonHour: { professional: 60, county: 40, township: 30, village: 20 },
        initialAttackTeams: 3,
        escalateAfterHours: 6,
        extendedAttackTeams: 3,
        mopUpHours: tri(2, 5, 22),
      },
    },
    chain: {
      landslide: { rule: { type: 'intensityDuration', a: 14.82, b: 0.39 }, hourlyRateAtThreshold: 0.002, exponent: 1.5, intensityAt50: 7.5, intensitySpread: 0.7 },
      consequences: { affectedFraction: tri(0.4, 0.7, 1), deadMissingRate: tri(0, 0.01, 0.05), evacuatedFactor: 0.1 },
      rescue: { onSiteHours: tri(3, 6, 12) },
      clearing: { hours: { dist: 'lognormal', median: 2, sigma: 0.5, max: 12 }, trunkFactor: 1 },
    },
    warnings: { cancelAfterDryHours: 6, evacuateAt: 'orange' },
    response: { levels, deescalateAfterHours: 12, endAll: [{ metric: 'activeFires', op: '==', value: 0 }], endAfterHours: 720 },
    reserves: { items: ITEMS, warehouses, coverDaysPerDelivery: 1, horizonCoverDays: 3 },
    teams,
    shelters,
    targets: [
      { id: 'fire-out-24h', name: { zh: '森林火灾发现后24小时内扑灭', en: 'Each forest fire out within 24 h of being found' }, kind: 'fireOutWithin', hours: FIRE_OUT_24H_TARGET.hours },
      { id: 'relief-10h', name: { zh: '转移群众10小时内基本生活得到有效救助', en: 'Basic needs of evacuated people met within 10 h' }, kind: 'reliefWithin', hours: 10 },
    ],
  };

  const doc = new Document(scenario, { aliasDuplicateObjects: false });
  layoutCommon(doc);
  doc.commentBefore = [
    ' shidian-forest-fire.yaml — the forest-fire season (1 Feb – 31 May) of a county modelled on 施甸县 (保山市, 530521),',
    ' from its 14th Five-Year emergency plan (seed 004): 国家一级火险县, 善洲林场, 森林城镇交界火 and 原始高山林火.',
    ' GENERATED by `npx tsx scripts/build-shidian-forest-fire-scenario.ts`: edit the script, not this file.',
    '',
    ' Real: the 13 township and 139 village names and GB/T 2260 codes; from seed 004: the season, the fire brigade (26),',
    ' the forest-fire squadron (50), township semi-professionals (151), the 5,000-person county store, village shelters.',
    ' National: fire grades (森林防火条例 art. 40), the 24 h extinguishing target, danger levels (GB/T 36743-2018).',
    ' Synthetic ("assumed"): positions, roads, compartments, fire weather, ignition rates, line production rates.',
  ].join('\n');
  keyComment(doc, 'sources', ' --- documents the numbers cite ---');
  keyComment(doc, 'provenance', ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---');
  keyComment(doc, 'region', ' --- 施甸县: 13 乡镇, 139 村(社区); positions and populations synthetic (as shidian-earthquake) ---');
  keyComment(doc, 'hazardSites', ` --- ${comps.length} forest compartments bounded by firebreaks (synthetic); 4 of 善洲林场 ---`);
  keyComment(doc, 'hazard', ' --- the fire season: daily danger level, ignitions, fire weather, spread and suppression ---');
  keyComment(doc, 'chain', ' --- slope-failure chain unused (no rain, no shock); clearing reopens roads closed by fire ---');
  keyComment(doc, 'warnings', ' --- no rain falls: the national 暴雨 signals (engine/rules) are filled in but never reached ---');
  keyComment(doc, 'teams', ' --- fire brigade, forest-fire squadron, road crew, 13 township semi-professional fire crews (151), village micro fire stations ---');
  commentAt(doc, ['teams', countyTeams], ' township semi-professional teams: 151 people (seed 004)');
  return {
    doc,
    counts: {
      compartments: comps.length, wui: comps.filter((c) => c.wui).length, shanzhou: comps.filter((c) => c.shanzhou).length,
      areaHa: comps.reduce((a, c) => a + c.areaHa, 0), wuiPeople: comps.reduce((a, c) => a + c.people, 0), teams: teams.length,
    },
  };
}

/** Fire figures of the real engine over seeds 1…n (for calibration). */
async function fireCheck(file: string, n: number) {
  const { loadScenario, runTrial, compiledMachines } = await import('../engine/index.ts');
  const r = loadScenario(readFileSync(file, 'utf8'), file, 'en');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  let fires = 0, out24 = 0, allOut = 0, ia = 0, burned = 0, evac = 0;
  const grades: Record<string, number> = {};
  const areas: number[] = [];
  const highest: Record<string, number> = {};
  for (let seed = 1; seed <= n; seed++) {
    const o = runTrial(r.scenario, seed, compiledMachines, { log: false }).outcome;
    const f = o.fires!;
    fires += f.count; out24 += f.outWithin24h; ia += f.initialAttackContained; burned += f.burnedHa; evac += f.peopleEvacuated;
    if (f.allOutWithin24h) allOut++;
    grades[f.largestGrade] = (grades[f.largestGrade] ?? 0) + 1;
    highest[o.response.highest] = (highest[o.response.highest] ?? 0) + 1;
    for (const x of f.list) areas.push(x.areaHa);
  }
  areas.sort((a, b) => a - b);
  const q = (p: number) => areas[Math.floor(p * (areas.length - 1))];
  return {
    trials: n, firesPerSeason: round(fires / n, 2), shareOut24h: round(out24 / fires, 3), pAllOut24h: round(allOut / n, 3), initialAttackRate: round(ia / fires, 3),
    burnedHaPerSeason: round(burned / n, 1), areaPerFire: { p25: q(0.25), p50: q(0.5), p90: q(0.9), p99: q(0.99) }, shareUnder1ha: round(areas.filter((a) => a < 1).length / areas.length, 3), evacuatedPerSeason: round(evac / n, 1), largestGrade: grades, responseHighest: highest,
  };
}

async function main(argv: string[]) {
  const { doc, counts } = build();
  const text = writeScenario(doc, OUT_FILE);
  console.log(`wrote ${OUT_FILE} (${text.length} chars)`, counts);
  if (argv.includes('--calibrate')) console.log(await fireCheck(OUT_FILE, 300));
}
await main(process.argv.slice(2));
