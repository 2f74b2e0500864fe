import type { McAggregate, StopReason } from '../montecarlo/index.ts';
import { MODELS } from '../model/models.ts';
import type { LayoutOf, ModelId, ScenarioOf } from '../model/modelTypes.ts';
import { runChunkPool, type McPoolOptions } from './chunkPool.ts';
import type { McWorkerData } from './mcWorker.ts';

/** A finished (or stopped) Monte Carlo of model K: its layout, merged aggregate, trials done and why it stopped. */
export interface ModelMcRunResult<K extends ModelId> {
  layout: LayoutOf<K>;
  agg: McAggregate;
  trials: number;
  stoppedBy: StopReason;
}

/**
 * The Monte Carlo of any registered model on the chunk pool (`runChunkPool`): trial i runs with
 * `trialSeed(master, i)`, chunks merge in order, so the aggregate is bit-identical for any worker
 * count and chunk size; `untilSe` watches the model's headline probabilities.
 */
export async function runModelMonteCarlo<K extends ModelId>(id: K, scenario: ScenarioOf<K>, opts: McPoolOptions): Promise<ModelMcRunResult<K>> {
  const mc = MODELS[id].mc;
  const layout = mc.layout(scenario);
  const r = await runChunkPool(
    {
      agg: mc.createAggregate(layout),
      runLocal: (chunk, withCsv) => mc.runChunk(scenario, layout, opts.master, chunk, withCsv),
      maxSe: (agg) => mc.maxSe(layout, agg),
      // K is one model here; TypeScript cannot narrow the distributed union by a generic id
      workerData: { model: id, scenario, master: opts.master, withCsv: opts.withCsv ?? false } as McWorkerData,
    },
    opts,
  );
  return { layout, ...r };
}
