import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from '../../engine/index.ts';

// Only what the report draws: the module form keeps the rest of ECharts out.
echarts.use([BarChart, LineChart, CustomChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** The report's CJK font stack, in single quotes: ECharts writes it into a double-quoted style attribute. */
export const CHART_FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif";

/** Chart width in px: the printable width of A4 portrait at 96 dpi with ~15 mm margins. */
export const CHART_WIDTH = 680;

/** Any ECharts option; the builders in chartOptions.ts make them. */
export type ChartOption = Record<string, unknown>;

/**
 * Renders one chart to an SVG string on the server (no DOM, no canvas): ECharts SSR with the SVG
 * renderer, no animation and the locale passed explicitly (server rendering defaults to EN).
 * The output is made independent of how many charts this process drew before, so the same
 * summary gives the same report bytes: the hover-only stylesheet and SSR metadata are dropped
 * and ECharts' process-wide ids (`zrN-…`) become `<idPrefix>-<k>`, unique within the page.
 */
export function renderSvgChart(option: ChartOption, opts: { width?: number; height: number; lang: Lang; idPrefix: string; label: string }): string {
  const width = opts.width ?? CHART_WIDTH;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: opts.height, locale: opts.lang === 'zh' ? 'ZH' : 'EN' });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const ids = new Map<string, string>();
  svg = svg
    .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\bzr\d+-[A-Za-z0-9_-]+/g, (id) => {
      let v = ids.get(id);
      if (v === undefined) ids.set(id, (v = `${opts.idPrefix}-${ids.size}`));
      return v;
    });
  const label = opts.label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${label}" `);
}
