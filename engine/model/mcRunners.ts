import { runEvacChunk } from '../evacuation/montecarlo/runEvacChunk.ts';
import { evacMcLayout } from '../evacuation/montecarlo/evacMcLayout.ts';
import { mcLayout } from '../montecarlo/mcLayout.ts';
import { mcMachines } from '../montecarlo/mcMachines.ts';
import { runChunk } from '../montecarlo/runChunk.ts';
import type { ModelMonteCarlo } from './model.ts';
import type { ModelId } from './modelTypes.ts';

/** The two parts of a model's Monte Carlo that a compute thread runs: its layout and its chunk runner. */
export type McRunner<K extends ModelId> = Pick<ModelMonteCarlo<K>, 'layout' | 'runChunk'>;

/**
 * Each model's layout and chunk runner, and nothing else: what a worker thread (engine/node/
 * mcWorker.ts, the queue's compute threads) imports. The models (models.ts) take theirs from
 * here, so there is one of each; importing the whole registry would also load the scenario
 * loaders, schemas, drills and playback, ≈ 0.2 s of CPU per thread start for code a compute
 * thread never runs.
 */
export const MC_RUNNERS: { readonly [K in ModelId]: McRunner<K> } = {
  county: {
    layout: mcLayout,
    runChunk: (s, layout, master, chunk, withCsv) => runChunk(s, layout, master, chunk, mcMachines, withCsv),
  },
  evacuation: { layout: evacMcLayout, runChunk: runEvacChunk },
};
