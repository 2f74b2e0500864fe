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
 * zod's issues as located problems: an unknown key at the key itself — with the allowed key it is
 * most likely a typo of (edit distance ≤ 2) when `schema`, the schema that was parsed, is given —
 * anything else at its value, with our own messages for distributions, ids and types and zod's
 * locale for the rest. Pure.
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[], at: ProblemAt, lang: Lang, schema?: z.ZodType): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema ? keysAt(schema, path) : [];
      for (const key of issue.keys) {
        const near = nearest(key, allowed.filter((k) => !issue.keys.includes(k)));
        out.push(at([...path, key], near ? formatMessage('unknownKeyDidYouMean', lang, { key, suggestion: near }) : formatMessage('unknownKey', lang, { key }), 'error', true));
      }
    } else out.push(at(path, localMessage(issue, lang)));
  }
  return out;
}

/** zod's type words in its Chinese messages (期望 number，实际接收 string) as Chinese words. */
const TYPE_ZH: Record<string, string> = {
  string: '文本（字符串）',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象（映射）',
  array: '数组（列表）',
  null: '空值',
  undefined: '缺失',
  bigint: '大整数',
  date: '日期',
  nan: 'NaN',
  symbol: '符号',
  function: '函数',
};

/**
 * zod's zh-CN locale leaves some type names in English ("期望 数字，实际接收 string"): every type
 * word after 期望/实际接收 in Chinese; a missing value said as missing; an infinite or too large
 * number ("期望 数字，实际接收 数字") said as such. Pure.
 */
export function zhTypeWords(message: string): string {
  const out = message.replace(/(期望|实际接收) ([a-z]+)(?![a-z(])/g, (m, lead: string, word: string) => (TYPE_ZH[word] ? `${lead} ${TYPE_ZH[word]}` : m));
  const missing = /^无效输入：期望 (.+)，实际接收 缺失$/.exec(out);
  if (missing) return `缺少此项（应为${missing[1]}）`;
  const same = /期望 ([^，]+)，实际接收 \1$/.exec(out);
  return same ? `${out}（数值过大或不是有限数）` : out;
}

/**
 * The keys an object at `path` in `schema` allows: the union over every branch the path can go
 * through (unions, optionals, arrays, records, pipes, lazies). Reads zod 4's `_zod.def`. Pure.
 */
export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; out?: unknown; element?: unknown; valueType?: unknown; options?: unknown[]; items?: unknown[]; left?: unknown; right?: unknown; getter?: () => unknown };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  // the schemas a value can be parsed by, wrappers removed
  const unwrap = (s: unknown, seen = 0): unknown[] => {
    const d = defOf(s);
    if (!d || seen > 20) return [];
    switch (d.type) {
      case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
        return unwrap(d.innerType, seen + 1);
      case 'pipe':
        return unwrap(d.in, seen + 1);
      case 'lazy':
        return d.getter ? unwrap(d.getter(), seen + 1) : [];
      case 'union':
        return (d.options ?? []).flatMap((o) => unwrap(o, seen + 1));
      case 'intersection':
        return [...unwrap(d.left, seen + 1), ...unwrap(d.right, seen + 1)];
      default:
        return [s];
    }
  };
  let at = unwrap(schema);
  for (const seg of path) {
    at = at.flatMap((s) => {
      const d = defOf(s)!;
      if (d.type === 'object' && typeof seg === 'string' && d.shape && seg in d.shape) return unwrap(d.shape[seg]);
      if (d.type === 'array' && typeof seg === 'number') return unwrap(d.element);
      if (d.type === 'tuple' && typeof seg === 'number' && d.items?.[seg]) return unwrap(d.items[seg]);
      if (d.type === 'record') return unwrap(d.valueType);
      return [];
    });
  }
  const keys = new Set<string>();
  for (const s of at) {
    const d = defOf(s)!;
    if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) keys.add(k);
  }
  return [...keys];
}

/**
 * The allowed key closest to a typed one by edit distance (insertions, deletions, substitutions
 * and swaps of neighbours, case ignored), if within 2 and shorter than the key; ties go to the
 * first in the schema's order. Pure.
 */
export function nearest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of allowed) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD && d < key.length) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). Pure. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Our own custom issues and id patterns in the user's language; zod's locale for the rest. */
function localMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (issue.code === 'custom' && params?.kind === 'distOrder') return formatMessage('distOrder', lang, params);
  if (issue.code === 'custom' && params?.kind === 'distRange') return formatMessage('distRange', lang, params);
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.path[issue.path.length - 1] !== 'code')
    return formatMessage('badId', lang);
  return lang === 'zh' ? zhTypeWords(issue.message) : issue.message;
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
