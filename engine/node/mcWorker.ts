// Worker thread of the Monte Carlo pool (runMonteCarlo.ts): runs the chunks it is sent and
// posts back each chunk's aggregate (its buffer transferred) and, when asked, its CSV lines.
import { parentPort, workerData } from 'node:worker_threads';
import { evacMcLayout, runEvacChunk } from '../evacuation/montecarlo/index.ts';
import type { EvacuationScenario } from '../evacuation/schema.ts';
import { mcLayout, mcMachines, runChunk, type Chunk } from '../montecarlo/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';

/** A county scenario (no `model`), or a building scenario with `model: 'evacuation'`. */
export type McWorkerData =
  | { model?: undefined; scenario: Scenario; master: number; withCsv: boolean }
  | { model: 'evacuation'; scenario: EvacuationScenario; master: number; withCsv: boolean };

export type McWorkerReply =
  | { type: 'result'; index: number; counts: Float64Array; csv: string | null }
  | { type: 'error'; message: string };

const data = workerData as McWorkerData;
const run: (chunk: Chunk) => ReturnType<typeof runChunk> =
  data.model === 'evacuation'
    ? ((layout) => (chunk: Chunk) => runEvacChunk(data.scenario, layout, data.master, chunk, data.withCsv))(evacMcLayout(data.scenario))
    : ((layout) => (chunk: Chunk) => runChunk(data.scenario, layout, data.master, chunk, mcMachines, data.withCsv))(mcLayout(data.scenario));
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
