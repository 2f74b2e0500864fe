import { relative, dirname, resolve } from 'node:path';
import { ENGINE_VERSION, runTrial, xstateMachines, type Lang, type LogEvent, type Manifest } from '../../engine/index.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { toJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadDecisionsOrExit, type DecisionsFile } from './decisionsFile.ts';
import { decisionsLine } from './decisionsLine.ts';
import { evacRunCommand } from './evacRunCommand.ts';
import { loadAnyOrExit } from './loadAnyOrExit.ts';
import { msg } from './messages.ts';
import { parseSeed } from './parseSeed.ts';
import { formatOutcome } from './printOutcome.ts';

/**
 * `yanlian run FILE --seed S [--log OUT.jsonl] [--json] [--decisions DRILL.yaml]`: one trial, a
 * readable outcome. With `--decisions`, a drill's recorded decisions are played (manual mode by
 * default: only they act) and kept in the log's manifest, so `replay` repeats them.
 */
export function runCommand(file: string, opts: { seed: string; log?: string; json?: boolean; decisions?: string }, lang: Lang): void {
  const loaded = loadAnyOrExit(file, lang);
  const seed = parseSeed(opts.seed, lang);
  const recorded = opts.decisions === undefined ? undefined : loadDecisionsOrExit(opts.decisions, loaded, lang);
  if (loaded.model === 'evacuation')
    return evacRunCommand(file, loaded.scenario, loaded.text, seed, opts, lang, recorded?.model === 'evacuation' ? recorded : undefined);
  const { scenario, text } = loaded;
  const played = recorded?.model === 'county' ? recorded : undefined;
  const { events, outcome } = runTrial(scenario, seed, xstateMachines, played ? { mode: played.mode, decisions: played.decisions } : {});
  if (opts.log) {
    const logPath = resolve(opts.log);
    const manifest: Manifest = {
      type: 'manifest',
      engine: 'yanlian',
      engineVersion: ENGINE_VERSION,
      scenario: { id: scenario.id, sha256: sha256Hex(text), file: relative(dirname(logPath), resolve(file)) },
      seed,
      horizonHours: scenario.horizonHours,
      ...(played ? { mode: played.mode, decisions: played.decisions } : {}),
    };
    try {
      writeFileAtomic(logPath, toJsonl(manifest, events));
    } catch (e) {
      throw new CliExit(EXIT.badInput, msg(lang, 'cannotWrite', { file: opts.log, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  if (opts.json) process.stdout.write(JSON.stringify(outcome, null, 2) + '\n');
  else process.stdout.write(formatOutcome(scenario, outcome, lang, hazardLine(events, lang)) + '\n');
  if (played) process.stderr.write(decisionsLine(events, lang) + '\n');
  if (opts.log) process.stderr.write(msg(lang, 'logWritten', { file: opts.log, events: events.length }) + '\n');
}

export type { DecisionsFile };

function hazardLine(events: readonly LogEvent[], lang: Lang): string {
  const h = events.find((e) => e.type === 'hazard.drawn');
  if (!h) return '';
  if (h.kind === 'rainstorm')
    return lang === 'zh'
      ? `灾害：暴雨，第 ${h.onsetHour} 小时开始，持续 ${h.durationHours} 小时，峰值雨强 ${Number(h.peakMmPerHour).toFixed(1)} mm/h`
      : `Hazard: rainstorm from hour ${h.onsetHour}, lasting ${h.durationHours} h, peak ${Number(h.peakMmPerHour).toFixed(1)} mm/h`;
  if (h.kind === 'fireSeason') {
    const d = (h.dangerDays as number[]).join('/');
    return lang === 'zh'
      ? `灾害：森林火险期 ${h.days} 天，起火 ${h.ignitions} 次；火险等级1–5级天数 ${d}`
      : `Hazard: fire season of ${h.days} days, ${h.ignitions} ignitions; days at danger levels 1–5: ${d}`;
  }
  return lang === 'zh'
    ? `灾害：地震，第 ${Number(h.hour).toFixed(1)} 小时，震级 M${h.magnitude}`
    : `Hazard: earthquake at hour ${Number(h.hour).toFixed(1)}, magnitude ${h.magnitude}`;
}
