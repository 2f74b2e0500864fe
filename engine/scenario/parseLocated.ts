import type * as z from 'zod';
import { LineCounter, type Document } from 'yaml';
import type { Lang } from '../i18n/lang.ts';
import { parseDocumentBounded, TEXT_LIMITS, tooDeepPath } from './boundedParse.ts';
import { locate } from './locate.ts';
import { formatMessage } from './messages.ts';
import type { DocPath, Problem } from './problem.ts';

/** Makes a located problem at a document path (at the key itself with `atKey`: unknown keys). */
export type ProblemAt = (path: DocPath, message: string, severity?: Problem['severity'], atKey?: boolean) => Problem;

/** A document that parsed: its plain value, and a way to locate problems in it. */
export type LocatedDoc = { ok: true; raw: unknown; doc: Document; at: ProblemAt };

export type ParsedLocated = LocatedDoc | { ok: false; problems: Problem[] };

/**
 * The front of every loader of user text (scenarios of both models, drill decisions, the drill
 * server's scenario text): parses YAML or JSON (JSON as YAML 1.2, so both get line and column)
 * within {@link TEXT_LIMITS} — text too long, or lists and mappings nested too deep in the text or
 * through aliases, is one located problem before the recursive parts of the parser see it —
 * and reports every syntax error and exploding or unresolved alias located `FILE:LINE:COL`.
 * A leading byte-order mark is dropped (it takes no column, as in an editor). Returns the plain
 * value with a way to locate later problems in it. Pure; nothing throws for bad input.
 */
export function parseLocated(text: string, file: string, lang: Lang): ParsedLocated {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineCounter();
  const bounded = parseDocumentBounded(src, lines, { uniqueKeys: true });
  if (!bounded.ok) {
    const problem: Problem =
      bounded.reason === 'tooDeep'
        ? { file, ...positionOf(src, bounded.offset), path: [], message: formatMessage('tooDeep', lang, { max: TEXT_LIMITS.maxDepth }), severity: 'error' }
        : { file, line: 1, col: 1, path: [], message: formatMessage('textTooLong', lang, { length: bounded.length, max: TEXT_LIMITS.maxBytes }), severity: 'error' };
    return { ok: false, problems: [problem] };
  }
  const { doc } = bounded;
  const at: ProblemAt = (path, message, severity = 'error', atKey = false) => ({ file, ...locate(doc, lines, path, atKey), path, message, severity });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): Problem => {
      // count line breaks ourselves: the LineCounter can miss some while the parser recovers
      const detail = e.message.split('\n')[0] ?? e.code;
      return { file, ...positionOf(src, e.pos[0]), path: [], message: formatMessage('yamlSyntax', lang, { detail }), severity: 'error' };
    });
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
  // aliases can nest a value deeper than its text (located at the alias that does it)
  const deep = tooDeepPath(raw, TEXT_LIMITS.maxDepth);
  if (deep) return { ok: false, problems: [{ ...at(deep, formatMessage('tooDeep', lang, { max: TEXT_LIMITS.maxDepth })), path: [] }] };
  return { ok: true, raw, doc, at };
}

/**
 * zod's issues as located problems: an unknown key at the key itself, anything else at its value,
 * with our own messages for distributions and ids and zod's locale for the rest. Pure.
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[], at: ProblemAt, lang: Lang): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(at([...path, key], formatMessage('unknownKey', lang, { key }), 'error', true));
    } else out.push(at(path, localMessage(issue, lang)));
  }
  return out;
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

/** Problems in file order (line, then column); a new array. */
export function sortProblems(ps: readonly Problem[]): Problem[] {
  return [...ps].sort((a, b) => a.line - b.line || a.col - b.col);
}
