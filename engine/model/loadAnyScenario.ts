import type { Lang } from '../i18n/lang.ts';
import { parseLocated, type LocatedDoc } from '../scenario/parseLocated.ts';
import type { Problem } from '../scenario/problem.ts';
import { MODELS, modelIdOf } from './models.ts';
import type { ModelId, ScenarioOf } from './modelTypes.ts';

/** A scenario of any model, loaded, with the model it belongs to; or every located problem. */
export type AnyLoadResult =
  | { [K in ModelId]: { ok: true; model: K; scenario: ScenarioOf<K>; warnings: Problem[] } }[ModelId]
  | { ok: false; model: ModelId; problems: Problem[] };

/**
 * Which model a scenario file is for, by its parsed top-level value (`model: evacuation` → the
 * building model; the county format has no `model` key); text that does not parse within the
 * limits of engine/scenario/boundedParse.ts → 'county', whose loader then reports the problems. Pure.
 */
export function scenarioModelOf(text: string): ModelId {
  const p = parseLocated(text, '', 'en');
  return p.ok ? modelIdOf(p.raw) : 'county';
}

/**
 * Loads a scenario of any registered model: the text is parsed once (bounded), the model picked
 * by {@link modelIdOf}, and the parsed document handed to that model's loader. Pure.
 */
export function loadAnyScenario(text: string, file: string, lang: Lang = 'zh'): AnyLoadResult {
  const p = parseLocated(text, file, lang);
  if (!p.ok) return { ok: false, model: 'county', problems: p.problems };
  return loadWith(modelIdOf(p.raw), p, lang);
}

function loadWith<K extends ModelId>(id: K, p: LocatedDoc, lang: Lang): AnyLoadResult {
  const r = MODELS[id].loadParsed(p, lang);
  return (r.ok ? { ok: true, model: id, scenario: r.scenario, warnings: r.warnings } : { ok: false, model: id, problems: r.problems }) as AnyLoadResult;
}
