/**
 * National rules as data (engine/rules): each row names its source document and the flag of
 * shared/domain/standards-cn.md (V verified, P partly, M from memory). Pure tables and pure
 * helpers; nothing here depends on the rest of yanlian. The scenario loader fills values a
 * scenario leaves out from `nationalDefaults.ts`; a scenario's own values override them.
 */
export type { Flag, Text, RuleSource, Cited } from './types.ts';
export { RULE_SOURCES, type RuleSourceId } from './sources.ts';
export { RAINSTORM_SIGNALS, type RainstormSignal, type SignalColour } from './rainstormSignals.ts';
export { GEOHAZARD_GRADES, gradeOf, geohazardGrade, type GeohazardGrade, type GeohazardGradeRow, type GeohazardMeasures, type GradeLevel } from './geohazardGrades.ts';
export { RELIEF_RESPONSE_LEVELS, nationalReliefLevel, type ReliefLevel, type ReliefLevelRow, type ReliefMeasures } from './reliefResponse.ts';
export { TIME_LIMITS, timeLimit, type TimeLimit, type ClockStart } from './timeLimits.ts';
export { FOREST_FIRE_GRADES, FIRE_OUT_24H_TARGET, forestFireGradeOf, type ForestFireGrade, type ForestFireGradeRow } from './forestFireGrades.ts';
export { STORE_SIZES, type StoreSize } from './reserveSizing.ts';
export { PEOPLE_PER_HOUSEHOLD, ROOMS_PER_HOUSEHOLD, type HouseholdFactor } from './householdFactors.ts';
export { DEFAULT_RAINSTORM_WARNINGS, DEFAULT_RELIEF_HOURS, type NationalDefault } from './nationalDefaults.ts';
