import type { Lang } from '../../engine/index.ts';
import type { HoursQuantiles, McSummary, McSweep, Proportion } from '../../engine/montecarlo/index.ts';
import { esc, nc, num } from './html.ts';
import { hoursText, pct, type Text } from './labels.ts';
import { renderSvgChart, type ChartOption } from './svgChart.ts';

export interface ReportInput {
  summary: McSummary;
  /** the scenario's name, as in the file */
  scenarioName: Text;
  /** the scenario file's name (no folders), for the manifest */
  scenarioFile?: string;
  lang: Lang;
  /** a sweep over this summary's scenario: adds the sensitivity tornado */
  sweep?: McSweep;
}

/** A chart as ECharts options and the height it is drawn at (px). */
export type ChartSpec = { option: ChartOption; height: number };

/**
 * What every report section shares: the summary, the language, and small cell builders. One
 * context per report: `chart` numbers the SVG ids in the order sections draw them, so the same
 * input gives the same bytes.
 */
export interface ReportContext {
  input: ReportInput;
  m: McSummary;
  lang: Lang;
  zh: boolean;
  /** the scenario's name in the report's language */
  name: string;
  /** horizon, hours */
  H: number;
  /** picks the Chinese or the English text */
  T: (z: string, e: string) => string;
  /** a figure: the chart as inline SVG with its caption */
  chart: (c: ChartSpec, caption: string) => string;
  /** estimate, 95% interval and SE cells of a proportion at a JSON path */
  prob: (path: string, p: Proportion | null) => string[];
  /** hour-quantile cells at a JSON path */
  hq: (path: string, q: HoursQuantiles | null, keys: ('p50' | 'p90' | 'p99')[]) => string[];
  /** the three column heads that go with `prob` */
  probHead: string[];
}

/** The shared context of one report (pure). */
export function reportContext(input: ReportInput): ReportContext {
  const { summary: m, lang } = input;
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const H = m.horizonHours;
  let charts = 0;
  const chart = (c: ChartSpec, caption: string): string => {
    const svg = renderSvgChart(c.option, { height: c.height, lang, idPrefix: `yl${charts++}`, label: caption });
    return `<figure>\n${svg}\n<figcaption>${esc(caption)}</figcaption>\n</figure>`;
  };
  const prob = (path: string, p: Proportion | null): string[] => [
    nc(num(`${path}.estimate`, p?.estimate, pct(p?.estimate))),
    nc(
      p?.ci95
        ? `${num(`${path}.ci95.0`, p.ci95[0], pct(p.ci95[0]))} – ${num(`${path}.ci95.1`, p.ci95[1], pct(p.ci95[1]))}`
        : '—',
    ),
    nc(num(`${path}.se`, p?.se, pct(p?.se))),
  ];
  const hq = (path: string, q: HoursQuantiles | null, keys: ('p50' | 'p90' | 'p99')[]): string[] =>
    keys.map((k) => nc(q ? num(`${path}.${k}`, q[k], hoursText(q[k], H, q.n)) : '—'));
  const probHead = [T('估计值', 'estimate'), T('95% 置信区间', '95% interval'), T('标准误', 'SE')];
  return { input, m, lang, zh, name: input.scenarioName[lang], H, T, chart, prob, hq, probHead };
}
