import { basename } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import type { ModelId, ScenarioOf, SummaryOf } from '../../engine/model/modelTypes.ts';
import type { ModelMcRunResult } from '../../engine/node/runModelMonteCarlo.ts';
import { countyReport } from '../report/countyReport.ts';
import { evacCurves } from '../report/evacuation/evacCurves.ts';
import { evacuationReport } from '../report/evacuation/evacuationReport.ts';
import { renderModelReport } from '../report/kit/renderModelReport.ts';

/**
 * The HTML report of a Monte Carlo (`simulate --report`), one per registered model: the report
 * kit (src/report/kit: cover, manifest, page) with the model's own report definition (its
 * context and sections) and what its input takes from the run; `file` is the scenario file as
 * given. Kept apart from modelViews.ts and imported only when a report is asked for: it loads
 * ECharts (seconds of start-up a plain `simulate` does not need).
 */
export type CliReport<K extends ModelId> = (s: ScenarioOf<K>, file: string, summary: SummaryOf<K>, result: ModelMcRunResult<K>, lang: Lang) => string;

export const CLI_REPORTS: { readonly [K in ModelId]: CliReport<K> } = {
  county: (s, file, summary, _result, lang) => renderModelReport(countyReport, { summary, scenarioName: s.name, scenarioFile: basename(file), lang }),
  evacuation: (s, file, summary, result, lang) =>
    renderModelReport(evacuationReport, {
      summary,
      scenarioName: s.name,
      scenarioFile: basename(file),
      lang,
      curves: evacCurves(result.layout, result.agg),
      roles: s.roles,
    }),
};
