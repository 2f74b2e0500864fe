import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENGINE_VERSION } from '../engine/index.ts';
import type { EvacMcSummary } from '../engine/evacuation/montecarlo/index.ts';
import { loadAnyScenario } from '../engine/model/loadAnyScenario.ts';
import { MODELS } from '../engine/model/models.ts';
import type { ModelId, ScenarioOf, SummaryOf } from '../engine/model/modelTypes.ts';
import { defaultChunkSize, type McSummary } from '../engine/montecarlo/index.ts';
import { runModelMonteCarlo } from '../engine/node/runModelMonteCarlo.ts';
import { sha256Hex } from '../engine/node/scenarioFile.ts';

/** The shipped scenarios whose Monte Carlo summaries are checked in as expected results. */
export const expectedCases = [
  { name: 'lezhi-rainstorm', file: 'scenarios/lezhi-rainstorm.yaml' },
  { name: 'jingyan-rainstorm', file: 'scenarios/jingyan-rainstorm.yaml' },
  { name: 'shidian-earthquake', file: 'scenarios/shidian-earthquake.yaml' },
  { name: 'pinghu-typhoon', file: 'scenarios/pinghu-typhoon.yaml' },
  { name: 'shidian-forest-fire', file: 'scenarios/shidian-forest-fire.yaml' },
  // a building scenario (model: evacuation): its own summary format (yanlian-evac-mc-summary)
  { name: 'school-fire-evacuation', file: 'scenarios/school-fire-evacuation.yaml' },
];
export const EXPECTED_TRIALS = 1000;
export const EXPECTED_SEED = 1;

const repo = resolve(new URL('..', import.meta.url).pathname);

/** The summary `yanlian simulate FILE --trials 1000 --seed 1 --json` writes, computed in-process with the scenario's model. */
export async function expectedSummary(file: string): Promise<McSummary | EvacMcSummary> {
  const text = readFileSync(resolve(repo, file), 'utf8');
  const r = loadAnyScenario(text, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return summaryWith(r.model, r.scenario, text);
}

async function summaryWith<K extends ModelId>(id: K, scenario: ScenarioOf<K>, text: string): Promise<SummaryOf<K>> {
  const chunkSize = defaultChunkSize(EXPECTED_TRIALS);
  const result = await runModelMonteCarlo(id, scenario, { master: EXPECTED_SEED, trials: EXPECTED_TRIALS, chunkSize, workers: 1 });
  return MODELS[id].mc.summarize(scenario, result.layout, result.agg, {
    engineVersion: ENGINE_VERSION,
    scenarioSha256: sha256Hex(text),
    seed: EXPECTED_SEED,
    trialsRequested: EXPECTED_TRIALS,
    chunkSize,
    stoppedBy: result.stoppedBy,
    untilSe: null,
  });
}
