import type { Lang } from '../../../engine/index.ts';
import type { Proportion, StopReason } from '../../../engine/montecarlo/index.ts';
import { esc, nc, num } from '../html.ts';
import { pct, type Text } from '../labels.ts';
import { renderSvgChart, type ChartOption } from '../svgChart.ts';

/**
 * What every model's Monte Carlo summary has, whichever model it is: the run's identity (scenario,
 * engine, seed, trials, how it stopped) and its methods. The shared sections read only this.
 */
export interface KitSummary {
  format: string;
  formatVersion: number;
  engineVersion: string;
  scenario: { id: string; sha256: string };
  seed: number;
  seedInput?: string;
  trials: number;
  trialsRequested: number;
  partial: boolean;
  stoppedBy: StopReason;
  untilSe: { se: number; chunkSize: number } | null;
  methods: Record<string, string>;
}

/** What every report is drawn from: a model's summary, the scenario's name and file, the language. */
export interface KitInput<S extends KitSummary> {
  summary: S;
  /** the scenario's name, as in the file */
  scenarioName: Text;
  /** the scenario file's name (no folders), for the manifest */
  scenarioFile?: string;
  lang: Lang;
}

/** A chart as ECharts options and the height it is drawn at (px). */
export type ChartSpec = { option: ChartOption; height: number };

/**
 * What every report section shares, whichever model: the summary, the language, the figure
 * builder and the Monte Carlo interval cells. One context per report: `chart` numbers the SVG ids
 * in the order sections draw them, so the same input gives the same bytes. A model's context
 * extends this with its own cell builders.
 */
export interface KitContext<I extends KitInput<KitSummary>> {
  input: I;
  m: I['summary'];
  lang: Lang;
  zh: boolean;
  /** the scenario's name in the report's language */
  name: string;
  /** picks the Chinese or the English text */
  T: (z: string, e: string) => string;
  /** a figure: the chart as inline SVG with its caption */
  chart: (c: ChartSpec, caption: string) => string;
  /** estimate, 95% interval and SE cells of a proportion at a JSON path */
  prob: (path: string, p: Proportion | null) => string[];
  /** the three column heads that go with `prob` */
  probHead: string[];
}

/** The shared context of one report (pure); `chartIds` prefixes its SVG ids (one prefix per model). */
export function kitContext<I extends KitInput<KitSummary>>(input: I, chartIds: string): KitContext<I> {
  const { summary: m, lang } = input;
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  let charts = 0;
  const chart = (c: ChartSpec, caption: string): string => {
    const svg = renderSvgChart(c.option, { height: c.height, lang, idPrefix: `${chartIds}${charts++}`, label: caption });
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
  const probHead = [T('估计值', 'estimate'), T('95% 置信区间', '95% interval'), T('标准误', 'SE')];
  return { input, m, lang, zh, name: input.scenarioName[lang], T, chart, prob, probHead };
}
