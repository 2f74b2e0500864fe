import { dirname, relative, resolve } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import type { Played } from '../../engine/model/model.ts';
import { MODELS } from '../../engine/model/models.ts';
import type { ModelId } from '../../engine/model/modelTypes.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { toJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadDecisionsOrExit, type DecisionsFile } from './decisionsFile.ts';
import { decisionsLine } from './decisionsLine.ts';
import { loadAnyOrExit, type Loaded } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';
import { CLI_VIEWS } from './modelViews.ts';
import { parseSeed } from './parseSeed.ts';

export interface RunOptions {
  seed: string;
  log?: string;
  json?: boolean;
  decisions?: string;
}

/**
 * `yanlian run FILE --seed S [--log OUT.jsonl] [--json] [--decisions DRILL.yaml]`: one run of a
 * scenario of any model, a readable outcome. With `--decisions`, a drill's recorded decisions
 * are played (manual mode by default: only they act) and kept in the log's manifest, so `replay`
 * repeats them. The log (manifest, events, trailer) is written atomically.
 */
export function runCommand(file: string, opts: RunOptions, lang: Lang): void {
  const loaded = loadAnyOrExit(file, lang);
  const seed = parseSeed(opts.seed, lang);
  const recorded = opts.decisions === undefined ? undefined : loadDecisionsOrExit(opts.decisions, loaded, lang);
  runLoaded(file, loaded, seed, recorded, opts, lang);
}

function runLoaded<K extends ModelId>(file: string, loaded: Loaded<K>, seed: number, recorded: DecisionsFile | undefined, opts: RunOptions, lang: Lang): void {
  const model = MODELS[loaded.model];
  // the decisions file was checked against this scenario, so it is this model's
  const played = recorded as Played<K> | undefined;
  const run = model.run(loaded.scenario, seed, { played, keepLog: true });
  if (opts.log) {
    const logPath = resolve(opts.log);
    const manifest = model.manifest(loaded.scenario, { sha256: sha256Hex(loaded.text), file: relative(dirname(logPath), resolve(file)), seed, played });
    try {
      writeFileAtomic(logPath, toJsonl(manifest, run.events));
    } catch (e) {
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.log, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  if (opts.json) process.stdout.write(JSON.stringify(run.outcome, null, 2) + '\n');
  else process.stdout.write(CLI_VIEWS[loaded.model].formatOutcome(loaded.scenario, run, lang) + '\n');
  if (played) process.stderr.write(decisionsLine(run.events, lang) + '\n');
  if (opts.log) process.stderr.write(msg(lang, 'logWritten', { file: opts.log, events: run.events.length }) + '\n');
}
