import { DEFAULT_RAINSTORM_WARNINGS, DEFAULT_RELIEF_HOURS, RULE_SOURCES, type NationalDefault } from '../rules/index.ts';
import type { Scenario, ScenarioFile } from './schema/scenario.ts';

/** What the resolve step filled from the national rules: the provenance paths and the rule rows. */
export interface Filled {
  paths: string[];
  source: string;
  rows: string[];
}

/**
 * The loader's resolve step: fills the values a scenario file leaves to the national rules
 * (engine/rules) — the 暴雨 signals (`warnings.rainstorm`) and the time limit of a
 * `reliefWithin` target — and, for each, adds a provenance entry naming the national source
 * (and that source to `sources` when the file does not define it), so every number still says
 * where it came from. A scenario's own values are kept: they override the national ones for a
 * county. Pure: returns a new object, the input is not changed. Expects a validated file in
 * which every target other than reliefWithin has its hours (the semantic check ensures it).
 */
export function resolveScenario(file: ScenarioFile): { scenario: Scenario; filled: Filled[] } {
  const sources = { ...file.sources };
  // national entries go first, so that `sourceOf` names them for the filled values even when
  // a broad pattern of the file (`targets.*.hours`) would also match
  const national: ScenarioFile['provenance'] = [];
  const filled: Filled[] = [];
  const note = <T>(d: NationalDefault<T>, paths: string[]) => {
    const src = RULE_SOURCES[d.source];
    if (!(d.source in sources))
      sources[d.source] = { title: src.title, ...('standard' in src ? { standard: src.standard } : {}), ...('url' in src && src.url ? { url: src.url } : {}) };
    national.push({ paths, source: d.source, note: d.note });
    filled.push({ paths, source: d.source, rows: d.rows });
  };

  let rainstorm = file.warnings.rainstorm;
  if (rainstorm === undefined) {
    rainstorm = DEFAULT_RAINSTORM_WARNINGS.value.map((w) => ({ ...w }));
    note(DEFAULT_RAINSTORM_WARNINGS, ['warnings.rainstorm.*.windowHours', 'warnings.rainstorm.*.thresholdMm']);
  }
  const reliefPaths: string[] = [];
  const targets = file.targets.map((t, i) => {
    if (t.hours !== undefined) return { ...t, hours: t.hours };
    if (t.kind !== 'reliefWithin') throw new Error(`targets.${i}.hours is missing (scenario not validated?)`);
    reliefPaths.push(`targets.${i}.hours`);
    return { ...t, hours: DEFAULT_RELIEF_HOURS.value };
  });
  if (reliefPaths.length > 0) note(DEFAULT_RELIEF_HOURS, reliefPaths);

  const provenance = [...national, ...file.provenance];
  const scenario: Scenario = { ...file, sources, provenance, warnings: { ...file.warnings, rainstorm }, targets };
  return { scenario, filled };
}
