import type { LogEvent } from '../sim/eventLog.ts';
import type { PlaybackIndex } from '../playback/playback.ts';
import type { ModelId, PlaybackStateOf, ScenarioOf } from './modelTypes.ts';

/**
 * A model's playback (复盘回放): its event vocabulary and a pure reducer over a run's log with
 * keyframes for fast jumps (engine/playback). Shells — the web app's player, the server's
 * playback routes — get it by model id instead of asking which model a log is.
 */
export interface ModelPlayback<K extends ModelId> {
  /** every event type the reducer knows */
  readonly vocabulary: readonly string[];
  /** the unit of the log's `t` */
  readonly unit: 'min' | 's';
  /** folds the log once, keeping a keyframe every `k` events (default 64) */
  index(s: ScenarioOf<K>, events: readonly LogEvent[], k?: number): PlaybackIndex;
  /** the state the log implies at `t` (every event with time ≤ t applied), from the nearest keyframe: O(log n + k); a fresh object */
  stateAt(index: PlaybackIndex, t: number): PlaybackStateOf<K>;
}
