import { readFileSync } from 'node:fs';
import { formatProblem, type Lang } from '../../engine/index.ts';
import { scenarioModelOf } from '../../engine/evacuation/index.ts';
import type { ModelId, ScenarioOf } from '../../engine/model/modelTypes.ts';
import { loadAnyScenarioFile } from '../../engine/node/anyScenarioFile.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/** A valid scenario of model K, with the file's exact text (for its SHA-256). */
export interface Loaded<K extends ModelId> {
  model: K;
  scenario: ScenarioOf<K>;
  text: string;
}

/** A valid scenario of any model (a union, one member per model, so `model` narrows it). */
export type AnyLoaded = { [K in ModelId]: Loaded<K> }[ModelId];

/**
 * Loads a county or building scenario (picked by its `model` key) for a command that needs a
 * valid one; exits 2 with every located problem on stderr otherwise.
 */
export function loadAnyOrExit(file: string, lang: Lang): AnyLoaded {
  const r = loadAnyScenarioFile(file, lang);
  if (!r.ok) {
    for (const p of r.problems) process.stderr.write(formatProblem(p) + '\n');
    throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: r.problems.filter((p) => p.severity === 'error').length }));
  }
  const text = r.text ?? '';
  return r.model === 'evacuation' ? { model: 'evacuation', scenario: r.scenario, text } : { model: 'county', scenario: r.scenario, text };
}

/** True when the file reads as a building scenario (`model: evacuation`); false if it cannot be read. */
export function isBuildingScenarioFile(file: string): boolean {
  try {
    return scenarioModelOf(readFileSync(file, 'utf8')) === 'evacuation';
  } catch {
    return false;
  }
}
