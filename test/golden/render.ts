import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadAnyScenario } from '../../engine/model/loadAnyScenario.ts';
import { MODELS } from '../../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../../engine/model/modelTypes.ts';
import { toJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';

const repo = resolve(new URL('../..', import.meta.url).pathname);
export const goldenDir = resolve(repo, 'test/golden');

/**
 * Renders one golden case with the scenario's model (engine/model): the JSONL event log (the
 * manifest `yanlian run --log` writes, events, trailer) and the outcome JSON, exactly as committed.
 */
export function renderGolden(scenarioPath: string, seed: number): { log: string; outcome: string } {
  const file = resolve(repo, scenarioPath);
  const text = readFileSync(file, 'utf8');
  const r = loadAnyScenario(text, scenarioPath);
  if (!r.ok) throw new Error(`${scenarioPath} does not load`);
  return renderWith(r.model, r.scenario, sha256Hex(text), relative(goldenDir, file), seed);
}

function renderWith<K extends ModelId>(id: K, scenario: ScenarioOf<K>, sha256: string, file: string, seed: number): { log: string; outcome: string } {
  const model = MODELS[id];
  const run = model.run(scenario, seed);
  const manifest = model.manifest(scenario, { sha256, file, seed });
  return { log: toJsonl(manifest, run.events), outcome: JSON.stringify(run.outcome, null, 1) + '\n' };
}
