import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

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

/** A built-in scenario as the trainer console lists it. */
export interface ScenarioEntry {
  /** the name a drill is created with (file name without `.yaml`) */
  name: string;
  title: { zh: string; en: string };
  horizonHours: number | null;
}

/**
 * The built-in scenarios in the given folders (first folder wins on a name clash), sorted by
 * name, with their titles read from the files. Files that do not parse are listed by name only:
 * creating a drill from them reports the problem. Reads the disk on each call.
 */
export function listScenarios(dirs: readonly string[] = [SCENARIO_DIR]): ScenarioEntry[] {
  const out = new Map<string, ScenarioEntry>();
  for (const d of dirs) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const f of names) {
      const name = f.replace(/\.yaml$/, '');
      if (name === f || !/^[a-z0-9-]{1,64}$/.test(name) || out.has(name)) continue;
      let title = { zh: name, en: name };
      let horizonHours: number | null = null;
      try {
        const doc = parse(readFileSync(join(d, f), 'utf8')) as { model?: unknown; name?: { zh?: unknown; en?: unknown }; horizonHours?: unknown } | null;
        // building scenarios (model: evacuation) are not county drills; the kiosk lists them
        if (doc?.model !== undefined && doc.model !== 'county') continue;
        if (typeof doc?.name?.zh === 'string') title = { zh: doc.name.zh, en: typeof doc.name.en === 'string' ? doc.name.en : doc.name.zh };
        if (typeof doc?.horizonHours === 'number') horizonHours = doc.horizonHours;
      } catch {
        // listed by name; loading it for a drill reports why it is broken
      }
      out.set(name, { name, title, horizonHours });
    }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
