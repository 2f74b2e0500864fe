import type { FogRule } from '../drill/fogRules.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { DecisionErrorOf, DecisionOf, ModelId, OutcomeOf, ScenarioOf } from './modelTypes.ts';

/** What a person decides, without when and by whom (the body of a `DecisionOf<K>`). */
export type DecisionBodyOf<K extends ModelId> = DecisionOf<K>['decision'];

/**
 * A trial run step by step on a drill server's paced clock: advanced to the clock's time,
 * decisions applied as they come. Replaying the scenario, seed and accepted decisions (the
 * model's `run` with `played`, or this interface again) gives the identical event log.
 */
export interface ModelLiveTrial<K extends ModelId> {
  /** the ground-truth event log so far (never send it to trainees unfiltered) */
  readonly events: readonly LogEvent[];
  /** model time the world has been run to (the model's `timeUnit`) */
  readonly now: number;
  readonly horizon: number;
  /** runs the world up to `t` (capped at the horizon); returns the new events */
  advanceTo(t: number): LogEvent[];
  /** applies (or queues) a decision at its time ≥ now; a refusal changes nothing and says why */
  decide(d: DecisionOf<K>): { ok: true; events: LogEvent[] } | { ok: false; error: DecisionErrorOf<K> };
  /** the accepted decisions so far, for the drill record and replays */
  readonly decisions: readonly DecisionOf<K>[];
  outcome(): OutcomeOf<K>;
}

/**
 * A model's live part: what a drill server needs to run it on a paced clock. Present on every
 * model that can be run step by step (`supports.live`); whether the drill server can host it
 * (positions, fog, injects) is `supports.drill`.
 */
export interface ModelLive<K extends ModelId> {
  /** a paced trial of a loaded scenario: `manual`, only decisions act; `auto`, the plan's policy too */
  create(s: ScenarioOf<K>, seed: number, opts?: { mode?: 'auto' | 'manual' }): ModelLiveTrial<K>;
  /** the decision schema: a decision as it arrives over the wire, checked for shape and size (bilingual message naming the first bad field) */
  parseDecision(raw: unknown): { ok: true; decision: DecisionBodyOf<K> } | { ok: false; zh: string; en: string };
  /** the event vocabulary a drill's fog of war decides on: who may see each event type as it happens */
  readonly fogRules: Readonly<Record<string, FogRule>>;
  /** the scenario's horizon in the model's time unit */
  horizon(s: ScenarioOf<K>): number;
}
