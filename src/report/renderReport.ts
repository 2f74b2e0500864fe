import { reportPage } from './html.ts';
import { REPORT_CSS } from './reportCss.ts';
import { reportContext, type ReportInput } from './reportContext.ts';
import { manifestSection } from './sections/manifestSection.ts';
import { fireSection, headerSection, impactSection } from './sections/overviewSections.ts';
import { reservesSection, stockSection } from './sections/reserveSections.ts';
import { levelsSection, roadsSection } from './sections/responseSections.ts';
import { sensitivitySection } from './sections/sensitivitySection.ts';
import { targetsSection } from './sections/targetsSection.ts';

export type { ReportInput } from './reportContext.ts';

/**
 * The Monte Carlo report as one self-contained HTML page: inline CSS, charts as inline SVG
 * rendered here with ECharts, no script and no external resource, A4-printable; Chinese by
 * default, English with lang 'en'. Every number in a table carries its JSON path and exact
 * value (see `num`). Pure apart from ECharts' rendering: the same input gives the same bytes.
 * Sections are drawn in page order from one context (it numbers the charts).
 */
export function renderReport(input: ReportInput): string {
  const c = reportContext(input);
  const out = [
    ...headerSection(c),
    ...impactSection(c),
    ...fireSection(c),
    ...reservesSection(c),
    ...targetsSection(c),
    ...stockSection(c),
    ...levelsSection(c),
    ...roadsSection(c),
    ...sensitivitySection(c),
    ...manifestSection(c),
  ];
  const title = `${c.T('蒙特卡洛模拟报告', 'Monte Carlo report')} — ${c.name}`;
  return reportPage({ zh: c.zh, title, engineVersion: c.m.engineVersion, css: REPORT_CSS, body: out });
}
