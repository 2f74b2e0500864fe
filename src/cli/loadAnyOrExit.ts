import { formatProblem, type Lang } from '../../engine/index.ts';
import { scenarioModelOf } from '../../engine/model/loadAnyScenario.ts';
import type { ModelId, ScenarioOf } from '../../engine/model/modelTypes.ts';
import { loadAnyScenarioFileCached } from '../../engine/node/anyScenarioFile.ts';
import { readTextFile } from '../../engine/node/readTextFile.ts';
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
  const r = loadAnyScenarioFileCached(file, lang);
  if (!r.ok) {
    for (const p of r.problems) process.stderr.write(formatProblem(p) + '\n');
    throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: r.problems.filter((p) => p.severity === 'error').length }));
  }
  const text = r.text ?? '';
  return { model: r.model, scenario: r.scenario, text } as AnyLoaded;
}

/** The model a scenario file is for (by its `model` key); 'county' when it cannot be read or parsed, whose loader then says why. */
export function modelIdOfFile(file: string): ModelId {
  const r = readTextFile(file, 'en');
  return r.ok ? scenarioModelOf(r.text) : 'county';
}
