// Kept for the callers that import it from here: loading a scenario of any model is the model
// registry's (engine/model/loadAnyScenario.ts).
export { loadAnyScenario, scenarioModelOf, type AnyLoadResult } from '../model/loadAnyScenario.ts';
export type { ModelId as ScenarioModel } from '../model/modelTypes.ts';
