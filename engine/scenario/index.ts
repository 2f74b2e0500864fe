export { loadScenario, type LoadResult } from './loadScenario.ts';
export { formatProblem, formatPath, type Problem, type DocPath } from './problem.ts';
export { ScenarioV1, type Scenario, type ScenarioFile } from './schema/scenario.ts';
export { resolveScenario, type Filled } from './resolve.ts';
export { checkProvenance, sourceOf, matchesPattern, numericLeaves } from './provenance.ts';
export { CURRENT_SCHEMA_VERSION } from './migrate.ts';
