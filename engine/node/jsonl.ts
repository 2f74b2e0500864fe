import { createHash } from 'node:crypto';
import type { LogEvent, Manifest } from '../sim/eventLog.ts';
import { TEXT_LIMITS, tooDeepPath } from '../scenario/boundedParse.ts';
import type { EvacManifest } from '../evacuation/evacManifest.ts';

/** The last line of a complete log: how many events it holds and the SHA-256 of their lines. */
export interface LogTrailer {
  type: 'end';
  events: number;
  sha256: string;
}

/** Serialises a run as JSON lines: manifest, events, trailer. Deterministic. */
export function toJsonl(manifest: Manifest | EvacManifest, events: readonly LogEvent[]): string {
  const lines = events.map((e) => JSON.stringify(e));
  const trailer: LogTrailer = { type: 'end', events: lines.length, sha256: eventLinesSha256(lines) };
  return [JSON.stringify(manifest), ...lines, JSON.stringify(trailer)].join('\n') + '\n';
}

/** Why a log is not a valid yanlian event log (see {@link parseJsonl}); `params` fill the message. */
export type LogProblem = 'empty' | 'json' | 'manifest' | 'trailer' | 'count' | 'hash';

export type ParsedLog =
  | { ok: true; manifest: Manifest | EvacManifest; eventLines: string[]; trailer: LogTrailer }
  | { ok: false; line: number; reason: LogProblem; params?: Record<string, string | number> };

/** SHA-256 (hex) of event lines as the trailer records it: each line and its "\n". */
export function eventLinesSha256(lines: readonly string[]): string {
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l + '\n');
  return hash.digest('hex');
}

/**
 * Parses a JSONL log and checks that it is whole and unchanged since it was written: a manifest
 * on line 1 (with its engine version, scenario id and SHA-256, seed; nested no deeper than the
 * scenario limit), a trailer on the last line whose event count and SHA-256 match the lines
 * between. A truncated log, or one edited after it was written without recomputing the trailer,
 * is refused with the line at fault. Whether the manifest's fields match a re-run is replay's
 * question, not this one's. Pure apart from hashing.
 */
export function parseJsonl(text: string): ParsedLog {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return { ok: false, line: 1, reason: 'empty' };
  let manifest: Manifest | EvacManifest;
  try {
    manifest = JSON.parse(lines[0]!) as Manifest | EvacManifest;
  } catch {
    return { ok: false, line: 1, reason: 'json' };
  }
  if (!isManifest(manifest)) return { ok: false, line: 1, reason: 'manifest' };
  let trailer: LogTrailer;
  try {
    trailer = JSON.parse(lines[lines.length - 1]!) as LogTrailer;
  } catch {
    return { ok: false, line: lines.length, reason: 'trailer' };
  }
  if (lines.length < 2 || !isTrailer(trailer)) return { ok: false, line: lines.length, reason: 'trailer' };
  const eventLines = lines.slice(1, -1);
  if (trailer.events !== eventLines.length)
    return { ok: false, line: lines.length, reason: 'count', params: { expected: trailer.events, actual: eventLines.length } };
  const actual = eventLinesSha256(eventLines);
  if (actual !== trailer.sha256)
    return { ok: false, line: lines.length, reason: 'hash', params: { expected: trailer.sha256.slice(0, 12), actual: actual.slice(0, 12), last: lines.length - 1 } };
  return { ok: true, manifest, eventLines, trailer };
}

function isManifest(m: unknown): m is Manifest | EvacManifest {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return false;
  const r = m as Record<string, unknown>;
  const sc = r.scenario as Record<string, unknown> | null | undefined;
  return (
    r.type === 'manifest' &&
    r.engine === 'yanlian' &&
    typeof r.engineVersion === 'string' &&
    typeof r.seed === 'number' &&
    sc !== null &&
    typeof sc === 'object' &&
    typeof sc.id === 'string' &&
    typeof sc.sha256 === 'string' &&
    (sc.file === undefined || typeof sc.file === 'string') &&
    // JSON.parse takes any depth; what replay walks (the decisions) must not be deeper than a scenario
    tooDeepPath(m, TEXT_LIMITS.maxDepth) === null
  );
}

function isTrailer(t: unknown): t is LogTrailer {
  const r = t as Partial<LogTrailer> | null;
  return r !== null && typeof r === 'object' && r.type === 'end' && Number.isSafeInteger(r.events) && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256);
}
