import type { Lang } from '../i18n/lang.ts';
import type { McAggregate } from '../montecarlo/aggregate.ts';
import type { Chunk, ChunkResult } from '../montecarlo/runChunk.ts';
import type { SummaryMeta } from '../montecarlo/summarize.ts';
import type { LocatedDoc } from '../scenario/parseLocated.ts';
import type { Problem } from '../scenario/problem.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { ModelLive } from './modelLive.ts';
import type { ModelPlayback } from './modelPlayback.ts';
import type { DecisionOf, LayoutOf, ManifestOf, ModelId, OutcomeOf, ScenarioOf, SummaryOf } from './modelTypes.ts';

/** A drill's recorded decisions as a run plays them: `manual` (only they act) or `auto` (the plan's policy too). */
export interface Played<K extends ModelId> {
  mode: 'auto' | 'manual';
  decisions: DecisionOf<K>[];
}

/** A loaded scenario of model K, or every located problem. */
export type ModelLoadResult<K extends ModelId> =
  | { ok: true; scenario: ScenarioOf<K>; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** One run of a model: its event log (empty when not kept) and its outcome. */
export interface ModelRun<K extends ModelId> {
  events: LogEvent[];
  outcome: OutcomeOf<K>;
}

/**
 * The Monte Carlo of a model: a fixed layout per scenario, an exactly mergeable integer
 * aggregate (engine/montecarlo/aggregate.ts), chunks of trials with seeds `trialSeed(master, i)`,
 * the stopping rule's largest standard error, the CSV header and the summary. All pure; the
 * worker pool (engine/node/runModelMonteCarlo.ts) runs any model's chunks through this.
 */
export interface ModelMonteCarlo<K extends ModelId> {
  layout(s: ScenarioOf<K>): LayoutOf<K>;
  createAggregate(layout: LayoutOf<K>): McAggregate;
  runChunk(s: ScenarioOf<K>, layout: LayoutOf<K>, master: number, chunk: Chunk, withCsv: boolean): ChunkResult;
  maxSe(layout: LayoutOf<K>, agg: McAggregate): number;
  csvHeader(layout: LayoutOf<K>): string;
  summarize(s: ScenarioOf<K>, layout: LayoutOf<K>, agg: McAggregate, meta: SummaryMeta): SummaryOf<K>;
}

/**
 * What every model implements once (county chain, building evacuation, the next one) and what
 * every shell — CLI, reports, drill server, web app — calls instead of asking which model it has.
 * See engine/model/README.md. Pure.
 */
export interface Model<K extends ModelId> {
  readonly id: K;
  /** the model's name as a person reads it */
  readonly label: { zh: string; en: string };
  /** the unit of `t` in the model's events and decisions */
  readonly timeUnit: 'minutes' | 'seconds';
  /** whether a scenario file's parsed top-level value is this model's (its `model` key) */
  claims(raw: unknown): boolean;
  /** parse → migrate → validate → freeze, every problem located `FILE:LINE:COL` */
  load(text: string, file: string, lang: Lang): ModelLoadResult<K>;
  /** the same after the parse, for text parsed once (and bounded) by `parseLocated` */
  loadParsed(doc: LocatedDoc, lang: Lang): ModelLoadResult<K>;
  /** one run over a uint32 seed, with the plan's policy or a drill's recorded decisions */
  run(s: ScenarioOf<K>, seed: number, opts?: { played?: Played<K>; keepLog?: boolean }): ModelRun<K>;
  /** the first line of a run's log: what `replay` needs to repeat the run */
  manifest(s: ScenarioOf<K>, x: { sha256: string; file: string; seed: number; played?: Played<K> | undefined }): ManifestOf<K>;
  /** whether a parsed log manifest is this model's */
  ownsManifest(m: { model?: unknown }): boolean;
  /** the mode and decisions a logged manifest recorded (replay plays them again) */
  playedOf(m: ManifestOf<K>): Played<K> | undefined;
  readonly mc: ModelMonteCarlo<K>;
  /** a run step by step on a drill server's paced clock, with decisions (see modelLive.ts); null where the model cannot (then `supports.live` is false) */
  readonly live: ModelLive<K> | null;
  /** the event vocabulary and the pure `stateAt` reducer with keyframes (see modelPlayback.ts) */
  readonly playback: ModelPlayback<K>;
  /**
   * what the model offers beyond run, replay, simulate and playback; shells refuse the rest with
   * a clear message: `sweep` (parameter sweeps), `live` (`live` runs step by step with decisions),
   * `drill` (the drill server can host it: positions, fog of war, injects, scoring)
   */
  readonly supports: { sweep: boolean; live: boolean; drill: boolean };
}
