import { reportPage } from '../html.ts';
import { REPORT_CSS } from '../reportCss.ts';
import { evacAssemblySection } from './evacAssemblySection.ts';
import { evacDutiesSection } from './evacDutiesSection.ts';
import { evacManifestSection } from './evacManifestSection.ts';
import { evacMeaningSection } from './evacMeaningSection.ts';
import { evacHeaderSection, evacHeadlineSection } from './evacOverviewSections.ts';
import { evacReportContext, type EvacReportInput } from './evacReportContext.ts';
import { evacExposureSection, evacFireSection, evacStairsSection } from './evacSafetySections.ts';

export type { EvacReportInput } from './evacReportContext.ts';

/**
 * The Monte Carlo report of a building (evacuation) scenario as one self-contained HTML page,
 * like the county report (renderReport): inline CSS, charts as inline SVG rendered here with
 * ECharts, no script and no external resource, A4-printable; Chinese by default, English with
 * lang 'en'. Every number in a table or note carries its JSON path in the summary and its exact
 * value (see `num`). Pure apart from ECharts' rendering: the same input gives the same bytes.
 */
export function renderEvacReport(input: EvacReportInput): string {
  const c = evacReportContext(input);
  const out = [
    ...evacHeaderSection(c),
    ...evacHeadlineSection(c),
    ...evacMeaningSection(c),
    ...evacAssemblySection(c),
    ...evacStairsSection(c),
    ...evacExposureSection(c),
    ...evacFireSection(c),
    ...evacDutiesSection(c),
    ...evacManifestSection(c),
  ];
  const title = `${c.T('疏散演练蒙特卡洛模拟报告', 'Evacuation Monte Carlo report')} — ${c.name}`;
  return reportPage({ zh: c.zh, title, engineVersion: c.m.engineVersion, css: REPORT_CSS, body: out });
}
