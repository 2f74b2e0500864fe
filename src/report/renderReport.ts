import { countyReport } from './countyReport.ts';
import { renderModelReport } from './kit/renderModelReport.ts';
import type { ReportInput } from './reportContext.ts';

export type { ReportInput } from './reportContext.ts';

/**
 * The county Monte Carlo report as one self-contained HTML page (the kit's page, see
 * kit/renderModelReport.ts, with the sections of countyReport.ts). Pure apart from ECharts'
 * rendering: the same input gives the same bytes.
 */
export function renderReport(input: ReportInput): string {
  return renderModelReport(countyReport, input);
}
