import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped scenarios folder (repository root /scenarios). */
export const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;

/**
 * Looks up a built-in scenario by name in the given folders ("lezhi-rainstorm" →
 * scenarios/lezhi-rainstorm.yaml). Names are checked by the caller (lower-case, digits, "-").
 */
export function scenarioResolver(dirs: readonly string[] = [SCENARIO_DIR]): (name: string) => string | undefined {
  return (name) => {
    if (!/^[a-z0-9-]{1,64}$/.test(name)) return undefined;
    for (const d of dirs) {
      try {
        return readFileSync(join(d, `${name}.yaml`), 'utf8');
      } catch {
        // try the next folder
      }
    }
    return undefined;
  };
}
