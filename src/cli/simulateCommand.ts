import { accessSync, constants, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import { CSV_BOM, csvHeader, defaultChunkSize, mcLayout, summarize } from '../../engine/montecarlo/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { AtomicFileWriter } from '../../engine/node/atomicFileWriter.ts';
import { runMonteCarlo, type McRunResult } from '../../engine/node/runMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { renderReport, type ReportInput } from '../report/renderReport.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { evacSimulateCommand } from './evacSimulateCommand.ts';
import { loadAnyOrExit } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';
import { formatSummary } from './printSummary.ts';
import { parseSeed } from './runCommand.ts';

export interface SimulateOptions {
  trials: string;
  seed: string;
  workers?: string;
  chunk?: string;
  json?: string;
  csv?: string;
  untilSe?: string;
  report?: string;
}

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

/** Progress on stderr: a bar on a terminal, otherwise a line at most every second. */
export function progressReporter(total: number, lang: Lang) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: lang === 'zh' ? '模拟 [{bar}] {percentage}% | {value}/{total} 次 | 剩余 {eta_formatted}' : 'simulating [{bar}] {percentage}% | {value}/{total} trials | ETA {eta_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let last = -Infinity;
  return {
    update: (done: number) => {
      const now = performance.now();
      if (now - last < 1000 && done < total) return;
      last = now;
      process.stderr.write(msg(lang, 'simProgress', { done, total, pct: ((done / total) * 100).toFixed(0) }) + '\n');
    },
    stop: () => {},
  };
}

/**
 * Renders the HTML report (see `renderReport`) and writes it atomically; exits 2 if it cannot
 * be written. Returns its size and chart count for the closing message.
 */
export function writeReport(file: string, input: ReportInput): { kb: string; charts: number } {
  const html = renderReport(input);
  try {
    writeFileAtomic(resolve(file), html);
  } catch (e) {
    throw new CliExit(EXIT.badInput, msg(input.lang, 'cannotWrite', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  return { kb: (Buffer.byteLength(html, 'utf8') / 1024).toFixed(0), charts: html.split('<svg ').length - 1 };
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

  let csv: AtomicFileWriter | null = null;
  if (opts.csv) {
    try {
      csv = new AtomicFileWriter(resolve(opts.csv));
      csv.write(CSV_BOM + csvHeader(mcLayout(scenario)));
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
  let result: McRunResult;
  try {
    result = await runMonteCarlo({
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

  const summary = summarize(scenario, result.layout, result.agg, {
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
      reportInfo = writeReport(opts.report, { summary, scenarioName: scenario.name, scenarioFile: basename(file), lang });
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
  process.stdout.write(formatSummary(scenario, summary, lang) + '\n');
  process.stderr.write(msg(lang, 'simDone', { done: result.trials, secs }) + '\n');
  if (opts.json) process.stderr.write(msg(lang, 'jsonWritten', { file: opts.json }) + '\n');
  if (opts.csv) process.stderr.write(msg(lang, 'csvWritten', { file: opts.csv, rows: result.trials }) + '\n');
  if (opts.report && reportInfo) process.stderr.write(msg(lang, 'reportWritten', { file: opts.report, ...reportInfo }) + '\n');
  if (summary.partial) throw new CliExit(EXIT.interrupted, msg(lang, 'simPartial', { done: result.trials }));
}
