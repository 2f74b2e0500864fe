import { createHash } from 'node:crypto';
import type { LogEvent, Manifest } from '../sim/eventLog.ts';
import type { EvacManifest } from './evacManifest.ts';

/** The last line of a complete log: how many events it holds and the SHA-256 of their lines. */
export interface LogTrailer {
  type: 'end';
  events: number;
  sha256: string;
}

/** Serialises a run as JSON lines: manifest, events, trailer. Deterministic. */
export function toJsonl(manifest: Manifest | EvacManifest, events: readonly LogEvent[]): string {
  const lines = events.map((e) => JSON.stringify(e));
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l + '\n');
  const trailer: LogTrailer = { type: 'end', events: lines.length, sha256: hash.digest('hex') };
  return [JSON.stringify(manifest), ...lines, JSON.stringify(trailer)].join('\n') + '\n';
}

export type ParsedLog =
  | { ok: true; manifest: Manifest | EvacManifest; eventLines: string[]; trailer: LogTrailer }
  | { ok: false; line: number; reason: 'empty' | 'json' | 'manifest' | 'trailer' | 'count' };

/** Parses a JSONL log, checking the manifest and the trailer (a truncated log is detected). */
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
  if (manifest?.type !== 'manifest' || manifest.engine !== 'yanlian' || typeof manifest.seed !== 'number')
    return { ok: false, line: 1, reason: 'manifest' };
  let trailer: LogTrailer;
  try {
    trailer = JSON.parse(lines[lines.length - 1]!) as LogTrailer;
  } catch {
    return { ok: false, line: lines.length, reason: 'trailer' };
  }
  if (lines.length < 2 || trailer?.type !== 'end') return { ok: false, line: lines.length, reason: 'trailer' };
  const eventLines = lines.slice(1, -1);
  if (trailer.events !== eventLines.length) return { ok: false, line: lines.length, reason: 'count' };
  return { ok: true, manifest, eventLines, trailer };
}
