// Worker thread of the Monte Carlo pool (chunkPool.ts) and of the queue worker (src/queue): runs
// the chunks it is sent with the model's chunk runner (engine/model) and posts back each chunk's
// non-zero counters (engine/montecarlo/sparseCounts.ts; their buffers transferred: kilobytes,
// not the dense 2.8–23.7 MB aggregate) and, when asked, its CSV lines. A pool thread is started
// with its run (workerData); a queue thread with none, and each shard says which run it is of.
import { parentPort, workerData } from 'node:worker_threads';
import type { Chunk, ChunkResult } from '../montecarlo/runChunk.ts';
import { toSparse, type SparseCounts } from '../montecarlo/sparseCounts.ts';
import { MC_RUNNERS } from '../model/mcRunners.ts';
import type { ModelId, ScenarioOf } from '../model/modelTypes.ts';

/** What a worker is started with: the model, its scenario, the master seed, whether to write CSV lines. */
export type McWorkerData = { [K in ModelId]: { model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean } }[ModelId];

/**
 * A chunk of any run, for a thread started without workerData: `setup` (the run's scenario and
 * seed) comes with the first chunk of a run, identified by `key`; the runner is rebuilt only
 * when the key changes.
 */
export interface McShardRequest {
  type: 'shard';
  key: string;
  setup?: McWorkerData;
  chunk: Chunk;
}

export type McWorkerReply =
  | { type: 'result'; index: number; counts: SparseCounts; csv: string | null }
  | { type: 'error'; message: string };

function chunkRunner<K extends ModelId>(d: { model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean }): (chunk: Chunk) => ChunkResult {
  const mc = MC_RUNNERS[d.model];
  const layout = mc.layout(d.scenario);
  return (chunk) => mc.runChunk(d.scenario, layout, d.master, chunk, d.withCsv);
}

let run = workerData ? chunkRunner(workerData as McWorkerData) : null;
let runKey: string | null = null;
const port = parentPort!;

port.on('message', (m: Chunk | McShardRequest) => {
  try {
    let chunk: Chunk;
    if ('type' in m) {
      if (runKey !== m.key) {
        if (!m.setup) throw new Error(`no setup for run ${m.key}`);
        run = chunkRunner(m.setup);
        runKey = m.key;
      }
      chunk = m.chunk;
    } else chunk = m;
    const r = run!(chunk);
    const counts = toSparse(r.agg);
    const reply: McWorkerReply = { type: 'result', index: r.index, counts, csv: r.csv };
    port.postMessage(reply, [counts.at.buffer as ArrayBuffer, counts.v.buffer as ArrayBuffer]);
  } catch (e) {
    const reply: McWorkerReply = { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(reply);
  }
});
