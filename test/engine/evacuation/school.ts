import { readFileSync } from 'node:fs';
import { loadEvacuationScenario, type EvacuationScenario } from '../../../engine/evacuation/index.ts';

/** The shipped school scenario, loaded once per test file. */
export function school(): EvacuationScenario {
  const r = loadEvacuationScenario(readFileSync(new URL('../../../scenarios/school-fire-evacuation.yaml', import.meta.url), 'utf8'), 'school.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}

/** A deep, mutable copy of a scenario to vary in a test. */
export function variant(s: EvacuationScenario, edit: (s: EvacuationScenario) => void): EvacuationScenario {
  const copy = structuredClone(s) as EvacuationScenario;
  edit(copy);
  return copy;
}
