/**
 * Builds scenarios/shidian-earthquake.yaml: a Yunnan mountain county modelled on 施甸县 (保山市,
 * 530521) from its 14th Five-Year emergency plan (seed 004, 004_14fb2cb55353c579.txt): an M ≥ 6
 * earthquake with aftershocks fails landslides, rockfalls (崩塌) and debris flows that cut the
 * mountain roads; the county answers with its fire brigade, the forward-stationed forest-fire
 * squadron, mine rescue crews, 151 township semi-professionals, a county store for 5,000 people,
 * 139 village shelters, against the plan's target: basic relief within 10 h.
 *
 *   npx tsx scripts/build-shidian-scenario.ts               write the scenario (byte-identical every run)
 *   npx tsx scripts/build-shidian-scenario.ts --calibrate   also run the engine on seeds 1…300
 *
 * The plan registers 253 geohazard sites (2020) without positions or people. The scenario holds a
 * stratified one-in-four sample of 64: quotas per township by its villages and relief, kinds in
 * assumed proportions. Counts of failed sites and affected people are for the sample; the README
 * says how to scale them. Real: the 13 township and 139 village names and codes.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFile } from './build-divisions.ts';
import {
  COMMON_SOURCES, COVER_DAYS_PROVENANCE, ITEM_PROVENANCE, SITE_SUSCEPTIBILITY_PROVENANCE, TARGETS, Rand, assignPopulation, buildRoads, byId, clamp, commentAt,
  cond, condPaths, deadMissingAt, isMain, keyComments, largestRemainder, linksOut, makeGeo, pickSources, placeTownships, placeVillages, pointSegmentDistance,
  readDivisions, regionOut, relief, rescueWithin, reservesOut, responseOut, roadNodes, round, runBuilder, scenarioDocument, shelter, slopeSiteOut, stockFor, team,
  townshipShelters, townshipTeams, tri, villageShelters, villageTeams, warehouse, type Cut, type Link, type Village, type XY,
} from './build-scenario-kit.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'scenarios/shidian-earthquake.yaml');
const NS = 'shidian-2025';

/** 施甸 is about 2,009 km², longer north–south: an ellipse of 20 × 32 km semi-axes (≈ 2,010 km²) around 99.18 °E, 24.73 °N. */
const G = makeGeo(99.18, 24.73, 20, 32);
const TOTAL_POPULATION = 330_000; // assumed
const URBAN = new Set(['530521101']); // 甸阳镇, the county town
const REGISTERED_SITES = 253; // seed 004 (2020)
const SITE_COUNT = 64; // ≈ 253 / 4
const TRUNK_SITE_COUNT = 16;
const COUNTY_STORE_PEOPLE = 5000; // seed 004: 「县级不低于0.5万人的救灾物资需求」
const VILLAGE_SHELTER_M2 = 500; // seed 004: 「村级不少于500平方米空地」
const M2_PER_PERSON = 1.5; // GB 21734-2008

/**
 * Mountains of 650–2,900 m: the 施甸坝子 basin (about 1,450–1,550 m) along the middle, ranges to
 * the east and west, the 怒江 gorge falling away beyond the western edge. Synthetic.
 */
export function elevation([x, y]: XY): number {
  const basin = Math.exp(-((x / 6) ** 2)) * Math.exp(-(((y - 6) / 16) ** 2));
  const ranges = 650 * (1 - basin) + 380 * Math.sin(y / 6 + 0.3) * Math.cos(x / 5 - 0.2) + 180 * Math.sin((x + y) / 2.1) + 90 * Math.cos((x - 2 * y) / 1.3);
  const gorge = 1100 * clamp((-x - 11) / 9, 0, 1);
  return clamp(1500 + ranges - gorge, 650, 2900);
}

/**
 * The intensity attenuation: a + b·M − c·ln(R + r0), fitted (least squares, R = 0…120 km) to the
 * mean of the western-China long- and short-axis relations of 汪素云 et al. (2000),
 * I = 5.253 + 1.398M − 4.164·lg(R + 26) and I = 2.019 + 1.398M − 2.943·lg(R + 8) (coefficients
 * from memory: flag M). b is shared, so the fit holds at every magnitude.
 */
export function attenuation() {
  const Rs = Array.from({ length: 61 }, (_, i) => 2 * i);
  const mean = (R: number) => (5.253 - 4.164 * Math.log10(R + 26) + (2.019 - 2.943 * Math.log10(R + 8))) / 2;
  let best = { err: Infinity, a: 0, c: 0, r0: 0 };
  for (let k = 10; k <= 60; k++) {
    const r0 = k / 2;
    const xs = Rs.map((R) => Math.log(R + r0));
    const ys = Rs.map(mean);
    const mx = xs.reduce((p, q) => p + q, 0) / xs.length;
    const my = ys.reduce((p, q) => p + q, 0) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const a = my - slope * mx;
    const err = xs.reduce((s, x, i) => s + (a + slope * x - ys[i]!) ** 2, 0);
    if (err < best.err) best = { err, a, c: -slope, r0 };
  }
  return { a: round(best.a, 3), b: 1.398, c: round(best.c, 3), r0: best.r0 };
}

type Kind = 'landslide' | 'collapse' | 'debrisFlow';
interface Site {
  id: string;
  v: Village;
  kind: Kind;
  group: number;
  threatened: number;
  susceptibility: number;
  cuts: Cut[];
  onTrunk: boolean;
}

function buildSites(vs: Village[], links: Link[]): Site[] {
  const r = new Rand(NS, 'sites');
  const nodeXY = new Map<string, XY>();
  for (const v of vs) nodeXY.set(v.node, v.xy), nodeXY.set(v.t.node, v.t.xy);
  const count = new Map<string, number>();
  const sites: Site[] = [];
  const rough = new Map(vs.map((v) => [v.id, relief(elevation, v.xy)]));
  const maxRough = Math.max(...rough.values());
  const make = (v: Village, cuts: Cut[], onTrunk: boolean) => {
    count.set(v.id, (count.get(v.id) ?? 0) + 1);
    const k = rough.get(v.id)! / maxRough;
    const u = r.next();
    const kind: Kind = u < 0.6 ? 'landslide' : u < 0.85 ? 'collapse' : 'debrisFlow';
    const threatened = clamp(Math.round(Math.exp(Math.log(50) + 0.9 * r.normal())), 5, 600);
    sites.push({ id: '', v, kind, group: r.int(1, 12), threatened: Math.min(threatened, Math.floor(v.population / 3)), susceptibility: round(clamp(0.2 + 0.65 * k + r.uniform(-0.1, 0.1), 0.15, 0.95), 2), cuts, onTrunk });
  };
  // 1. sites above trunk roads: the most susceptible trunk links, each with its nearest village
  const trunk = links.filter((l) => l.trunk && l.susceptibility > 0.05).sort((a, b) => b.susceptibility - a.susceptibility || (a.id < b.id ? -1 : 1));
  for (const l of trunk) {
    if (sites.length >= TRUNK_SITE_COUNT) break;
    const a = nodeXY.get(l.from)!;
    const b = nodeXY.get(l.to)!;
    const near = vs.filter((v) => !count.has(v.id) && !v.community && (v.t.node === l.from || v.t.node === l.to)).sort((p, q) => pointSegmentDistance(p.xy, a, b) - pointSegmentDistance(q.xy, a, b))[0];
    if (!near || pointSegmentDistance(near.xy, a, b) > 5) continue;
    make(near, [{ link: l.id, probability: round(r.uniform(0.5, 0.8), 2) }, { link: near.access, probability: round(r.uniform(0.3, 0.5), 2) }], true);
  }
  // 2. the rest: township quotas ∝ villages × mean relief (a stratified sample), villages within a
  // township drawn ∝ relief², at most two sites a village
  const ts = [...new Set(vs.map((v) => v.t))];
  const w = ts.map((t) => t.villages.reduce((s, v) => s + rough.get(v.id)!, 0));
  const quota = largestRemainder(w, SITE_COUNT);
  ts.forEach((t, i) => {
    let need = quota[i]! - sites.filter((s) => s.v.t === t).length;
    const pool = t.villages.filter((v) => !v.community);
    while (need-- > 0 && pool.length > 0) {
      const v = pool[r.weighted(pool.map((p) => ((count.get(p.id) ?? 0) >= 2 ? 0 : rough.get(p.id)! ** 2 / (1 + (count.get(p.id) ?? 0)))))]!;
      const cuts: Cut[] = [{ link: v.access, probability: round(r.uniform(0.6, 0.9), 2) }];
      if (r.next() < 0.4) {
        const second = links.find((l) => l.id !== v.access && (l.from === v.node || l.to === v.node))?.id ?? vs.find((p) => p.node === v.parent)?.access;
        if (second) cuts.push({ link: second, probability: round(r.uniform(0.3, 0.6), 2) });
      }
      make(v, cuts, false);
    }
  });
  // order: trunk sites first, then by village code
  const ordered = [...sites.filter((s) => s.onTrunk), ...sites.filter((s) => !s.onTrunk).sort((a, b) => (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0))];
  ordered.forEach((s, i) => (s.id = `gh${String(i + 1).padStart(2, '0')}`));
  return ordered;
}

const SOURCES = {
  seed004: { title: '施甸县"十四五"应急体系规划（2023-06-19，施甸县人民政府）', file: '004_14fb2cb55353c579.txt' },
  ...COMMON_SOURCES,
  ...pickSources('gh2003', 'ndrc2024', 'stat2020'),
  wang2000: { title: '汪素云, 俞言祥, 高阿甲, 阎秀杰 (2000) 中国分区地震动衰减关系的确定. 中国地震 16(2):99–106 (western-China intensity attenuation; coefficients quoted from memory)' },
  ...pickSources('caine1980'),
};

export function build() {
  const data = readDivisions(dataFile('shidian'));
  const ts = placeTownships(data, G, NS, URBAN, { '530521101': [99.183, 24.73] }, 0.84);
  const vs = placeVillages(data, ts, G, NS, { spacingKm: 1.8, radiusPerSqrt: 2.6 });
  assignPopulation(vs, ts, TOTAL_POPULATION, NS, (v, r) => (v.community ? (v.t.urban ? r.uniform(4000, 7000) : r.uniform(1800, 3500)) : r.uniform(1500, 3200)));
  const links = buildRoads(ts, {
    winding: 1.6, trunkSpeed: [35, 50], townSpeed: 30, villageSpeed: (s) => 25 - 10 * s,
    susceptibility: (s, trunk, r) => round(clamp(0.15 + 0.7 * s + r.uniform(-0.05, 0.05) - (trunk ? 0.05 : 0), 0.05, 0.95), 2),
    maxTrunkKm: 20, radialKm: 24, crossKm: 7, elevation,
  }, NS);
  const sites = buildSites(vs, links);
  const tBy = new Map(ts.map((t) => [t.d.zh, t]));
  const dianyang = tBy.get('甸阳镇')!;
  const yaoguan = tBy.get('姚关镇')!;
  const att = attenuation();

  const warehouses = [
    warehouse({ id: 'wh-county', name: { zh: '施甸县救灾物资储备库', en: 'Shidian County relief depot' }, tier: 'county', node: dianyang.node, stock: stockFor(COUNTY_STORE_PEOPLE), resupplyLeadHours: tri(6, 8, 12), loadingHours: tri(0.5, 1, 2) }),
    warehouse({ id: 'wh-yaoguan', name: { zh: '姚关镇区域物资储备点', en: 'Yaoguan Town regional relief point' }, tier: 'township', node: yaoguan.node, parent: 'wh-county', stock: stockFor(1000), resupplyLeadHours: tri(2, 4, 8), loadingHours: tri(0.5, 0.75, 1.5) }),
    warehouse({ id: 'wh-ag-dianyang', name: { zh: '甸阳镇商贸超市（社会储备）', en: 'Dianyang Town supermarket (social reserve)' }, tier: 'agreement', node: dianyang.node, stock: { food: 6000, water: 9000 }, resupplyLeadHours: tri(12, 24, 48), loadingHours: tri(1, 2, 4) }),
  ];

  const r = new Rand(NS, 'teams');
  const siteVillages = byId([...new Set(sites.map((s) => s.v))]);
  const teams = [
    team('team-county-fire', { zh: '施甸县消防救援大队', en: 'Shidian County fire and rescue brigade' }, 'professional', dianyang.node, 26, ['rescue'], tri(0.1, 0.25, 0.5)),
    team('team-forest-fire', { zh: '保山市森林消防支队靠前驻防中队', en: 'Baoshan forest-fire detachment, forward-stationed squadron' }, 'professional', yaoguan.node, 50, ['rescue'], tri(0.25, 0.5, 1)),
    team('team-mine-north', { zh: '矿山企业兼职应急救援队（北片）', en: 'Mine enterprises part-time rescue team (north)' }, 'professional', tBy.get('由旺镇')!.node, 34, ['rescue', 'clearing'], tri(1, 2, 3)),
    team('team-mine-south', { zh: '矿山企业兼职应急救援队（南片）', en: 'Mine enterprises part-time rescue team (south)' }, 'professional', tBy.get('何元乡')!.node, 33, ['rescue', 'clearing'], tri(1, 2, 3)),
    team('team-road-county', { zh: '施甸县公路养护抢通队', en: 'Shidian County road maintenance and clearing team' }, 'professional', dianyang.node, 40, ['clearing'], tri(1, 1.5, 2.5)),
    ...(['姚关镇', '由旺镇', '太平镇'] as const).map((zh) => {
      const t = tBy.get(zh)!;
      return team(`team-road-${t.id}`, { zh: `${zh.slice(0, 2)}片区公路抢通分队`, en: `${t.d.en.replace(/ Town$/, '')} area road clearing squad` }, 'professional', t.node, 20, ['clearing'], tri(1, 1.5, 2.5));
    }),
  ];
  const countyTeams = teams.length;
  // 151 township semi-professionals (seed 004) shared out over the 13 townships
  const base = Math.floor(151 / ts.length);
  teams.push(...townshipTeams(ts, { zh: '应急救援半专业队', en: 'semi-professional emergency team', size: (_t, i) => base + (i < 151 - base * ts.length ? 1 : 0) }));
  teams.push(...villageTeams(siteVillages, { zh: '微型消防站', en: 'micro fire station', size: () => r.int(6, 10) }));

  const shelters = [
    shelter('sh-county-I', { zh: '县城Ⅰ类应急避难场所', en: 'County-town class Ⅰ shelter' }, dianyang.node, Math.floor(20000 / M2_PER_PERSON)),
    ...townshipShelters(ts, 'Ⅱ类应急避难场所', 'class Ⅱ shelter', () => Math.floor(4000 / M2_PER_PERSON)),
    ...villageShelters(vs, '应急避难场所', 'shelter', () => Math.floor(VILLAGE_SHELTER_M2 / M2_PER_PERSON)),
  ];

  const levels = [
    { level: 'IV', startAny: [cond('failedSites', 1), cond('cutTrunkLinks', 1)] },
    { level: 'III', startAny: [cond('deadMissing', deadMissingAt('中型')), cond('affectedPeople', 500), cond('failedSites', 8), cond('cutTrunkLinks', 3)] },
    { level: 'II', startAny: [cond('deadMissing', deadMissingAt('大型')), cond('affectedPeople', 2000), cond('failedSites', 16)] },
    { level: 'I', startAny: [cond('deadMissing', deadMissingAt('特大型')), cond('affectedPeople', COUNTY_STORE_PEOPLE)] },
  ];
  const iPath = levels.findIndex((l) => l.level === 'I');
  const iAffected = levels[iPath]!.startAny.findIndex((c) => c.metric === 'affectedPeople');

  const provenance = [
    { paths: ['horizonHours'], source: 'assumed', note: 'Three days after the main shock: the golden 72 h of search and rescue, aftershocks, relief within 10 h and resupply.' },
    { paths: ['region.townships.*.population', 'region.villages.*.population'], source: 'assumed', note: `The plan gives no population; taken as ${TOTAL_POPULATION.toLocaleString('en')} for a mountain county of about 2,000 km², shared out by weights (county-town communities 4,000–7,000, other communities 1,800–3,500, villages 1,500–3,200).` },
    { paths: ['region.**.position.*', 'roads.nodes.*.position.*', 'hazard.epicentre.*'], source: 'assumed', note: 'Synthetic: county town 甸阳 at 99.18 °E, 24.73 °N; other seats spread over a 40 × 64 km ellipse; villages around their seat; the epicentre in the 施甸坝子 north of the town. Not surveyed positions or a mapped fault.' },
    { paths: ['region.**.elevationM', 'roads.nodes.*.elevationM'], source: 'assumed', note: 'Synthetic mountains of 650–2,900 m: a basin at about 1,500 m, ranges either side and the 怒江 gorge to the west (seed 004: 「地处横断山脉南段」).' },
    { paths: ['roads.links.*.lengthKm'], source: 'assumed', note: 'Straight-line distance times a winding factor of 1.6 (switchback mountain roads).' },
    { paths: ['roads.links.*.speedKmh'], source: 'assumed', note: 'Trunk roads 35–50 km/h (30 in the town); village roads 15–25 km/h, slower where the corridor climbs more.' },
    { paths: ['roads.links.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the relief along the corridor (seed 004: road building leaves 「大量的高陡边坡」), plus noise.' },
    { paths: ['hazardSites.*.threatenedPeople'], source: 'assumed', note: 'The plan gives no people per site: lognormal around 50, clipped to 5–600 and to a third of the village, so mostly 小型 with some 中型 and rare 大型 险情 (engine/rules GH grades).' },
    SITE_SUSCEPTIBILITY_PROVENANCE,
    { paths: ['hazardSites.*.cuts.*.probability'], source: 'assumed', note: 'Trunk road below a slope 0.5–0.8 (earthquake slides are larger); its village road 0.3–0.5; a village road 0.6–0.9; a second link 0.3–0.6.' },
    { paths: ['hazard.hour.*'], source: 'assumed', note: 'The scenario starts half an hour before the main shock.' },
    { paths: ['hazard.magnitude.*'], source: 'assumed', note: 'Conditioned on M ≥ 6 (seed 004: 「高等级地震」 sizes the reserves); triangular 6.0–7.2 with its mode at 6.0 approximates the Gutenberg–Richter decline (b ≈ 1): P(M ≥ 6.5) ≈ 0.34.' },
    { paths: ['hazard.epicentreJitterKm'], source: 'assumed', note: 'The epicentre moves up to 20 km from its nominal point, so trials sample near and far sources.' },
    { paths: ['hazard.aftershocks.**'], source: 'assumed', note: 'Felt aftershocks in 72 h: Poisson mean 4; 1.0–2.5 magnitudes below the main shock (Båth: the largest about 1.2 below); times exponential with mean 12 h (Omori: most come early).' },
    { paths: ['hazard.attenuation.a', 'hazard.attenuation.c', 'hazard.attenuation.r0'], source: 'wang2000', note: `a + b·M − c·ln(R + r0) fitted to the mean of the western-China long- and short-axis relations (coefficients from memory, flag M): M6.5 gives intensity about 8.4 at the epicentre, 7.1 at 20 km, 6.2 at 50 km.` },
    { paths: ['hazard.attenuation.b'], source: 'wang2000', note: 'Magnitude coefficient 1.398 of the western-China relations (from memory, M).' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'A susceptibility-1 slope fails with P = 0.5 at intensity 7.5 (slides and rockfalls are common in steep terrain from Ⅶ–Ⅷ); logistic spread 0.7 degrees.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b', 'chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'caine1980', note: 'Rainfall branch, unused by an earthquake (no rain falls): the default scenario\'s values as placeholders.' },
    { paths: ['chain.consequences.**'], source: 'assumed', note: 'No warning precedes a shock: 40–100% of the threatened people affected; up to 5% of them dead or missing (mode 1%); evacuation (never ordered here) would cut casualties tenfold.' },
    { paths: ['chain.rescue.**', 'chain.clearing.**'], source: 'assumed', note: 'Search at a collapsed slope 3–12 h; clearing a mountain road about 5 h (median, up to 48 h), trunk slides half again as long.' },
    { paths: ['warnings.cancelAfterDryHours'], source: 'assumed', note: 'Unused: no rain falls in this scenario.' },
    { paths: condPaths(levels, 'deadMissing'), source: 'gh2003', note: 'Dead and missing at the 灾情 cut-offs of the national geohazard grading (engine/rules GH-III/II/I); 较大 (Ⅲ) and above is when 施甸 forms a special HQ (seed 004: 「发生较大以上灾害时…组成专项指挥部」).' },
    { paths: levels[iPath] ? [`response.levels.${iPath}.startAny.${iAffected}.value`] : [], source: 'seed004', note: 'Ⅰ when more people are affected than the county reserve is planned for: 「县级不低于0.5万人」.' },
    { paths: [...condPaths(levels, 'affectedPeople'), ...condPaths(levels, 'failedSites'), ...condPaths(levels, 'cutTrunkLinks')], source: 'assumed', note: 'County-scale ladder scaled down from the national relief plan, which counts per province (engine/rules NDR-4 starts at 10万 relocated); site counts for the 64-site sample.' },
    { paths: ['response.deescalateAfterHours', 'response.endAfterHours', 'response.endAll.*.value'], source: 'assumed', note: 'Step down after 12 quiet hours; end after 12 hours with no cut trunk road and no village awaiting relief.' },
    ...ITEM_PROVENANCE,
    { paths: ['reserves.warehouses.0.stock.*'], source: 'seed004', note: 'County store for 5,000 relocated people: 「县级不低于0.5万人的救灾物资需求」; tents and quilts once, a day of food and water.' },
    { paths: ['reserves.warehouses.1.stock.*'], source: 'assumed', note: 'The plan builds 「1个乡镇区域物资储备点，辐射周边乡镇」 without a size: stock for 1,000 people at 姚关 (the southern hub, assumed).' },
    { paths: ['reserves.warehouses.2.stock.*'], source: 'assumed', note: 'A commercial stock under 「政府为主、社会为辅」: two days of food and water for 1,000–1,500 people.' },
    { paths: ['reserves.warehouses.0.resupplyLeadHours.*'], source: 'ndrc2024', note: 'Refilled from the 保山市 store (the plan\'s 2万-person tier): first batch within 8 h of the order (engine/rules T-10.city), 6–12 h.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'The regional point refilled from the county store in 2–8 h on mountain roads; commercial stock in 12–48 h; loading 0.5–4 h; reorder below 30%.' },
    COVER_DAYS_PROVENANCE,
    { paths: ['teams.0.size', 'teams.1.size', 'teams.2.size', 'teams.3.size', 'teams.*.size'].slice(0, 4), source: 'seed004', note: '「施甸县消防救援大队26人、保山市森林消防支队靠前驻防中队50人和矿山、煤矿企业组建兼职应急救援队伍67人」 (the 67 split into two crews of 34 and 33; their bases assumed).' },
    { paths: ts.map((_, i) => `teams.${countyTeams + i}.size`), source: 'seed004', note: '「乡镇应急半专业队伍151人」 shared out over the 13 townships (11–12 each).' },
    { paths: ['teams.*.size'], source: 'assumed', note: 'Road crews: 40 in the county town and three squads of 20 at 姚关, 由旺 and 太平 (the plan asks for 「交通应急抢通能力」 without numbers); village micro fire stations (「所有行政村全部建成微型消防站」) of 6–10 people, at the villages with sample sites.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'Fire crews on duty 0.1–0.5 h; the forest-fire squadron 0.25–1 h; part-time mine crews 1–3 h; road crews 1–2.5 h; township teams 0.5–2 h; micro stations 0.25–1 h.' },
    { paths: ['shelters.0.capacity'], source: 'assumed', note: 'The class Ⅰ county shelter (seed 004: 「至少建成1Ⅰ类」) taken as 20,000 m² at 1.5 m² per person (GB 21734).' },
    { paths: ts.map((_, i) => `shelters.${1 + i}.capacity`), source: 'assumed', note: 'A class Ⅱ shelter per township (seed 004: 「每个乡镇至少建成1Ⅱ类」), taken as 4,000 m² at 1.5 m² per person.' },
    { paths: ['shelters.*.capacity'], source: 'seed004', note: '139 village shelters of at least 500 m² (「新建或改扩139个村(社区)应急避难场所，村级不少于500平方米空地」) at 1.5 m² per person (GB 21734): 333 each.' },
    { paths: ['targets.0.hours'], source: 'seed004', note: '「确保灾害发生后10小时内受灾人员基本生活得到有效救助」 (专栏2: 受灾群众基本生活救灾时限 10小时).' },
    { paths: ['targets.1.hours'], source: 'assumed', note: 'The plan sets no road-reopening hour: 12 h for mountain roads, twice the 6 h of the Sichuan plans.' },
    { paths: ['targets.2.hours'], source: 'stat2020', note: 'A response level within 2 h, the limit for the county\'s first report to the city (engine/rules T-2).' },
    { paths: ['targets.3.hours'], source: 'assumed', note: 'A rescue team at each failed site within 3 h on mountain roads.' },
  ];

  const scenario = {
    schemaVersion: 1,
    id: 'shidian-earthquake',
    name: { zh: '施甸县地震—滑坡崩塌—断路灾害链', en: 'Shidian County: earthquake, landslides and rockfalls, road cuts' },
    description: {
      zh: '6级以上地震及余震诱发山区滑坡、崩塌和泥石流，阻断干线公路和村道；检验县级0.5万人救灾物资储备、消防救援大队、森林消防中队、矿山兼职队伍和151名乡镇半专业队员，以及10小时内受灾群众基本生活得到有效救助的目标。253处登记隐患点中按乡镇分层抽取64处（约四分之一）。地名和区划代码真实，位置、高程、人口、路网和隐患点为合成数据。',
      en: 'An M ≥ 6 earthquake and its aftershocks trigger landslides, rockfalls and debris flows in the mountains, cutting trunk and village roads; tests the county reserve for 5,000 people, the fire brigade, the forest-fire squadron, the mine crews and 151 township semi-professionals against the 10 h relief target. 64 of the 253 registered sites, a stratified one-in-four sample. Place names and codes are real; positions, elevations, populations, roads and sites are synthetic.',
    },
    start: '2025-05-21T21:30:00+08:00',
    horizonHours: 72,
    sources: SOURCES,
    provenance,
    region: regionOut(data, G, ts, vs, 'mountainous', elevation),
    roads: { nodes: roadNodes(G, ts, vs, elevation), links: linksOut(links) },
    hazardSites: sites.map(slopeSiteOut),
    hazard: {
      kind: 'earthquake',
      hour: { dist: 'fixed', value: 0.5 },
      magnitude: tri(6.0, 6.0, 7.2),
      epicentre: [99.19, 24.8],
      epicentreJitterKm: 20,
      aftershocks: { count: { dist: 'poisson', mean: 4, max: 30 }, magnitudeDrop: tri(1.0, 1.6, 2.5), withinHours: { dist: 'exponential', mean: 12, max: 72 } },
      attenuation: att,
    },
    chain: {
      landslide: { rule: { type: 'intensityDuration', a: 14.82, b: 0.39 }, hourlyRateAtThreshold: 0.002, exponent: 1.5, intensityAt50: 7.5, intensitySpread: 0.7 },
      consequences: { affectedFraction: tri(0.4, 0.7, 1), deadMissingRate: tri(0, 0.01, 0.05), evacuatedFactor: 0.1 },
      rescue: { onSiteHours: tri(3, 6, 12) },
      clearing: { hours: { dist: 'lognormal', median: 5, sigma: 0.6, max: 48 }, trunkFactor: 1.5 },
    },
    warnings: { cancelAfterDryHours: 6, evacuateAt: 'orange' },
    response: responseOut(levels, { rain: false }),
    reserves: reservesOut(warehouses),
    teams,
    shelters,
    targets: [
      { id: 'relief-10h', name: { zh: '灾害发生后10小时内受灾人员基本生活得到有效救助', en: 'Basic needs of affected people met within 10 h' }, kind: 'reliefWithin', hours: 10 },
      { id: 'trunk-12h', name: { zh: '12小时内抢通干线公路', en: 'Cut trunk roads reopened within 12 h' }, kind: 'trunkReopenWithin', hours: 12 },
      TARGETS.response2h,
      rescueWithin(3),
    ],
  };

  const doc = scenarioDocument(scenario, [
    ' shidian-earthquake.yaml — earthquake → landslides, rockfalls, debris flows → road cuts in a county modelled on',
    ' 施甸县 (保山市, 530521), from its 14th Five-Year emergency plan (seed 004).',
    ' GENERATED by `npx tsx scripts/build-shidian-scenario.ts`: edit the script, not this file.',
    '',
    ' Real: the 13 township and 139 village names and GB/T 2260 codes (scenarios/data/shidian-divisions.json);',
    ' from seed 004: 253 registered sites (64 sampled here), the 5,000-person county store, the 10 h target,',
    ' the fire brigade (26), forest-fire squadron (50), mine crews (67), township semi-professionals (151),',
    ' 139 village shelters of ≥ 500 m². Synthetic ("assumed"): positions, elevations, populations, roads, sites.',
  ]);
  keyComments(doc, {
    sources: ' --- documents the numbers cite ---',
    provenance: ' --- where each number comes from: path patterns (`*` one segment, `**` any depth) → source ---',
    region: ' --- 施甸县: 13 乡镇, 139 村(社区); positions and populations synthetic ---',
    hazardSites: ` --- ${SITE_COUNT} of the ${REGISTERED_SITES} registered 地质灾害隐患点 (seed 004), a stratified sample, synthetic ---`,
    hazard: ' --- the earthquake: M ≥ 6 near the county town, aftershocks, intensity by attenuation ---',
    warnings: ' --- no rain falls: the national 暴雨 signals (engine/rules) are filled in but never reached ---',
    reserves: ' --- county store for 5,000 people, one township regional point, a social reserve (seed 004) ---',
    teams: ' --- fire brigade, forest-fire squadron, mine crews, road crews, 13 township teams (151), village micro fire stations ---',
    shelters: ' --- 1 class Ⅰ, 13 class Ⅱ, 139 village shelters of ≥ 500 m² (seed 004) ---',
  });
  commentAt(doc, ['teams', countyTeams], ' township semi-professional teams: 151 people (seed 004)');
  commentAt(doc, ['hazardSites', 0], ' sites above trunk roads');
  commentAt(doc, ['hazardSites', TRUNK_SITE_COUNT], ' sites above village roads, by village');
  const kinds = (k: Kind) => sites.filter((s) => s.kind === k).length;
  return {
    doc,
    counts: {
      townships: ts.length, villages: vs.length, population: TOTAL_POPULATION, nodes: ts.length + vs.length, links: links.length, trunkLinks: links.filter((l) => l.trunk).length,
      sites: `${sites.length} of ${REGISTERED_SITES} (${kinds('landslide')} landslides, ${kinds('collapse')} rockfalls, ${kinds('debrisFlow')} debris flows; ${sites.filter((s) => s.onTrunk).length} above trunk roads)`,
      threatenedPeople: sites.reduce((a, s) => a + s.threatened, 0), siteVillages: siteVillages.length, warehouses: warehouses.length, teams: teams.length,
      shelters: shelters.length, shelterCapacity: shelters.reduce((a, s) => a + s.capacity, 0), attenuation: att,
    },
  };
}

if (isMain(import.meta.url)) await runBuilder(OUT_FILE, build, process.argv.slice(2));
