import { accessSync, constants, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ENGINE_VERSION, type Lang } from '../../engine/index.ts';
import { MODELS } from '../../engine/model/models.ts';
import type { ModelId, SummaryOf } from '../../engine/model/modelTypes.ts';
import { defaultChunkSize } from '../../engine/montecarlo/index.ts';
import { runModelMonteCarlo, type ModelMcRunResult } from '../../engine/node/runModelMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadAnyOrExit, type Loaded } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';
import { CLI_VIEWS } from './modelViews.ts';
import { parseSeed } from './parseSeed.ts';
import type { SimulateOptions } from './simulateOptions.ts';
import type { QueueTarget } from '../queue/queueUrl.ts';
import { runSimulate } from './simulateRun.ts';

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
 * `yanlian simulate FILE --trials N --seed S [--workers W] [--chunk C] [--json OUT] [--csv OUT]
 * [--until-se X] [--report OUT.html]`: a seeded Monte Carlo of the scenario, printed as tables; Ctrl-C stops after
 * the current chunk and writes what is done, marked partial (exit 130).
 */
export async function simulateCommand(file: string, opts: SimulateOptions, lang: Lang): Promise<void> {
  const trials = parseInteger('--trials', opts.trials, SIMULATE_LIMITS.trials, lang);
  const workers = opts.workers === undefined ? defaultWorkers(trials) : parseInteger('--workers', opts.workers, SIMULATE_LIMITS.workers, lang);
  const queue = opts.queue === undefined && opts.shardSize === undefined ? null : (await import('../queue/queueOptions.ts')).queueOptionsOrExit(opts, lang);
  const chunkSize = queue && opts.shardSize !== undefined ? parseInteger('--shard-size', opts.shardSize, SIMULATE_LIMITS.chunk, lang) : opts.chunk === undefined ? defaultChunkSize(trials) : parseInteger('--chunk', opts.chunk, SIMULATE_LIMITS.chunk, lang);
  const untilSe = opts.untilSe === undefined ? null : parseUntilSe(opts.untilSe, lang);
  const seed = parseSeed(opts.seed, lang);
  if (opts.json) checkWritable(opts.json, lang);
  if (opts.csv) checkWritable(opts.csv, lang);
  if (opts.report) checkWritable(opts.report, lang);
  const loaded = loadAnyOrExit(file, lang);
  await simulateLoaded(loaded, file, { trials, workers, chunkSize, untilSe, seed, queue }, opts, lang);
}

/**
 * The Monte Carlo of a loaded scenario of any model: run on the chunk pool, summarised, printed
 * and reported through the model's kit (engine/model) and its view (modelViews.ts).
 */
async function simulateLoaded<K extends ModelId>(
  loaded: Loaded<K>,
  file: string,
  run: { trials: number; workers: number; chunkSize: number; untilSe: number | null; seed: number; queue: QueueTarget | null },
  opts: SimulateOptions,
  lang: Lang,
): Promise<void> {
  const { scenario, text } = loaded;
  const { trials, workers, chunkSize, untilSe, seed, queue } = run;
  // with --queue the shards run on BullMQ workers (src/queue), merged exactly as the local pool merges chunks
  const onQueue = queue ? (await import('../queue/queueCoordinator.ts')).runQueueMonteCarlo : null;
  const mc = MODELS[loaded.model].mc;
  const view = CLI_VIEWS[loaded.model];
  // the report renderers load ECharts: only when a report is asked for
  const report = opts.report ? (await import('./modelReports.ts')).CLI_REPORTS[loaded.model] : null;
  await runSimulate<ModelMcRunResult<K>, SummaryOf<K>>({
    lang,
    trials,
    chunkSize,
    workers,
    ownStartLine: queue !== null,
    files: opts,
    csvHeader: () => mc.csvHeader(mc.layout(scenario)),
    run: (hooks) =>
      queue && onQueue
        ? onQueue(loaded.model, scenario, { master: seed, trials, chunkSize, untilSe, ...hooks, target: queue, lang, scenarioText: text })
        : runModelMonteCarlo(loaded.model, scenario, { master: seed, trials, chunkSize, workers, untilSe, ...hooks }),
    summarize: (result) =>
      mc.summarize(scenario, result.layout, result.agg, {
        engineVersion: ENGINE_VERSION,
        scenarioSha256: sha256Hex(text),
        seed,
        ...(String(seed) !== opts.seed.trim() ? { seedInput: opts.seed } : {}),
        trialsRequested: trials,
        chunkSize,
        stoppedBy: result.stoppedBy,
        untilSe,
      }),
    format: (summary) => view.formatSummary(scenario, summary, lang),
    report: (summary, result) => report!(scenario, file, summary, result, lang),
  });
}
