/**
 * Building (school fire) evacuation engine: a pure model separate from the county engine, with
 * its own scenario format (`model: evacuation`), loader, statecharts and discrete-event run.
 * See engine/evacuation/README.md.
 */
export { loadEvacuationScenario, checkEvacProvenance, EVAC_SCHEMA_VERSION, type EvacLoadResult } from './loadEvacuationScenario.ts';
export { loadAnyScenario, scenarioModelOf, type AnyLoadResult, type ScenarioModel } from './loadAnyScenario.ts';
export { EvacuationScenarioV1, type EvacuationScenario, type EvacDuty, type EvacTaskKind, type EvacTrigger } from './schema.ts';
export { runEvacuation, type EvacRunResult } from './runEvacuation.ts';
export { EvacuationSim, type EvacRunOptions } from './evacuationSim.ts';
export { buildEvacOutcome, type EvacOutcome, type EvacGroupOutcome, type EvacTargetResult } from './evacOutcome.ts';
export { checkEvacDecision, type EvacDecision, type TimedEvacDecision, type EvacDecisionError, type EvacMode } from './evacDecision.ts';
export { drillPhaseMachine, DRILL_PHASES, type DrillPhase, type DrillPhaseEvent } from './drillPhase.machine.ts';
export { evacGroupMachine, GROUP_STATES, type GroupState, type EvacGroupEvent } from './evacGroup.machine.ts';
export { evacMachines, type EvacMachineMode } from './evacMachines.ts';
export { compileBuilding, shortestPath, treadSpeedFactor, type Building } from './building.ts';
export { smokeArrival } from './smoke.ts';
