/**
 * The rainstorm template: everything an imported county scenario needs that its GIS layers and
 * registers do not give — the storm, the slope-failure chain, warnings, the response ladder, relief
 * items, store and team timings, targets — with the source of each number. Values follow the
 * shipped 乐至 scenario (scripts/build-lezhi-scenario.ts), generalised: what came from the 乐至
 * plan is marked assumed here, with the reason. Pure data.
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';

type Provenance = ScenarioFile['provenance'][number];

export interface ImportTemplate {
  id: string;
  zh: string;
  en: string;
  start: string;
  horizonHours: number;
  terrain: ScenarioFile['region']['terrain'];
  /** elevation used without a DEM or an elevation column, m */
  flatElevationM: number;
  sources: ScenarioFile['sources'];
  hazard: ScenarioFile['hazard'];
  chain: ScenarioFile['chain'];
  warnings: ScenarioFile['warnings'];
  response: ScenarioFile['response'];
  items: ScenarioFile['reserves']['items'];
  /** extra headers accepted for each item's quantity column */
  itemAliases: Record<string, readonly string[]>;
  coverDaysPerDelivery: number;
  horizonCoverDays: number;
  store: Record<'county' | 'township' | 'village' | 'agreement', Pick<ScenarioFile['reserves']['warehouses'][number], 'resupplyLeadHours' | 'loadingHours' | 'reorderFraction'>>;
  /** the store made when no stores register is given: stock for this many people */
  defaultStorePeople: number;
  mobilisation: Record<ScenarioFile['teams'][number]['tier'], ScenarioFile['teams'][number]['mobilisationHours']>;
  /** teams made when no teams register is given */
  defaultTeamSize: { county: number; township: number };
  /** susceptibility of a site by 规模等级, and without one */
  siteSusceptibility: Record<'小型' | '中型' | '大型' | '特大型' | 'none', number>;
  /** P(link blocked | site fails) at the site and at the buffer's edge (linear between) */
  cutProbability: { near: number; edge: number };
  /** at most this many links per site (nearest first) */
  maxCutsPerSite: number;
  linkSusceptibility: number;
  /** m² per person when a shelter gives only its area */
  shelterM2PerPerson: number;
  targets: ScenarioFile['targets'];
  /** provenance of the template's own parts (paths in the scenario) */
  provenance: Provenance[];
  /** fire season only: hazard sites are forest compartments (类型 林区), with these defaults where the register leaves a column empty */
  forest?: ForestDefaults;
}

/** What a forest compartment's row may leave to the template, and why (each note goes into the provenance as `assumed`). */
export interface ForestDefaults {
  fuelFactor: { value: number; note: string };
  slopeDeg: { value: number; note: string };
  /** walk-in hours (min, mode, max) for a compartment next to its village (a 距村距离 given) and for a remote one */
  walkIn: { edge: [number, number, number]; remote: [number, number, number]; note: string };
  /** a row with only 进山时间 (the most likely): min = mode × spread[0], max = mode × spread[1] (at most 24 h) */
  walkInSpread: { factors: [number, number]; note: string };
  /** capability every default team (no teams register) gets besides its own */
  teamCapability: 'fireSuppression';
}

const tri = (min: number, mode: number, max: number) => ({ dist: 'triangular' as const, min, mode, max });

export const RAINSTORM_TEMPLATE: ImportTemplate = {
  id: 'rainstorm',
  zh: '暴雨—滑坡—断路',
  en: 'rainstorm, landslides and road cuts',
  start: '2025-07-10T20:00:00+08:00',
  horizonHours: 72,
  terrain: 'hilly',
  flatElevationM: 500,
  sources: {
    cma2007: { title: '气象灾害预警信号及防御指南（《气象灾害预警信号发布与传播办法》附件）', standard: '中国气象局令第16号 (2007)' },
    gh2003: { title: '地质灾害防治条例（险情、灾情分级）', standard: '国务院令第394号 (2003)' },
    caine1980: { title: 'Caine N. (1980) The rainfall intensity–duration control of shallow landslides and debris flows. Geografiska Annaler 62A:23–27' },
    sphere2018: { title: 'The Sphere Handbook (2018): shelter standard 3 (3.5 m²/person), water supply standard 1', url: 'https://spherestandards.org/handbook/' },
    gb21734: { title: '地震应急避难场所 场址及配套设施', standard: 'GB 21734-2008' },
  },
  hazard: {
    kind: 'rainstorm',
    onsetHour: tri(0, 2, 6),
    durationHours: tri(6, 12, 24),
    peakIntensityMmPerHour: { dist: 'lognormal', median: 25, sigma: 0.35, max: 90 },
    peakPosition: tri(0.2, 0.4, 0.7),
    hourlyNoiseSigma: 0.3,
  },
  chain: {
    landslide: { rule: { type: 'intensityDuration', a: 14.82, b: 0.39 }, hourlyRateAtThreshold: 0.002, exponent: 1.5, intensityAt50: 8, intensitySpread: 0.7 },
    consequences: { affectedFraction: tri(0.3, 0.6, 1), deadMissingRate: tri(0, 0.005, 0.03), evacuatedFactor: 0.1 },
    rescue: { onSiteHours: tri(2, 4, 8) },
    clearing: { hours: { dist: 'lognormal', median: 3, sigma: 0.5, max: 24 }, trunkFactor: 1.2 },
  },
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
    levels: [
      { level: 'IV', startAny: [{ metric: 'failedSites', op: '>=', value: 1 }, { metric: 'cutTrunkLinks', op: '>=', value: 1 }, { metric: 'warningLevel', op: '>=', value: 2 }] },
      { level: 'III', startAny: [{ metric: 'deadMissing', op: '>=', value: 3 }, { metric: 'affectedPeople', op: '>=', value: 500 }, { metric: 'failedSites', op: '>=', value: 5 }, { metric: 'cutTrunkLinks', op: '>=', value: 3 }, { metric: 'warningLevel', op: '>=', value: 3 }] },
      { level: 'II', startAny: [{ metric: 'deadMissing', op: '>=', value: 10 }, { metric: 'affectedPeople', op: '>=', value: 2000 }, { metric: 'failedSites', op: '>=', value: 10 }, { metric: 'warningLevel', op: '>=', value: 4 }] },
      { level: 'I', startAny: [{ metric: 'deadMissing', op: '>=', value: 30 }, { metric: 'affectedPeople', op: '>=', value: 6000 }] },
    ],
    deescalateAfterHours: 12,
    endAll: [
      { metric: 'warningLevel', op: '==', value: 0 },
      { metric: 'cutTrunkLinks', op: '==', value: 0 },
      { metric: 'villagesAwaitingRelief', op: '==', value: 0 },
    ],
    endAfterHours: 12,
  } as ScenarioFile['response'],
  items: [
    { id: 'tent', name: { zh: '救灾帐篷（12 m²）', en: 'relief tent (12 m²)' }, unit: { zh: '顶', en: 'tent' }, perPersonOnce: 0.29, perPersonPerDay: 0 },
    { id: 'quilt', name: { zh: '棉被', en: 'quilt' }, unit: { zh: '床', en: 'quilt' }, perPersonOnce: 1, perPersonPerDay: 0 },
    { id: 'food', name: { zh: '方便食品', en: 'instant food' }, unit: { zh: '份', en: 'portion' }, perPersonOnce: 0, perPersonPerDay: 3 },
    { id: 'water', name: { zh: '饮用水', en: 'drinking water' }, unit: { zh: '升', en: 'litre' }, perPersonOnce: 0, perPersonPerDay: 3 },
  ],
  itemAliases: { tent: ['帐篷', '救灾帐篷', 'tents'], quilt: ['被子', '棉被', 'quilts'], food: ['方便食品', '食品', '方便面'], water: ['饮用水', '矿泉水', '瓶装水', '水'] },
  coverDaysPerDelivery: 1,
  horizonCoverDays: 3,
  store: {
    county: { resupplyLeadHours: tri(6, 8, 12), loadingHours: tri(0.5, 1, 2), reorderFraction: 0.3 },
    township: { resupplyLeadHours: tri(2, 3, 5), loadingHours: tri(0.5, 1, 1.5), reorderFraction: 0.3 },
    village: { resupplyLeadHours: tri(2, 3, 5), loadingHours: tri(0.25, 0.5, 1), reorderFraction: 0.3 },
    agreement: { resupplyLeadHours: tri(12, 24, 48), loadingHours: tri(1, 2, 4), reorderFraction: 0.3 },
  },
  defaultStorePeople: 2000,
  mobilisation: {
    county: tri(0.5, 1, 1.5),
    township: tri(0.5, 1, 2),
    village: tri(0.25, 0.5, 1),
    professional: tri(0.1, 0.25, 0.5),
  },
  defaultTeamSize: { county: 100, township: 30 },
  siteSusceptibility: { 小型: 0.3, 中型: 0.5, 大型: 0.7, 特大型: 0.9, none: 0.5 },
  cutProbability: { near: 0.7, edge: 0.2 },
  maxCutsPerSite: 3,
  linkSusceptibility: 0.3,
  shelterM2PerPerson: 1.5,
  targets: [
    { id: 'relief-national', name: { zh: '受灾群众基本生活得到初步救助（国家预案时限）', en: 'Initial relief of basic needs (national plan limit)' }, kind: 'reliefWithin' },
    { id: 'trunk-6h', name: { zh: '6小时内抢通干线公路', en: 'Cut trunk roads reopened within 6 h' }, kind: 'trunkReopenWithin', hours: 6 },
    { id: 'response-2h', name: { zh: '首个隐患点失稳后2小时内启动应急响应', en: 'A response level in force within 2 h of the first failure' }, kind: 'responseWithin', hours: 2 },
    { id: 'rescue-2h', name: { zh: '救援队伍2小时内到达失稳隐患点', en: 'A rescue team at each failed site within 2 h' }, kind: 'rescueArrivalWithin', hours: 2 },
  ],
  provenance: [
    { paths: ['horizonHours'], source: 'assumed', note: 'Template rainstorm: three days covers the storm, the failures, the first relief and two more days of resupply.' },
    { paths: ['hazard.onsetHour.*', 'hazard.durationHours.*', 'hazard.peakPosition.*', 'hazard.hourlyNoiseSigma'], source: 'assumed', note: 'Template rainstorm (as the shipped 乐至 scenario): a night storm starting 0–6 h after 20:00, lasting 6–24 h, peaking in its first half. Replace with the county’s own design storm.' },
    { paths: ['hazard.peakIntensityMmPerHour.*'], source: 'assumed', note: 'Peak 25 mm/h median (短时强降水 ≥ 20 mm/h), about 180 mm in the median storm; most draws reach the orange 暴雨 signal.' },
    { paths: ['chain.landslide.rule.a', 'chain.landslide.rule.b'], source: 'caine1980', note: 'Global intensity–duration threshold for shallow landslides I = 14.82·D^-0.39 (mm/h, h).' },
    { paths: ['chain.landslide.hourlyRateAtThreshold', 'chain.landslide.exponent'], source: 'assumed', note: 'Calibrated for the 40 sites of the shipped 乐至 scenario (a handful fail in a typical storm); not calibrated for this county: check the failure counts of `yanlian simulate`.' },
    { paths: ['chain.landslide.intensityAt50', 'chain.landslide.intensitySpread'], source: 'assumed', note: 'Earthquake branch, unused by a rainstorm; plausible placeholders.' },
    { paths: ['chain.consequences.**'], source: 'assumed', note: 'Small hillslope failures: 30–100% of the threatened people affected; up to 3% of those still in place dead or missing; evacuation cuts casualties tenfold.' },
    { paths: ['chain.rescue.**', 'chain.clearing.**'], source: 'assumed', note: 'Search at a small slide 2–8 h; a loader reopens a blocked road in about 3 h (median), trunk slides 20% longer.' },
    { paths: ['warnings.rainstorm.*.windowHours', 'warnings.rainstorm.*.thresholdMm'], source: 'cma2007', note: 'National 暴雨 signals: 12 h ≥ 50 mm, 6 h ≥ 50 mm, 3 h ≥ 50 mm, 3 h ≥ 100 mm.' },
    { paths: ['warnings.cancelAfterDryHours'], source: 'assumed', note: "Assumed: a signal steps down only after 6 consecutive hours below its own threshold, then to the highest signal the rainfall still meets that hour (lifted when none). The 2007 CMA order (气象灾害预警信号发布与传播办法) leaves changing and lifting a signal to the issuing office and sets no waiting time; warnings.downgrade: atOnce would follow the hourly signal instead." },
    { paths: ['response.levels.1.startAny.0.value', 'response.levels.2.startAny.0.value', 'response.levels.3.startAny.0.value'], source: 'gh2003', note: 'Dead and missing at the 灾情 cut-offs of the geohazard grading: 中型 ≥ 3, 大型 ≥ 10, 特大型 ≥ 30.' },
    { paths: ['response.levels.*.startAny.*.value'], source: 'assumed', note: 'Template county ladder (as the shipped 乐至 scenario, a county of about 0.45 million): replace with the thresholds of the county’s own plan.' },
    { paths: ['response.deescalateAfterHours', 'response.endAfterHours', 'response.endAll.*.value'], source: 'assumed', note: 'Step down after 12 quiet hours; end after 12 hours with no signal, no cut trunk road and no village awaiting relief.' },
    { paths: ['reserves.items.0.perPersonOnce'], source: 'sphere2018', note: '3.5 m² covered space per person in a 12 m² relief tent ≈ 0.29 tents per person.' },
    { paths: ['reserves.items.3.perPersonPerDay'], source: 'sphere2018', note: 'Survival drinking water 2.5–3 L per person per day; 3 L.' },
    { paths: ['reserves.items.*.perPersonOnce', 'reserves.items.*.perPersonPerDay'], source: 'assumed', note: 'One quilt per person in summer, three instant-food portions a day; tents and quilts issued once, food and water daily.' },
    { paths: ['reserves.warehouses.*.resupplyLeadHours.*', 'reserves.warehouses.*.loadingHours.*', 'reserves.warehouses.*.reorderFraction'], source: 'assumed', note: 'Template timings by store tier: county store refilled from the city in 6–12 h, township and village stores from the county in 2–5 h, agreement stores in 12–48 h; reorder below 30%.' },
    { paths: ['reserves.coverDaysPerDelivery', 'reserves.horizonCoverDays'], source: 'assumed', note: 'Each delivery covers one day of need; adequacy judged over the three-day horizon.' },
    { paths: ['teams.*.mobilisationHours.*'], source: 'assumed', note: 'Template night call-out by team tier: professional 0.1–0.5 h, county 0.5–1.5 h, township 0.5–2 h, village 0.25–1 h.' },
    { paths: ['targets.1.hours', 'targets.2.hours', 'targets.3.hours'], source: 'assumed', note: 'Template targets (the 乐至 plan’s 6 h trunk-road target; 2 h to a response level and to a rescue team on site): replace with the county plan’s.' },
  ],
};

/** Templates written here by name; earthquake, typhoon and fire-season take their hazard side from a shipped scenario (shippedTemplates.ts). */
export const TEMPLATES: Record<string, ImportTemplate> = { rainstorm: RAINSTORM_TEMPLATE };
