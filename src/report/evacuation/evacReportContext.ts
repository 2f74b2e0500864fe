import type { Lang } from '../../../engine/index.ts';
import type { EvacMcSummary, PeopleQuantiles, SecondsQuantiles } from '../../../engine/evacuation/montecarlo/index.ts';
import type { EvacuationScenario } from '../../../engine/evacuation/index.ts';
import type { Proportion } from '../../../engine/montecarlo/index.ts';
import { esc, nc, num } from '../html.ts';
import { pct, type Text } from '../labels.ts';
import type { ChartSpec } from '../reportContext.ts';
import { renderSvgChart } from '../svgChart.ts';
import type { EvacCurves } from './evacCurves.ts';

export interface EvacReportInput {
  summary: EvacMcSummary;
  /** the scenario's name, as in the file */
  scenarioName: Text;
  /** the scenario file's name (no folders), for the manifest and the re-run command */
  scenarioFile?: string;
  lang: Lang;
  /** the histograms behind the exceedance curve and the histogram (see `evacCurves`); without them those charts are left out */
  curves?: EvacCurves;
  /** the plan's roles, for the duties table (titles, holders, tasks); without them the table lists only what the summary measures */
  roles?: EvacuationScenario['roles'];
}

type SecKey = 'p50' | 'p90' | 'p95' | 'p99';

/**
 * What every section of the evacuation report shares (as `ReportContext` does for the county
 * report): the summary, the language and small cell builders. `chart` numbers the SVG ids in
 * drawing order, so the same input gives the same bytes. Pure.
 */
export interface EvacReportContext {
  input: EvacReportInput;
  m: EvacMcSummary;
  lang: Lang;
  zh: boolean;
  name: string;
  T: (z: string, e: string) => string;
  chart: (c: ChartSpec, caption: string) => string;
  /** estimate, 95% interval and SE cells of a proportion at a JSON path */
  prob: (path: string, p: Proportion | null) => string[];
  probHead: string[];
  /** seconds-quantile cells (whole seconds; among the never-cases "—") at a JSON path */
  secs: (path: string, q: SecondsQuantiles, keys?: SecKey[]) => string[];
  /** a mean / quantile of people at a JSON path (mean 1 decimal, quantiles whole) */
  ppl: (path: string, q: PeopleQuantiles, key: 'mean' | 'p50' | 'p90' | 'p99') => string;
  /** a plain number at a JSON path, `d` decimals */
  n: (path: string, x: number | null | undefined, d: number) => string;
}

/** The shared context of one evacuation report (pure). */
export function evacReportContext(input: EvacReportInput): EvacReportContext {
  const { summary: m, lang } = input;
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  let charts = 0;
  const chart = (c: ChartSpec, caption: string): string => {
    const svg = renderSvgChart(c.option, { height: c.height, lang, idPrefix: `ye${charts++}`, label: caption });
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
  const n = (path: string, x: number | null | undefined, d: number) => num(path, x, x === null || x === undefined ? '—' : x.toFixed(d));
  const secs = (path: string, q: SecondsQuantiles, keys: SecKey[] = ['p50', 'p90', 'p95', 'p99']): string[] =>
    keys.map((k) => nc(q.n === 0 ? '—' : n(`${path}.${k}`, q[k], 0)));
  const ppl = (path: string, q: PeopleQuantiles, key: 'mean' | 'p50' | 'p90' | 'p99') => n(`${path}.${key}`, q[key], key === 'mean' ? 1 : 0);
  return { input, m, lang, zh, name: input.scenarioName[lang], T, chart, prob, probHead, secs, ppl, n };
}
