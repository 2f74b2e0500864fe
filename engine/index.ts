/** yanlian engine — public API. Pure: no DOM, no Node built-ins, no wall clock, no global randomness. */
export * from './scenario/index.ts';
export { runTrial, type TrialResult } from './sim/runTrial.ts';
export type { TrialOutcome, TargetResult } from './sim/outcome.ts';
export type { LogEvent, Manifest } from './sim/eventLog.ts';
export { xstateMachines, type MachineFactory } from './sim/trial.ts';
export { compileWorld, type World } from './world/world.ts';
export { masterSeedFrom, deriveSeed } from './random/index.ts';
export { parseLang, type Lang } from './i18n/lang.ts';
export { ENGINE_VERSION } from './version.ts';
export { LiveTrial } from './sim/liveTrial.ts';
export type { Decision, TimedDecision, DecisionError, PolicyMode } from './sim/decision.ts';
export type { TrialOptions } from './sim/runTrial.ts';
export { compiledMachines } from './machines/compiledMachines.ts';
export * as rules from './rules/index.ts';
export * as evacuation from './evacuation/index.ts';
