// Web Worker of the planner's Monte Carlo (browserChunkPool.ts): the browser twin of
// engine/node/mcWorker.ts. It runs the chunks it is sent with the model's pure chunk runner
// (engine/model) and posts back each chunk's non-zero counters (sparseCounts.ts, buffers
// transferred) and, when asked, its CSV lines. Nothing Node-only is imported here.
import { MODELS } from '../../../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import type { Chunk, ChunkResult } from '../../../engine/montecarlo/runChunk.ts';
import { toSparse } from '../../../engine/montecarlo/sparseCounts.ts';
import type { McWorkerReply, McWorkerRequest } from './mcWorkerProtocol.ts';

function chunkRunner<K extends ModelId>(d: { model: K; scenario: ScenarioOf<K>; master: number; withCsv: boolean }): (chunk: Chunk) => ChunkResult {
  const mc = MODELS[d.model].mc;
  const layout = mc.layout(d.scenario);
  return (chunk) => mc.runChunk(d.scenario, layout, d.master, chunk, d.withCsv);
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<McWorkerRequest>) => void) | null;
  postMessage(m: McWorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
let run: ((chunk: Chunk) => ChunkResult) | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === 'init') {
      run = chunkRunner(m);
      return;
    }
    if (!run) throw new Error('chunk before init');
    const r = run(m.chunk);
    const counts = toSparse(r.agg);
    scope.postMessage({ type: 'result', index: r.index, counts, csv: r.csv }, [counts.at.buffer as ArrayBuffer, counts.v.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
};
