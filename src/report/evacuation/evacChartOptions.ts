import { CHART_FONT, type ChartOption } from '../svgChart.ts';

/**
 * ECharts options for the evacuation report's charts (seconds on the x axis). Pure: plain data
 * in, an option object out (small formatter and renderItem functions run when it is rendered).
 */

type Api = { value: (dim: number) => number; coord: (v: number[]) => number[]; style: (o?: object) => object };

const AXIS_GREY = '#54555a';
const GRID_LINE = { lineStyle: { color: '#eef0f3' } };
const pctAxis = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** Tick spacing for a seconds axis: the smallest of 5 s … 10 min giving at most 10 intervals. */
export const secondsInterval = (span: number) => [5, 10, 15, 30, 60, 120, 300, 600].find((s) => span / s <= 10) ?? 1200;

/**
 * The x range of a seconds chart: from a little before the earliest of `values` to a little
 * after the latest, on whole ticks, so a curve that lives between 280 s and 340 s is not squashed
 * against a 30-minute horizon. Pure.
 */
export function secondsRange(values: number[]): { min: number; max: number; interval: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(10, (hi - lo) * 0.08);
  const interval = secondsInterval(hi - lo + 2 * pad);
  return { min: Math.max(0, Math.floor((lo - pad) / interval) * interval), max: Math.ceil((hi + pad) / interval) * interval, interval };
}

function secondsAxis(r: { min: number; max: number; interval: number }, name: string) {
  return { type: 'value', ...r, name, nameLocation: 'middle', nameGap: 26, axisLabel: { color: AXIS_GREY }, splitLine: GRID_LINE };
}

/** A dashed red vertical line at a target, labelled. */
function targetLine(x: number, label: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: '#d7191c', type: 'dashed', width: 1.5 },
    label: { formatter: label, position: 'end', color: '#d7191c', fontFamily: CHART_FONT },
    data: [{ xAxis: x }],
  };
}

export interface SecondsExceedance {
  /** seconds of each point */
  t: number[];
  /** P(time > t) at each point */
  p: number[];
  target: { s: number; label: string } | null;
  xName: string;
  yName: string;
}

/** P(time > t) against t in seconds, as a step curve, with the target marked. */
export function secondsExceedanceChart(c: SecondsExceedance): { option: ChartOption; height: number } {
  const first = c.p.findIndex((p) => p < 1);
  const lastPositive = c.p.length - 1 - [...c.p].reverse().findIndex((p) => p > 0);
  const span = [c.t[Math.max(0, first)] ?? 0, c.t[Math.min(c.t.length - 1, Math.max(0, lastPositive + 1))] ?? 0, ...(c.target ? [c.target.s] : [])];
  const r = secondsRange(span);
  // one point per second, from the axis start (P = 1 before the first time) to its end (P as at the last bin)
  const data: [number, number][] = [];
  const at = (x: number) => (x < (c.t[0] ?? 0) ? 1 : x > c.t[c.t.length - 1]! ? c.p[c.p.length - 1]! : c.p[c.t.indexOf(x)] ?? 1);
  for (let x = r.min; x <= r.max; x++) data.push([x, at(x)]);
  return {
    height: 260,
    option: {
      grid: { left: 62, right: 28, top: 30, bottom: 44 },
      xAxis: secondsAxis(r, c.xName),
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: c.yName,
        nameLocation: 'middle',
        nameGap: 46,
        axisLabel: { formatter: pctAxis, color: AXIS_GREY },
        splitLine: GRID_LINE,
      },
      series: [
        {
          type: 'line',
          step: 'end',
          showSymbol: false,
          lineStyle: { width: 2, color: '#2f5597' },
          areaStyle: { color: 'rgba(47,85,151,0.12)' },
          data,
          markLine: c.target ? targetLine(c.target.s, c.target.label) : undefined,
        },
      ],
    },
  };
}

export interface SecondsHistogramChart {
  /** each series: 1-second counts from 0 s (see SecondsHistogram) */
  series: { name: string; stepS: number; counts: number[]; never: number; colour: string }[];
  target: { s: number; label: string } | null;
  xName: string;
  yName: string;
}

/**
 * Shares of trials per time bin (bins of 1–60 s chosen so the range shows at most ~40 bars),
 * one colour per series, with the target marked. The share is of all trials, never-cases
 * included, so the bars of a series sum to P(it happened).
 */
export function secondsHistogramChart(h: SecondsHistogramChart): { option: ChartOption; height: number } {
  const nonzero = h.series.flatMap((s) => s.counts.flatMap((c, b) => (c > 0 ? [b * s.stepS] : [])));
  const r = secondsRange([...(nonzero.length > 0 ? nonzero : [0]), ...(h.target ? [h.target.s] : [])]);
  const width = [1, 2, 5, 10, 15, 30, 60].find((w) => (r.max - r.min) / w <= 40) ?? 120;
  const series = h.series.map((s, k) => {
    const total = s.counts.reduce((a, x) => a + x, 0) + s.never;
    const byBin = new Map<number, number>();
    s.counts.forEach((c, b) => {
      if (c === 0) return;
      // bin [x0, x0 + width) by the time the 1-second bin stands for
      const x0 = Math.floor((b * s.stepS) / width) * width;
      byBin.set(x0, (byBin.get(x0) ?? 0) + c);
    });
    const data = [...byBin.entries()].sort((a, b) => a[0] - b[0]).map(([x0, c]) => [x0, x0 + width, total > 0 ? Math.round((c / total) * 1e6) / 1e6 : 0]);
    return {
      type: 'custom',
      name: s.name,
      itemStyle: { color: s.colour },
      encode: { x: [0, 1], y: 2 },
      data,
      renderItem: (_: unknown, api: Api) => {
        const a = api.coord([api.value(0), api.value(2)]);
        const b = api.coord([api.value(1), 0]);
        return { type: 'rect', shape: { x: a[0]! + 0.5, y: a[1]!, width: Math.max(1, b[0]! - a[0]! - 1), height: b[1]! - a[1]! }, style: { fill: s.colour, opacity: 0.8 } };
      },
      markLine: k === 0 && h.target ? targetLine(h.target.s, h.target.label) : undefined,
    };
  });
  return {
    height: 270,
    option: {
      grid: { left: 62, right: 28, top: 40, bottom: 44 },
      legend: { top: 4, data: h.series.map((s) => s.name), itemWidth: 14, itemHeight: 10 },
      xAxis: secondsAxis(r, h.xName),
      yAxis: {
        type: 'value',
        min: 0,
        name: h.yName,
        nameLocation: 'middle',
        nameGap: 46,
        axisLabel: { formatter: pctAxis, color: AXIS_GREY },
        splitLine: GRID_LINE,
      },
      series,
    },
  };
}

export interface GroupedBars {
  categories: string[];
  series: { name: string; values: (number | null)[]; colour: string }[];
  xName: string;
}

/** Horizontal grouped bars (one group per category), each bar labelled with its value. */
export function groupedBarsChart(g: GroupedBars): { option: ChartOption; height: number } {
  return {
    height: 60 + g.categories.length * (14 * g.series.length + 16) + 20,
    option: {
      grid: { left: 110, right: 50, top: 34, bottom: 40 },
      legend: { top: 4, data: g.series.map((s) => s.name), itemWidth: 14, itemHeight: 10 },
      xAxis: { type: 'value', min: 0, name: g.xName, nameLocation: 'middle', nameGap: 26, axisLabel: { color: AXIS_GREY }, splitLine: GRID_LINE },
      yAxis: { type: 'category', data: g.categories, inverse: true, axisLabel: { color: '#303133', width: 100, overflow: 'truncate' } },
      series: g.series.map((s) => ({
        type: 'bar',
        name: s.name,
        barMaxWidth: 14,
        itemStyle: { color: s.colour },
        label: { show: true, position: 'right', color: '#303133', fontSize: 11, fontFamily: CHART_FONT, formatter: (p: { value: number }) => (Number.isInteger(p.value) ? String(p.value) : p.value.toFixed(1)) },
        data: s.values.map((v) => v ?? '-'),
      })),
    },
  };
}
