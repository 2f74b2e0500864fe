import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/index.ts';
import { loadShipped, runSeeds } from './helpers.ts';

/**
 * Plausibility of the 施甸 fire season (scenarios/shidian-forest-fire.yaml). Variants keep every
 * id and stream, so they see the same days, ignitions and fire weather (common random numbers).
 * Which claims hold seed by seed and which only on average is said in each test.
 */
const N = 150;
const base = loadShipped('shidian-forest-fire.yaml');
type FireSeason = Extract<Scenario['hazard'], { kind: 'fireSeason' }>;

function variant(change: (h: FireSeason, s: Scenario) => void): Scenario {
  const c = structuredClone(base) as Scenario;
  change(c.hazard as FireSeason, c);
  return c;
}
const fires = (s: Scenario) => runSeeds(s, N).map((r) => r.outcome.fires!);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('shidian-forest-fire: a plausible season', () => {
  const b = fires(base);

  it('a handful of fires a season, most contained small by initial attack, a few escape; 24 h rate near 95%', () => {
    const count = mean(b.map((f) => f.count));
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(12);
    const all = b.flatMap((f) => f.list);
    const ia = all.filter((x) => !x.escaped).length / all.length;
    expect(ia).toBeGreaterThan(0.85);
    expect(ia).toBeLessThan(0.99);
    const out24 = b.reduce((a, f) => a + f.outWithin24h, 0) / b.reduce((a, f) => a + f.count, 0);
    expect(out24).toBeGreaterThan(0.93);
    expect(out24).toBeLessThan(1);
  });

  it('fire sizes like Chinese forest-fire statistics (a few ha a fire): many fires stay 一般, median 1–3 ha, 重大 rare', () => {
    const areas = b.flatMap((f) => f.list.map((x) => x.areaHa)).sort((p, q) => p - q);
    const median = areas[Math.floor(areas.length / 2)]!;
    expect(median).toBeGreaterThan(0.5);
    expect(median).toBeLessThan(5);
    const small = areas.filter((a) => a < 1).length / areas.length;
    expect(small).toBeGreaterThan(0.2);
    expect(small).toBeLessThan(0.6);
    const major = b.filter((f) => f.largestGrade === '重大' || f.largestGrade === '特别重大').length / b.length;
    expect(major).toBeGreaterThan(0);
    expect(major).toBeLessThan(0.15);
    const burned = mean(b.map((f) => f.burnedHa));
    expect(burned).toBeGreaterThan(10);
    expect(burned).toBeLessThan(150);
  });

  it('a higher danger level never lowers the ignitions (seed by seed: same uniforms, inverse-CDF draws)', () => {
    const hot = variant((h) => h.danger.periods.forEach((p) => (p.weights = [0, 0, 0, 0, 1])));
    const ign = (s: Scenario) => runSeeds(s, N, { log: true }).map((r) => r.events.find((e) => e.type === 'hazard.drawn')!.ignitions as number);
    const a = ign(base);
    const c = ign(hot);
    a.forEach((x, i) => expect(c[i]!).toBeGreaterThanOrEqual(x));
    expect(mean(c)).toBeGreaterThan(mean(a));
  });

  it('more fire crews never raise the burned area (on average: dispatch order can differ seed by seed)', () => {
    const more = variant((_, s) => s.teams.forEach((t) => t.capabilities.includes('fireSuppression') && (t.size *= 2)));
    const burned = (xs: typeof b) => mean(xs.map((f) => f.burnedHa));
    expect(burned(fires(more))).toBeLessThanOrEqual(burned(b));
  });

  it('a longer detection delay never raises the 24 h extinguishing rate (on average)', () => {
    const slow = variant((h) => (h.detectionHours = { dist: 'triangular', min: 1, mode: 2, max: 6 }));
    const rate = (xs: typeof b) => xs.reduce((a, f) => a + f.outWithin24h, 0) / xs.reduce((a, f) => a + f.count, 0);
    const burned = (xs: typeof b) => mean(xs.map((f) => f.burnedHa));
    const s = fires(slow);
    expect(rate(s)).toBeLessThanOrEqual(rate(b));
    expect(burned(s)).toBeGreaterThan(burned(b));
  });
});
