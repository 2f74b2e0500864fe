import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import type { Lang } from '../../../engine/i18n/lang.ts';
import type { Proportion } from '../../../engine/montecarlo/proportion.ts';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';

/** How a column's numbers are shown in Excel: a probability as a percentage, hours, a count, plain. */
export type CellFormat = 'pct' | 'hours' | 'int' | 'plain';

/** One table of the summary as a worksheet: name, column heads, formats, rows (numbers stay numbers; null is an empty cell). */
export interface SummaryTable {
  sheet: string;
  header: string[];
  formats: CellFormat[];
  rows: (string | number | null)[][];
}

const TIER: Record<string, [string, string]> = { county: ['县级库', 'county'], township: ['乡镇库', 'township'], village: ['村储备点', 'village'], agreement: ['协议代储', 'agreement'] };
const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };
const STOP: Record<string, [string, string]> = { trials: ['跑满全部次数', 'all trials'], untilSe: ['精度已达到', 'precision reached'], interrupted: ['已取消（部分结果）', 'cancelled (partial)'] };

/** A probability's three numbers: estimate, Wilson 95% low, high. */
const p3 = (p: Proportion | null): (number | null)[] => [p?.estimate ?? null, p?.ci95?.[0] ?? null, p?.ci95?.[1] ?? null];

/**
 * The summary's tables as worksheets — Chinese sheet names and column heads (English with
 * lang 'en'), numbers as numbers: for a county, 概况, 物资缺货, 分级缺货, 目标达成, 响应级别,
 * 干线公路, 影响; for a building, 概况, 目标, 疏散要点. The same figures the page and
 * `simulate --json` give, unrounded. Pure.
 */
export function summaryTables(s: McSummary | EvacMcSummary, lang: Lang): SummaryTable[] {
  const w = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const ci = [w('95% 区间下限', '95% low'), w('95% 区间上限', '95% high')];
  const overview: SummaryTable = {
    sheet: w('概况', 'Overview'),
    header: [w('项目', 'Item'), w('值', 'Value')],
    formats: ['plain', 'plain'],
    rows: [
      [w('场景', 'Scenario'), s.scenario.id],
      [w('场景文件 SHA-256', 'Scenario file SHA-256'), s.scenario.sha256],
      [w('引擎版本', 'Engine version'), s.engineVersion],
      [w('种子', 'Seed'), s.seedInput ?? s.seed],
      [w('试验次数', 'Trials'), s.trials],
      [w('要求次数', 'Trials requested'), s.trialsRequested],
      [w('停止原因', 'Stopped by'), w(...STOP[s.stoppedBy]!)],
    ],
  };
  if (s.format === 'yanlian-evac-mc-summary') {
    return [
      overview,
      {
        sheet: w('目标', 'Targets'),
        header: [w('目标', 'Target'), w('限值', 'Limit'), w('单位', 'Unit'), w('达成概率', 'P(met)'), ...ci],
        formats: ['plain', 'plain', 'plain', 'pct', 'pct', 'pct'],
        rows: s.targets.map((g) => [g.kind, g.limit, g.unit === 's' ? w('秒', 's') : w('人', 'persons'), ...p3(g.metProbability)]),
      },
      {
        sheet: w('疏散要点', 'Evacuation'),
        header: [w('指标', 'Outcome'), w('概率', 'Probability'), ...ci, 'P50', 'P90', 'P95', 'P99'],
        formats: ['plain', 'pct', 'pct', 'pct', 'plain', 'plain', 'plain', 'plain'],
        rows: [
          [w('全员到达集合点（警报后，秒）', 'Everyone at the assembly point (s from the alarm)'), ...p3(s.assembly.everyoneProbability), s.assembly.fromAlarmS.p50, s.assembly.fromAlarmS.p90, s.assembly.fromAlarmS.p95, s.assembly.fromAlarmS.p99],
          [w('有人受烟气暴露', 'Anyone exposed to smoke'), ...p3(s.exposure.anyProbability), null, null, null, null],
          [w('初期火灾被扑灭', 'Fire knocked down'), ...p3(s.fire.knockedDownProbability), null, null, null, null],
          [w('由消防队扑灭', 'Put out by the brigade'), ...p3(s.fire.outByBrigadeProbability), null, null, null, null],
          [w('报警 119（秒）', '119 called (s)'), null, null, null, s.call119.p50, s.call119.p90, s.call119.p95, s.call119.p99],
          [w('清点人数完成（秒）', 'Headcount done (s)'), null, null, null, s.headcount.p50, s.headcount.p90, s.headcount.p95, s.headcount.p99],
        ],
      },
    ];
  }
  const cond = [w('条件 P50（小时）', 'conditional P50 (h)'), w('条件 P90（小时）', 'conditional P90 (h)')];
  return [
    overview,
    {
      sheet: w('物资缺货', 'Stock-outs'),
      header: [w('物资', 'Item'), w('单位', 'Unit'), w('初始库存', 'Initial stock'), w('缺货概率', 'P(stock-out)'), ...ci, ...cond, w('短缺概率', 'P(shortfall)'), w('平均短缺量', 'Mean shortfall')],
      formats: ['plain', 'plain', 'int', 'pct', 'pct', 'pct', 'hours', 'hours', 'pct', 'plain'],
      rows: s.reserves.items.map((it) => [it.name[lang], it.unit[lang], it.initialStock, ...p3(it.stockoutProbability), it.hoursToStockout.p50, it.hoursToStockout.p90, it.shortfallProbability.estimate, it.shortfall.mean]),
    },
    {
      sheet: w('分级缺货', 'Stock-outs by tier'),
      header: [w('物资', 'Item'), w('层级', 'Tier'), w('库点数', 'Stores'), w('缺货概率', 'P(stock-out)'), ...ci, ...cond],
      formats: ['plain', 'plain', 'int', 'pct', 'pct', 'pct', 'hours', 'hours'],
      rows: s.reserves.items.flatMap((it) => it.tiers.map((t) => [it.name[lang], w(...(TIER[t.tier] ?? [t.tier, t.tier])), t.warehouses, ...p3(t.stockoutProbability), t.hoursToStockout.p50, t.hoursToStockout.p90])),
    },
    {
      sheet: w('目标达成', 'Targets'),
      header: [w('目标', 'Target'), w('时限（小时）', 'Within (h)'), w('适用次数', 'Trials applied'), w('达成概率', 'P(met)'), ...ci, w('最差情况 P50（小时）', 'worst case P50 (h)'), w('最差情况 P90（小时）', 'worst case P90 (h)')],
      formats: ['plain', 'hours', 'int', 'pct', 'pct', 'pct', 'hours', 'hours'],
      rows: s.targets.map((g) => [g.name[lang], g.hours, g.applied, ...p3(g.metProbability), g.achievedHours.p50, g.achievedHours.p90]),
    },
    {
      sheet: w('响应级别', 'Response levels'),
      header: [w('级别', 'Level'), w('为最高级别的概率', 'P(highest)'), ...ci, w('达到该级或更高的概率', 'P(this or higher)')],
      formats: ['plain', 'pct', 'pct', 'pct', 'pct'],
      rows: s.responseLevels.map((l) => [l.level === 'none' ? w('未启动', 'none') : w(`${ROMAN[l.level]}级`, `Level ${l.level}`), ...p3(l.highestProbability), l.atLeastProbability?.estimate ?? null]),
    },
    {
      sheet: w('干线公路', 'Trunk roads'),
      header: [w('路段', 'Link'), w('中断概率', 'P(cut)'), ...ci, w('中断次数', 'Cut episodes'), w('恢复时长 P50（小时）', 'reopened P50 (h)'), w('恢复时长 P90（小时）', 'reopened P90 (h)')],
      formats: ['plain', 'pct', 'pct', 'pct', 'int', 'hours', 'hours'],
      rows: s.roads.trunkLinks.map((r) => [r.name ? `${r.name[lang]}（${r.link}）` : r.link, ...p3(r.cutProbability), r.episodes, r.reopenHours.p50, r.reopenHours.p90]),
    },
    {
      sheet: w('影响', 'Impact'),
      header: [w('指标（每次试验均值）', 'Outcome (mean per trial)'), w('均值', 'Mean')],
      formats: ['plain', 'plain'],
      rows: [
        [w('失稳隐患点', 'Failed sites'), s.impact.meanFailedSites],
        [w('受灾人数', 'Affected people'), s.impact.affectedPeople.mean],
        [w('死亡失踪', 'Dead or missing'), s.impact.deadMissing.mean],
        [w('断路次数', 'Road cuts'), s.impact.meanRoadCuts],
        [w('干线断路次数', 'Trunk road cuts'), s.impact.meanTrunkCuts],
        [w('配送次数', 'Deliveries'), s.impact.meanDeliveries],
        [w('紧急转移安置人数', 'People relocated'), s.impact.meanRelocatedPeople],
        [w('倒塌和严重损坏房屋（间）', 'Rooms collapsed or badly damaged'), s.impact.meanDamagedRooms],
      ],
    },
  ];
}
