import { basename, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ENGINE_VERSION, formatProblem, loadScenario, type Lang, type Scenario } from '../../engine/index.ts';
import {
  applyOverride,
  defaultChunkSize,
  parseSweepParameter,
  summarize,
  SWEEP_METHODS,
  tornado,
  type McSummary,
  type McSweep,
  type OverrideChange,
  type OverrideError,
  type SweepParameter,
  type SweepParameterResult,
} from '../../engine/montecarlo/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { runMonteCarlo } from '../../engine/node/runMonteCarlo.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { locate } from '../../engine/scenario/locate.ts';
import { formatSweep } from '../report/formatSweep.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { modelIdOfFile } from './loadAnyOrExit.ts';
import { MODELS } from '../../engine/model/models.ts';
import { loadOrExit } from './loadOrExit.ts';
import { msg } from './messages.ts';
import { parseSeed } from './parseSeed.ts';
import { checkWritable, defaultWorkers, parseInteger, progressReporter, SIMULATE_LIMITS } from './simulateCommand.ts';
import { writeHtml } from './simulateRun.ts';

export interface SweepOptions {
  /** repeated `--set path=v1,v2,…` */
  set?: string[];
  trials: string;
  seed: string;
  workers?: string;
  chunk?: string;
  json?: string;
  report?: string;
  /** redis://…: every run's trials as shards on the BullMQ queue (src/queue) */
  queue?: string;
  shardSize?: string;
}

/** One run of the sweep: the scenario it runs and what was changed to get it. */
interface Variant {
  param: SweepParameter;
  value: string;
  changes: OverrideChange[];
  scenario: Scenario;
  /** the text it was loaded from (queue workers load the same) */
  text: string;
}

const overrideExit = (e: OverrideError, lang: Lang) => new CliExit(EXIT.badInput, msg(lang, e.key, e.params));

/**
 * Builds every run of the sweep before any is started, so that a bad path or value stops the
 * command at once (exit 2): each value is applied to a deep copy of the parsed file and the
 * result goes through the real loader; its problems are located in the original file.
 */
function prepareVariants(file: string, text: string, params: SweepParameter[], lang: Lang): Variant[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const raw = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const variants: Variant[] = [];
  for (const param of params)
    for (const value of param.values) {
      const applied = applyOverride(raw, param, value);
      if (!applied.ok) throw overrideExit(applied.error, lang);
      // JSON is YAML 1.2, so the loader reads the modified document exactly as it reads files
      const json = JSON.stringify(applied.value.doc);
      const r = loadScenario(json, file, lang);
      if (!r.ok) {
        const errors = r.problems.filter((p) => p.severity === 'error');
        for (const p of errors) process.stderr.write(formatProblem({ ...p, ...locate(doc, lines, p.path) }) + '\n');
        throw new CliExit(EXIT.badInput, msg(lang, 'sweepInvalid', { file, path: param.pathText, value: value.text, count: errors.length }));
      }
      variants.push({ param, value: value.text, changes: applied.value.changes, scenario: r.scenario, text: json });
    }
  return variants;
}

/**
 * `yanlian sweep FILE --set path=v1,v2,… [--set …] --trials N --seed S [--workers W] [--chunk C]
 * [--json OUT] [--report OUT.html]`: runs the base scenario and, one parameter value at a time,
 * the scenario with that value, every run with the same master seed and trial count (common
 * random numbers: trial i has the same seed in every run); prints a comparison table per
 * headline estimate and the tornado table. Ctrl-C stops at once and writes nothing.
 */
export async function sweepCommand(file: string, opts: SweepOptions, lang: Lang): Promise<void> {
  // only the county model offers sweeps so far (engine/model: supports.sweep)
  if (!MODELS[modelIdOfFile(file)].supports.sweep) throw new CliExit(EXIT.badInput, msg(lang, 'evacNoSweep', { file }));
  const trials = parseInteger('--trials', opts.trials, SIMULATE_LIMITS.trials, lang);
  const workers = opts.workers === undefined ? defaultWorkers(trials) : parseInteger('--workers', opts.workers, SIMULATE_LIMITS.workers, lang);
  const queue = opts.queue === undefined && opts.shardSize === undefined ? null : (await import('../queue/queueOptions.ts')).queueOptionsOrExit(opts, lang);
  const chunkSize =
    queue && opts.shardSize !== undefined
      ? parseInteger('--shard-size', opts.shardSize, SIMULATE_LIMITS.chunk, lang)
      : opts.chunk === undefined
        ? defaultChunkSize(trials)
        : parseInteger('--chunk', opts.chunk, SIMULATE_LIMITS.chunk, lang);
  const onQueue = queue ? (await import('../queue/queueCoordinator.ts')).runQueueMonteCarlo : null;
  const seed = parseSeed(opts.seed, lang);
  const sets = opts.set ?? [];
  if (sets.length === 0) throw new CliExit(EXIT.badInput, msg(lang, 'sweepNeedsSet'));
  const params = sets.map((s) => {
    const p = parseSweepParameter(s);
    if (!p.ok) throw overrideExit(p.error, lang);
    return p.value;
  });
  if (opts.json) checkWritable(opts.json, lang);
  if (opts.report) checkWritable(opts.report, lang);
  const { scenario, text } = loadOrExit(file, lang);
  const variants = prepareVariants(file, text, params, lang);

  const sha = sha256Hex(text);
  const seedInput = String(seed) !== opts.seed.trim() ? { seedInput: opts.seed } : {};
  const runs = 1 + variants.length;
  process.stderr.write(msg(lang, 'sweepStart', { params: params.length, runs, trials, seed }) + '\n');
  let n = 0;
  const run = async (s: Scenario, scenarioText: string, label: string): Promise<McSummary> => {
    process.stderr.write(msg(lang, 'sweepRun', { i: ++n, n: runs, label }) + '\n');
    const progress = progressReporter(trials, lang);
    const t0 = performance.now();
    try {
      const onChunk = ({ trialsDone }: { trialsDone: number }) => progress.update(trialsDone);
      const result =
        queue && onQueue
          ? await onQueue('county', s, { master: seed, trials, chunkSize, onChunk, target: queue, lang, scenarioText })
          : await runMonteCarlo({ scenario: s, master: seed, trials, chunkSize, workers, onChunk });
      // every summary records the base file: the run's changes are listed beside it
      return summarize(s, result.layout, result.agg, {
        engineVersion: ENGINE_VERSION,
        scenarioSha256: sha,
        seed,
        ...seedInput,
        trialsRequested: trials,
        chunkSize,
        stoppedBy: result.stoppedBy,
        untilSe: null,
      });
    } finally {
      progress.stop();
      process.stderr.write(msg(lang, 'sweepRunDone', { secs: ((performance.now() - t0) / 1000).toFixed(1) }) + '\n');
    }
  };

  const base = await run(scenario, text, lang === 'zh' ? '基准' : 'base');
  const parameters: SweepParameterResult[] = params.map((p) => ({ set: p.text, path: p.pathText, runs: [] }));
  for (const v of variants) {
    const summary = await run(v.scenario, v.text, `${v.param.pathText}=${v.value}`);
    parameters[params.indexOf(v.param)]!.runs.push({ value: v.value, changes: v.changes, summary });
  }
  const sweep: McSweep = {
    format: 'yanlian-mc-sweep',
    formatVersion: 1,
    engineVersion: ENGINE_VERSION,
    scenario: { id: scenario.id, sha256: sha },
    seed,
    ...seedInput,
    trials,
    methods: SWEEP_METHODS,
    base,
    parameters,
    tornado: tornado(base, parameters),
  };

  if (opts.json) {
    try {
      writeFileAtomic(resolve(opts.json), JSON.stringify(sweep, null, 2) + '\n');
    } catch (e) {
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.json, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  // the report loads ECharts: only when one is asked for
  const report = opts.report
    ? writeHtml(opts.report, (await import('../report/renderReport.ts')).renderReport({ summary: base, scenarioName: scenario.name, scenarioFile: basename(file), lang, sweep }), lang)
    : null;
  process.stdout.write(formatSweep(sweep, scenario.name, lang) + '\n');
  if (opts.json) process.stderr.write(msg(lang, 'sweepWritten', { file: opts.json }) + '\n');
  if (opts.report && report) process.stderr.write(msg(lang, 'reportWritten', { file: opts.report, ...report }) + '\n');
}
