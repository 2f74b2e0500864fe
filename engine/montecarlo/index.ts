/**
 * Monte Carlo for planners: per-trial seeds, headline extraction, exactly mergeable streaming
 * aggregation and the summary. Pure (no Node built-ins); the worker pool is engine/node/.
 */
export { mcMachines } from './mcMachines.ts';
export { trialSeed } from './trialSeed.ts';
export { StepBins, LogBins, type Bins, type BinsSpec } from './bins.ts';
export { histogramQuantile, histogramExceedance, histogramAtOrBelow, histogramCount, histogramMoments } from './histogramQuantile.ts';
export { proportion, stoppingSe, Z95, type Proportion } from './proportion.ts';
export { mcLayout, TIERS, LEVELS, TOTAL_KEYS, type McLayout, type ItemLayout, type Tier, type ResponseLevel, type ShortfallUnit } from './mcLayout.ts';
export { trialRow, type TrialRow } from './trialRow.ts';
export { createAggregate, addTrial, mergeAggregate, aggregateTrials, type McAggregate } from './aggregate.ts';
export { headlineCounts, maxStoppingSe, type HeadlineCount } from './headlineEstimates.ts';
export { summarize, METHODS, type SummaryMeta } from './summarize.ts';
export { csvHeader, csvRow, CSV_BOM, CSV_EOL } from './csvRow.ts';
export { runChunk, chunksOf, defaultChunkSize, type Chunk, type ChunkResult } from './runChunk.ts';
export { sparseOf, toSparse, denseOf, checkSparse, isSparse, type SparseCounts, type ChunkCounts } from './sparseCounts.ts';
export type * from './summaryTypes.ts';
export { parseSweepParameter, expandPath, applyOverride, deepCopy, type SweepParameter, type SweepValue, type OverrideError, type OverrideChange } from './sweepOverride.ts';
export { tornado, SWEEP_METHODS, type McSweep, type SweepRun, type SweepParameterResult, type TornadoEntry, type TornadoBar } from './tornado.ts';
