/**
 * Monte Carlo of building (school fire) evacuation scenarios: per-trial rows, exactly mergeable
 * integer aggregates, the summary and the per-trial CSV. Pure (no Node built-ins); the worker
 * pool is engine/node/runEvacMonteCarlo.ts. Trial seeds, chunks, bins, quantiles and intervals
 * are the county Monte Carlo's (engine/montecarlo/).
 */
export { evacMcLayout, type EvacMcLayout, type EvacTargetLayout, type EvacStairLayout, type EvacLabel } from './evacMcLayout.ts';
export { evacTrialRow, type EvacTrialRow } from './evacTrialRow.ts';
export { createEvacAggregate, addEvacTrial, evacAggregateTrials } from './evacAggregate.ts';
export { runEvacChunk } from './runEvacChunk.ts';
export { evacCsvHeader, evacCsvRow } from './evacCsv.ts';
export { summarizeEvac, evacHeadlineCounts, evacMaxStoppingSe, EVAC_METHODS } from './summarizeEvac.ts';
export type * from './evacSummaryTypes.ts';
