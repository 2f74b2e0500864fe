import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeConfig } from '../../engine/drill/drillConfig.ts';
import { loadScenario } from '../../engine/index.ts';
import { blindBoundsOf, EMPTY_BOUNDS } from '../../src/app/state/blindBounds.ts';

const tiny = loadScenario(readFileSync(new URL('../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8'), 'tiny.yaml');

describe('the trainer form’s 双盲 bounds', () => {
  it('become a config the server accepts', () => {
    if (!tiny.ok) throw new Error('tiny does not load');
    const blind = blindBoundsOf({ ...EMPTY_BOUNDS, startFrom: '2025-07-10T20:00', startTo: '2025-07-10T22:30', failMin: '1', failMax: '2', include: 'gh1', exclude: '', selfBlind: true });
    expect(blind).toMatchObject({ selfBlind: true, failures: { min: 1, max: 2, include: ['gh1'] }, startWindow: { from: expect.stringMatching(/^2025-07-10T20:00:00[+-]\d\d:\d\d$/) } });
    const c = completeConfig(tiny.scenario, { blind });
    expect(c.ok).toBe(true);
    expect(completeConfig(tiny.scenario, { blind: blindBoundsOf(EMPTY_BOUNDS) }).ok).toBe(true);
  });

  it('leave the server to refuse what is wrong (min above max, an unknown site)', () => {
    if (!tiny.ok) throw new Error('tiny does not load');
    const c = completeConfig(tiny.scenario, { blind: blindBoundsOf({ ...EMPTY_BOUNDS, failMin: '3', failMax: '1', include: 'nowhere' }) });
    expect(c.ok).toBe(false);
  });
});
