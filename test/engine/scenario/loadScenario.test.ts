import { readFileSync } from 'node:fs';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../../engine/index.ts';

const fixture = (name: string) => new URL(`../../fixtures/scenarios/${name}`, import.meta.url);
const tinyText = readFileSync(fixture('tiny.yaml'), 'utf8');
const brokenText = readFileSync(fixture('broken.yaml'), 'utf8');

/** Line (1-based) of the first line containing `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`not found: ${needle}`);
}

describe('loadScenario', () => {
  it('loads the valid fixture with no warnings and freezes it', () => {
    const r = loadScenario(tinyText, 'tiny.yaml');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.warnings).toEqual([]);
    expect(Object.isFrozen(r.scenario)).toBe(true);
    expect(Object.isFrozen(r.scenario.roads.links[0])).toBe(true);
    expect(() => {
      (r.scenario as { id: string }).id = 'x';
    }).toThrow();
  });

  it('reads the same scenario written as JSON, with located errors too', () => {
    const json = JSON.stringify(parseDocument(tinyText).toJS(), null, 2);
    const ok = loadScenario(json, 'tiny.json');
    expect(ok.ok).toBe(true);
    const bad = json.replace('"speedKmh": 55', '"speedKmh": 555');
    const r = loadScenario(bad, 'tiny.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.line).toBe(lineOf(bad, '"speedKmh": 555'));
    expect(formatProblem(r.problems[0]!)).toMatch(/^tiny\.json:\d+:\d+ roads\.links\[\d+\]\.speedKmh: /);
  });

  it('reports every problem of the broken fixture, each at its line', () => {
    const r = loadScenario(brokenText, 'broken.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path.join('.'), p]));
    const expected: [string, string][] = [
      ['region.townships.0.mayor', 'mayor:'],
      ['region.villages.1.population', 'twelve hundred'],
      ['roads.links.2.speedKmh', 'speedKmh: 400'],
      ['roads.links.6.to', 'to: n-vb9'],
      ['region.villages.3.id', 'PROBLEM 5'],
      ['reserves.warehouses.0.parent', 'parent: wh-tb'],
      ['provenance.8.source', 'source: gb99999'],
    ];
    expect(Object.keys(byPath).sort()).toEqual(expected.map(([p]) => p).sort());
    for (const [path, needle] of expected) {
      const p = byPath[path]!;
      const at = needle.startsWith('PROBLEM') ? lineOf(brokenText, needle) + 1 : lineOf(brokenText, needle);
      expect(p.line, path).toBe(at);
      expect(p.col).toBeGreaterThan(0);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.severity).toBe('error');
    }
  });

  it('speaks English on request', () => {
    const r = loadScenario(brokenText, 'broken.yaml', 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const p of r.problems) expect(p.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(r.problems.map((p) => p.message).join('\n')).toContain('unknown key "mayor"');
  });

  it('locates YAML syntax errors', () => {
    const bad = tinyText.replace('horizonHours: 48', 'horizonHours: [48');
    const r = loadScenario(bad, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/YAML\/JSON 语法错误/);
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(lineOf(bad, 'horizonHours: [48'));
  });

  it('rejects a missing or unsupported schemaVersion, and a non-object document', () => {
    const missing = loadScenario(tinyText.replace('schemaVersion: 1\n', ''), 'x.yaml', 'en');
    expect(!missing.ok && missing.problems[0]!.message).toMatch(/schemaVersion is missing/);
    const future = loadScenario(tinyText.replace('schemaVersion: 1', 'schemaVersion: 7'), 'x.yaml', 'en');
    expect(!future.ok && future.problems[0]!.message).toMatch(/not supported/);
    const list = loadScenario('- a\n- b\n', 'x.yaml', 'en');
    expect(!list.ok && list.problems[0]!.message).toMatch(/top level/);
  });

  it('finds a road link to a node that does not exist, a cycle, and a duplicate id', () => {
    const doc = parseDocument(tinyText).toJS();
    doc.roads.links[0].from = 'nowhere';
    doc.reserves.warehouses[0].parent = doc.reserves.warehouses[1].id;
    doc.reserves.warehouses[1].parent = doc.reserves.warehouses[0].id;
    doc.teams[1].id = doc.teams[0].id;
    const r = loadScenario(stringify(doc), 'x.yaml', 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((p) => p.message).join('\n');
    expect(text).toContain('road node "nowhere"');
    expect(text).toMatch(/cycle/);
    expect(text).toMatch(/duplicate id/);
  });

  it('warns (not fails) when a number has no source', () => {
    const doc = parseDocument(tinyText).toJS();
    doc.provenance = doc.provenance.filter((p: { paths: string[] }) => !p.paths.includes('horizonHours'));
    const r = loadScenario(stringify(doc), 'x.yaml', 'en');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.path.join('.'))).toEqual(['horizonHours']);
    expect(r.warnings[0]!.message).toMatch(/no source/);
  });
});
