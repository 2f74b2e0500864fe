import type { ReportDefinition } from '../kit/renderModelReport.ts';
import { evacAssemblySection } from './evacAssemblySection.ts';
import { evacDutiesSection } from './evacDutiesSection.ts';
import { evacManifestSection } from './evacManifestSection.ts';
import { evacMeaningSection } from './evacMeaningSection.ts';
import { evacHeaderSection, evacHeadlineSection } from './evacOverviewSections.ts';
import { evacReportContext, type EvacReportContext, type EvacReportInput } from './evacReportContext.ts';
import { evacExposureSection, evacFireSection, evacStairsSection } from './evacSafetySections.ts';

/**
 * The evacuation Monte Carlo report: the kit's cover and manifest around the building's
 * sections, in page order. A new section is a file exporting `(c: EvacReportContext) => string[]`
 * and one line here.
 */
export const evacuationReport: ReportDefinition<EvacReportInput, EvacReportContext> = {
  context: evacReportContext,
  title: { zh: '疏散演练蒙特卡洛模拟报告', en: 'Evacuation Monte Carlo report' },
  sections: [
    evacHeaderSection,
    evacHeadlineSection,
    evacMeaningSection,
    evacAssemblySection,
    evacStairsSection,
    evacExposureSection,
    evacFireSection,
    evacDutiesSection,
    evacManifestSection,
  ],
};
