import { basename, resolve } from 'node:path';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import type { EvacuationScenario } from '../../engine/evacuation/index.ts';
import { evacCsvHeader, evacMcLayout, summarizeEvac } from '../../engine/evacuation/montecarlo/index.ts';
import { CSV_BOM } from '../../engine/montecarlo/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { AtomicFileWriter } from '../../engine/node/atomicFileWriter.ts';
import { runEvacMonteCarlo, type EvacMcRunResult } from '../../engine/node/runEvacMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { evacCurves } from '../report/evacuation/evacCurves.ts';
import { renderEvacReport, type EvacReportInput } from '../report/evacuation/renderEvacReport.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';
import { formatEvacSummary } from './printEvacSummary.ts';
import { progressReporter, type SimulateOptions } from './simulateCommand.ts';

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
 * Renders the evacuation HTML report and writes it atomically (as `writeReport` does for the
 * county one); exits 2 if it cannot be written. Returns its size and chart count.
 */
export function writeEvacReport(file: string, input: EvacReportInput): { kb: string; charts: number } {
  const html = renderEvacReport(input);
  try {
    writeFileAtomic(resolve(file), html);
  } catch (e) {
    throw new CliExit(EXIT.badInput, msg(input.lang, 'cannotWrite', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  return { kb: (Buffer.byteLength(html, 'utf8') / 1024).toFixed(0), charts: html.split('<svg ').length - 1 };
}

/**
 * `yanlian simulate` for a building scenario: the evacuation Monte Carlo (plan mode auto), printed
 * as tables, with `--json` (summary), `--csv` (one row per trial), `--until-se` and `--report`
 * (the evacuation HTML report, see `renderEvacReport`). Ctrl-C stops after the current chunk and
 * writes what is done, marked partial (exit 130).
 */
export async function evacSimulateCommand(x: EvacSimulateInput): Promise<void> {
  const { scenario, text, trials, workers, chunkSize, untilSe, seed, opts, lang } = x;
  let csv: AtomicFileWriter | null = null;
  if (opts.csv) {
    try {
      csv = new AtomicFileWriter(resolve(opts.csv));
      csv.write(CSV_BOM + evacCsvHeader(evacMcLayout(scenario)));
    } catch (e) {
      csv?.abort();
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.csv, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  process.stderr.write(msg(lang, 'simStart', { trials, chunk: chunkSize, workers }) + '\n');
  const progress = progressReporter(trials, lang);
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) {
      csv?.abort();
      process.exit(EXIT.interrupted);
    }
    interrupted = true;
    progress.stop();
    process.stderr.write('\n' + msg(lang, 'simInterrupt') + '\n');
  };
  process.on('SIGINT', onSigint);
  const t0 = performance.now();
  let result: EvacMcRunResult;
  try {
    result = await runEvacMonteCarlo({
      scenario,
      master: seed,
      trials,
      chunkSize,
      workers,
      withCsv: csv !== null,
      untilSe,
      shouldStop: () => interrupted,
      onChunk: ({ trialsDone, csv: lines }) => {
        if (lines) csv!.write(lines);
        if (!interrupted) progress.update(trialsDone);
      },
    });
  } catch (e) {
    csv?.abort();
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    progress.stop();
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const summary = summarizeEvac(scenario, result.layout, result.agg, {
    engineVersion: ENGINE_VERSION,
    scenarioSha256: sha256Hex(text),
    seed,
    ...(String(seed) !== opts.seed.trim() ? { seedInput: opts.seed } : {}),
    trialsRequested: trials,
    chunkSize,
    stoppedBy: result.stoppedBy,
    untilSe,
  });
  if (opts.json) {
    try {
      writeFileAtomic(resolve(opts.json), JSON.stringify(summary, null, 2) + '\n');
    } catch (e) {
      csv?.abort();
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.json, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  let reportInfo: { kb: string; charts: number } | null = null;
  if (opts.report) {
    try {
      reportInfo = writeEvacReport(opts.report, {
        summary,
        scenarioName: scenario.name,
        scenarioFile: basename(x.file),
        lang,
        curves: evacCurves(result.layout, result.agg),
        roles: scenario.roles,
      });
    } catch (e) {
      csv?.abort();
      throw e;
    }
  }
  if (csv) {
    try {
      csv.commit();
    } catch (e) {
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.csv!, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  process.stdout.write(formatEvacSummary(scenario, summary, lang) + '\n');
  process.stderr.write(msg(lang, 'simDone', { done: result.trials, secs }) + '\n');
  if (opts.json) process.stderr.write(msg(lang, 'jsonWritten', { file: opts.json }) + '\n');
  if (opts.csv) process.stderr.write(msg(lang, 'csvWritten', { file: opts.csv, rows: result.trials }) + '\n');
  if (opts.report && reportInfo) process.stderr.write(msg(lang, 'reportWritten', { file: opts.report, ...reportInfo }) + '\n');
  if (summary.partial) throw new CliExit(EXIT.interrupted, msg(lang, 'simPartial', { done: result.trials }));
}
