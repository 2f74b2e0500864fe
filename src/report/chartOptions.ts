import { CHART_FONT, type ChartOption } from './svgChart.ts';

/**
 * ECharts options for the report's charts. Pure: plain data in, an option object out (with
 * small formatter and renderItem functions, run when the chart is rendered on the server).
 */

type Api = { value: (dim: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] };

const AXIS_GREY = '#54555a';
const WHISKER = '#303133';

/** Axis formatter for probabilities: 0.25 → "25%". */
const pctAxis = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** Hour-axis tick spacing: the smallest of 1, 2, 3, 6, 12, 24 h giving at most 12 intervals. */
const hourInterval = (max: number) => [1, 2, 3, 6, 12, 24].find((h) => max / h <= 12) ?? 48;

/** The top of a probability axis: the next 10% above the largest value, at most 100%. */
const probMax = (e: { max: number }) => Math.min(1, Math.max(0.1, Math.ceil(e.max * 10 - 1e-9) / 10));

/**
 * Error bars with end caps, drawn by a custom series from rows [low, high, category index], and
 * the value's text just past the upper end, clear of the whisker.
 */
function whiskerSeries(horizontal: boolean, data: [number, number, number][], labels: string[]): ChartOption {
  return {
    type: 'custom',
    silent: true,
    z: 5,
    encode: horizontal ? { x: [0, 1], y: 2 } : { y: [0, 1], x: 2 },
    data,
    renderItem: (_: unknown, api: Api) => {
      const lo = api.value(0);
      const hi = api.value(1);
      const c = api.value(2);
      const a = api.coord(horizontal ? [lo, c] : [c, lo]);
      const b = api.coord(horizontal ? [hi, c] : [c, hi]);
      const band = api.size(horizontal ? [0, 1] : [1, 0])[horizontal ? 1 : 0]!;
      const cap = Math.max(3, Math.min(8, band * 0.18));
      const style = { stroke: WHISKER, lineWidth: 1.2 };
      const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
      const text = {
        type: 'text',
        style: {
          text: labels[c] ?? '',
          x: horizontal ? b[0]! + 6 : b[0]!,
          y: horizontal ? b[1]! : b[1]! - 6,
          align: horizontal ? 'left' : 'center',
          verticalAlign: horizontal ? 'middle' : 'bottom',
          fontSize: 12,
          fontFamily: CHART_FONT,
          fill: '#303133',
        },
      };
      return {
        type: 'group',
        children: horizontal
          ? [line(a[0]!, a[1]!, b[0]!, b[1]!), line(a[0]!, a[1]! - cap, a[0]!, a[1]! + cap), line(b[0]!, b[1]! - cap, b[0]!, b[1]! + cap), text]
          : [line(a[0]!, a[1]!, b[0]!, b[1]!), line(a[0]! - cap, a[1]!, a[0]! + cap, a[1]!), line(b[0]! - cap, b[1]!, b[0]! + cap, b[1]!), text],
      };
    },
  };
}

export interface ProbabilityBars {
  categories: string[];
  /** estimates; null draws no bar */
  values: (number | null)[];
  /** Wilson 95% intervals; null draws no whisker */
  ci: ([number, number] | null)[];
  colours: string[];
  /** text past each whisker (it carries the value, so colour is never the only cue) */
  labels: string[];
  horizontal: boolean;
  /** a legend: colour → meaning (drawn as empty series) */
  legend?: { name: string; colour: string }[];
  /** a name for the value axis */
  valueName?: string;
}

/** Probability bars with 95% whiskers. Returns the option and the height it needs (px). */
export function probabilityBars(p: ProbabilityBars): { option: ChartOption; height: number } {
  const n = p.categories.length;
  const valueAxis = {
    type: 'value',
    min: 0,
    max: probMax,
    name: p.valueName,
    nameLocation: 'middle',
    nameGap: p.horizontal ? 26 : 46,
    axisLabel: { formatter: pctAxis, color: AXIS_GREY },
    splitLine: { lineStyle: { color: '#e4e6eb' } },
  };
  const catAxis = {
    type: 'category',
    data: p.categories,
    inverse: p.horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: { color: '#303133', interval: 0, ...(p.horizontal ? { width: 190, overflow: 'truncate' } : {}) },
  };
  const legendSeries = (p.legend ?? []).map((l) => ({ type: 'bar', name: l.name, data: [], itemStyle: { color: l.colour } }));
  const option: ChartOption = {
    grid: p.horizontal
      ? { left: 200, right: 70, top: p.legend ? 34 : 12, bottom: 40 }
      : { left: 56, right: 16, top: p.legend ? 40 : 24, bottom: 40 },
    legend: p.legend ? { top: 4, data: p.legend.map((l) => l.name), itemWidth: 14, itemHeight: 10 } : undefined,
    xAxis: p.horizontal ? valueAxis : catAxis,
    yAxis: p.horizontal ? catAxis : valueAxis,
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        barGap: '-100%',
        data: p.values.map((v, i) => ({ value: v ?? '-', itemStyle: { color: p.colours[i] } })),
      },
      ...legendSeries,
      whiskerSeries(
        p.horizontal,
        p.ci.flatMap((ci, i) => (ci ? [[ci[0], ci[1], i] as [number, number, number]] : [])),
        p.labels,
      ),
    ],
  };
  return { option, height: p.horizontal ? 52 + (p.legend ? 22 : 0) + 26 * n : 300 };
}

export interface ExceedanceCurve {
  /** hours of each point */
  hours: number[];
  /** P(worst case > t) at each point */
  exceedance: number[];
  targetHours: number;
  horizonHours: number;
  targetLabel: string;
  xName: string;
  yName: string;
}

/** P(hours > t) against t, with the target hour marked. */
export function exceedanceChart(c: ExceedanceCurve): { option: ChartOption; height: number } {
  return {
    height: 260,
    option: {
      grid: { left: 62, right: 24, top: 30, bottom: 44 },
      xAxis: {
        type: 'value',
        min: 0,
        max: c.horizonHours,
        interval: hourInterval(c.horizonHours),
        name: c.xName,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { color: AXIS_GREY },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: c.yName,
        nameLocation: 'middle',
        nameGap: 46,
        axisLabel: { formatter: pctAxis, color: AXIS_GREY },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: [
        {
          type: 'line',
          showSymbol: false,
          lineStyle: { width: 2, color: '#2f5597' },
          areaStyle: { color: 'rgba(47,85,151,0.12)' },
          data: c.hours.map((h, i) => [h, c.exceedance[i]]),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#d7191c', type: 'dashed', width: 1.5 },
            label: { formatter: c.targetLabel, position: 'end', color: '#d7191c', fontFamily: CHART_FONT },
            data: [{ xAxis: c.targetHours }],
          },
        },
      ],
    },
  };
}

export interface StockFan {
  p10: number[];
  p50: number[];
  p90: number[];
  initialStock: number;
  names: { p10: string; band: string; p50: string; initial: string };
  xName: string;
  yName: string;
}

/** The 10th–90th percentile band of stock over the hours, with the median. */
export function fanChart(f: StockFan): { option: ChartOption; height: number } {
  const hours = f.p50.map((_, h) => h);
  return {
    height: 250,
    option: {
      grid: { left: 70, right: 24, top: 34, bottom: 44 },
      legend: { top: 4, data: [f.names.band, f.names.p50], itemWidth: 16, itemHeight: 10 },
      xAxis: {
        type: 'value',
        min: 0,
        max: Math.max(1, hours.length - 1),
        interval: hourInterval(Math.max(1, hours.length - 1)),
        name: f.xName,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { color: AXIS_GREY },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: {
        // not from zero: a few percent of change must stay visible; the initial stock is marked
        type: 'value',
        scale: true,
        name: f.yName,
        nameLocation: 'middle',
        nameGap: 54,
        axisLabel: { color: AXIS_GREY },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: [
        {
          // the band is stacked on the 10th percentile: its top edge is the 90th
          type: 'line',
          name: f.names.p10,
          stack: 'fan',
          showSymbol: false,
          lineStyle: { width: 1, type: 'dashed', color: '#5b8bd0' },
          data: hours.map((h) => [h, f.p10[h]]),
        },
        {
          type: 'line',
          name: f.names.band,
          stack: 'fan',
          showSymbol: false,
          lineStyle: { width: 1, type: 'dashed', color: '#5b8bd0' },
          itemStyle: { color: 'rgba(91,139,208,0.35)' },
          areaStyle: { color: 'rgba(91,139,208,0.25)' },
          data: hours.map((h) => [h, Math.round((f.p90[h]! - f.p10[h]!) * 1000) / 1000]),
        },
        {
          type: 'line',
          name: f.names.p50,
          showSymbol: false,
          lineStyle: { width: 2.2, color: '#1d3f7a' },
          itemStyle: { color: '#1d3f7a' },
          data: hours.map((h) => [h, f.p50[h]]),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#8a8f98', type: 'dotted' },
            label: { formatter: f.names.initial, position: 'insideEndTop', color: AXIS_GREY, fontFamily: CHART_FONT },
            data: [{ yAxis: f.initialStock }],
          },
        },
      ],
    },
  };
}

export interface TornadoChart {
  /** parameters, largest swing first */
  params: string[];
  low: (number | null)[];
  high: (number | null)[];
  lowLabel: string[];
  highLabel: string[];
  base: number | null;
  baseLabel: string;
  xName: string;
}

const TORNADO_LEFT = 220;

/** A tornado: per parameter, a bar from the lowest to the highest estimate, with the base marked. */
export function tornadoChart(t: TornadoChart): { option: ChartOption; height: number } {
  const data = t.params.flatMap((_, i) => (t.low[i] !== null && t.high[i] !== null ? [[t.low[i]!, t.high[i]!, i]] : []));
  return {
    height: 76 + 30 * t.params.length,
    option: {
      grid: { left: TORNADO_LEFT, right: 70, top: 26, bottom: 42 },
      xAxis: {
        type: 'value',
        min: 0,
        max: probMax,
        name: t.xName,
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: pctAxis, color: AXIS_GREY },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: { type: 'category', data: t.params, inverse: true, axisLabel: { color: '#303133', width: 210, overflow: 'truncate' } },
      series: [
        {
          type: 'custom',
          encode: { x: [0, 1], y: 2 },
          data,
          renderItem: (_: unknown, api: Api) => {
            const i = api.value(2);
            const a = api.coord([api.value(0), i]);
            const b = api.coord([api.value(1), i]);
            const h = api.size([0, 1])[1]! * 0.55;
            const w = Math.max(2, b[0]! - a[0]!);
            const text = (s: string, x: number, align: string, fill = '#303133') => ({
              type: 'text',
              style: { text: s, x, y: a[1]!, align, verticalAlign: 'middle', fontSize: 11, fontFamily: CHART_FONT, fill },
            });
            const children: unknown[] = [{ type: 'rect', shape: { x: a[0]!, y: a[1]! - h / 2, width: w, height: h }, style: { fill: '#c0504d', opacity: 0.85 } }];
            if (api.value(1) > api.value(0)) {
              const low = t.lowLabel[i] ?? '';
              // outside on the left when there is room before the axis, else inside the bar
              const roomLeft = a[0]! - TORNADO_LEFT > low.length * 7 + 8;
              children.push(roomLeft ? text(low, a[0]! - 4, 'right') : text(low, a[0]! + 4, 'left', '#fff'));
              children.push(text(t.highLabel[i] ?? '', b[0]! + 4, 'left'));
            }
            return { type: 'group', children };
          },
          markLine:
            t.base === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#303133', type: 'dashed' },
                  label: { formatter: t.baseLabel, position: 'start', fontFamily: CHART_FONT },
                  data: [{ xAxis: t.base }],
                },
        },
      ],
    },
  };
}
