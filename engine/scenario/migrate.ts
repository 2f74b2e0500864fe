/** The schema version this engine writes and reads natively. */
export const CURRENT_SCHEMA_VERSION = 1;

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] turns a version-n document into version n+1. Empty while only version 1
 * exists; each future schema change adds one step here (tldraw-style), never edits old ones.
 */
const migrations: Record<number, Migration> = {};

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; reason: 'missing' | 'unsupported'; found?: unknown };

/** Brings a parsed document up to CURRENT_SCHEMA_VERSION; pure (returns new objects). */
export function migrate(doc: Record<string, unknown>): MigrateResult {
  const v = doc.schemaVersion;
  if (v === undefined) return { ok: false, reason: 'missing' };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > CURRENT_SCHEMA_VERSION)
    return { ok: false, reason: 'unsupported', found: v };
  let out = doc;
  for (let n = v; n < CURRENT_SCHEMA_VERSION; n++) {
    const step = migrations[n];
    if (!step) return { ok: false, reason: 'unsupported', found: v };
    out = { ...step(out), schemaVersion: n + 1 };
  }
  return { ok: true, doc: out };
}
