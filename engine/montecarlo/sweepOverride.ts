import { migrate } from '../scenario/migrate.ts';
import type { DocPath } from '../scenario/problem.ts';
import { ScenarioV1 } from '../scenario/schema/scenario.ts';

/** One value of a swept parameter: set the leaves to `value`, or scale them by `factor` (`x0.5`). */
export type SweepValue = { text: string; kind: 'set'; value: number | boolean | string } | { text: string; kind: 'scale'; factor: number };

/** A parsed `--set path=v1,v2,…`: `path` segments are keys, array indices or `*` (every key or index). */
export interface SweepParameter {
  /** the option text as given */
  text: string;
  /** the path as given (before `=`) */
  pathText: string;
  path: string[];
  values: SweepValue[];
}

/** Why a `--set` or one of its values was refused; the CLI words it (zh/en). */
export type OverrideError =
  | { key: 'setSyntax'; params: { set: string } }
  | { key: 'setBadPath'; params: { set: string; path: string } }
  | { key: 'setBadValue'; params: { set: string; value: string } }
  | { key: 'setNoSuchKey'; params: { path: string; at: string; key: string; keys: string } }
  | { key: 'setNoSuchIndex'; params: { path: string; at: string; index: string; count: number } }
  | { key: 'setNotContainer'; params: { path: string; at: string } }
  | { key: 'setWildcardEmpty'; params: { path: string; at: string } }
  | { key: 'setCannotScale'; params: { path: string; at: string; found: string } }
  | { key: 'setNotLeaf'; params: { path: string; at: string } };

export type Result<T> = { ok: true; value: T } | { ok: false; error: OverrideError };

/** One leaf changed by an override. */
export interface OverrideChange {
  path: DocPath;
  from: unknown;
  to: unknown;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `a.b[3].c` or `a.b.3.c` → segments; null when a segment is empty. Pure. */
function splitPath(text: string): string[] | null {
  const segs = text.trim().replace(/\[(\d+|\*)\]/g, '.$1').split('.');
  return segs.every((s) => s.trim() !== '') ? segs.map((s) => s.trim()) : null;
}

/** One value: `xK` scales by K (K ≥ 0), a number sets it, `true`/`false` a boolean, else a string. Pure. */
function parseValue(raw: string): SweepValue | null {
  const text = raw.trim();
  if (text === '') return null;
  if (/^[x×]/i.test(text) && NUMBER.test(text.slice(1))) {
    const factor = Number(text.slice(1));
    return Number.isFinite(factor) && factor >= 0 ? { text, kind: 'scale', factor } : null;
  }
  if (NUMBER.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? { text, kind: 'set', value } : null;
  }
  if (text === 'true' || text === 'false') return { text, kind: 'set', value: text === 'true' };
  if (/^[x×][\d.+-]/i.test(text)) return null; // a mistyped multiplier, not a string
  return { text, kind: 'set', value: text };
}

/**
 * Parses a `--set path=v1,v2,…` option: a dotted path into the scenario file (indices as
 * numbers or `[n]`, `*` for every key or index) and comma-separated values (`x0.5` multiplies
 * the value found there). Pure; refuses an empty path or value.
 */
export function parseSweepParameter(text: string): Result<SweepParameter> {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, error: { key: 'setSyntax', params: { set: text } } };
  const pathText = text.slice(0, eq).trim();
  const path = splitPath(pathText);
  if (!path) return { ok: false, error: { key: 'setBadPath', params: { set: text, path: pathText } } };
  const values: SweepValue[] = [];
  for (const raw of text.slice(eq + 1).split(',')) {
    const v = parseValue(raw);
    if (!v) return { ok: false, error: { key: 'setBadValue', params: { set: text, value: raw.trim() } } };
    values.push(v);
  }
  return { ok: true, value: { text, pathText, path, values } };
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const show = (p: readonly (string | number)[]) => (p.length === 0 ? '(root)' : p.join('.'));

/**
 * The concrete leaf paths a parameter path names in the document: `*` expands to every key or
 * index present; the last segment may name a key the document leaves out (the loader judges
 * whether it is allowed). Pure.
 */
export function expandPath(doc: unknown, param: Pick<SweepParameter, 'path' | 'pathText'>): Result<DocPath[]> {
  let frontier: { node: unknown; at: (string | number)[] }[] = [{ node: doc, at: [] }];
  const segs = param.path;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const next: typeof frontier = [];
    for (const { node, at } of frontier) {
      if (seg === '*') {
        const keys: (string | number)[] = Array.isArray(node) ? node.map((_, k) => k) : isObject(node) ? Object.keys(node) : [];
        if (!Array.isArray(node) && !isObject(node))
          return { ok: false, error: { key: 'setNotContainer', params: { path: param.pathText, at: show(at) } } };
        if (keys.length === 0) return { ok: false, error: { key: 'setWildcardEmpty', params: { path: param.pathText, at: show(at) } } };
        for (const k of keys) next.push({ node: (node as Record<string | number, unknown>)[k], at: [...at, k] });
      } else if (Array.isArray(node)) {
        if (!/^\d+$/.test(seg) || Number(seg) >= node.length)
          return { ok: false, error: { key: 'setNoSuchIndex', params: { path: param.pathText, at: show(at), index: seg, count: node.length } } };
        next.push({ node: node[Number(seg)], at: [...at, Number(seg)] });
      } else if (isObject(node)) {
        if (!(seg in node) && !last)
          return { ok: false, error: { key: 'setNoSuchKey', params: { path: param.pathText, at: show(at), key: seg, keys: Object.keys(node).join(', ') } } };
        next.push({ node: node[seg], at: [...at, seg] });
      } else return { ok: false, error: { key: 'setNotContainer', params: { path: param.pathText, at: show(at) } } };
    }
    frontier = next;
  }
  for (const { node, at } of frontier)
    if (node !== null && typeof node === 'object') return { ok: false, error: { key: 'setNotLeaf', params: { path: param.pathText, at: show(at) } } };
  return { ok: true, value: frontier.map((f) => f.at) };
}

/** A deep copy of plain parsed data (objects, arrays, scalars). Pure. */
export function deepCopy<T>(x: T): T {
  if (Array.isArray(x)) return x.map(deepCopy) as T;
  if (isObject(x)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) out[k] = deepCopy(x[k]);
    return out as T;
  }
  return x;
}

function getAt(doc: unknown, path: DocPath): unknown {
  let n = doc;
  for (const seg of path) n = (n as Record<string | number, unknown>)[seg];
  return n;
}

function setAt(doc: unknown, path: DocPath, value: unknown): void {
  let n = doc as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) n = n[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  n[last] = value;
}

/** Paths among `paths` where the scenario schema wants a whole number and `doc` has another. */
function wholeNumberPaths(doc: Record<string, unknown>, paths: readonly DocPath[]): Set<string> {
  const m = migrate(doc);
  const out = new Set<string>();
  if (!m.ok) return out;
  const r = ScenarioV1.safeParse(m.doc);
  if (r.success) return out;
  const wanted = new Set(paths.map((p) => p.join('\u0000')));
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('\u0000');
    if (issue.code === 'invalid_type' && issue.expected === 'int' && wanted.has(key)) out.add(key);
  }
  return out;
}

/**
 * Applies one value of a parameter to a deep copy of the parsed scenario document (never to
 * `doc` itself): `set` writes the value at every leaf the path names; `scale` multiplies the
 * number found there and, where the schema wants a whole number (stock, sizes, counts), rounds
 * the product to the nearest one. Returns the new document and each change; the caller
 * re-validates it through the loader. Pure.
 */
export function applyOverride(
  doc: Record<string, unknown>,
  param: Pick<SweepParameter, 'path' | 'pathText'>,
  value: SweepValue,
): Result<{ doc: Record<string, unknown>; changes: OverrideChange[] }> {
  const paths = expandPath(doc, param);
  if (!paths.ok) return paths;
  const copy = deepCopy(doc);
  const changes: OverrideChange[] = [];
  for (const p of paths.value) {
    const from = getAt(copy, p);
    let to: unknown;
    if (value.kind === 'scale') {
      if (typeof from !== 'number')
        return { ok: false, error: { key: 'setCannotScale', params: { path: param.pathText, at: show(p), found: from === undefined ? '—' : JSON.stringify(from) } } };
      // round to 1e-9 relative, so that 0.1 × 3 is 0.3 and x1 is the identity
      to = Number((from * value.factor).toPrecision(12));
    } else to = value.value;
    setAt(copy, p, to);
    changes.push({ path: p, from, to });
  }
  if (value.kind === 'scale') {
    const fractional = changes.filter((c) => typeof c.to === 'number' && !Number.isInteger(c.to)).map((c) => c.path);
    if (fractional.length > 0) {
      const whole = wholeNumberPaths(copy, fractional);
      for (const c of changes)
        if (whole.has(c.path.map(String).join('\u0000'))) {
          c.to = Math.round(c.to as number);
          setAt(copy, c.path, c.to);
        }
    }
  }
  return { ok: true, value: { doc: copy, changes } };
}
