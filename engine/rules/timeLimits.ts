import type { Cited, Text } from './types.ts';

/** When a time limit's clock starts. */
export type ClockStart = 'disaster' | 'receipt' | 'dispatchOrder' | 'stabilised' | 'news';

/**
 * A time limit on reporting or relief: who, what, within how long (hours), counted from when.
 * `cycleHours` marks a repeating duty (the daily zero-report); `workingDays` a limit counted in
 * working days.
 */
export interface TimeLimit extends Cited {
  actor: Text;
  action: Text;
  deadlineHours?: number;
  cycleHours?: number;
  workingDays?: number;
  from: ClockStart;
}

const T = (r: TimeLimit) => r;
const statUrl = 'http://fsou.com/html/text/lar/174138/17413829_4.html';
const provUrl = 'http://www.fsou.net/html/text/lar/169905/16990505_7.html';
const ghUrl = 'https://15tianqi.com/news23072';
const mnrUrl = 'http://www.carfloormat.com.cn/dzdzzh/7968.jhtml';

/**
 * Time limits of disaster reporting and relief (standards-cn §3.2 T-1…T-11) and of geological
 * hazard reports (§2.2 GR-1…GR-4). Pure data; each row names its document and flag. Local
 * plans often set tighter limits (GR-4): a scenario's own `targets` override these.
 */
export const TIME_LIMITS: readonly TimeLimit[] = [
  T({ id: 'T-1', actor: { zh: '乡镇', en: 'township' }, action: { zh: '向县初报灾情', en: 'initial report to the county' }, deadlineHours: 1, from: 'disaster', source: 'countyRelief', url: 'http://fsou.com/html/text/lar/173139/17313908_4.html', flag: 'V' }),
  T({ id: 'T-2', actor: { zh: '县', en: 'county' }, action: { zh: '向市初报（突发性灾害）', en: 'initial report to the city (sudden-onset disaster)' }, deadlineHours: 2, from: 'disaster', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-3', actor: { zh: '市、省', en: 'city, then province' }, action: { zh: '审核汇总后上报', en: 'review and forward' }, deadlineHours: 2, from: 'receipt', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-4', actor: { zh: '县', en: 'county' }, action: { zh: '死亡失踪10人以上等：同时报省和应急管理部', en: '≥ 10 dead or missing, or mass collapse: report to the province and the ministry at once' }, deadlineHours: 2, from: 'disaster', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-5', actor: { zh: '县', en: 'county' }, action: { zh: '24小时零报告：9时前报前一日24时数据（市10时、省12时）', en: '24 h zero-report by 09:00 with data to the previous midnight (city 10:00, province 12:00)' }, cycleHours: 24, from: 'disaster', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-6', actor: { zh: '县', en: 'county' }, action: { zh: '灾情稳定后核报（市3个、省5个工作日）', en: 'final report after stabilisation (city 3, province 5 working days)' }, workingDays: 2, from: 'stabilised', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-7', actor: { zh: '县', en: 'county' }, action: { zh: '旱情每10日续报', en: 'drought: follow-up report every 10 days' }, cycleHours: 240, from: 'disaster', source: 'stat2020', url: statUrl, flag: 'V' }),
  T({ id: 'T-8.team', actor: { zh: '省（三级响应示例）', en: 'province (Ⅲ-level example)' }, action: { zh: '工作组赶赴灾区', en: 'work group reaches the disaster area' }, deadlineHours: 12, from: 'disaster', source: 'provRelief', url: provUrl, flag: 'V' }),
  T({ id: 'T-8.funds', actor: { zh: '省（三级响应示例）', en: 'province (Ⅲ-level example)' }, action: { zh: '提出救灾资金安排意见', en: 'relief-fund plan' }, deadlineHours: 24, from: 'disaster', source: 'provRelief', url: provUrl, flag: 'V' }),
  T({ id: 'T-8.stock', actor: { zh: '省（三级响应示例）', en: 'province (Ⅲ-level example)' }, action: { zh: '调拨救灾物资', en: 'dispatch relief stock' }, deadlineHours: 24, from: 'disaster', source: 'provRelief', url: provUrl, flag: 'V' }),
  T({ id: 'T-8.contact', actor: { zh: '省（三级响应示例）', en: 'province (Ⅲ-level example)' }, action: { zh: '与灾区保持联系', en: 'contact with the disaster area' }, cycleHours: 2, from: 'disaster', source: 'provRelief', url: provUrl, flag: 'V' }),
  T({ id: 'T-8.bulletin', actor: { zh: '省（三级响应示例）', en: 'province (Ⅲ-level example)' }, action: { zh: '编发《重要灾情》', en: 'issue the 《重要灾情》 bulletin' }, deadlineHours: 2, from: 'news', source: 'provRelief', url: provUrl, flag: 'V' }),
  T({ id: 'T-9', actor: { zh: '各级政府', en: 'government at every level' }, action: { zh: '受灾群众基本生活得到有效救助', en: 'basic needs of affected people met' }, deadlineHours: 10, from: 'disaster', source: 'ndrr2022', url: 'https://sthjj.cq.gov.cn/zwgk_249/gndt/202207/t20220722_10947733_wap.html', flag: 'V', note: '12 h in the 2011–2015 and 2016–2020 national plans; 10 h in the 14th Five-Year plan' }),
  T({ id: 'T-10.county', actor: { zh: '县级', en: 'county' }, action: { zh: '首批救灾物资运抵灾区（偏远地区、道路中断除外）', en: 'first batch of relief goods arrives (remote areas and cut roads excepted)' }, deadlineHours: 6, from: 'dispatchOrder', source: 'ndrc2024', url: 'http://kmeys.com/zixun/202410/91080.html', flag: 'V' }),
  T({ id: 'T-10.city', actor: { zh: '市级', en: 'city' }, action: { zh: '首批救灾物资运抵灾区', en: 'first batch of relief goods arrives' }, deadlineHours: 8, from: 'dispatchOrder', source: 'ndrc2024', url: 'http://kmeys.com/zixun/202410/91080.html', flag: 'V' }),
  T({ id: 'T-10.province', actor: { zh: '省级', en: 'province' }, action: { zh: '首批救灾物资运抵灾区', en: 'first batch of relief goods arrives' }, deadlineHours: 10, from: 'dispatchOrder', source: 'ndrc2024', url: 'http://kmeys.com/zixun/202410/91080.html', flag: 'V' }),
  T({ id: 'T-11', actor: { zh: '省级（湖南）', en: 'province (Hunan)' }, action: { zh: '首批救灾物资运抵灾区', en: 'first batch of relief goods in the disaster area' }, deadlineHours: 12, from: 'disaster', source: 'hunanReserve', url: 'https://zi.media/@yidianzixun/post/vzfEJL', flag: 'V' }),
  T({ id: 'GR-1', actor: { zh: '县自然资源部门', en: 'county natural-resources department' }, action: { zh: '特大型、大型地质灾害险情灾情报县政府和市主管部门', en: '特大型/大型 geohazard: report to the county government and the city department' }, deadlineHours: 4, from: 'disaster', source: 'ghep2006', url: ghUrl, flag: 'V' }),
  T({ id: 'GR-2', actor: { zh: '县自然资源部门', en: 'county natural-resources department' }, action: { zh: '中型、小型地质灾害险情灾情报县政府和市主管部门', en: '中型/小型 geohazard: report to the county government and the city department' }, deadlineHours: 12, from: 'disaster', source: 'ghep2006', url: ghUrl, flag: 'V' }),
  T({ id: 'GR-3.I', actor: { zh: '县', en: 'county' }, action: { zh: '特大型地质灾害报市（并越级报省、部）', en: '特大型 geohazard: report to the city (and skip-level to province and ministry)' }, deadlineHours: 6, from: 'disaster', source: 'mnr2015', url: mnrUrl, flag: 'V' }),
  T({ id: 'GR-3.II', actor: { zh: '县', en: 'county' }, action: { zh: '大型地质灾害报市', en: '大型 geohazard: report to the city' }, deadlineHours: 12, from: 'disaster', source: 'mnr2015', url: mnrUrl, flag: 'V' }),
  T({ id: 'GR-3.III', actor: { zh: '县', en: 'county' }, action: { zh: '中型地质灾害报市', en: '中型 geohazard: report to the city' }, deadlineHours: 24, from: 'disaster', source: 'mnr2015', url: mnrUrl, flag: 'V' }),
  T({ id: 'GR-4', actor: { zh: '县政府（地方变体）', en: 'county government (local variant)' }, action: { zh: '小型地质灾害报市', en: '小型 geohazard: report to the city' }, deadlineHours: 1, from: 'disaster', source: 'ghep2006', url: 'http://www.fymate.net/html/text/lar/168335/16833552_5.html', flag: 'V', note: 'a local rule; provinces also use 6 h for 中型/小型' }),
];

/** The row with this id; throws if there is none (a typo in engine code). Pure. */
export function timeLimit(id: string): TimeLimit {
  const row = TIME_LIMITS.find((r) => r.id === id);
  if (!row) throw new RangeError(`no time limit ${id}`);
  return row;
}
