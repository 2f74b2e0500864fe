import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import type { Lang } from '../i18n/lang.ts';
import { deepFreeze } from '../scenario/deepFreeze.ts';
import { locate } from '../scenario/locate.ts';
import { formatMessage } from '../scenario/messages.ts';
import type { DocPath, Problem } from '../scenario/problem.ts';
import { matchesPattern, numericLeaves } from '../scenario/provenance.ts';
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
      const detail = e.message.split('\n')[0] ?? e.code;
      problems.push({ file, ...positionOf(text, e.pos[0]), path: [], message: formatMessage('yamlSyntax', lang, { detail }), severity: 'error' });
    }
    return { ok: false, problems: sortProblems(problems) };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { ok: false, problems: [at([], formatMessage('yamlAlias', lang, { detail }))] };
  }
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
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push(at([...path, key], formatMessage('unknownKey', lang, { key }), 'error', true));
      } else problems.push(at(path, localMessage(issue, lang)));
    }
  }
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

/** Numbers of a building scenario that no provenance entry covers, and patterns covering nothing. Pure. */
export function checkEvacProvenance(s: EvacuationScenario): { uncovered: DocPath[]; unused: { index: number; pattern: string }[] } {
  const used = new Set<string>();
  const uncovered: DocPath[] = [];
  for (const leaf of numericLeaves(s)) {
    let hit = false;
    s.provenance.forEach((p, i) =>
      p.paths.forEach((pat, k) => {
        if (matchesPattern(pat, leaf)) (hit = true), used.add(`${i}/${k}`);
      }),
    );
    if (!hit) uncovered.push(leaf);
  }
  const unused: { index: number; pattern: string }[] = [];
  s.provenance.forEach((p, i) => p.paths.forEach((pat, k) => used.has(`${i}/${k}`) || unused.push({ index: i, pattern: pat })));
  return { uncovered, unused };
}

function localMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (issue.code === 'custom' && params?.kind === 'distOrder') return formatMessage('distOrder', lang, params);
  if (issue.code === 'custom' && params?.kind === 'distRange') return formatMessage('distRange', lang, params);
  if (issue.code === 'invalid_format' && issue.format === 'regex') return formatMessage('badId', lang);
  return issue.message;
}

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
