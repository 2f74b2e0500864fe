import { dirname, relative, resolve } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import { runEvacuation, type EvacMode, type EvacuationScenario, type TimedEvacDecision } from '../../engine/evacuation/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { evacManifest } from '../../engine/node/evacManifest.ts';
import { toJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';
import { formatEvacOutcome } from './printEvacOutcome.ts';
import { decisionsLine } from './decisionsLine.ts';

/**
 * `yanlian run FILE --seed S [--log OUT.jsonl] [--json]` for a building scenario: one evacuation
 * in plan mode `auto`, or with a drill's recorded decisions (`--decisions`, manual by default); the log is manifest (model evacuation, seconds) + events + trailer, written
 * atomically, and `yanlian replay` re-runs it.
 */
export function evacRunCommand(
  file: string,
  scenario: EvacuationScenario,
  text: string,
  seed: number,
  opts: { log?: string; json?: boolean },
  lang: Lang,
  recorded?: { mode: EvacMode; decisions: TimedEvacDecision[] },
): void {
  const { outcome, log } = runEvacuation(scenario, seed, { keepLog: opts.log !== undefined || recorded !== undefined, ...(recorded ?? {}) });
  if (opts.log) {
    const logPath = resolve(opts.log);
    const manifest = evacManifest(scenario, sha256Hex(text), relative(dirname(logPath), resolve(file)), seed, recorded?.mode, recorded?.decisions);
    try {
      writeFileAtomic(logPath, toJsonl(manifest, log));
    } catch (e) {
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.log, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  if (opts.json) process.stdout.write(JSON.stringify(outcome, null, 2) + '\n');
  else process.stdout.write(formatEvacOutcome(scenario, outcome, lang) + '\n');
  if (recorded) process.stderr.write(decisionsLine(log, lang) + '\n');
  if (opts.log) process.stderr.write(msg(lang, 'logWritten', { file: opts.log, events: log.length }) + '\n');
}
