import { resolve } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import { CSV_BOM } from '../../engine/montecarlo/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { AtomicFileWriter } from '../../engine/node/atomicFileWriter.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';
import { progressReporter } from './progressReporter.ts';

/** What a Monte Carlo runner is handed by `runSimulate`: whether to collect CSV lines, Ctrl-C, progress. */
export interface SimulateHooks {
  withCsv: boolean;
  shouldStop: () => boolean;
  onChunk: (info: { trialsDone: number; csv: string | null }) => void;
}

/** One model's `simulate`: how to run it, summarise it, print it and draw its report. */
export interface SimulateRun<R extends { trials: number }, S extends { partial: boolean }> {
  lang: Lang;
  trials: number;
  chunkSize: number;
  workers: number;
  /** the run prints its own start line (the queue coordinator: shards, queue, run id) */
  ownStartLine?: boolean;
  /** --json, --csv, --report as given (already checked writable) */
  files: { json?: string; csv?: string; report?: string };
  csvHeader: () => string;
  run: (hooks: SimulateHooks) => Promise<R>;
  summarize: (result: R) => S;
  format: (summary: S) => string;
  /** renders the HTML report of this run */
  report: (summary: S, result: R) => string;
}

/**
 * The part of `yanlian simulate` both models share: the CSV (written as trials finish, committed
 * only at the end), progress on stderr, Ctrl-C (the first stops after the current chunk and
 * writes what is done, marked partial, exit 130; the second aborts and writes nothing), the
 * summary JSON, the HTML report — each written atomically, exit 2 if one cannot be — then the
 * tables on stdout.
 */
export async function runSimulate<R extends { trials: number }, S extends { partial: boolean }>(x: SimulateRun<R, S>): Promise<void> {
  const { lang, trials, chunkSize, workers, files } = x;
  let csv: AtomicFileWriter | null = null;
  if (files.csv) {
    try {
      csv = new AtomicFileWriter(resolve(files.csv));
      csv.write(CSV_BOM + x.csvHeader());
    } catch (e) {
      csv?.abort();
      throw cannotWrite(files.csv, e, lang);
    }
  }
  if (!x.ownStartLine) process.stderr.write(msg(lang, 'simStart', { trials, chunk: chunkSize, workers }) + '\n');
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
  let result: R;
  try {
    result = await x.run({
      withCsv: csv !== null,
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
  const summary = x.summarize(result);
  if (files.json) {
    try {
      writeFileAtomic(resolve(files.json), JSON.stringify(summary, null, 2) + '\n');
    } catch (e) {
      csv?.abort();
      throw cannotWrite(files.json, e, lang);
    }
  }
  let reportInfo: { kb: string; charts: number } | null = null;
  if (files.report) {
    try {
      reportInfo = writeHtml(files.report, x.report(summary, result), lang);
    } catch (e) {
      csv?.abort();
      throw e;
    }
  }
  if (csv) {
    try {
      csv.commit();
    } catch (e) {
      throw cannotWrite(files.csv!, e, lang);
    }
  }
  process.stdout.write(x.format(summary) + '\n');
  process.stderr.write(msg(lang, 'simDone', { done: result.trials, secs }) + '\n');
  if (files.json) process.stderr.write(msg(lang, 'jsonWritten', { file: files.json }) + '\n');
  if (files.csv) process.stderr.write(msg(lang, 'csvWritten', { file: files.csv, rows: result.trials }) + '\n');
  if (files.report && reportInfo) process.stderr.write(msg(lang, 'reportWritten', { file: files.report, ...reportInfo }) + '\n');
  if (summary.partial) throw new CliExit(EXIT.interrupted, msg(lang, 'simPartial', { done: result.trials }));
}

/**
 * Writes a rendered HTML report atomically; exits 2 if it cannot be written. Returns its size
 * (KB) and chart count for the closing message.
 */
export function writeHtml(file: string, html: string, lang: Lang): { kb: string; charts: number } {
  try {
    writeFileAtomic(resolve(file), html);
  } catch (e) {
    throw cannotWrite(file, e, lang);
  }
  return { kb: (Buffer.byteLength(html, 'utf8') / 1024).toFixed(0), charts: html.split('<svg ').length - 1 };
}

function cannotWrite(file: string, e: unknown, lang: Lang): CliExit {
  return new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
}
