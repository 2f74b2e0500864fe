import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { hazardTables } from '../../../engine/sim/hazardTables.ts';
import { compileWorld } from '../../../engine/world/world.ts';

describe('hazard tables of a fire season', () => {
  it('list the forest compartments and the weight sums as a per-trial pass would compute them', () => {
    const r = loadScenario(readFileSync(new URL('../../../scenarios/shidian-forest-fire.yaml', import.meta.url), 'utf8'), 'fire.yaml');
    if (!r.ok) throw new Error('scenario does not load');
    const s = r.scenario;
    if (s.hazard.kind !== 'fireSeason') throw new Error('not a fire season');
    const t = hazardTables(compileWorld(s));
    const forests = s.hazardSites.flatMap((site, i) => (site.kind === 'forest' && site.forest ? [i] : []));
    expect(forests.length).toBeGreaterThan(0);
    expect(t.forests).toEqual(forests);
    expect(t.forestWeights).toEqual(forests.map((i) => s.hazardSites[i]!.susceptibility));
    // the same additions in the same order: equal bit for bit
    expect(Object.is(t.forestTotal, t.forestWeights.reduce((a, b) => a + b, 0))).toBe(true);
    expect(t.dangerTotals).toEqual(s.hazard.danger.periods.map((p) => p.weights.reduce((a, b) => a + b, 0)));
  });
});
