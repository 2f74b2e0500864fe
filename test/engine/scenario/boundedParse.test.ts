/** Issue 18: nesting depth and size are bounded before the YAML composer (which recurses) sees user text. */
import { readFileSync } from 'node:fs';
import { Composer, LineCounter } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, loadScenario } from '../../../engine/index.ts';
import { loadAnyScenario, loadEvacuationScenario, scenarioModelOf } from '../../../engine/evacuation/index.ts';
import { parseDocumentBounded, TEXT_LIMITS, tooDeepPath } from '../../../engine/scenario/boundedParse.ts';
import { parseLocated } from '../../../engine/scenario/parseLocated.ts';

const max = TEXT_LIMITS.maxDepth;
const flow = (n: number) => '['.repeat(n) + ']'.repeat(n);
const blockSeq = (n: number) => Array.from({ length: n }, (_, i) => '  '.repeat(i) + '-').join('\n') + '\n';
const blockMap = (n: number) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' 1\n';
const dashes = (n: number) => '- '.repeat(n) + 'x\n';
const flowMap = (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n);

const only = (r: { ok: boolean; problems?: unknown[] }) => {
  expect(r.ok).toBe(false);
  return (r as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem);
};

describe('parseLocated: nesting and size are bounded', () => {
  for (const [name, make] of [
    ['flow [', flow],
    ['flow {', flowMap],
    ['block sequences', blockSeq],
    ['block mappings', blockMap],
    ['compact - - -', dashes],
  ] as const) {
    it(`${name}: ${max} deep parses, ${max + 1} deep and 1000 deep are one located "nesting too deep"`, () => {
      expect(parseLocated(make(max), 'f.yaml', 'en').ok).toBe(true);
      for (const n of [max + 1, 1000]) {
        const problems = only(parseLocated(make(n), 'f.yaml', 'en'));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^f\.yaml:\d+:\d+ \(root\): nesting too deep: lists and mappings may nest at most 64 levels/);
      }
      expect(only(parseLocated(make(1000), 'f.yaml', 'zh'))[0]).toContain('嵌套过深');
    });
  }

  it('the problem is at the bracket or line that goes past the limit', () => {
    expect(only(parseLocated(flow(1000), 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:1:65 /);
    expect(only(parseLocated(dashes(1000), 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:1:129 /);
    expect(only(parseLocated(blockSeq(1000), 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:65:129 /);
    expect(only(parseLocated(blockMap(1000), 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:65:\d+ /);
    // below a few ordinary lines, and through a BOM
    expect(only(parseLocated('\uFEFFa: 1\nb: ' + flow(100), 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:2:67 /);
  });

  it('deep JSON is bounded the same way (JSON.parse would take it; our walkers must not get it)', () => {
    let v: unknown = 1;
    for (let i = 0; i < 1000; i++) v = i % 2 ? [v] : { a: v };
    const json = JSON.stringify({ schemaVersion: 1, id: 'x', deep: v });
    expect(only(loadScenario(json, 'x.json', 'en'))).toEqual([expect.stringMatching(/^x\.json:1:\d+ \(root\): nesting too deep/)]);
    expect(only(loadAnyScenario(json, 'x.json', 'en'))).toHaveLength(1);
  });

  it('aliases that nest a value deeper than its text, or inside itself, are refused at the alias', () => {
    const d = 20;
    let s = 'a0: &a0 1\n';
    for (let i = 1; i < 6; i++) s += `a${i}: &a${i} ${'['.repeat(d)}*a${i - 1}${']'.repeat(d)}\n`;
    const deep = only(parseLocated(s, 'f.yaml', 'en'));
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^f\.yaml:5:\d+ \(root\): nesting too deep/);
    expect(only(parseLocated('a: &a [*a]\n', 'f.yaml', 'en'))[0]).toMatch(/^f\.yaml:1:\d+ \(root\): nesting too deep/);
    expect(only(parseLocated('a: &a { b: *a }\n', 'f.yaml', 'en'))[0]).toMatch(/nesting too deep/);
    // ordinary aliases are fine
    expect(parseLocated('a: &a { b: [1, 2] }\nc: *a\nd: [*a, *a]\n', 'f.yaml', 'en').ok).toBe(true);
  });

  it('text over the size limit is refused before parsing', () => {
    const text = '#'.repeat(TEXT_LIMITS.maxBytes + 1);
    expect(only(parseLocated(text, 'f.yaml', 'en'))).toEqual([`f.yaml:1:1 (root): text too long: ${TEXT_LIMITS.maxBytes + 1} characters, the limit is ${TEXT_LIMITS.maxBytes}`]);
    expect(only(loadEvacuationScenario(text, 'f.yaml', 'zh'))[0]).toContain('文本过长');
  });

  it('every loader and the model sniffer go through the bound', () => {
    for (const text of [flow(5000), dashes(5000), blockSeq(1000)]) {
      expect(only(loadScenario(text, 'f.yaml', 'en'))[0]).toMatch(/nesting too deep/);
      expect(only(loadEvacuationScenario(text, 'f.yaml', 'en'))[0]).toMatch(/nesting too deep/);
      expect(only(loadAnyScenario(text, 'f.yaml', 'en'))[0]).toMatch(/nesting too deep/);
      expect(scenarioModelOf(text)).toBe('county');
    }
    expect(scenarioModelOf('model: evacuation\n')).toBe('evacuation');
  });
});

describe('parseDocumentBounded', () => {
  it('gives the same document as parseDocument for the bundled scenarios (one document; a second is an error)', () => {
    const text = readFileSync(new URL('../../../scenarios/school-fire-evacuation.yaml', import.meta.url), 'utf8');
    const r = parseDocumentBounded(text, new LineCounter());
    if (!r.ok) throw new Error('refused');
    expect(r.doc.errors).toEqual([]);
    expect((r.doc.toJS() as { model: string }).model).toBe('evacuation');
    const two = parseDocumentBounded('a: 1\n---\nb: 2\n', new LineCounter());
    expect(two.ok && two.doc.errors.map((e) => e.code)).toEqual(['MULTIPLE_DOCS']);
  });

  it('custom limits', () => {
    expect(parseDocumentBounded('[[1]]', new LineCounter(), {}, { maxDepth: 2, maxBytes: 10 }).ok).toBe(true);
    expect(parseDocumentBounded('[[[1]]]', new LineCounter(), {}, { maxDepth: 2, maxBytes: 10 })).toEqual({ ok: false, reason: 'tooDeep', offset: 2 });
    expect(parseDocumentBounded('[[1]]      ', new LineCounter(), {}, { maxDepth: 2, maxBytes: 10 })).toEqual({ ok: false, reason: 'tooLong', length: 11 });
  });
});

describe('tooDeepPath', () => {
  it('finds the path to the first value past the limit, walking any depth without recursion', () => {
    expect(tooDeepPath({ a: [1, { b: 2 }] }, 3)).toBeNull();
    expect(tooDeepPath({ a: [1, { b: [] }] }, 3)).toEqual(['a', 1, 'b']);
    let v: unknown = 0;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(tooDeepPath(v, 64)).toHaveLength(64);
  });

  it('an object reached at several depths is judged at its deepest; a cycle is too deep', () => {
    const shared = [[1]];
    expect(tooDeepPath({ a: shared, b: { c: shared } }, 4)).toBeNull();
    expect(tooDeepPath({ a: shared, b: { c: { d: shared } } }, 4)).toEqual(['b', 'c', 'd', 0]);
    const cyc: unknown[] = [];
    cyc.push(cyc);
    expect(tooDeepPath(cyc, 10)).toHaveLength(10);
  });
});

describe('loadAnyScenario parses once', () => {
  afterEach(() => vi.restoreAllMocks());
  it('one composition of the text for a county and for a building scenario', () => {
    const spy = vi.spyOn(Composer.prototype, 'compose');
    for (const f of ['scenarios/school-fire-evacuation.yaml', 'test/fixtures/scenarios/tiny.yaml']) {
      spy.mockClear();
      const r = loadAnyScenario(readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8'), f);
      expect(r.ok).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
    }
  });
});
