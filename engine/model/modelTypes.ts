import type { EvacDecisionError, TimedEvacDecision } from '../evacuation/evacDecision.ts';
import type { EvacOutcome } from '../evacuation/evacOutcome.ts';
import type { EvacMcLayout } from '../evacuation/montecarlo/evacMcLayout.ts';
import type { EvacMcSummary } from '../evacuation/montecarlo/evacSummaryTypes.ts';
import type { EvacuationScenario } from '../evacuation/schema.ts';
import type { McLayout } from '../montecarlo/mcLayout.ts';
import type { McSummary } from '../montecarlo/summaryTypes.ts';
import type { EvacManifest } from '../evacuation/evacManifest.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { DecisionError, TimedDecision } from '../sim/decision.ts';
import type { TrialOutcome } from '../sim/outcome.ts';
import type { Manifest } from '../sim/eventLog.ts';
import type { BuildingState } from '../playback/buildingState.ts';
import type { CountyState } from '../playback/countyState.ts';

/**
 * The types each model brings, by model id: the one table a new model adds a row to. Shells
 * index it (`ModelTypes[K]['outcome']`) through generic functions over `K extends ModelId`, so
 * TypeScript pairs a scenario with its own outcome and summary without a branch per model.
 */
export interface ModelTypes {
  /** the county disaster chain (a scenario file without a `model` key) */
  county: {
    scenario: Scenario;
    decision: TimedDecision;
    decisionError: DecisionError;
    outcome: TrialOutcome;
    layout: McLayout;
    summary: McSummary;
    manifest: Manifest;
    playbackState: CountyState;
  };
  /** the building evacuation (`model: evacuation`) */
  evacuation: {
    scenario: EvacuationScenario;
    decision: TimedEvacDecision;
    decisionError: EvacDecisionError;
    outcome: EvacOutcome;
    layout: EvacMcLayout;
    summary: EvacMcSummary;
    manifest: EvacManifest;
    playbackState: BuildingState;
  };
}

/** Which model a scenario, a log or a summary belongs to. */
export type ModelId = keyof ModelTypes;

export type ScenarioOf<K extends ModelId> = ModelTypes[K]['scenario'];
export type DecisionOf<K extends ModelId> = ModelTypes[K]['decision'];
export type DecisionErrorOf<K extends ModelId> = ModelTypes[K]['decisionError'];
export type OutcomeOf<K extends ModelId> = ModelTypes[K]['outcome'];
export type LayoutOf<K extends ModelId> = ModelTypes[K]['layout'];
export type SummaryOf<K extends ModelId> = ModelTypes[K]['summary'];
export type ManifestOf<K extends ModelId> = ModelTypes[K]['manifest'];
export type PlaybackStateOf<K extends ModelId> = ModelTypes[K]['playbackState'];
