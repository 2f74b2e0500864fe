// Worker thread of the Monte Carlo pool (runMonteCarlo.ts): runs the chunks it is sent with the
// model's chunk runner (engine/model) and posts back each chunk's aggregate (its buffer
// transferred) and, when asked, its CSV lines.
import { parentPort, workerData } from 'node:worker_threads';
import type { Chunk, ChunkResult } from '../montecarlo/runChunk.ts';
import { MODELS } from '../model/models.ts';
import type { ModelId, ScenarioOf } from '../model/modelTypes.ts';

/** What a worker is started with: the model, its scenario, the master seed, whether to write CSV lines. */
export type McWorkerData = { [K in ModelId]: { model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean } }[ModelId];

export type McWorkerReply =
  | { type: 'result'; index: number; counts: Float64Array; csv: string | null }
  | { type: 'error'; message: string };

function chunkRunner<K extends ModelId>(d: { model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean }): (chunk: Chunk) => ChunkResult {
  const mc = MODELS[d.model].mc;
  const layout = mc.layout(d.scenario);
  return (chunk) => mc.runChunk(d.scenario, layout, d.master, chunk, d.withCsv);
}

const run = chunkRunner(workerData as McWorkerData);
const port = parentPort!;

port.on('message', (chunk: Chunk) => {
  try {
    const r = run(chunk);
    const reply: McWorkerReply = { type: 'result', index: r.index, counts: r.agg.counts, csv: r.csv };
    port.postMessage(reply, [r.agg.counts.buffer as ArrayBuffer]);
  } catch (e) {
    const reply: McWorkerReply = { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(reply);
  }
});
