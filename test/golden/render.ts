import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ENGINE_VERSION, loadScenario, runTrial, type Manifest } from '../../engine/index.ts';
import { loadEvacuationScenario, runEvacuation, scenarioModelOf } from '../../engine/evacuation/index.ts';
import { evacManifest } from '../../engine/evacuation/evacManifest.ts';
import { toJsonl } from '../../engine/node/jsonl.ts';
import { sha256Hex } from '../../engine/node/scenarioFile.ts';

const repo = resolve(new URL('../..', import.meta.url).pathname);
export const goldenDir = resolve(repo, 'test/golden');

/** Renders one golden case: the JSONL event log and the outcome JSON, exactly as committed. */
export function renderGolden(scenarioPath: string, seed: number): { log: string; outcome: string } {
  const file = resolve(repo, scenarioPath);
  const text = readFileSync(file, 'utf8');
  if (scenarioModelOf(text) === 'evacuation') {
    // a building scenario: seconds since ignition, the evacuation manifest (what `yanlian run --log` writes)
    const e = loadEvacuationScenario(text, scenarioPath);
    if (!e.ok) throw new Error(`${scenarioPath} does not load`);
    const run = runEvacuation(e.scenario, seed);
    const m = evacManifest(e.scenario, sha256Hex(text), relative(goldenDir, file), seed);
    return { log: toJsonl(m, run.log), outcome: JSON.stringify(run.outcome, null, 1) + '\n' };
  }
  const r = loadScenario(text, scenarioPath);
  if (!r.ok) throw new Error(`${scenarioPath} does not load`);
  const { events, outcome } = runTrial(r.scenario, seed);
  const manifest: Manifest = {
    type: 'manifest',
    engine: 'yanlian',
    engineVersion: ENGINE_VERSION,
    scenario: { id: r.scenario.id, sha256: sha256Hex(text), file: relative(goldenDir, file) },
    seed,
    horizonHours: r.scenario.horizonHours,
  };
  return { log: toJsonl(manifest, events), outcome: JSON.stringify(outcome, null, 1) + '\n' };
}
