import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import { MODELS } from '../../engine/model/models.ts';
import type { ManifestOf, ModelId } from '../../engine/model/modelTypes.ts';
import { parseJsonl, type LogProblem } from '../../engine/node/jsonl.ts';
import { manifestDifference } from '../../engine/node/manifestDifference.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadAnyOrExit, type Loaded } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';

/**
 * `yanlian replay OUT.jsonl [--scenario FILE]`: checks that the log is whole and unchanged (its
 * trailer's event count and SHA-256; exit 2 otherwise, naming the line), that its scenario file is
 * the one it names (SHA-256 of the bytes; exit 2), that every manifest field is what a run today
 * would write (engine version, horizon, scenario id … ; exit 1 naming the field), then re-runs
 * the trial (county) or the evacuation (building: its manifest's mode and decisions) and compares
 * every event byte for byte. Exit 0 when identical, 1 at the first difference.
 */
export function replayCommand(logFile: string, opts: { scenario?: string }, lang: Lang): void {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch (e) {
    throw new CliExit(EXIT.badInput, msg(lang, 'cannotRead', { file: logFile, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  const parsed = parseJsonl(text);
  if (!parsed.ok) throw new CliExit(EXIT.badInput, msg(lang, 'badLog', { file: logFile, line: parsed.line, reason: msg(lang, LOG_REASONS[parsed.reason], parsed.params) }));
  const { manifest, eventLines } = parsed;
  const scenarioFile = opts.scenario ?? resolve(dirname(resolve(logFile)), manifest.scenario.file ?? '');
  const loaded = loadAnyOrExit(scenarioFile, lang);
  // the text is the file's exact text (strict UTF-8, BOM kept): this is the SHA-256 of its bytes
  const actualHash = sha256Hex(loaded.text);
  if (actualHash !== manifest.scenario.sha256)
    throw new CliExit(
      EXIT.badInput,
      msg(lang, 'scenarioChanged', { file: scenarioFile, actual: actualHash.slice(0, 12), expected: manifest.scenario.sha256.slice(0, 12) }),
    );
  const events = rerun(loaded, manifest, actualHash, scenarioFile, lang);
  const n = Math.min(events.length, eventLines.length);
  for (let i = 0; i < n; i++) {
    const actual = JSON.stringify(events[i]);
    if (actual !== eventLines[i])
      throw new CliExit(EXIT.mismatch, msg(lang, 'replayDiff', { seq: i + 1, expected: eventLines[i]!, actual }));
  }
  if (events.length !== eventLines.length)
    throw new CliExit(EXIT.mismatch, msg(lang, 'replayLength', { expected: eventLines.length, actual: events.length }));
  process.stdout.write(msg(lang, 'replayOk', { events: events.length }) + '\n');
}

const LOG_REASONS = {
  empty: 'logEmpty',
  json: 'logJson',
  manifest: 'logManifest',
  trailer: 'logTrailer',
  count: 'logCount',
  hash: 'logHash',
} as const satisfies Record<LogProblem, Parameters<typeof msg>[1]>;

/**
 * Checks the logged manifest against the one `run --log` would write today for its inputs (the
 * scenario as loaded, the seed, the recorded mode and decisions, the scenario's path as logged) —
 * exit 1 naming the first field that differs — and re-runs it with the scenario's model.
 */
function rerun<K extends ModelId>(loaded: Loaded<K>, logged: { model?: unknown; seed: number; scenario: { file?: string } }, sha256: string, scenarioFile: string, lang: Lang) {
  const model = MODELS[loaded.model];
  if (!model.ownsManifest(logged)) throw new CliExit(EXIT.badInput, msg(lang, 'replayModel', { file: scenarioFile, model: loaded.model }));
  const played = model.playedOf(logged as ManifestOf<K>);
  const expected = model.manifest(loaded.scenario, { sha256, file: logged.scenario.file as string, seed: logged.seed, played });
  const diff = manifestDifference(logged, expected);
  if (diff)
    throw new CliExit(EXIT.mismatch, msg(lang, 'replayManifest', { field: diff.field, logged: shown(diff.logged, lang), expected: shown(diff.expected, lang) }));
  return model.run(loaded.scenario, logged.seed, { played, keepLog: true }).events;
}

/** A manifest value in a message: its JSON, cut at 80 characters; a missing field says so. */
function shown(v: unknown, lang: Lang): string {
  if (v === undefined) return msg(lang, 'fieldAbsent');
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
