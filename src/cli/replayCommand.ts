import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ENGINE_VERSION, runTrial, xstateMachines, type Lang, type Manifest } from '../../engine/index.ts';
import { runEvacuation } from '../../engine/evacuation/index.ts';
import { isEvacManifest, type EvacManifest } from '../../engine/node/evacManifest.ts';
import { parseJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadAnyOrExit } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';

/**
 * `yanlian replay OUT.jsonl [--scenario FILE]`: re-runs the trial (county) or the evacuation
 * (building: its manifest's mode and decisions) from the log's manifest and compares every event
 * byte for byte. Exit 0 when identical, 1 at the first difference.
 */
export function replayCommand(logFile: string, opts: { scenario?: string }, lang: Lang): void {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch (e) {
    throw new CliExit(EXIT.badInput, msg(lang, 'cannotRead', { file: logFile, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  const parsed = parseJsonl(text);
  if (!parsed.ok) throw new CliExit(EXIT.badInput, msg(lang, 'badLog', { file: logFile, line: parsed.line, reason: parsed.reason }));
  const { manifest, eventLines } = parsed;
  const scenarioFile = opts.scenario ?? resolve(dirname(resolve(logFile)), manifest.scenario.file ?? '');
  const loaded = loadAnyOrExit(scenarioFile, lang);
  const scenarioText = loaded.text;
  const actualHash = sha256Hex(scenarioText);
  if (actualHash !== manifest.scenario.sha256)
    throw new CliExit(
      EXIT.badInput,
      msg(lang, 'scenarioChanged', { file: scenarioFile, actual: actualHash.slice(0, 12), expected: manifest.scenario.sha256.slice(0, 12) }),
    );
  if (manifest.engineVersion !== ENGINE_VERSION)
    process.stderr.write(msg(lang, 'engineChanged', { logged: manifest.engineVersion, current: ENGINE_VERSION }) + '\n');
  if (isEvacManifest(manifest) !== (loaded.model === 'evacuation'))
    throw new CliExit(EXIT.badInput, msg(lang, 'replayModel', { file: scenarioFile, model: loaded.model }));
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
