import fc from 'fast-check';
import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { histogramExceedance, histogramQuantile, LogBins, proportion, StepBins, stoppingSe, type Bins } from '../../../engine/montecarlo/index.ts';

function histogramOf(bins: Bins, values: (number | null)[]): Float64Array {
  const c = new Float64Array(bins.size + 1);
  for (const v of values) c[v === null ? bins.size : bins.index(v)]!++;
  return c;
}

const hours = new StepBins(1 / 60, 48 * 60 + 1);
const amounts = new LogBins(0.01, 1.02, 1e9);

describe('fixed-bin histograms', () => {
  it('step bins: every value lies within half a bin of the midpoint standing for it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 48, noNaN: true }), (x) => {
        expect(Math.abs(hours.mid(hours.index(x)) - x)).toBeLessThanOrEqual(1 / 120 + 1e-12);
      }),
    );
  });

  it('log bins: exact zero is its own bin; other values lie within 1% of their midpoint', () => {
    expect(amounts.mid(amounts.index(0))).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e8, noNaN: true }), (x) => {
        const b = amounts.index(x);
        expect(Math.abs(amounts.mid(b) - x)).toBeLessThanOrEqual(0.01 * x + 1e-12);
      }),
    );
  });

  it('quantiles equal simple-statistics quantile on the bin midpoints, and are within half a bin of the raw values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 48, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const c = histogramOf(hours, xs);
        const mids = xs.map((x) => hours.mid(hours.index(x)));
        for (const p of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
          const q = histogramQuantile(c, 0, hours, p);
          expect(q).toBe(quantile(mids, p));
          expect(Math.abs(q - quantile(xs, p))).toBeLessThanOrEqual(1 / 120 + 1e-9);
        }
      }),
    );
  });

  it('overflow values ("never") sort last: a quantile among them is Infinity; an empty histogram gives NaN', () => {
    const c = histogramOf(hours, [1, 2, 3, null, null]);
    expect(histogramQuantile(c, 0, hours, 0.5)).toBe(3);
    expect(histogramQuantile(c, 0, hours, 0.9)).toBe(Infinity);
    expect(histogramQuantile(new Float64Array(hours.size + 1), 0, hours, 0.5)).toBeNaN();
    expect(histogramExceedance(c, 0, hours, [0, 1.5, 3, 48])).toEqual([1, 0.8, 0.4, 0.4]);
  });

  it('histograms merge exactly: any split of the values, added in any order, gives the same counts', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 48, noNaN: true }), { maxLength: 200 }), fc.nat(), (xs, cut) => {
        const k = xs.length === 0 ? 0 : cut % xs.length;
        const a = histogramOf(hours, xs.slice(0, k));
        const b = histogramOf(hours, xs.slice(k));
        const ab = a.map((v, i) => v + b[i]!);
        const ba = b.map((v, i) => v + a[i]!);
        expect(ab).toEqual(histogramOf(hours, xs));
        expect(ba).toEqual(ab);
      }),
    );
  });
});

describe('proportions', () => {
  it('Wilson 95% interval matches published values', () => {
    // 0/10: upper 0.2775 (Wilson 1927; Newcombe 1998 table I); 81/263: 0.2553–0.3662 (Newcombe 1998)
    expect(proportion(0, 10).ci95![1]).toBeCloseTo(0.2775, 4);
    const p = proportion(81, 263);
    expect(p.ci95![0]).toBeCloseTo(0.2553, 4);
    expect(p.ci95![1]).toBeCloseTo(0.3662, 4);
    expect(p.se).toBeCloseTo(Math.sqrt((81 / 263) * (182 / 263) / 263), 6);
    expect(proportion(0, 0).estimate).toBeNull();
  });

  it('the stopping SE never reaches 0 for an estimate of 0 or 1 from few trials', () => {
    expect(stoppingSe(0, 10)).toBeGreaterThan(0.05);
    expect(stoppingSe(10, 10)).toBeGreaterThan(0.05);
    expect(stoppingSe(5000, 10000)).toBeCloseTo(0.005, 4);
  });
});
