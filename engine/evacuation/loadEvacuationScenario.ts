import * as z from 'zod';
import type { Lang } from '../i18n/lang.ts';
import { deepFreeze } from '../scenario/deepFreeze.ts';
import { formatMessage } from '../scenario/messages.ts';
import { issueProblems, parseLocated, sortProblems, type LocatedDoc } from '../scenario/parseLocated.ts';
import type { Problem } from '../scenario/problem.ts';
import { checkProvenance } from '../scenario/provenance.ts';
import { formatEvacMessage } from './messages.ts';
import { EvacuationScenarioV1, type EvacuationScenario } from './schema.ts';
import { checkEvacSemantics } from './semantics.ts';

/** Schema versions of the building format this engine reads. */
export const EVAC_SCHEMA_VERSION = 1;

export type EvacLoadResult =
  | { ok: true; scenario: EvacuationScenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

const zodLocale = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * Loads a building (school fire evacuation) scenario: parse → version check → validate (zod)
 * → semantics → provenance → freeze. Problems are located `FILE:LINE:COL path: message`
 * exactly like the county loader (engine/scenario/loadScenario.ts), in Chinese by default.
 * Nothing throws for bad input. Pure: the caller reads the file.
 */
export function loadEvacuationScenario(text: string, file: string, lang: Lang = 'zh'): EvacLoadResult {
  const p = parseLocated(text, file, lang);
  return p.ok ? loadParsedEvacuationScenario(p, lang) : p;
}

/** {@link loadEvacuationScenario} after the parse, for text parsed once by `parseLocated` (loadAnyScenario). Pure. */
export function loadParsedEvacuationScenario(p: LocatedDoc, lang: Lang = 'zh'): EvacLoadResult {
  const { raw, at } = p;
  const problems: Problem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: [at([], formatMessage('notAnObject', lang))] };
  const v = (raw as Record<string, unknown>).schemaVersion;
  if (v === undefined) return { ok: false, problems: [at(['schemaVersion'], formatMessage('missingVersion', lang, { current: EVAC_SCHEMA_VERSION }))] };
  if (v !== EVAC_SCHEMA_VERSION)
    return {
      ok: false,
      problems: [at(['schemaVersion'], formatMessage('badVersion', lang, { found: String(v), current: EVAC_SCHEMA_VERSION }))],
    };
  if ((raw as Record<string, unknown>).model !== 'evacuation')
    return { ok: false, problems: [at(['model'], formatEvacMessage('modelMismatch', lang))] };

  const parsed = EvacuationScenarioV1.safeParse(raw, { error: zodLocale[lang] });
  if (!parsed.success) problems.push(...issueProblems(parsed.error.issues, at, lang, EvacuationScenarioV1));
  for (const s of checkEvacSemantics(parsed.success ? parsed.data : raw))
    problems.push(at(s.path, formatEvacMessage(s.key, lang, s.params), s.severity));
  if (!parsed.success) return { ok: false, problems: sortProblems(problems) };

  const scenario = parsed.data;
  const prov = checkEvacProvenance(scenario);
  for (const path of prov.uncovered) problems.push(at(path, formatEvacMessage('provenanceMissing', lang), 'warning'));
  for (const u of prov.unused)
    problems.push(at(['provenance', u.index, 'paths'], formatEvacMessage('provenanceUnused', lang, { pattern: u.pattern }), 'warning'));
  const sorted = sortProblems(problems);
  if (sorted.some((p) => p.severity === 'error')) return { ok: false, problems: sorted };
  return { ok: true, scenario: deepFreeze(scenario), warnings: sorted };
}

/** Numbers of a building scenario that no provenance entry covers, and patterns covering nothing (the county check). Pure. */
export const checkEvacProvenance: (s: EvacuationScenario) => ReturnType<typeof checkProvenance> = checkProvenance;
