import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ENGINE_VERSION, runTrial, xstateMachines, type Lang, type Manifest } from '../../engine/index.ts';
import { runEvacuation } from '../../engine/evacuation/index.ts';
import { evacManifest, isEvacManifest, type EvacManifest } from '../../engine/node/evacManifest.ts';
import { parseJsonl, type LogProblem } from '../../engine/node/jsonl.ts';
import { manifestDifference } from '../../engine/node/manifestDifference.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadAnyOrExit, type AnyLoaded } from './loadAnyOrExit.ts';
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
  if (isEvacManifest(manifest) !== (loaded.model === 'evacuation'))
    throw new CliExit(EXIT.badInput, msg(lang, 'replayModel', { file: scenarioFile, model: loaded.model }));
  const diff = manifestDifference(manifest, expectedManifest(manifest, loaded, actualHash));
  if (diff)
    throw new CliExit(EXIT.mismatch, msg(lang, 'replayManifest', { field: diff.field, logged: shown(diff.logged, lang), expected: shown(diff.expected, lang) }));
  const events =
    loaded.model === 'evacuation'
      ? runEvacuation(loaded.scenario, manifest.seed, { mode: (manifest as EvacManifest).mode ?? 'auto', decisions: (manifest as EvacManifest).decisions ?? [] }).log
      : runTrial(loaded.scenario, manifest.seed, xstateMachines, {
          mode: (manifest as Manifest).mode ?? 'auto',
          decisions: (manifest as Manifest).decisions ?? [],
        }).events;
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
 * The manifest `run --log` would write today for this log's inputs (seed, the scenario as loaded,
 * recorded mode and decisions, the scenario's path as logged): the county one as in
 * runCommand.ts, the building one by evacManifest.
 */
function expectedManifest(logged: Manifest | EvacManifest, loaded: AnyLoaded, sha256: string): Manifest | EvacManifest {
  const file = logged.scenario.file;
  if (loaded.model === 'evacuation') {
    const m = logged as EvacManifest;
    return evacManifest(loaded.scenario, sha256, file as string, m.seed, m.mode, m.decisions);
  }
  const m = logged as Manifest;
  const played = m.mode !== undefined || m.decisions !== undefined;
  return {
    type: 'manifest',
    engine: 'yanlian',
    engineVersion: ENGINE_VERSION,
    scenario: { id: loaded.scenario.id, sha256, ...(file === undefined ? {} : { file }) },
    seed: m.seed,
    horizonHours: loaded.scenario.horizonHours,
    ...(played ? { mode: m.mode, decisions: m.decisions } : {}),
  };
}

/** A manifest value in a message: its JSON, cut at 80 characters; a missing field says so. */
function shown(v: unknown, lang: Lang): string {
  if (v === undefined) return msg(lang, 'fieldAbsent');
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
