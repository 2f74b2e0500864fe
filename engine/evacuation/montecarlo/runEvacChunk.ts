import type { Chunk, ChunkResult } from '../../montecarlo/runChunk.ts';
import { trialSeed } from '../../montecarlo/trialSeed.ts';
import { runEvacuation } from '../runEvacuation.ts';
import type { EvacuationScenario } from '../schema.ts';
import { addEvacTrial, createEvacAggregate } from './evacAggregate.ts';
import { evacCsvRow } from './evacCsv.ts';
import type { EvacMcLayout } from './evacMcLayout.ts';
import { evacTrialRow } from './evacTrialRow.ts';

/**
 * Runs one chunk of evacuation trials (trial i with seed `trialSeed(master, i)`, plan mode `auto`,
 * no decisions, compiled statecharts, no log) and aggregates them. Pure and deterministic: the
 * result depends on (scenario, master, chunk) alone, so chunks may run on any thread in any order.
 */
export function runEvacChunk(scenario: EvacuationScenario, layout: EvacMcLayout, master: number, chunk: Chunk, withCsv: boolean): ChunkResult {
  const agg = createEvacAggregate(layout);
  let csv = '';
  for (let i = chunk.start; i < chunk.start + chunk.count; i++) {
    const { outcome } = runEvacuation(scenario, trialSeed(master, i), { keepLog: false, machines: 'compiled' });
    const row = evacTrialRow(layout, i, outcome);
    addEvacTrial(layout, agg, row);
    if (withCsv) csv += evacCsvRow(row);
  }
  return { index: chunk.index, agg, csv: withCsv ? csv : null };
}
