import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containmentTime, ellipseFactors, fireLength, headRate, lengthToBreadth, wangR0, windForceLevel } from '../../../engine/sim/fireBehaviour.ts';
import { FOREST_FIRE_GRADES, forestFireGradeOf, RULE_SOURCES } from '../../../engine/rules/index.ts';

describe('wind force level (GB/T 28591-2012) in 王正非 R0', () => {
  it('m/s to 风力级 at the table edges', () => {
    expect([0, 0.2, 0.3, 1.5, 1.6, 3.3, 3.4, 5.4, 5.5, 7.9, 8.0, 10.7, 10.8, 13.8, 13.9, 17.1, 17.2, 56.0, 56.1, 80].map(windForceLevel)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 16, 17, 17,
    ]);
  });
  it('R0 takes the level, not m/s: 2.4 m/s is level 2, 12 m/s level 6 (m/s in its place overstated R0)', () => {
    expect(wangR0(25, 2.4, 40)).toBeCloseTo(0.75 + 0.05 * 2 + 0.6 - 0.3, 12);
    expect(wangR0(25, 12, 40)).toBeCloseTo(0.75 + 0.05 * 6 + 0.6 - 0.3, 12);
    // what m/s in the formula gave: 1.7% more at 2.4 m/s, 22% more at 12 m/s (at 25 °C, 40%; issue 13 quotes 1.6% and 17% at its own T and h)
    expect((0.75 + 0.05 * 2.4 + 0.3) / wangR0(25, 2.4, 40)).toBeCloseTo(1.0174, 3);
    expect((0.75 + 0.05 * 12 + 0.3) / wangR0(25, 12, 40)).toBeCloseTo(1.2222, 3);
    // the wind factor stays in m/s
    expect(headRate(25, 12, 40, 1, 0) / wangR0(25, 12, 40)).toBeCloseTo(Math.exp(0.1783 * 12), 9);
  });
});

describe('王正非 spread, ellipse and fireline containment (pure)', () => {
  it('R0 = 0.03T + 0.05V + 0.01(100 − h) − 0.3; R = R0·Ks·e^(0.1783V)·e^(3.533 tan^1.2 φ)', () => {
    expect(wangR0(20, 2, 40)).toBeCloseTo(0.6 + 0.1 + 0.6 - 0.3, 12);
    expect(headRate(20, 0, 40, 1, 0)).toBeCloseTo(wangR0(20, 0, 40), 12);
    expect(headRate(20, 3, 40, 1.5, 0)).toBeCloseTo(wangR0(20, 3, 40) * 1.5 * Math.exp(0.1783 * 3), 12);
    expect(headRate(20, 0, 40, 1, 45)).toBeCloseTo(wangR0(20, 0, 40) * Math.exp(3.533), 9);
  });

  it('spread grows with temperature, wind and slope, falls with humidity', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 5, max: 95, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), (T, V, h, phi) => {
        const r = headRate(T, V, h, 1, phi);
        expect(headRate(T + 1, V, h, 1, phi)).toBeGreaterThanOrEqual(r);
        expect(headRate(T, V + 1, h, 1, phi)).toBeGreaterThanOrEqual(r);
        expect(headRate(T, V, h + 1, 1, phi)).toBeLessThanOrEqual(r);
        expect(headRate(T, V, h, 1, phi + 1)).toBeGreaterThanOrEqual(r);
      }),
    );
  });

  it('a calm fire is a circle (LB 1, perimeter π·L, area π/4·L²); wind stretches it', () => {
    expect(lengthToBreadth(0, 0.4)).toBeCloseTo(1, 12);
    const c = ellipseFactors(1);
    expect(c.perimeterPerLength).toBeCloseTo(Math.PI, 9);
    expect(c.areaPerLength2).toBeCloseTo(Math.PI / 4, 12);
    expect(lengthToBreadth(8, 0.4)).toBeGreaterThan(lengthToBreadth(3, 0.4));
  });

  it('containment: the line meets the perimeter exactly then; faster crews never contain later; a compartment-filling fire is caught by any crew', () => {
    const g = { t0: 0, rate: 2, capLength: 1000, perimeterPerLength: 3 };
    const t = containmentTime(g, 60, 0, 10);
    expect(10 * (t - 60)).toBeCloseTo(3 * fireLength(g, t), 6);
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true }), (q, dq, now) => {
        expect(containmentTime(g, now, 0, q + dq)).toBeLessThanOrEqual(containmentTime(g, now, 0, q) + 1e-9);
      }),
    );
    // slower than the perimeter grows: held only once the firebreaks stop the fire
    const slow = containmentTime(g, 1, 0, 1);
    expect(slow).toBeCloseTo(500 + (3000 - 499) / 1, 6);
    expect(containmentTime(g, 1, 0, 0)).toBe(Infinity);
  });

  it('fire grades (森林防火条例 art. 40): < 1 ha 一般, 1–100 较大, 100–1000 重大, ≥ 1000 特别重大', () => {
    expect([0, 0.99, 1, 99.9, 100, 999, 1000].map((a) => forestFireGradeOf(a).grade)).toEqual(['一般', '一般', '较大', '较大', '重大', '重大', '特别重大']);
    expect(forestFireGradeOf(0.5, 3).grade).toBe('较大');
    expect(() => forestFireGradeOf(-1)).toThrow(RangeError);
    for (const r of FOREST_FIRE_GRADES) expect(r.source in RULE_SOURCES).toBe(true);
  });
});
