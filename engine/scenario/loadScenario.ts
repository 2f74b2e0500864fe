import * as z from 'zod';
import type { Lang } from '../i18n/lang.ts';
import { deepFreeze } from './deepFreeze.ts';
import { formatMessage } from './messages.ts';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrate.ts';
import { issueProblems, parseLocated, sortProblems, type LocatedDoc } from './parseLocated.ts';
import type { Problem } from './problem.ts';
import { checkProvenance } from './provenance.ts';
import { resolveScenario } from './resolve.ts';
import { ScenarioV1, type Scenario } from './schema/scenario.ts';
import { checkSemantics } from './semantics.ts';

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

const zodLocale = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * parse → migrate → validate → resolve → freeze. The resolve step fills values the file
 * leaves to the national rules (engine/rules) and adds their provenance. Reads YAML or JSON text (JSON is parsed as YAML 1.2, so
 * both get line and column). Every problem is reported, each located; nothing throws for bad
 * input. Pure: the caller reads the file.
 */
export function loadScenario(text: string, file: string, lang: Lang = 'zh'): LoadResult {
  const p = parseLocated(text, file, lang);
  return p.ok ? loadParsedScenario(p, lang) : p;
}

/** {@link loadScenario} after the parse, for text parsed once by `parseLocated` (loadAnyScenario). Pure. */
export function loadParsedScenario(p: LocatedDoc, lang: Lang = 'zh'): LoadResult {
  const { raw, at } = p;
  const problems: Problem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: [at([], formatMessage('notAnObject', lang))] };

  const migrated = migrate(raw as Record<string, unknown>);
  if (!migrated.ok) {
    const message =
      migrated.reason === 'missing'
        ? formatMessage('missingVersion', lang, { current: CURRENT_SCHEMA_VERSION })
        : formatMessage('badVersion', lang, { found: String(migrated.found), current: CURRENT_SCHEMA_VERSION });
    return { ok: false, problems: [at(['schemaVersion'], message)] };
  }

  const parsed = ScenarioV1.safeParse(migrated.doc, { error: zodLocale[lang] });
  if (!parsed.success) problems.push(...issueProblems(parsed.error.issues, at, lang, ScenarioV1));
  // Cross-reference checks run on the raw document too, so one pass reports every problem.
  for (const s of checkSemantics(parsed.success ? parsed.data : migrated.doc))
    problems.push(at(s.path, formatMessage(s.key, lang, s.params), s.severity));
  if (!parsed.success) return { ok: false, problems: sortProblems(problems) };

  // resolve: fill what the file leaves to the national rules (engine/rules), with provenance;
  // a file with errors is not resolved, but its provenance is still checked as written
  const failed = problems.some((p) => p.severity === 'error');
  const scenario = failed ? (parsed.data as unknown as Scenario) : resolveScenario(parsed.data).scenario;
  const prov = checkProvenance(scenario);
  for (const path of prov.uncovered) problems.push(at(path, formatMessage('provenanceMissing', lang), 'warning'));
  for (const u of prov.unused)
    problems.push(at(['provenance', u.index, 'paths'], formatMessage('provenanceUnused', lang, { pattern: u.pattern }), 'warning'));

  const sorted = sortProblems(problems);
  if (sorted.some((p) => p.severity === 'error')) return { ok: false, problems: sorted };
  return { ok: true, scenario: deepFreeze(scenario), warnings: sorted };
}
