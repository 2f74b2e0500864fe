import type { Lang } from '../i18n/lang.ts';
import { loadParsedScenario } from '../scenario/loadScenario.ts';
import { parseLocated } from '../scenario/parseLocated.ts';
import type { Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { loadParsedEvacuationScenario } from './loadEvacuationScenario.ts';
import type { EvacuationScenario } from './schema.ts';

export type ScenarioModel = 'county' | 'evacuation';

/** The model a parsed document is for: `model: evacuation` at the top level, else county. Pure. */
function modelOfValue(raw: unknown): ScenarioModel {
  return raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>).model === 'evacuation' ? 'evacuation' : 'county';
}

/**
 * Which engine a scenario file is for: `model: evacuation` at the top level → a building
 * scenario; anything else (the county format has no `model` key, or text that does not parse,
 * within the limits of engine/scenario/boundedParse.ts) → 'county', whose loader then reports the
 * problems. Pure.
 */
export function scenarioModelOf(text: string): ScenarioModel {
  const p = parseLocated(text, '', 'en');
  return p.ok ? modelOfValue(p.raw) : 'county';
}

export type AnyLoadResult =
  | { ok: true; model: 'county'; scenario: Scenario; warnings: Problem[] }
  | { ok: true; model: 'evacuation'; scenario: EvacuationScenario; warnings: Problem[] }
  | { ok: false; model: ScenarioModel; problems: Problem[] };

/**
 * Loads a county or a building scenario, picked as by {@link scenarioModelOf}; the text is parsed
 * once and the parsed document handed to the model's loader. Pure.
 */
export function loadAnyScenario(text: string, file: string, lang: Lang = 'zh'): AnyLoadResult {
  const p = parseLocated(text, file, lang);
  if (!p.ok) return { ok: false, model: 'county', problems: p.problems };
  if (modelOfValue(p.raw) === 'evacuation') {
    const r = loadParsedEvacuationScenario(p, lang);
    return r.ok ? { ok: true, model: 'evacuation', scenario: r.scenario, warnings: r.warnings } : { ok: false, model: 'evacuation', problems: r.problems };
  }
  const r = loadParsedScenario(p, lang);
  return r.ok ? { ok: true, model: 'county', scenario: r.scenario, warnings: r.warnings } : { ok: false, model: 'county', problems: r.problems };
}
