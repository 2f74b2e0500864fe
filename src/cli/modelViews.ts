import type { Lang } from '../../engine/index.ts';
import type { ModelRun } from '../../engine/model/model.ts';
import type { ModelId, ScenarioOf, SummaryOf } from '../../engine/model/modelTypes.ts';
import { hazardLine } from './hazardLine.ts';
import { formatEvacOutcome } from './printEvacOutcome.ts';
import { formatEvacSummary } from './printEvacSummary.ts';
import { formatOutcome } from './printOutcome.ts';
import { formatSummary } from './printSummary.ts';

/**
 * What the command line shows of a model's results: a run's outcome and a Monte Carlo summary as
 * text tables (the HTML report is modelReports.ts, loaded only for `--report`). One entry per registered model (engine/model/models.ts); the
 * commands look the model's entry up by id and never ask which model it is.
 */
export interface CliView<K extends ModelId> {
  formatOutcome(s: ScenarioOf<K>, run: ModelRun<K>, lang: Lang): string;
  formatSummary(s: ScenarioOf<K>, summary: SummaryOf<K>, lang: Lang): string;
}

export const CLI_VIEWS: { readonly [K in ModelId]: CliView<K> } = {
  county: {
    formatOutcome: (s, run, lang) => formatOutcome(s, run.outcome, lang, hazardLine(run.events, lang)),
    formatSummary,
  },
  evacuation: {
    formatOutcome: (s, run, lang) => formatEvacOutcome(s, run.outcome, lang),
    formatSummary: formatEvacSummary,
  },
};
