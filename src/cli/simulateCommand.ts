import { accessSync, constants, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import { csvHeader, defaultChunkSize, mcLayout, summarize, type McSummary } from '../../engine/montecarlo/index.ts';
import { runMonteCarlo, type McRunResult } from '../../engine/node/runMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { renderReport, type ReportInput } from '../report/renderReport.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { evacSimulateCommand } from './evacSimulateCommand.ts';
import { loadAnyOrExit } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';
import { formatSummary } from './printSummary.ts';
import { parseSeed } from './parseSeed.ts';
import type { SimulateOptions } from './simulateOptions.ts';
import { runSimulate, writeHtml } from './simulateRun.ts';

export { progressReporter } from './progressReporter.ts';

export type { SimulateOptions } from './simulateOptions.ts';

/** Limits of the numeric options (inclusive). */
export const SIMULATE_LIMITS = { trials: [1, 1_000_000_000], workers: [1, 64], chunk: [1, 1_000_000] } as const;

/**
 * Worker threads when --workers is not given: one (in this thread) below 2,000 trials, where a
 * worker's start-up (about 2 s: it loads the engine through tsx) outweighs the gain; else one per
 * CPU core. The results are the same either way.
 */
export function defaultWorkers(trials: number): number {
  return trials < 2000 ? 1 : Math.min(availableParallelism(), SIMULATE_LIMITS.workers[1]);
}

/** Parses a whole-number option within [min, max]; exits 2 naming the option otherwise. */
export function parseInteger(option: string, raw: string, [min, max]: readonly [number, number], lang: Lang): number {
  const v = raw.trim();
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new CliExit(EXIT.badInput, msg(lang, 'badInteger', { option, min, max, value: raw }));
  return n;
}

function parseUntilSe(raw: string, lang: Lang): number {
  const v = raw.trim();
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || !(n > 0) || n > 0.5) throw new CliExit(EXIT.badInput, msg(lang, 'badUntilSe', { value: raw }));
  return n;
}

/** Fails early (exit 2) if a result file could not be written, rather than after the run. */
export function checkWritable(file: string, lang: Lang): void {
  const dir = dirname(resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}

/**
 * Renders the HTML report (see `renderReport`) and writes it atomically; exits 2 if it cannot
 * be written. Returns its size and chart count for the closing message.
 */
export function writeReport(file: string, input: ReportInput): { kb: string; charts: number } {
  return writeHtml(file, renderReport(input), input.lang);
}

/**
 * `yanlian simulate FILE --trials N --seed S [--workers W] [--chunk C] [--json OUT] [--csv OUT]
 * [--until-se X] [--report OUT.html]`: a seeded Monte Carlo of the scenario, printed as tables; Ctrl-C stops after
 * the current chunk and writes what is done, marked partial (exit 130).
 */
export async function simulateCommand(file: string, opts: SimulateOptions, lang: Lang): Promise<void> {
  const trials = parseInteger('--trials', opts.trials, SIMULATE_LIMITS.trials, lang);
  const workers = opts.workers === undefined ? defaultWorkers(trials) : parseInteger('--workers', opts.workers, SIMULATE_LIMITS.workers, lang);
  const chunkSize = opts.chunk === undefined ? defaultChunkSize(trials) : parseInteger('--chunk', opts.chunk, SIMULATE_LIMITS.chunk, lang);
  const untilSe = opts.untilSe === undefined ? null : parseUntilSe(opts.untilSe, lang);
  const seed = parseSeed(opts.seed, lang);
  if (opts.json) checkWritable(opts.json, lang);
  if (opts.csv) checkWritable(opts.csv, lang);
  if (opts.report) checkWritable(opts.report, lang);
  const loaded = loadAnyOrExit(file, lang);
  if (loaded.model === 'evacuation')
    return evacSimulateCommand({ scenario: loaded.scenario, file, text: loaded.text, trials, workers, chunkSize, untilSe, seed, opts, lang });
  const { scenario, text } = loaded;
  await runSimulate<McRunResult, McSummary>({
    lang,
    trials,
    chunkSize,
    workers,
    files: opts,
    csvHeader: () => csvHeader(mcLayout(scenario)),
    run: (hooks) => runMonteCarlo({ scenario, master: seed, trials, chunkSize, workers, untilSe, ...hooks }),
    summarize: (result) =>
      summarize(scenario, result.layout, result.agg, {
        engineVersion: ENGINE_VERSION,
        scenarioSha256: sha256Hex(text),
        seed,
        ...(String(seed) !== opts.seed.trim() ? { seedInput: opts.seed } : {}),
        trialsRequested: trials,
        chunkSize,
        stoppedBy: result.stoppedBy,
        untilSe,
      }),
    format: (summary) => formatSummary(scenario, summary, lang),
    report: (summary) => renderReport({ summary, scenarioName: scenario.name, scenarioFile: basename(file), lang }),
  });
}
