import type { ReportDefinition } from './kit/renderModelReport.ts';
import { reportContext, type ReportContext, type ReportInput } from './reportContext.ts';
import { countyManifestSection } from './sections/countyManifestSection.ts';
import { fireSection, headerSection, impactSection } from './sections/overviewSections.ts';
import { reservesSection, stockSection } from './sections/reserveSections.ts';
import { survivalSection } from './sections/survivalSection.ts';
import { levelsSection, roadsSection } from './sections/responseSections.ts';
import { sensitivitySection } from './sections/sensitivitySection.ts';
import { targetsSection } from './sections/targetsSection.ts';

/**
 * The county Monte Carlo report: the kit's cover and manifest around the county's sections, in
 * page order. A new section is a file in sections/ exporting `(c: ReportContext) => string[]`
 * and one line here.
 */
export const countyReport: ReportDefinition<ReportInput, ReportContext> = {
  context: reportContext,
  title: { zh: '蒙特卡洛模拟报告', en: 'Monte Carlo report' },
  sections: [
    headerSection,
    impactSection,
    fireSection,
    reservesSection,
    targetsSection,
    stockSection,
    survivalSection,
    levelsSection,
    roadsSection,
    sensitivitySection,
    countyManifestSection,
  ],
};
