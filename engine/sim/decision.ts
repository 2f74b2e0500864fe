/**
 * What a drill participant can decide (trainee actions), as data. In a live drill each valid
 * decision becomes an event the engine simulates, so consequences follow (a team sent over a
 * cut road does not arrive). Ids are scenario ids.
 */
export type Decision =
  | { kind: 'issueWarning'; level: 'blue' | 'yellow' | 'orange' | 'red' | 'none' }
  | { kind: 'setResponseLevel'; level: 'IV' | 'III' | 'II' | 'I' | 'ended' }
  | { kind: 'dispatchTeam'; team: string; task: { kind: 'clear'; link: string } | { kind: 'rescue'; site: string } | { kind: 'suppress'; site: string } }
  | { kind: 'evacuate'; site: string }
  | { kind: 'openShelter'; shelter: string }
  | { kind: 'releaseStock'; warehouse: string; village: string; items: Record<string, number> }
  | { kind: 'requestResupply'; warehouse: string }
  | { kind: 'situationReport'; text: string; figures?: { affectedPeople?: number; deadMissing?: number; cutLinks?: number } };

/** A decision with who made it and when (simulated minutes). */
export interface TimedDecision {
  t: number;
  by: string;
  decision: Decision;
}

/** Why a decision was refused: a stable code and a readable message in both languages. */
export interface DecisionError {
  code: string;
  zh: string;
  en: string;
}

/**
 * Which automatic policies run. In Monte Carlo and `yanlian run` the engine decides
 * everything ('auto'); in a drill the trainees decide and the engine only simulates the
 * world ('manual'): it does not issue warnings, set the response level, dispatch teams or
 * send relief by itself.
 */
export type PolicyMode = 'auto' | 'manual';
