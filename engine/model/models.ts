import { countyModel } from './countyModel.ts';
import { evacuationModel } from './evacuationModel.ts';
import type { Model } from './model.ts';
import type { ModelId } from './modelTypes.ts';

/** Every model, registered once, by id. A new model adds its row here and to ModelTypes. */
export const MODELS: { readonly [K in ModelId]: Model<K> } = {
  county: countyModel,
  evacuation: evacuationModel,
};

/** The models in the order their `claims` are asked (the most specific first; the county format has no `model` key). */
export const MODEL_IDS: readonly ModelId[] = ['evacuation', 'county'];

/** The model a scenario file's parsed top-level value belongs to (the county model claims what no other does). Pure. */
export function modelIdOf(raw: unknown): ModelId {
  return MODEL_IDS.find((id) => MODELS[id].claims(raw)) ?? 'county';
}

/** The model a parsed log manifest belongs to. Pure. */
export function modelIdOfManifest(m: { model?: unknown }): ModelId | undefined {
  return MODEL_IDS.find((id) => MODELS[id].ownsManifest(m));
}
