import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import type { Lang } from '../i18n/lang.ts';
import { deepFreeze } from './deepFreeze.ts';
import { locate } from './locate.ts';
import { formatMessage } from './messages.ts';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrate.ts';
import type { DocPath, Problem } from './problem.ts';
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
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (path: DocPath, message: string, severity: Problem['severity'] = 'error', atKey = false): Problem => ({
    file,
    ...locate(doc, lines, path, atKey),
    path,
    message,
    severity,
  });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      // count line breaks ourselves: the LineCounter can miss some while the parser recovers
      const pos = positionOf(text, e.pos[0]);
      const detail = e.message.split('\n')[0] ?? e.code;
      problems.push({ file, ...pos, path: [], message: formatMessage('yamlSyntax', lang, { detail }), severity: 'error' });
    }
    return { ok: false, problems: sortProblems(problems) };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // unresolved or exploding aliases surface only here
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { ok: false, problems: [at([], formatMessage('yamlAlias', lang, { detail }))] };
  }
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
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          problems.push(at([...path, key], formatMessage('unknownKey', lang, { key }), 'error', true));
      } else problems.push(at(path, localMessage(issue, lang)));
    }
  }
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

/** Our own custom issues and id patterns in the user's language; zod's locale for the rest. */
function localMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (issue.code === 'custom' && params?.kind === 'distOrder') return formatMessage('distOrder', lang, params);
  if (issue.code === 'custom' && params?.kind === 'distRange') return formatMessage('distRange', lang, params);
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.path[issue.path.length - 1] !== 'code')
    return formatMessage('badId', lang);
  return issue.message;
}

/** 1-based line and column of a character offset, counting "\n" directly. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, col: end - start + 1 };
}

function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => a.line - b.line || a.col - b.col);
}
