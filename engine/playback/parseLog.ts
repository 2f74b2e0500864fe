import { sha256 } from '../drill/sha256.ts';
import type { LogEvent } from '../sim/eventLog.ts';

/** The manifest fields the playback reads (county `Manifest` or building `EvacManifest`). */
export interface PlaybackManifest {
  type: 'manifest';
  engine: 'yanlian';
  engineVersion: string;
  model?: 'evacuation';
  /** set by `run --decisions`: the run's policy mode (county logs) */
  mode?: 'auto' | 'manual';
  scenario: { id: string; sha256: string; file?: string };
  seed: number;
  horizonHours?: number;
  horizonS?: number;
}

export type LogProblemCode = 'empty' | 'json' | 'manifest' | 'event' | 'order' | 'truncated' | 'count' | 'hash';

/** Why a log cannot be played, at which line (1-based), in both languages. */
export interface LogProblem {
  line: number;
  code: LogProblemCode;
  zh: string;
  en: string;
}

export type ParsedPlaybackLog = { ok: true; manifest: PlaybackManifest; events: LogEvent[]; model: 'county' | 'building' } | { ok: false; problem: LogProblem };

const fail = (line: number, code: LogProblemCode, zh: string, en: string): ParsedPlaybackLog => ({ ok: false, problem: { line, code, zh, en } });

/**
 * Reads a `yanlian run --log` JSON Lines file for playback, all or nothing: the manifest (line
 * 1), every event (an object with a whole `seq` counting up from 1, a finite `t` that never
 * decreases and a `type`), and the trailer (`{"type":"end"}`) whose count and SHA-256 of the
 * event lines must match — so a truncated or edited log is refused with the line and the
 * reason, and nothing of it is drawn. Pure (the SHA-256 is plain TypeScript).
 */
export function parsePlaybackLog(text: string): ParsedPlaybackLog {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  if (lines.length === 0 || (lines.length === 1 && lines[0]!.trim() === '')) return fail(1, 'empty', '文件是空的，不是演练日志', 'the file is empty, not a run log');
  let manifest: PlaybackManifest;
  try {
    manifest = JSON.parse(lines[0]!) as PlaybackManifest;
  } catch {
    return fail(1, 'json', '第 1 行不是 JSON：应为日志清单（manifest）', 'line 1 is not JSON: expected the log manifest');
  }
  if (!manifest || manifest.type !== 'manifest' || manifest.engine !== 'yanlian' || typeof manifest.scenario?.id !== 'string' || typeof manifest.scenario?.sha256 !== 'string')
    return fail(1, 'manifest', '第 1 行不是 yanlian 日志清单（缺少 type: manifest、engine: yanlian 或场景标识）', 'line 1 is not a yanlian log manifest (type: manifest, engine: yanlian and the scenario id are required)');
  const last = lines.length;
  type Trailer = { type?: unknown; events?: unknown; sha256?: unknown };
  let trailer = null as Trailer | null;
  if (last >= 2) {
    try {
      trailer = JSON.parse(lines[last - 1]!) as Trailer | null;
    } catch {
      trailer = null;
    }
  }
  if (!trailer || trailer.type !== 'end')
    return fail(last, 'truncated', `日志不完整：第 ${last} 行应为结束行 {"type":"end",…}（文件可能被截断）`, `the log is incomplete: line ${last} should be the end line {"type":"end",…} (the file may be truncated)`);
  const events: LogEvent[] = [];
  let prevT = -Infinity;
  for (let i = 1; i < last - 1; i++) {
    const line = i + 1;
    let e: LogEvent;
    try {
      e = JSON.parse(lines[i]!) as LogEvent;
    } catch {
      return fail(line, 'json', `第 ${line} 行不是 JSON`, `line ${line} is not JSON`);
    }
    if (!e || typeof e !== 'object' || typeof e.type !== 'string' || typeof e.t !== 'number' || !Number.isFinite(e.t) || typeof e.seq !== 'number')
      return fail(line, 'event', `第 ${line} 行不是事件：需要 seq、t（数字）和 type`, `line ${line} is not an event: seq, t (a number) and type are required`);
    if (e.seq !== events.length + 1)
      return fail(line, 'order', `第 ${line} 行的序号 seq 为 ${e.seq}，应为 ${events.length + 1}`, `line ${line} has seq ${e.seq}, expected ${events.length + 1}`);
    if (e.t < prevT) return fail(line, 'order', `第 ${line} 行的时间 ${e.t} 早于上一事件（${prevT}）`, `line ${line} has time ${e.t}, earlier than the event before (${prevT})`);
    prevT = e.t;
    events.push(e);
  }
  if (trailer.events !== events.length)
    return fail(last, 'count', `结束行说有 ${String(trailer.events)} 个事件，文件里有 ${events.length} 个（文件不完整或被改动）`, `the end line says ${String(trailer.events)} events, the file holds ${events.length} (incomplete or edited)`);
  const body = events.length ? lines.slice(1, last - 1).join('\n') + '\n' : '';
  if (sha256(body) !== trailer.sha256)
    return fail(last, 'hash', '事件内容与结束行的 SHA-256 校验值不符（日志被改动过）', 'the events do not match the SHA-256 in the end line (the log was edited)');
  return { ok: true, manifest, events, model: manifest.model === 'evacuation' ? 'building' : 'county' };
}
