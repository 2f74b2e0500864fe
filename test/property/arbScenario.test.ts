import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from '../../engine/index.ts';
import { arbScenario } from '../support/arbScenario.ts';

describe('arbScenario (generator of valid scenarios)', () => {
  it('every generated scenario goes through YAML and the real loader with ok: true, unchanged', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(arbScenario, (s) => {
        const text = stringify(s);
        const r = loadScenario(text, 'generated.yaml', 'en');
        if (!r.ok) throw new Error(`generated scenario rejected:\n${r.problems.map((p) => `${p.line}:${p.col} ${p.path.join('.')}: ${p.message}`).join('\n')}`);
        expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
        expect(r.scenario).toEqual(s);
        kinds.add(s.hazard.kind);
      }),
      { seed: 42, numRuns: 60 },
    );
    expect(kinds).toEqual(new Set(['rainstorm', 'earthquake']));
  });
});
