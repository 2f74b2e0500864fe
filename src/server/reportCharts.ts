import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import type { AfterActionReport } from '../../engine/drill/afterAction.ts';
import type { Metric } from '../../engine/drill/evaluate.ts';
import { LEVEL_NAMES, WARNING_NAMES } from '../../engine/drill/names.ts';
import { CHART_FONT, CHART_WIDTH, renderSvgChart, type ChartOption } from '../report/svgChart.ts';

// svgChart.ts registers these already; said again so this file does not depend on that list
echarts.use([CustomChart, MarkLineComponent]);

type Name = { zh: string; en: string };

/** One chart of the debrief report: an SVG (ECharts SSR, locale ZH) with its caption and size. */
export interface DrillChart {
  id: 'levels' | 'relief' | 'trunk';
  title: Name;
  /** what it shows, one sentence (also the alt text) */
  caption: Name;
  svg: string;
  width: number;
  height: number;
}

/** The Chinese way: Ⅳ/blue 蓝, Ⅲ/yellow 黄, Ⅱ/orange 橙, Ⅰ/red 红. */
const LEVEL_COLOUR: Readonly<Record<string, string>> = {
  blue: '#1f6fd1', yellow: '#e8b400', orange: '#f07c00', red: '#d42a2a',
  IV: '#1f6fd1', III: '#e8b400', II: '#f07c00', I: '#d42a2a',
};
const SHORT: Readonly<Record<string, string>> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色', IV: 'Ⅳ级', III: 'Ⅲ级', II: 'Ⅱ级', I: 'Ⅰ级' };
const MET = '#2e8b57';
const MISSED = '#d42a2a';
const OPEN = '#a0a4ab';
const AXIS = '#54555a';

/** Hour-axis tick spacing: the smallest of 1, 2, 3, 6, 12, 24 h giving at most 12 intervals. */
const hourStep = (max: number) => [1, 2, 3, 6, 12, 24].find((h) => max / h <= 12) ?? 48;

type Api = { value: (dim: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] };

/**
 * Segments of a level over time, from the log's changes: [from h, to h, row, level].
 * 'none' and 'ended' draw nothing.
 */
function segments(changes: { t: number; level: string }[], endMin: number, row: number): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  changes.forEach((c, i) => {
    const to = i + 1 < changes.length ? changes[i + 1]!.t : endMin;
    if (c.level in LEVEL_COLOUR && to > c.t) out.push([c.t / 60, to / 60, row, c.level]);
  });
  return out;
}

/** The response-level and warning timeline: the weather signal, the county's warnings, the response level. */
function levelsChart(r: AfterActionReport): DrillChart | null {
  const sim = r.timeline.filter((x) => x.kind === 'sim');
  const signal = sim.filter((x) => x.what === 'warning.changed').map((x) => ({ t: x.t, level: String(x.detail.to) }));
  const issued = sim.filter((x) => x.what === 'warning.issued').map((x) => ({ t: x.t, level: String(x.detail.level) }));
  const response = sim.filter((x) => x.what === 'response.changed').map((x) => ({ t: x.t, level: String(x.detail.to) }));
  if (!signal.length && !issued.length && !response.length) return null;
  const endMin = Math.max(r.drill.endMin, 60);
  const rows = ['气象预警信号', '县级预警发布', '应急响应级别'];
  const data = [...segments(signal, endMin, 0), ...segments(issued, endMin, 1), ...segments(response, endMin, 2)];
  const maxH = Math.ceil(endMin / 60);
  const firstFailure = sim.find((x) => x.what === 'site.failed');
  const option: ChartOption = {
    grid: { left: 104, right: 24, top: 30, bottom: 48 },
    xAxis: {
      type: 'value', min: 0, max: maxH, interval: hourStep(maxH), name: '推演时间（小时）', nameLocation: 'middle', nameGap: 28,
      axisLabel: { color: AXIS, formatter: (v: number) => `T+${v}` }, splitLine: { lineStyle: { color: '#e4e6eb' } },
    },
    yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { color: '#303133' }, axisTick: { show: false } },
    series: [
      {
        type: 'custom',
        encode: { x: [0, 1], y: 2 },
        data: data.map(([a, b, row, level]) => ({ value: [a, b, row], level })),
        renderItem: (params: { dataIndex: number }, api: Api) => {
          const [a, b, row, level] = data[params.dataIndex]!;
          const p0 = api.coord([a, row]);
          const p1 = api.coord([b, row]);
          const h = api.size([0, 1])[1]! * 0.56;
          const w = Math.max(1, p1[0]! - p0[0]!);
          const label = SHORT[level] ?? level;
          return {
            type: 'group',
            children: [
              { type: 'rect', shape: { x: p0[0]!, y: p0[1]! - h / 2, width: w, height: h }, style: { fill: LEVEL_COLOUR[level], stroke: '#fff', lineWidth: 1 } },
              ...(w > 34 ? [{ type: 'text', style: { text: label, x: p0[0]! + w / 2, y: p0[1]!, align: 'center', verticalAlign: 'middle', fontSize: 12, fontFamily: CHART_FONT, fill: level === 'yellow' || level === 'III' ? '#222' : '#fff' } }] : []),
            ],
          };
        },
        markLine: firstFailure
          ? { silent: true, symbol: 'none', lineStyle: { color: '#303133', type: 'dashed' }, label: { formatter: '首处灾害', position: 'start', color: '#303133', fontFamily: CHART_FONT }, data: [{ xAxis: firstFailure.t / 60 }] }
          : undefined,
      },
    ],
  };
  const height = 210;
  const words = (xs: { level: string }[], names: Record<string, { zh: string; en: string }>) => (xs.length ? xs.map((x) => names[x.level]?.zh ?? x.level).join('→') : '无');
  return {
    id: 'levels',
    title: { zh: '预警与应急响应级别时间线', en: 'Warnings and response level over time' },
    caption: {
      zh: `气象预警信号：${words(signal, WARNING_NAMES)}；县级预警发布：${words(issued, WARNING_NAMES)}；应急响应：${words(response, LEVEL_NAMES)}${firstFailure ? `；虚线为首处灾害（T+${(firstFailure.t / 60).toFixed(1)} 小时）` : ''}。`,
      en: `Weather signal, county warnings and response level by simulated hour${firstFailure ? '; the dashed line is the first failure' : ''}.`,
    },
    svg: renderSvgChart(option, { height, lang: 'zh', idPrefix: 'drill-levels', label: '预警与应急响应级别时间线' }),
    width: CHART_WIDTH,
    height,
  };
}

/**
 * Hours taken per case against the target (relief per village, trunk roads reopened): green met,
 * red late (or still open past the target), grey still open and not yet due; an open case is drawn
 * to the end of the drill and marked 未完成.
 */
function targetChart(r: AfterActionReport, m: Metric | undefined, id: 'relief' | 'trunk', title: Name): DrillChart | null {
  if (!m || !m.cases.length) return null;
  const limitH = m.cases[0]!.limitMin / 60;
  const rows = m.cases.map((c) => {
    const open = c.tookMin === null;
    const hours = open ? Math.max(0, (r.drill.endMin - c.startMin) / 60) : c.tookMin! / 60;
    return { name: c.name.zh, hours: Math.round(hours * 10) / 10, open, met: c.met };
  });
  const top = Math.max(limitH * 1.25, ...rows.map((x) => x.hours * 1.12), 1);
  const step = [1, 2, 5, 10, 12, 24, 48].find((x) => top / x <= 8) ?? 96;
  const maxH = Math.ceil(top / step) * step;
  const option: ChartOption = {
    grid: { left: 178, right: 84, top: 30, bottom: 44 },
    xAxis: {
      type: 'value', min: 0, max: maxH, interval: step, name: '用时（小时）', nameLocation: 'middle', nameGap: 26,
      axisLabel: { color: AXIS }, splitLine: { lineStyle: { color: '#e4e6eb' } },
    },
    yAxis: { type: 'category', data: rows.map((x) => x.name), inverse: true, axisLabel: { color: '#303133', interval: 0, width: 168, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((x) => ({
          value: x.hours,
          itemStyle: { color: x.met === true ? MET : x.met === false ? MISSED : OPEN },
          label: { show: true, position: 'right', color: '#303133', fontFamily: CHART_FONT, formatter: x.open ? `${x.hours}+ 未完成` : `${x.hours}` },
        })),
        markLine: {
          silent: true, symbol: 'none', lineStyle: { color: '#303133', type: 'dashed', width: 1.5 },
          label: { formatter: `目标 ${limitH} 小时`, position: 'start', color: '#303133', fontFamily: CHART_FONT },
          data: [{ xAxis: limitH }],
        },
      },
    ],
  };
  // at least 170 px: headless Chromium draws nothing in a window much lower than that (the PNG for the .docx)
  const height = Math.max(170, 80 + 26 * rows.length);
  const met = rows.filter((x) => x.met === true).length;
  const open = rows.filter((x) => x.open).length;
  const young = rows.filter((x) => x.met === null).length;
  return {
    id,
    title,
    caption: {
      zh: `共 ${rows.length} 个，目标 ${limitH} 小时内：按时 ${met} 个${open ? `，推演结束时未完成 ${open} 个（标“未完成”）` : ''}；绿色按时，红色超时${young ? '，灰色尚未到时限' : ''}，虚线为目标。`,
      en: `${rows.length} cases against ${limitH} h: ${met} in time${open ? `, ${open} still open (marked)` : ''}; green in time, red late${young ? ', grey not yet due' : ''}, dashed line the target.`,
    },
    svg: renderSvgChart(option, { height, lang: 'zh', idPrefix: `drill-${id}`, label: title.zh }),
    width: CHART_WIDTH,
    height,
  };
}

/**
 * The charts of the debrief report, server-side SVG (ECharts SSR, locale ZH, no animation,
 * the same bytes for the same report): the warning and response-level timeline, and relief per
 * village and trunk-road reopening against the scenario's targets. A chart with nothing to
 * show is left out. Pure but for ECharts' own module state.
 */
export function drillCharts(r: AfterActionReport): DrillChart[] {
  const metric = (id: string) => r.evaluation.metrics.find((m) => m.id === id);
  return [
    levelsChart(r),
    targetChart(r, metric('relief'), 'relief', { zh: '受灾群众初步救助用时与目标', en: 'First relief per village against the target' }),
    targetChart(r, metric('trunkReopen'), 'trunk', { zh: '干线公路抢通用时与目标', en: 'Trunk roads reopened against the target' }),
  ].filter((x): x is DrillChart => x !== null);
}
