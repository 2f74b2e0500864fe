import type { EvacuationScenario } from '../evacuation/schema.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { applyBuilding, initialBuildingState, type BuildingState } from './buildingState.ts';
import { annotateCounty, applyCounty, initialCountyState, type CountyState } from './countyState.ts';
import { stockAtTime } from './countyStock.ts';
import { buildingGeometry, countyGeometry } from './geometry.ts';
import { BUILDING_EVENT_TYPES, COUNTY_EVENT_TYPES } from './vocabulary.ts';

export type PlaybackState = CountyState | BuildingState;

/** A model's playback: its vocabulary, its initial state and its reducer. One per model, registered below. */
export interface PlaybackModel<S extends PlaybackState> {
  vocabulary: readonly string[];
  /** the unit of the log's `t`: simulated minutes (county) or seconds since ignition (building) */
  unit: 'min' | 's';
  init(): S;
  /** per-event look-ahead the reducer may use (end times of moves), computed once over the whole log */
  annotate(events: readonly LogEvent[]): Float64Array;
  /** applies event e in place; false for an unknown type */
  apply(s: S, e: LogEvent, end: number): boolean;
  /**
   * brings what changes between events (stock drawn at a rate) to time `t`, no earlier than the
   * last event applied, in place; the same state and `t` always give the same result, and later
   * events fold as if it had not been called
   */
  at?(s: S, t: number): void;
}

/**
 * `policy`: the run's decisions — 'auto' (the engine's own: relief drawn at the scenario's
 * consumption), 'manual' (a drill: trainees release stock). Absent: 'manual' when the log holds
 * a decision, else 'auto'.
 */
export type PlaybackInput = { model: 'county'; scenario: Scenario; policy?: 'auto' | 'manual' } | { model: 'building'; scenario: EvacuationScenario };

/**
 * A log of a drill (people decide: 'manual') or of the engine on its own ('auto'): manual when
 * it holds a decision, or when villages asked for relief and no truck ever left for one at that
 * moment (the engine on its own loads relief as it is asked for; in a drill trainees release it).
 * Pure.
 */
export function policyOf(events: readonly LogEvent[]): 'auto' | 'manual' {
  let asked = false;
  let served = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'decision.applied' || e.type === 'decision.refused') return 'manual';
    if (e.type !== 'relief.requested' || served) continue;
    asked = true;
    for (let j = i + 1; j < events.length && events[j]!.t === e.t; j++)
      if (events[j]!.type === 'delivery.dispatched' && events[j]!.village === e.village) served = true;
  }
  return asked && !served ? 'manual' : 'auto';
}

/** The two models' playbacks over a scenario. Pure. */
export function playbackModel(input: PlaybackInput): PlaybackModel<PlaybackState> {
  if (input.model === 'county') {
    const g = countyGeometry(input.scenario, input.policy !== 'manual');
    const m: PlaybackModel<CountyState> = {
      vocabulary: COUNTY_EVENT_TYPES,
      unit: 'min',
      init: () => initialCountyState(g),
      annotate: annotateCounty,
      apply: (s, e, end) => applyCounty(s, e, end, g),
      at: (s, t) => stockAtTime(s, g, t),
    };
    return m as unknown as PlaybackModel<PlaybackState>;
  }
  const g = buildingGeometry(input.scenario);
  const m: PlaybackModel<BuildingState> = {
    vocabulary: BUILDING_EVENT_TYPES,
    unit: 's',
    init: () => initialBuildingState(g),
    annotate: (events) => new Float64Array(events.length).fill(NaN),
    apply: (s, e, end) => applyBuilding(s, e, end, g),
  };
  return m as unknown as PlaybackModel<PlaybackState>;
}

/**
 * A log prepared for jumping: the events (in log order, `t` non-decreasing), their times, the
 * look-ahead annotations and a keyframe (a structured clone of the state) every `k` events:
 * keyframes[j] is the state after the first j·k events.
 */
export interface PlaybackIndex {
  model: PlaybackModel<PlaybackState>;
  events: readonly LogEvent[];
  times: Float64Array;
  ends: Float64Array;
  k: number;
  keyframes: PlaybackState[];
  /** events whose type the model does not know (log order) */
  unknown: { seq: number; type: string }[];
  /** the last event's time (0 for an empty log) */
  endT: number;
}

/** Default keyframe spacing, events. */
export const KEYFRAME_EVERY = 64;

/**
 * Folds the log once, keeping a keyframe every k events. O(n + (n/k)·state size). Pure: the
 * events are not mutated, and times must not decrease (a log from the engine never does).
 */
export function buildPlayback(input: PlaybackInput, events: readonly LogEvent[], k = KEYFRAME_EVERY): PlaybackIndex {
  const model = playbackModel(input.model === 'county' ? { ...input, policy: input.policy ?? policyOf(events) } : input);
  const ends = model.annotate(events);
  const times = new Float64Array(events.length);
  const keyframes: PlaybackState[] = [];
  const unknown: { seq: number; type: string }[] = [];
  const s = model.init();
  for (let i = 0; i < events.length; i++) {
    if (i % k === 0) keyframes.push(structuredClone(s));
    const e = events[i]!;
    times[i] = e.t;
    if (!model.apply(s, e, ends[i]!)) unknown.push({ seq: e.seq, type: e.type });
  }
  if (events.length % k === 0) keyframes.push(structuredClone(s));
  return { model, events, times, ends, k, keyframes, unknown, endT: events.length ? events[events.length - 1]!.t : 0 };
}

/** How many events happened at or before `t` (binary search, O(log n)). Pure. */
export function countAt(index: PlaybackIndex, t: number): number {
  let lo = 0;
  let hi = index.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The state after the first `n` events, from the nearest keyframe: O(k + state size), seen at
 * time `t` when given (stock drawn at a rate brought to it), else at the last of them. Returns a
 * fresh object. Pure.
 */
export function stateAfter(index: PlaybackIndex, n: number, t?: number): PlaybackState {
  const m = Math.max(0, Math.min(n, index.events.length));
  const j = Math.floor(m / index.k);
  const s = structuredClone(index.keyframes[j]!);
  for (let i = j * index.k; i < m; i++) index.model.apply(s, index.events[i]!, index.ends[i]!);
  if (t !== undefined) index.model.at?.(s, t);
  return s;
}

/** The state the log implies at time `t` (every event with time ≤ t applied, stock drawn at a rate up to t): O(log n + k). Pure. */
export function stateAt(index: PlaybackIndex, t: number): PlaybackState {
  return stateAfter(index, countAt(index, t), t);
}

/** The reference: fold the first n events one by one from the initial state, no keyframes (seen at `t` when given). Pure (for tests). */
export function foldEvents(index: PlaybackIndex, n: number, t?: number): PlaybackState {
  const s = index.model.init();
  for (let i = 0; i < n; i++) index.model.apply(s, index.events[i]!, index.ends[i]!);
  if (t !== undefined) index.model.at?.(s, t);
  return s;
}

/**
 * A moving read head for a player: seeking forward folds on from where it stands (no clone),
 * a jump back or far ahead restarts from the nearest keyframe. The state it returns is its own
 * working copy: read it, never change it; it changes on the next seek.
 */
export class PlaybackCursor {
  private s: PlaybackState;
  private n = 0;

  constructor(private readonly index: PlaybackIndex) {
    this.s = structuredClone(index.keyframes[0]!);
  }

  /** events applied so far */
  get applied(): number {
    return this.n;
  }

  seek(t: number): PlaybackState {
    const target = countAt(this.index, t);
    if (target < this.n || target - this.n > this.index.k) {
      const j = Math.floor(target / this.index.k);
      this.s = structuredClone(this.index.keyframes[j]!);
      this.n = j * this.index.k;
    }
    for (; this.n < target; this.n++) this.index.model.apply(this.s, this.index.events[this.n]!, this.index.ends[this.n]!);
    this.index.model.at?.(this.s, t);
    return this.s;
  }
}
