import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENGINE_VERSION } from '../engine/index.ts';
import { loadScenario } from '../engine/scenario/loadScenario.ts';
import { defaultChunkSize, summarize, type McSummary } from '../engine/montecarlo/index.ts';
import { loadEvacuationScenario, scenarioModelOf } from '../engine/evacuation/index.ts';
import { summarizeEvac, type EvacMcSummary } from '../engine/evacuation/montecarlo/index.ts';
import { runEvacMonteCarlo } from '../engine/node/runEvacMonteCarlo.ts';
import { runMonteCarlo } from '../engine/node/runMonteCarlo.ts';
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

/** The summary `yanlian simulate FILE --trials 1000 --seed 1 --json` writes, computed in-process. */
export async function expectedSummary(file: string): Promise<McSummary | EvacMcSummary> {
  const text = readFileSync(resolve(repo, file), 'utf8');
  if (scenarioModelOf(text) === 'evacuation') return expectedEvacSummary(file, text);
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  const chunkSize = defaultChunkSize(EXPECTED_TRIALS);
  const result = await runMonteCarlo({ scenario: r.scenario, master: EXPECTED_SEED, trials: EXPECTED_TRIALS, chunkSize, workers: 1 });
  return summarize(r.scenario, result.layout, result.agg, {
    engineVersion: ENGINE_VERSION,
    scenarioSha256: sha256Hex(text),
    seed: EXPECTED_SEED,
    trialsRequested: EXPECTED_TRIALS,
    chunkSize,
    stoppedBy: result.stoppedBy,
    untilSe: null,
  });
}

/** The same for a building scenario: what `yanlian simulate FILE --trials 1000 --seed 1 --json` writes for it. */
async function expectedEvacSummary(file: string, text: string): Promise<EvacMcSummary> {
  const r = loadEvacuationScenario(text, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  const chunkSize = defaultChunkSize(EXPECTED_TRIALS);
  const result = await runEvacMonteCarlo({ scenario: r.scenario, master: EXPECTED_SEED, trials: EXPECTED_TRIALS, chunkSize, workers: 1 });
  return summarizeEvac(r.scenario, result.layout, result.agg, {
    engineVersion: ENGINE_VERSION,
    scenarioSha256: sha256Hex(text),
    seed: EXPECTED_SEED,
    trialsRequested: EXPECTED_TRIALS,
    chunkSize,
    stoppedBy: result.stoppedBy,
    untilSe: null,
  });
}
