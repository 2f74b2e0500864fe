import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenario, resolveScenario, sourceOf } from '../../../engine/index.ts';
import { RAINSTORM_SIGNALS } from '../../../engine/rules/index.ts';

const tiny = readFileSync(new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8');

/** tiny.yaml with some keys removed (and the provenance entries that only covered them). */
function without(mutate: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(tiny);
  mutate(doc);
  return doc.toString();
}

describe('the loader fills national rules a scenario leaves out (resolve step)', () => {
  it('leaves a scenario that sets everything unchanged', () => {
    const r = loadScenario(tiny, 'tiny.yaml');
    if (!r.ok) throw new Error('tiny does not load');
    const again = resolveScenario(r.scenario);
    expect(again.filled).toEqual([]);
    expect(again.scenario.warnings.rainstorm).toEqual(r.scenario.warnings.rainstorm);
  });

  it('fills warnings.rainstorm with RS-B/Y/O/R, cites the national source, and stays warning-free', () => {
    const text = without((doc) => {
      doc.deleteIn(['warnings', 'rainstorm']);
      const prov = doc.get('provenance') as { items: unknown[] };
      const js = doc.toJS().provenance as { paths: string[] }[];
      // drop the fixture's own entry for the signal thresholds (it would now cover nothing)
      for (let i = js.length - 1; i >= 0; i--) if (js[i]!.paths.every((p) => p.startsWith('warnings.rainstorm'))) prov.items.splice(i, 1);
    });
    const r = loadScenario(text, 'x.yaml', 'en');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toEqual([]);
    expect(r.scenario.warnings.rainstorm).toEqual(RAINSTORM_SIGNALS.map(({ level, windowHours, thresholdMm }) => ({ level, windowHours, thresholdMm })));
    const prov = sourceOf(r.scenario, ['warnings', 'rainstorm', 2, 'thresholdMm']);
    expect(prov?.source).toBe('cma2007');
    expect(prov?.note).toMatch(/RS-O 3 h ≥ 50 mm/);
    expect(r.scenario.sources.cma2007?.standard).toMatch(/中国气象局令第16号/);
    expect(Object.isFrozen(r.scenario.warnings.rainstorm)).toBe(true);
  });

  it('a county value overrides the national one', () => {
    const text = tiny.replace(/windowHours: 3, thresholdMm: 100/, 'windowHours: 3, thresholdMm: 80');
    const r = loadScenario(text, 'x.yaml');
    if (!r.ok) throw new Error('does not load');
    const red = r.scenario.warnings.rainstorm.find((w) => w.level === 'red');
    if (text !== tiny) expect(red?.thresholdMm).toBe(80);
    expect(sourceOf(r.scenario, ['warnings', 'rainstorm', 0, 'thresholdMm'])?.note).not.toMatch(/National default/);
  });

  it('fills the hours of a reliefWithin target with the national 10 h (T-9); other targets must give theirs', () => {
    const doc = parseDocument(tiny.replace('paths: [targets.0.hours, targets.1.hours]', 'paths: [targets.1.hours]'));
    const targets = doc.toJS().targets as { kind: string }[];
    const relief = targets.findIndex((t) => t.kind === 'reliefWithin');
    const other = targets.findIndex((t) => t.kind !== 'reliefWithin');
    expect(relief).toBeGreaterThanOrEqual(0);
    doc.deleteIn(['targets', relief, 'hours']);
    const r = loadScenario(doc.toString(), 'x.yaml', 'en');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenario.targets[relief]!.hours).toBe(10);
    expect(sourceOf(r.scenario, ['targets', relief, 'hours'])?.source).toBe('ndrr2022');
    expect(r.scenario.sources.ndrr2022?.standard).toBe('国减发〔2022〕1号');

    if (other >= 0) {
      doc.deleteIn(['targets', other, 'hours']);
      const bad = loadScenario(doc.toString(), 'x.yaml', 'en');
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.problems.some((p) => p.path.join('.') === `targets.${other}.hours` && /needs its hours/.test(p.message))).toBe(true);
    }
  });
});
