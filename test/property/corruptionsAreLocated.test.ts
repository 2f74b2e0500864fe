/**
 * Property: damaging a valid scenario text never makes `loadScenario` throw, and every problem
 * it reports is located (line, col ≥ 1 and inside the text), carries a message and a path.
 * For damage whose place is known (a deleted required key, an unknown key, a number made a
 * string / negative / huge, a dangling reference, a duplicated id), an error points at that
 * place: its path equals, contains or extends the damaged path, and its line is the line of
 * the damaged node in the corrupted text (found here with yaml's parseDocument + LineCounter).
 * Messages are Chinese by default and English with lang 'en' (ids are ASCII here).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, stringify, type Document } from 'yaml';
import { loadScenario, type LoadResult, type Problem } from '../../engine/index.ts';
import { arbScenario } from '../support/arbScenario.ts';
import { allNodes, containerKind, fieldAccepts, isRequired, lineAt, nodeAt, parse, type Located, type Path } from '../support/yamlNodes.ts';

const TINY = readFileSync(new URL('../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8');
const FILE = 'corrupt.yaml';
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Messages that must never appear in the Chinese default (custom messages are translated). */
const untranslated = (_m: string) => false;
const YAML_SYNTAX = /^YAML\/JSON (语法错误|syntax error)/;

// ---------------------------------------------------------------------------
// base texts

/** A valid scenario as text in one of three styles: block YAML, flow YAML, pretty JSON. */
const arbGeneratedText = fc
  .tuple(arbScenario, fc.constantFrom('block', 'flow', 'json'))
  .map(([s, style]) =>
    named(
      `generated ${style} scenario "${s.id}"`,
      style === 'json' ? JSON.stringify(s, null, 2) : stringify(s, style === 'flow' ? { collectionStyle: 'flow', lineWidth: 100 } : {}),
    ),
  );
const arbBaseText = fc.oneof({ weight: 3, arbitrary: fc.constant(named('tiny.yaml', TINY)) }, { weight: 2, arbitrary: arbGeneratedText });

/** A base text that prints as its name in counterexamples (fast-check reports the seed and path to replay it). */
interface Named {
  name: string;
  text: string;
}
function named(name: string, text: string): Named {
  return { name, text, [fc.toStringMethod]: () => name } as Named;
}

// ---------------------------------------------------------------------------
// generic checks

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** What every problem must satisfy, whatever the damage. */
function checkProblemShape(text: string, problems: Problem[]): void {
  const lens = lineLengths(text);
  for (const p of problems) {
    const where = JSON.stringify(p);
    expect(p.file, where).toBe(FILE);
    expect(Number.isInteger(p.line) && p.line >= 1, where).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, where).toBe(true);
    expect(p.line, where).toBeLessThanOrEqual(lens.length);
    expect(p.col, where).toBeLessThanOrEqual(lens[p.line - 1]! + 1);
    expect(typeof p.message === 'string' && p.message.trim().length > 0, where).toBe(true);
    expect(Array.isArray(p.path), where).toBe(true);
    for (const seg of p.path) expect(typeof seg === 'string' || (typeof seg === 'number' && Number.isInteger(seg)), where).toBe(true);
    expect(['error', 'warning']).toContain(p.severity);
  }
  // every result is sorted by position
  for (let i = 1; i < problems.length; i++) {
    const a = problems[i - 1]!;
    const b = problems[i]!;
    expect(a.line < b.line || (a.line === b.line && a.col <= b.col), 'problems sorted by position').toBe(true);
  }
}

function load(text: string, lang?: 'en'): LoadResult {
  let r: LoadResult | undefined;
  expect(() => (r = lang ? loadScenario(text, FILE, lang) : loadScenario(text, FILE))).not.toThrow();
  return r!;
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
/** a equals b, or one is a prefix of the other */
const related = (a: readonly (string | number)[], b: readonly (string | number)[]) => {
  const n = Math.min(a.length, b.length);
  return samePath(a.slice(0, n), b.slice(0, n));
};
const fmt = (ps: Problem[]) => ps.map((p) => `  ${p.line}:${p.col} ${p.path.join('.')} [${p.severity}] ${p.message}`).join('\n');

// ---------------------------------------------------------------------------
// structured corruptions

type StructuredKind = 'deleteRequired' | 'unknownKey' | 'numberToString' | 'numberNegative' | 'numberHuge' | 'danglingRef' | 'stockKeyRef' | 'duplicateId';

interface Damage {
  kind: StructuredKind;
  text: string;
  /** the damaged path (for a deleted key: the key's path; the loader points at its parent) */
  path: Path;
  /** line of the damaged node in `text` */
  line: number;
  /** an error at exactly `path` (and `line`) is required, not just a related one */
  exact: boolean;
  /** may the damaged text still be valid? */
  mayBeOk: boolean;
}

interface DamageSpec {
  kind: StructuredKind;
  pick: number;
  pick2: number;
  lineWidth: 0 | 40 | 80;
}

const arbDamageSpec: fc.Arbitrary<DamageSpec> = fc.record({
  kind: fc.constantFrom<StructuredKind>('deleteRequired', 'unknownKey', 'numberToString', 'numberNegative', 'numberHuge', 'danglingRef', 'stockKeyRef', 'duplicateId'),
  pick: fc.nat(),
  pick2: fc.nat(),
  lineWidth: fc.constantFrom(0 as const, 40 as const, 80 as const),
});

const MISSING = 'zz-missing';
const UNKNOWN_KEY = 'zz_unknown';

/** Paths (as patterns, `#` = any index) whose value is an id reference. */
const REF_PATTERNS: string[][] = [
  ['region', 'townships', '#', 'node'],
  ['region', 'villages', '#', 'township'],
  ['region', 'villages', '#', 'node'],
  ['roads', 'links', '#', 'from'],
  ['roads', 'links', '#', 'to'],
  ['hazardSites', '#', 'village'],
  ['hazardSites', '#', 'cuts', '#', 'link'],
  ['reserves', 'warehouses', '#', 'node'],
  ['reserves', 'warehouses', '#', 'parent'],
  ['teams', '#', 'node'],
  ['shelters', '#', 'node'],
];
const ID_LISTS: Path[] = [
  ['region', 'townships'],
  ['region', 'villages'],
  ['roads', 'nodes'],
  ['roads', 'links'],
  ['hazardSites'],
  ['reserves', 'items'],
  ['reserves', 'warehouses'],
  ['teams'],
  ['shelters'],
  ['targets'],
];
const matchesPattern = (path: Path, pat: string[]) =>
  path.length === pat.length && pat.every((seg, i) => (seg === '#' ? typeof path[i] === 'number' : seg === path[i]));

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** What a base text offers to damage, computed once per text (parsing is the costly part). */
interface BaseInfo {
  doc: Document;
  js: unknown;
  required: Located[];
  containers: Located[];
  nums: Located[];
  refs: Located[];
  stocked: Located[];
  lists: Located[];
}
const baseCache = new Map<string, BaseInfo>();

function baseInfo(base: string): BaseInfo {
  const hit = baseCache.get(base);
  if (hit) return hit;
  const { doc } = parse(base);
  const js: unknown = doc.toJS();
  const nodes = allNodes(doc);
  const info: BaseInfo = {
    doc,
    js,
    required: nodes.filter((n) => n.key && containerKind(js, n.path.slice(0, -1)) === 'object' && isRequired(js, n.path)),
    containers: nodes.filter((n) => isMap(n.node) && containerKind(js, n.path) !== 'other'),
    nums: nodes.filter((n) => isScalar(n.node) && typeof n.node.value === 'number'),
    refs: nodes.filter((n) => REF_PATTERNS.some((p) => matchesPattern(n.path, p)) && isScalar(n.node)),
    stocked: nodes.filter((n) => n.key?.range && n.path.length === 5 && n.path[0] === 'reserves' && n.path[3] === 'stock'),
    lists: ID_LISTS.map((p) => nodeAt(doc, p)).filter((n): n is Located => !!n && isSeq(n.node) && n.node.items.length >= 2),
  };
  if (baseCache.size > 16) baseCache.clear();
  baseCache.set(base, info);
  return info;
}

/** Applies one structured corruption to a valid text; null when the text offers no place for it. */
function damage(base: string, spec: DamageSpec): Damage | null {
  const info = baseInfo(base);
  const js = info.js;
  const choose = <T>(xs: T[], k = spec.pick): T | undefined => (xs.length === 0 ? undefined : xs[k % xs.length]);

  switch (spec.kind) {
    case 'deleteRequired': {
      const hit = choose(info.required);
      if (!hit) return null;
      const doc = info.doc.clone();
      doc.deleteIn(hit.path);
      const text = doc.toString({ lineWidth: spec.lineWidth });
      const parent = hit.path.slice(0, -1);
      const line = lineAt(text, parent);
      if (line === undefined) return null;
      return { kind: spec.kind, text, path: hit.path, line, exact: false, mayBeOk: false };
    }
    case 'unknownKey': {
      const hit = choose(info.containers);
      if (!hit) return null;
      const doc = info.doc.clone();
      doc.setIn([...hit.path, UNKNOWN_KEY], 1);
      const text = doc.toString({ lineWidth: spec.lineWidth });
      const path = [...hit.path, UNKNOWN_KEY];
      const line = lineAt(text, path, true);
      if (line === undefined) return null;
      return { kind: spec.kind, text, path, line, exact: true, mayBeOk: false };
    }
    case 'numberToString':
    case 'numberNegative':
    case 'numberHuge': {
      const hit = choose(info.nums);
      if (!hit?.node.range) return null;
      const x = (hit.node as { value: number }).value;
      const value = spec.kind === 'numberToString' ? 'abc' : spec.kind === 'numberNegative' ? -(Math.abs(x) + 1) : 1e300;
      const src = typeof value === 'string' ? JSON.stringify(value) : String(value);
      const text = splice(base, hit.node.range[0], hit.node.range[1], src);
      const line = lineAt(text, hit.path);
      if (line === undefined) return null;
      const rejected = !fieldAccepts(js, hit.path, value);
      return { kind: spec.kind, text, path: hit.path, line, exact: rejected, mayBeOk: !rejected };
    }
    case 'danglingRef': {
      const hit = choose(info.refs);
      if (!hit?.node.range) return null;
      const text = splice(base, hit.node.range[0], hit.node.range[1], JSON.stringify(MISSING));
      const line = lineAt(text, hit.path);
      if (line === undefined) return null;
      return { kind: spec.kind, text, path: hit.path, line, exact: true, mayBeOk: false };
    }
    case 'stockKeyRef': {
      const hit = choose(info.stocked);
      if (!hit?.key?.range) return null;
      const text = splice(base, hit.key.range[0], hit.key.range[1], JSON.stringify(MISSING));
      const path = [...hit.path.slice(0, -1), MISSING];
      const line = lineAt(text, path);
      if (line === undefined) return null;
      return { kind: spec.kind, text, path, line, exact: true, mayBeOk: false };
    }
    case 'duplicateId': {
      const list = choose(info.lists);
      if (!list || !isSeq(list.node)) return null;
      const n = list.node.items.length;
      const i = spec.pick2 % n;
      const j = (i + 1 + (Math.floor(spec.pick2 / n) % (n - 1))) % n; // j ≠ i
      const from = nodeAt(info.doc, [...list.path, i, 'id']);
      const to = nodeAt(info.doc, [...list.path, j, 'id']);
      if (!from || !to?.node.range || !isScalar(from.node)) return null;
      const text = splice(base, to.node.range[0], to.node.range[1], JSON.stringify(String(from.node.value)));
      const path = [...list.path, Math.max(i, j), 'id'];
      const line = lineAt(text, path);
      if (line === undefined) return null;
      return { kind: spec.kind, text, path, line, exact: true, mayBeOk: false };
    }
  }
}

/** The assertions for one structured corruption. */
function checkDamage(d: Damage): void {
  const zh = load(d.text);
  const en = load(d.text, 'en');
  const context = `${d.kind} at ${d.path.join('.')} (line ${d.line})`;
  expect(zh.ok, `${context}: zh and en disagree`).toBe(en.ok);
  if (zh.ok) {
    expect(d.mayBeOk, `${context}: loaded although the damage is not plausibly harmless`).toBe(true);
    return;
  }
  const zhP = zh.ok ? [] : zh.problems;
  const enP = en.ok ? [] : en.problems;
  checkProblemShape(d.text, zhP);
  checkProblemShape(d.text, enP);
  // same problems, same places, in both languages
  expect(zhP.map(({ line, col, path, severity }) => ({ line, col, path, severity }))).toEqual(
    enP.map(({ line, col, path, severity }) => ({ line, col, path, severity })),
  );

  const errors = zhP.filter((p) => p.severity === 'error');
  expect(errors.length, `${context}: no error`).toBeGreaterThan(0);
  const pointsHere = errors.filter((p) => (d.exact ? samePath(p.path, d.path) : related(p.path, d.path)));
  if (d.exact || d.kind === 'deleteRequired') {
    expect(
      pointsHere.some((p) => p.line === d.line),
      `${context}: no error at that path and line\n${fmt(zhP)}`,
    ).toBe(true);
  } else {
    // a value the field accepts on its own but the whole rejects (e.g. a distribution leaving its
    // range): some error on the damaged path or an enclosing one, located where that node is
    expect(pointsHere.length, `${context}: no error on a related path\n${fmt(zhP)}`).toBeGreaterThan(0);
    expect(
      pointsHere.some((p) => p.line === lineAt(d.text, p.path as Path)),
      `${context}: related errors not at their node's line\n${fmt(zhP)}`,
    ).toBe(true);
  }

  // Chinese by default, English with 'en' (ids and keys used here are ASCII)
  for (const p of zhP) if (!untranslated(p.message)) expect(p.message, `zh message: ${p.message}`).toMatch(CJK);
  for (const p of enP) expect(p.message, `en message: ${p.message}`).not.toMatch(CJK);
}

// ---------------------------------------------------------------------------
// text corruptions

type TextKind = 'truncate' | 'tab' | 'colon' | 'bracket';
const INSERT: Record<Exclude<TextKind, 'truncate'>, string> = { tab: '\t', colon: ':', bracket: '[' };

/** Structurally, is `a` what is left of `b` after cutting `b`'s text short? */
function isTruncationOf(a: unknown, b: unknown): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (a === null) return true;
  if (typeof a === 'string' && typeof b === 'string') return b.replace(/\s+/g, ' ').startsWith(a.replace(/\s+/g, ' ').trimEnd());
  if (typeof a === 'number' && typeof b === 'number') return String(b).startsWith(String(a));
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0 || a.length > b.length) return a.length === 0;
    const last = a.length - 1;
    return a.slice(0, last).every((x, i) => JSON.stringify(x) === JSON.stringify(b[i])) && isTruncationOf(a[last], b[last]);
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length === 0) return true;
    if (ka.length > kb.length || !ka.every((k, i) => k === kb[i])) return false;
    const last = ka.length - 1;
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.slice(0, last).every((k) => JSON.stringify(ra[k]) === JSON.stringify(rb[k])) && isTruncationOf(ra[ka[last]!], rb[ka[last]!]);
  }
  return false;
}

/** Same shape and numbers; only some strings differ (a character landed inside a string or comment). */
function differsOnlyInStrings(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => differsOnlyInStrings(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && differsOnlyInStrings((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return Object.is(a, b);
}

function checkTextCorruption(base: string, kind: TextKind, at: number): void {
  const pos = at % (base.length + 1);
  const text = kind === 'truncate' ? base.slice(0, pos) : base.slice(0, pos) + INSERT[kind] + base.slice(pos);
  const r = load(text);
  if (r.ok) {
    const before = parse(base).doc.toJS();
    const after = parse(text).doc.toJS();
    const plausible = kind === 'truncate' ? isTruncationOf(after, before) : differsOnlyInStrings(after, before);
    expect(plausible, `${kind} at ${pos} loaded, but it changed more than a trailing value or a string`).toBe(true);
    checkProblemShape(text, r.warnings);
    return;
  }
  checkProblemShape(text, r.problems);
  expect(r.problems.some((p) => p.severity === 'error'), 'a failed load reports an error').toBe(true);
  for (const p of r.problems) if (!untranslated(p.message)) expect(p.message).toMatch(CJK);
}

// ---------------------------------------------------------------------------

describe('loadScenario on corrupted scenarios', () => {
  it('tiny.yaml itself loads without any problem', () => {
    const r = loadScenario(TINY, FILE);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('structured damage to tiny.yaml is reported at the damaged node, in both languages', () => {
    fc.assert(
      fc.property(arbDamageSpec, (spec) => {
        const d = damage(TINY, spec);
        fc.pre(d !== null);
        checkDamage(d!);
      }),
      { seed: 42, numRuns: 120 },
    );
  });

  it('structured damage to generated scenarios (block YAML, flow YAML, JSON) is reported at the damaged node', () => {
    fc.assert(
      fc.property(arbGeneratedText, arbDamageSpec, (base, spec) => {
        const d = damage(base.text, spec);
        fc.pre(d !== null);
        checkDamage(d!);
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('truncation and stray tab, ":" or "[" never throw, and every problem is located', () => {
    fc.assert(
      fc.property(arbBaseText, fc.constantFrom<TextKind>('truncate', 'tab', 'colon', 'bracket'), fc.nat(), (base, kind, at) =>
        checkTextCorruption(base.text, kind, at),
      ),
      { seed: 42, numRuns: 120 },
    );
  });

  it.each([
    ['truncate', 0],
    ['truncate', 1],
    ['truncate', 2000],
    ['tab', 0],
    ['colon', 0],
    ['bracket', 0],
  ] as const)('tiny.yaml: %s at %i', (kind, at) => checkTextCorruption(TINY, kind, at));
});
