import { describe, expect, it } from 'vitest';
import { distMean, rngFor, sampleDist, type DistSpec, type Rng } from '../../../engine/random/index.ts';
import { draw, moments } from './statsHelpers.ts';

/** 200k draws; the sample mean must lie within 5 standard errors of distMean. */
const N = 200_000;
const Z = 5;
const rngOf = (name: string): Rng => rngFor(777, 'sampleDist', name);

/** Each spec with its analytic standard deviation (unclamped). */
const CASES: [DistSpec, number][] = [
  [{ dist: 'uniform', min: 2, max: 8 }, 6 / Math.sqrt(12)],
  [{ dist: 'normal', mean: 5, sd: 1.5 }, 1.5],
  [{ dist: 'lognormal', median: 3, sigma: 0.4 }, 3 * Math.sqrt((Math.exp(0.16) - 1) * Math.exp(0.16))],
  [{ dist: 'exponential', mean: 2.5 }, 2.5],
  [{ dist: 'gamma', shape: 2.5, scale: 1.2 }, Math.sqrt(2.5) * 1.2],
  [{ dist: 'poisson', mean: 7 }, Math.sqrt(7)],
  [{ dist: 'poisson', mean: 120 }, Math.sqrt(120)],
  [{ dist: 'triangular', min: 1, mode: 2, max: 6 }, Math.sqrt((1 + 4 + 36 - 2 - 6 - 12) / 18)],
  [{ dist: 'bernoulli', p: 0.2 }, Math.sqrt(0.2 * 0.8)],
];

describe('sampleDist', () => {
  it.each(CASES)('%j: sample mean matches distMean within 5 SE', (spec, sd) => {
    const r = rngOf(spec.dist + JSON.stringify(spec));
    const xs = draw(N, () => sampleDist(r, spec));
    expect(Math.abs(moments(xs).mean - distMean(spec))).toBeLessThan((Z * sd) / Math.sqrt(N));
  });

  it('fixed returns the value and consumes no draws', () => {
    const r = rngFor(1, 'fixed');
    const before = r.getState();
    expect(sampleDist(r, { dist: 'fixed', value: 4.5 })).toBe(4.5);
    expect(r.getState()).toEqual(before);
    expect(distMean({ dist: 'fixed', value: 4.5 })).toBe(4.5);
  });

  it('normal is clamped to [min, max] where given', () => {
    const r = rngOf('normal-clamp');
    let atMin = 0;
    let atMax = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = sampleDist(r, { dist: 'normal', mean: 0, sd: 1, min: -1, max: 0.5 });
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(0.5);
      if (x === -1) atMin++;
      if (x === 0.5) atMax++;
    }
    // P(Z < −1) ≈ 0.159, P(Z > 0.5) ≈ 0.309: clamping puts mass on the bounds.
    expect(atMin).toBeGreaterThan(2_800);
    expect(atMax).toBeGreaterThan(5_600);
    for (let i = 0; i < 2_000; i++) {
      expect(sampleDist(r, { dist: 'normal', mean: 0, sd: 1, min: 0 })).toBeGreaterThanOrEqual(0);
      expect(sampleDist(r, { dist: 'normal', mean: 0, sd: 1, max: 0 })).toBeLessThanOrEqual(0);
    }
    // distMean ignores clamps
    expect(distMean({ dist: 'normal', mean: 0, sd: 1, min: -1, max: 0.5 })).toBe(0);
  });

  it('lognormal has the given median and is clamped to max', () => {
    const r = rngOf('lognormal-median');
    const xs = draw(N, () => sampleDist(r, { dist: 'lognormal', median: 3, sigma: 0.4 }));
    let below = 0;
    for (const x of xs) if (x < 3) below++;
    // Fraction below the median ~ Binomial(n, ½)/n: sd = ½/√n.
    expect(Math.abs(below / N - 0.5)).toBeLessThan(Z * (0.5 / Math.sqrt(N)));
    for (let i = 0; i < 20_000; i++) {
      expect(sampleDist(r, { dist: 'lognormal', median: 3, sigma: 1, max: 4 })).toBeLessThanOrEqual(4);
    }
    expect(sampleDist(r, { dist: 'lognormal', median: 3, sigma: 0 })).toBe(3);
  });

  it('poisson gives integers and bernoulli gives exactly 0 or 1', () => {
    const r = rngOf('discrete');
    for (let i = 0; i < 10_000; i++) {
      expect(Number.isInteger(sampleDist(r, { dist: 'poisson', mean: 3.3 }))).toBe(true);
      const b = sampleDist(r, { dist: 'bernoulli', p: 0.5 });
      expect(b === 0 || b === 1).toBe(true);
    }
  });

  it('is deterministic for a given generator state', () => {
    const run = (): number[] => {
      const r = rngFor(5, 'det');
      return CASES.flatMap(([spec]) => Array.from({ length: 20 }, () => sampleDist(r, spec)));
    };
    expect(run()).toEqual(run());
  });

  it('distMean gives the analytic means', () => {
    expect(distMean({ dist: 'uniform', min: 2, max: 8 })).toBe(5);
    expect(distMean({ dist: 'lognormal', median: 3, sigma: 0.4 })).toBeCloseTo(3 * Math.exp(0.08), 14);
    expect(distMean({ dist: 'exponential', mean: 2.5 })).toBe(2.5);
    expect(distMean({ dist: 'gamma', shape: 2.5, scale: 1.2 })).toBeCloseTo(3, 14);
    expect(distMean({ dist: 'poisson', mean: 7 })).toBe(7);
    expect(distMean({ dist: 'triangular', min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distMean({ dist: 'bernoulli', p: 0.2 })).toBe(0.2);
  });

  it.each([
    [{ dist: 'fixed', value: Number.NaN }, /fixed: value/],
    [{ dist: 'uniform', min: 3, max: 1 }, /uniform: a must be <= b/],
    [{ dist: 'normal', mean: 0, sd: -1 }, /normal: sd/],
    [{ dist: 'normal', mean: 0, sd: 1, min: 2, max: 1 }, /normal: min must be <= max/],
    [{ dist: 'lognormal', median: 0, sigma: 1 }, /lognormal: median must be a finite number > 0/],
    [{ dist: 'lognormal', median: 1, sigma: -1 }, /lognormal: sigma/],
    [{ dist: 'exponential', mean: 0 }, /exponential: mean must be a finite number > 0/],
    [{ dist: 'gamma', shape: 0, scale: 1 }, /gamma: shape/],
    [{ dist: 'gamma', shape: 1, scale: -1 }, /gamma: scale/],
    [{ dist: 'poisson', mean: -2 }, /poisson: mean/],
    [{ dist: 'triangular', min: 0, mode: 5, max: 4 }, /triangular: need min <= mode <= max/],
    [{ dist: 'bernoulli', p: 2 }, /bernoulli: p/],
  ] as [DistSpec, RegExp][])('%j throws RangeError', (spec, msg) => {
    const r = rngOf('invalid');
    expect(() => sampleDist(r, spec)).toThrow(RangeError);
    expect(() => sampleDist(r, spec)).toThrow(msg);
  });

  it('rejects an unknown dist kind', () => {
    const r = rngOf('unknown');
    expect(() => sampleDist(r, { dist: 'cauchy' } as unknown as DistSpec)).toThrow(TypeError);
    expect(() => distMean({ dist: 'cauchy' } as unknown as DistSpec)).toThrow(TypeError);
  });
});
