import type { BuildingState } from '../playback/buildingState.ts';
import type { CountyState } from '../playback/countyState.ts';
import { buildPlayback, stateAt, type PlaybackInput } from '../playback/playback.ts';
import { knownScenario, type PositionHoldings } from '../playback/records.ts';
import { BUILDING_EVENT_TYPES, COUNTY_EVENT_TYPES } from '../playback/vocabulary.ts';
import type { ModelPlayback } from './modelPlayback.ts';
import type { ModelId, ScenarioOf } from './modelTypes.ts';

/** A model's playback with what a player needs to draw it: the scene (engine/playback's reducer name) and the reducer's input. */
export interface PlaybackDescriptor<K extends ModelId> extends ModelPlayback<K> {
  /** the scene a player draws and the reducer `engine/playback` folds with: 'county' map or 'building' */
  readonly scene: PlaybackInput['model'];
  /** the reducer's input for a scenario of this model */
  input(s: ScenarioOf<K>): PlaybackInput;
  /** the scenario as a drill position may draw it in its own view (county: only its own teams' and stores' holdings; a building: all of it) */
  knownBy(s: ScenarioOf<K>, own: PositionHoldings): ScenarioOf<K>;
}

/**
 * Every model's playback by model id — the small registry the web app's player imports: only
 * engine/playback (pure, no loaders, Monte Carlo or Node built-ins), so the player's bundle does
 * not carry the models. `MODELS[id].playback` is this same object. A new model adds its row here.
 */
export const PLAYBACKS: { readonly [K in ModelId]: PlaybackDescriptor<K> } = {
  county: {
    scene: 'county',
    vocabulary: COUNTY_EVENT_TYPES,
    unit: 'min',
    input: (s) => ({ model: 'county', scenario: s }),
    knownBy: knownScenario,
    index: (s, events, k) => buildPlayback({ model: 'county', scenario: s }, events, k),
    stateAt: (index, t) => stateAt(index, t) as CountyState,
  },
  evacuation: {
    scene: 'building',
    vocabulary: BUILDING_EVENT_TYPES,
    unit: 's',
    input: (s) => ({ model: 'building', scenario: s }),
    knownBy: (s) => s,
    index: (s, events, k) => buildPlayback({ model: 'building', scenario: s }, events, k),
    stateAt: (index, t) => stateAt(index, t) as BuildingState,
  },
};

/** `id` as a model id when it names one (a server's or a manifest's model field), else undefined. Pure. */
export function playbackModelId(id: unknown): ModelId | undefined {
  return typeof id === 'string' && Object.hasOwn(PLAYBACKS, id) ? (id as ModelId) : undefined;
}
