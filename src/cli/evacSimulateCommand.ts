import { basename } from 'node:path';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import type { EvacuationScenario } from '../../engine/evacuation/index.ts';
import { evacCsvHeader, evacMcLayout, summarizeEvac, type EvacMcSummary } from '../../engine/evacuation/montecarlo/index.ts';
import { runEvacMonteCarlo, type EvacMcRunResult } from '../../engine/node/runEvacMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { evacCurves } from '../report/evacuation/evacCurves.ts';
import { renderEvacReport } from '../report/evacuation/renderEvacReport.ts';
import { formatEvacSummary } from './printEvacSummary.ts';
import type { SimulateOptions } from './simulateOptions.ts';
import { runSimulate } from './simulateRun.ts';

/** What `simulate` has already parsed and checked when it finds a building scenario. */
export interface EvacSimulateInput {
  scenario: EvacuationScenario;
  /** the scenario file as given (its base name goes into the report) */
  file: string;
  text: string;
  trials: number;
  workers: number;
  chunkSize: number;
  untilSe: number | null;
  seed: number;
  opts: SimulateOptions;
  lang: Lang;
}

/**
 * `yanlian simulate` for a building scenario: the evacuation Monte Carlo (plan mode auto), printed
 * as tables, with `--json` (summary), `--csv` (one row per trial), `--until-se` and `--report`
 * (the evacuation HTML report, see `renderEvacReport`). Ctrl-C stops after the current chunk and
 * writes what is done, marked partial (exit 130).
 */
export async function evacSimulateCommand(x: EvacSimulateInput): Promise<void> {
  const { scenario, text, trials, workers, chunkSize, untilSe, seed, opts, lang } = x;
  await runSimulate<EvacMcRunResult, EvacMcSummary>({
    lang,
    trials,
    chunkSize,
    workers,
    files: opts,
    csvHeader: () => evacCsvHeader(evacMcLayout(scenario)),
    run: (hooks) => runEvacMonteCarlo({ scenario, master: seed, trials, chunkSize, workers, untilSe, ...hooks }),
    summarize: (result) =>
      summarizeEvac(scenario, result.layout, result.agg, {
        engineVersion: ENGINE_VERSION,
        scenarioSha256: sha256Hex(text),
        seed,
        ...(String(seed) !== opts.seed.trim() ? { seedInput: opts.seed } : {}),
        trialsRequested: trials,
        chunkSize,
        stoppedBy: result.stoppedBy,
        untilSe,
      }),
    format: (summary) => formatEvacSummary(scenario, summary, lang),
    report: (summary, result) =>
      renderEvacReport({
        summary,
        scenarioName: scenario.name,
        scenarioFile: basename(x.file),
        lang,
        curves: evacCurves(result.layout, result.agg),
        roles: scenario.roles,
      }),
  });
}
