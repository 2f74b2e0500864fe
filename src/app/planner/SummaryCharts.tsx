import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import { useLang } from '../ui/useLang.ts';
import { ChartBox } from './ChartBox.tsx';

export interface SummaryChartsProps {
  summary: McSummary;
}

export interface Series {
  name: string;
  values: number[];
  /** drawn dashed (plan A under plan B in a comparison) */
  dashed?: boolean;
  /** a fixed colour (a compared pair shares one) */
  color?: string;
}

/**
 * Two line charts of a county summary (ECharts, loaded on first use): P(some store of the item has
 * run out by hour t) per item, and each target's exceedance P(worst case > t hours). Both read
 * the summary's curves on its `curveStepHours` grid.
 */
export function SummaryCharts({ summary: s }: SummaryChartsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const stock: Series[] = s.reserves.items.filter((it) => it.initialStock > 0).map((it) => ({ name: it.name[lang], values: it.stockoutByHour }));
  const exceed: Series[] = s.targets.filter((g) => g.applied > 0).map((g) => ({ name: `${g.name[lang]} (${t('planner.within', { hours: g.hours })})`, values: g.exceedance }));
  return (
    <div className="pl-charts">
      <LineChartBox title={t('planner.chartStockout')} series={stock} step={s.curveStepHours} xName={t('planner.hours')} testId="pl-chart-stockout" />
      <LineChartBox title={t('planner.chartExceedance')} series={exceed} step={s.curveStepHours} xName={t('planner.hours')} testId="pl-chart-exceedance" />
    </div>
  );
}

/** One ECharts line chart of probabilities (0–100%) against hours (drawn by ChartBox). */
export function LineChartBox({ title, series, step, xName, testId }: { title: string; series: Series[]; step: number; xName: string; testId: string }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 40, bottom: 36 },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%` },
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 24, min: 0, max: (series[0]?.values.length ?? 1) * step - step },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: series.map((x) => ({
        type: 'line',
        name: x.name,
        showSymbol: false,
        ...(x.color ? { itemStyle: { color: x.color } } : {}),
        lineStyle: { type: x.dashed ? 'dashed' : 'solid', ...(x.color ? { color: x.color } : {}) },
        data: x.values.map((v, i) => [i * step, v]),
      })),
    }),
    [series, step, xName],
  );
  return <ChartBox title={title} option={option} testId={testId} />;
}
