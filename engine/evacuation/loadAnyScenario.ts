import { LineCounter, parseDocument } from 'yaml';
import type { Lang } from '../i18n/lang.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import type { Problem } from '../scenario/problem.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { loadEvacuationScenario } from './loadEvacuationScenario.ts';
import type { EvacuationScenario } from './schema.ts';

export type ScenarioModel = 'county' | 'evacuation';

/**
 * Which engine a scenario file is for: `model: evacuation` at the top level → a building
 * scenario; anything else (the county format has no `model` key, or unparsable text) →
 * 'county', whose loader then reports the problems. Pure.
 */
export function scenarioModelOf(text: string): ScenarioModel {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  if (doc.errors.length > 0) return 'county';
  try {
    const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>).model === 'evacuation' ? 'evacuation' : 'county';
  } catch {
    return 'county';
  }
}

export type AnyLoadResult =
  | { ok: true; model: 'county'; scenario: Scenario; warnings: Problem[] }
  | { ok: true; model: 'evacuation'; scenario: EvacuationScenario; warnings: Problem[] }
  | { ok: false; model: ScenarioModel; problems: Problem[] };

/** Loads a county or a building scenario, picked by {@link scenarioModelOf}. Pure. */
export function loadAnyScenario(text: string, file: string, lang: Lang = 'zh'): AnyLoadResult {
  if (scenarioModelOf(text) === 'evacuation') {
    const r = loadEvacuationScenario(text, file, lang);
    return r.ok ? { ok: true, model: 'evacuation', scenario: r.scenario, warnings: r.warnings } : { ok: false, model: 'evacuation', problems: r.problems };
  }
  const r = loadScenario(text, file, lang);
  return r.ok ? { ok: true, model: 'county', scenario: r.scenario, warnings: r.warnings } : { ok: false, model: 'county', problems: r.problems };
}
