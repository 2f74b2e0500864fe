/** Where a logged manifest and the one a re-run would write first differ. */
export interface ManifestDifference {
  /** dotted path of the field, e.g. `engineVersion`, `scenario.id` */
  field: string;
  /** the logged value (undefined: the log lacks the field) */
  logged: unknown;
  /** the re-run's value (undefined: a re-run does not write the field) */
  expected: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The first field in which `logged` differs from `expected` — every field counts, one the re-run
 * would not write included; objects are compared field by field (so the path names the field),
 * anything else by its JSON; a field set to undefined counts as absent. Null when they are the
 * same. Pure; the inputs are JSON values no deeper than the manifest check allows.
 */
export function manifestDifference(logged: unknown, expected: unknown, path = ''): ManifestDifference | null {
  if (isPlainObject(logged) && isPlainObject(expected)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(logged)])];
    for (const k of keys) {
      const d = manifestDifference(logged[k], expected[k], path === '' ? k : `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return JSON.stringify(logged) === JSON.stringify(expected) ? null : { field: path, logged, expected };
}
