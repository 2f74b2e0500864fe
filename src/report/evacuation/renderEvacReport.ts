import { renderModelReport } from '../kit/renderModelReport.ts';
import { evacuationReport } from './evacuationReport.ts';
import type { EvacReportInput } from './evacReportContext.ts';

export type { EvacReportInput } from './evacReportContext.ts';

/**
 * The Monte Carlo report of a building (evacuation) scenario as one self-contained HTML page (the
 * kit's page, see kit/renderModelReport.ts, with the sections of evacuationReport.ts). Pure apart
 * from ECharts' rendering: the same input gives the same bytes.
 */
export function renderEvacReport(input: EvacReportInput): string {
  return renderModelReport(evacuationReport, input);
}
