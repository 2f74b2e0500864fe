import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';

/** One compared plan as the charts draw it: its letter and name, its colour, its summary. */
export interface ChartPlan {
  label: string;
  color: string;
  summary: McSummary;
}

/** The compared plans' colours, in order A, B, C, D. */
export const PLAN_COLORS = ['#5470c6', '#ee6666', '#3ba272', '#fc8452'] as const;

/** Words the charts need, in the page's language. */
export interface ChartWords {
  hours: string;
  probability: string;
  /** "目标 6 小时" */
  target: (hours: number) => string;
  stock: (unit: string) => string;
  /** a response level's name ('none', 'IV' … 'I') */
  level: (level: string) => string;
}

const pctAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } };
const pctText = (v: unknown) => `${(Number(v) * 100).toFixed(1)}%`;

/**
 * One target's exceedance curve P(worst case > t hours) for every plan, overlaid, with the
 * target's hours as a vertical line: where a curve crosses that line is the probability the plan
 * misses the target. Plain ECharts option (no functions but formatters). Pure.
 */
export function exceedanceOption(plans: readonly ChartPlan[], targetId: string, w: ChartWords): Record<string, unknown> {
  const step = plans[0]!.summary.curveStepHours;
  const hours = plans[0]!.summary.targets.find((g) => g.id === targetId)?.hours ?? 0;
  const len = Math.max(...plans.map((p) => p.summary.targets.find((g) => g.id === targetId)?.exceedance.length ?? 0));
  // the curves are long and flat at the end: show up to where every plan is below 0.5%, at least twice the target
  let last = 0;
  for (const p of plans) {
    const ex = p.summary.targets.find((g) => g.id === targetId)?.exceedance ?? [];
    ex.forEach((v, i) => v > 0.005 && (last = Math.max(last, i)));
  }
  const xMax = Math.min((len - 1) * step, Math.max(hours * 2, Math.ceil(((last + 2) * step) / 6) * 6));
  return {
    animation: false,
    color: plans.map((p) => p.color),
    grid: { left: 48, right: 24, top: 40, bottom: 36 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: pctText },
    xAxis: { type: 'value', name: w.hours, nameLocation: 'middle', nameGap: 24, min: 0, max: xMax },
    yAxis: pctAxis,
    series: plans.map((p, i) => {
      const ex = p.summary.targets.find((g) => g.id === targetId)?.exceedance ?? [];
      return {
        type: 'line',
        name: p.label,
        showSymbol: false,
        lineStyle: { width: 2 },
        data: ex.map((v, k) => [k * step, v]).filter(([x]) => x! <= xMax),
        ...(i === 0
          ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: w.target(hours), position: 'insideEndTop' }, data: [{ xAxis: hours }] } }
          : {}),
      };
    }),
  };
}

/**
 * The fan of one item's total stock over time for every plan: the median as a line and the
 * 10th–90th percentile band shaded (stockFan in the summary, whole hours). Pure.
 */
export function stockFanOption(plans: readonly ChartPlan[], itemId: string, w: ChartWords, unit: string): Record<string, unknown> {
  const series: Record<string, unknown>[] = [];
  plans.forEach((p, i) => {
    const fan = p.summary.reserves.items.find((x) => x.id === itemId)?.stockFan;
    if (!fan) return;
    const stack = `band-${i}`;
    series.push(
      { type: 'line', name: `${p.label} P10`, stack, data: fan.p10.map((v, h) => [h, v]), showSymbol: false, lineStyle: { opacity: 0 }, color: p.color, tooltip: { show: false } },
      {
        type: 'line',
        name: `${p.label} P10–P90`,
        stack,
        data: fan.p90.map((v, h) => [h, v - fan.p10[h]!]),
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: p.color, opacity: 0.14 },
        color: p.color,
      },
      { type: 'line', name: p.label, data: fan.p50.map((v, h) => [h, v]), showSymbol: false, lineStyle: { width: 2, color: p.color }, color: p.color },
    );
  });
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: 36 },
    legend: { type: 'scroll', top: 0, data: plans.map((p) => p.label) },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => String(Math.round(Number(v))) },
    xAxis: { type: 'value', name: w.hours, nameLocation: 'middle', nameGap: 24, min: 0, max: plans[0]!.summary.horizonHours },
    yAxis: { type: 'value', min: 0, name: w.stock(unit) },
    series,
  };
}

/** The distribution of the highest response level reached, one bar per plan and level (未启动, Ⅳ … Ⅰ). Pure. */
export function levelsOption(plans: readonly ChartPlan[], w: ChartWords): Record<string, unknown> {
  const levels = plans[0]!.summary.responseLevels.map((l) => l.level);
  return {
    animation: false,
    color: plans.map((p) => p.color),
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: pctText },
    xAxis: { type: 'category', data: levels.map((l) => w.level(l)) },
    yAxis: pctAxis,
    series: plans.map((p) => ({
      type: 'bar',
      name: p.label,
      data: levels.map((l) => p.summary.responseLevels.find((x) => x.level === l)?.highestProbability.estimate ?? 0),
    })),
  };
}

/** One item's P(some store has run out by hour t) for every plan, overlaid. Pure. */
export function stockoutOption(plans: readonly ChartPlan[], itemId: string, w: ChartWords): Record<string, unknown> {
  const step = plans[0]!.summary.curveStepHours;
  return {
    animation: false,
    color: plans.map((p) => p.color),
    grid: { left: 48, right: 24, top: 40, bottom: 36 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: pctText },
    xAxis: { type: 'value', name: w.hours, nameLocation: 'middle', nameGap: 24, min: 0, max: plans[0]!.summary.horizonHours },
    yAxis: pctAxis,
    series: plans.map((p) => ({
      type: 'line',
      name: p.label,
      showSymbol: false,
      lineStyle: { width: 2 },
      data: (p.summary.reserves.items.find((x) => x.id === itemId)?.stockoutByHour ?? []).map((v, k) => [k * step, v]),
    })),
  };
}
