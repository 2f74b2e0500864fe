import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import type { Chunk } from '../../../engine/montecarlo/runChunk.ts';
import type { SparseCounts } from '../../../engine/montecarlo/sparseCounts.ts';

/** The first message a planner worker gets: the model, its scenario, the master seed, whether to write CSV lines (as engine/node/mcWorker.ts's workerData). */
export type McWorkerInit = { [K in ModelId]: { type: 'init'; model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean } }[ModelId];

/** What the page sends a worker: its init, then chunks to run. */
export type McWorkerRequest = McWorkerInit | { type: 'chunk'; chunk: Chunk };

/** A worker's answer to one chunk: its non-zero counters (buffers transferred) and CSV lines, or the error. */
export type McWorkerReply = { type: 'result'; index: number; counts: SparseCounts; csv: string | null } | { type: 'error'; message: string };
