import type { Lang } from '../../../engine/i18n/lang.ts';
import type { EvacMcLayout } from '../../../engine/evacuation/montecarlo/evacMcLayout.ts';
import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import type { McAggregate } from '../../../engine/montecarlo/aggregate.ts';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import type { PlannerScenario } from './plannerScenario.ts';
import { planSourceUses, type PlanSourceUse } from './planSources.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The planner's own sources as rows of the report's run manifest (规划来源): each source's title
 * and the numbers it covers. Inserted at the end of the manifest's list; a report of an unedited
 * plan is left byte for byte as `simulate --report` writes it. Pure.
 */
export function withPlanSourceRows(html: string, uses: readonly PlanSourceUse[], lang: Lang): string {
  if (uses.length === 0) return html;
  const start = html.indexOf('<section id="manifest">');
  const end = start < 0 ? -1 : html.indexOf('</dl>', start);
  if (end < 0) return html;
  const rows = uses
    .map(
      (u) =>
        `<dt>${esc(lang === 'zh' ? `规划来源（${u.key}）` : `planner source (${u.key})`)}</dt><dd>${esc(u.title)}${lang === 'zh' ? '：' : ': '}${u.paths.map((p) => `<code>${esc(p)}</code>`).join(', ')}</dd>`,
    )
    .join('\n');
  return `${html.slice(0, end)}${rows}\n${html.slice(end)}`;
}

/**
 * The HTML report of a finished run, byte for byte as `yanlian simulate --report` writes it: drawn
 * by the server's POST /api/planner/report (src/report with ECharts' server-side SVG), or in the
 * page when there is no server (same tables; chart labels placed by the browser's text metrics);
 * the planner's sources are added to the manifest. Loaded on demand.
 */
export async function plannerReportHtml(sc: PlannerScenario, summary: McSummary | EvacMcSummary, result: { layout: unknown; agg: McAggregate }, lang: Lang): Promise<string> {
  let html: string | null = null;
  const curves = sc.model === 'evacuation' ? (await import('../../report/evacuation/evacCurves.ts')).evacCurves(result.layout as EvacMcLayout, result.agg) : undefined;
  try {
    // the server draws the charts as the CLI does (ECharts' server-side SVG), byte for byte
    const res = await fetch('/api/planner/report', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: sc.model, lang, scenarioFile: sc.file, scenarioName: sc.scenario.name, summary, curves, roles: sc.model === 'evacuation' ? sc.scenario.roles : undefined }),
    });
    if (res.ok) html = await res.text();
  } catch {
    // no server: drawn in the page below (the same tables; chart text placed by the browser's metrics)
  }
  if (html !== null) return withPlanSourceRows(html, planSourceUses(sc.doc), lang);
  if (sc.model === 'evacuation') {
    const { renderEvacReport } = await import('../../report/evacuation/renderEvacReport.ts');
    html = renderEvacReport({ summary: summary as EvacMcSummary, scenarioName: sc.scenario.name, scenarioFile: sc.file, lang, curves, roles: sc.scenario.roles });
  } else {
    const { renderReport } = await import('../../report/renderReport.ts');
    html = renderReport({ summary: summary as McSummary, scenarioName: sc.scenario.name, scenarioFile: sc.file, lang });
  }
  return withPlanSourceRows(html, planSourceUses(sc.doc), lang);
}
