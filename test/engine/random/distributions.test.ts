import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  exponential,
  gamma,
  lognormal,
  normal,
  poisson,
  rngFor,
  standardNormal,
  triangular,
  uniform,
  type Rng,
} from '../../../engine/random/index.ts';
import { chiSquareZ, draw, gammaCdf, ksCritical, ksScaled, moments, normalCdf, poissonPmf } from './statsHelpers.ts';

/**
 * Tolerances. With n = 200k draws, the sample mean has standard error σ/√n
 * and the sample variance ≈ √((μ₄ − σ⁴)/n), μ₄ the distribution's central
 * fourth moment. Every check allows 5 standard errors (two-sided
 * P ≈ 6e-7 under a correct sampler); seeds are fixed, so nothing can flake.
 * KS checks use the asymptotic Kolmogorov critical value at α = 1e-4.
 */
const N = 200_000;
const Z = 5;
const KS_CRIT = ksCritical(1e-4); // ≈ 2.23

const rngOf = (name: string): Rng => rngFor(20240601, 'test', name);

function expectMeanVar(xs: Float64Array, mean: number, variance: number, mu4: number): void {
  const m = moments(xs);
  const n = xs.length;
  expect(Math.abs(m.mean - mean)).toBeLessThan((Z * Math.sqrt(variance)) / Math.sqrt(n));
  expect(Math.abs(m.variance - variance)).toBeLessThan(Z * Math.sqrt((mu4 - variance * variance) / n));
}

describe('standardNormal (ziggurat)', () => {
  const xs = draw(N, ((r) => () => standardNormal(r))(rngOf('zig')));

  it('has mean 0, variance 1, skewness 0, kurtosis 3', () => {
    const m = moments(xs);
    expect(Math.abs(m.mean)).toBeLessThan(Z / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(Z * Math.sqrt(2 / N));
    expect(Math.abs(m.skewness)).toBeLessThan(Z * Math.sqrt(6 / N));
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(Z * Math.sqrt(24 / N));
  });

  it('passes a Kolmogorov–Smirnov test against the exact normal CDF', () => {
    expect(ksScaled(xs, normalCdf)).toBeLessThan(KS_CRIT);
  });

  it('has correct tail fractions P(|x|>3), P(|x|>r), P(|x|>4) over 10M draws, symmetric, and an exact tail shape', () => {
    const n = 10_000_000;
    const R = 3.442619855899; // start of the ziggurat's tail (Marsaglia & Tsang 2000)
    const r = rngOf('zig-tail');
    let c3 = 0;
    let cr = 0;
    let c4 = 0;
    let pos4 = 0;
    const beyond: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = standardNormal(r);
      const a = Math.abs(x);
      if (a > 3) {
        c3++;
        if (a > R) {
          cr++;
          beyond.push(a);
        }
        if (a > 4) {
          c4++;
          if (x > 0) pos4++;
        }
      }
    }
    for (const [count, t] of [
      [c3, 3],
      [cr, R],
      [c4, 4],
    ] as const) {
      const p = 2 * normalCdf(-t);
      // Binomial(n, p) count: sd = √(np(1−p)).
      expect(Math.abs(count - n * p)).toBeLessThan(Z * Math.sqrt(n * p * (1 - p)));
    }
    expect(Math.abs(pos4 - c4 / 2)).toBeLessThan((Z * Math.sqrt(c4)) / 2);
    // Conditional law of |x| beyond r (≈5,800 draws, all from the tail sampler):
    // P(|X| ≤ t | |X| > r) = 1 − Φ(−t)/Φ(−r). KS at α = 1e-4.
    const qr = normalCdf(-R);
    expect(ksScaled(Float64Array.from(beyond), (t) => 1 - normalCdf(-t) / qr)).toBeLessThan(KS_CRIT);
  });

  it('per-layer check: fractions in 40 equiprobable bins match (chi-square)', () => {
    // Bin k holds Φ⁻¹ interval [k/40, (k+1)/40); count bins by CDF value.
    const bins = 40;
    const idx = new Float64Array(N);
    for (let i = 0; i < N; i++) idx[i] = Math.min(bins - 1, Math.floor(normalCdf(xs[i]!) * bins));
    const { z } = chiSquareZ(idx, () => 1 / bins, bins - 1);
    expect(z).toBeLessThan(Z);
  });
});

describe('normal and lognormal', () => {
  it('normal(mean, sd) has the right mean and variance; sd = 0 gives the mean', () => {
    const r = rngOf('normal');
    const xs = draw(N, () => normal(r, 10, 2.5));
    expectMeanVar(xs, 10, 6.25, 3 * 6.25 ** 2);
    expect(ksScaled(xs, (x) => normalCdf((x - 10) / 2.5))).toBeLessThan(KS_CRIT);
    expect(normal(r, 3, 0)).toBe(3);
  });

  it('lognormal(mu, sigma): log is N(mu, sigma²); mean exp(mu + sigma²/2)', () => {
    const r = rngOf('lognormal');
    const mu = 1.2;
    const sigma = 0.5;
    const xs = draw(N, () => lognormal(r, mu, sigma));
    const logs = xs.map(Math.log);
    expectMeanVar(logs, mu, sigma * sigma, 3 * sigma ** 4);
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);
    expect(Math.abs(moments(xs).mean - mean)).toBeLessThan((Z * Math.sqrt(variance)) / Math.sqrt(N));
    expect(ksScaled(xs, (x) => normalCdf((Math.log(x) - mu) / sigma))).toBeLessThan(KS_CRIT);
    for (const x of xs) if (!(x > 0)) throw new Error('lognormal produced a non-positive value');
  });
});

describe('uniform', () => {
  it('U(a, b): mean, variance, range and KS', () => {
    const r = rngOf('uniform');
    const a = -3;
    const b = 7;
    const xs = draw(N, () => uniform(r, a, b));
    const w = b - a;
    expectMeanVar(xs, (a + b) / 2, (w * w) / 12, w ** 4 / 80);
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of xs) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(a);
    expect(hi).toBeLessThan(b);
    expect(ksScaled(xs, (x) => (x - a) / w)).toBeLessThan(KS_CRIT);
    expect(uniform(r, 5, 5)).toBe(5);
  });
});

describe('exponential', () => {
  it('rate λ: mean 1/λ, variance 1/λ², KS', () => {
    const r = rngOf('exponential');
    const rate = 0.25;
    const xs = draw(N, () => exponential(r, rate));
    expectMeanVar(xs, 1 / rate, 1 / rate ** 2, 9 / rate ** 4);
    expect(ksScaled(xs, (x) => 1 - Math.exp(-rate * x))).toBeLessThan(KS_CRIT);
    for (const x of xs) if (!(x >= 0) || Object.is(x, -0)) throw new Error(`bad exponential ${x}`);
  });
});

describe('gamma', () => {
  it.each([0.5, 1, 3.5, 0.1, 20])('shape %d: mean kθ, variance kθ², KS against the regularized incomplete gamma', (k) => {
    const r = rngOf(`gamma-${k}`);
    const theta = 2;
    const xs = draw(N, () => gamma(r, k, theta));
    // Central 4th moment of Gamma(k, θ) is 3k(k+2)θ⁴.
    expectMeanVar(xs, k * theta, k * theta * theta, 3 * k * (k + 2) * theta ** 4);
    expect(ksScaled(xs, (x) => gammaCdf(k, x / theta))).toBeLessThan(KS_CRIT);
    for (const x of xs) if (!(x >= 0)) throw new Error(`bad gamma ${x}`);
  });
});

describe('poisson', () => {
  it.each([0.5, 4, 50, 500])('mean %d: mean = variance = λ', (lambda) => {
    const r = rngOf(`poisson-${lambda}`);
    const xs = draw(N, () => poisson(r, lambda));
    // Central 4th moment of Poisson(λ) is λ(1 + 3λ).
    expectMeanVar(xs, lambda, lambda, lambda * (1 + 3 * lambda));
    for (const x of xs) if (!Number.isInteger(x) || x < 0) throw new Error(`bad poisson ${x}`);
  });

  it.each([0.5, 4, 29.9, 30, 50, 500])('mean %d: chi-square fit to the exact pmf', (lambda) => {
    const r = rngOf(`poisson-chi-${lambda}`);
    const xs = draw(N, () => poisson(r, lambda));
    const kMax = Math.ceil(lambda + 10 * Math.sqrt(lambda) + 10);
    const { z, df } = chiSquareZ(xs, (k) => poissonPmf(lambda, k), kMax);
    expect(df).toBeGreaterThan(0);
    expect(z).toBeLessThan(Z);
  });

  it('mean 0 returns 0 without fail; tiny means work', () => {
    const r = rngOf('poisson-0');
    expect(poisson(r, 0)).toBe(0);
    let s = 0;
    for (let i = 0; i < 1000; i++) s += poisson(r, 1e-9);
    expect(s).toBe(0);
  });

  it('terminates with a finite count when the uniform is at its maximum', () => {
    const top: Rng = { next: () => 1 - 2 ** -53 };
    const k = poisson(top, 25);
    expect(Number.isInteger(k)).toBe(true);
    expect(k).toBeGreaterThan(25);
  });
});

describe('triangular', () => {
  it.each([
    [0, 2, 10],
    [1, 1, 4],
    [1, 4, 4],
  ])('(%d, %d, %d): mean, variance, range, KS', (a, c, b) => {
    const r = rngOf(`tri-${a}-${c}-${b}`);
    const xs = draw(N, () => triangular(r, a, c, b));
    const mean = (a + b + c) / 3;
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    const cdf = (x: number): number =>
      x <= a ? 0 : x >= b ? 1 : x <= c ? ((x - a) ** 2) / ((b - a) * (c - a)) : 1 - ((b - x) ** 2) / ((b - a) * (b - c));
    // μ₄ by numerical integration of (x − mean)⁴ dF (Simpson, 20k panels).
    const pdf = (x: number): number => (x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c)));
    let mu4 = 0;
    const m = 20_000;
    const h = (b - a) / m;
    for (let i = 0; i <= m; i++) {
      const x = a + i * h;
      const wgt = i === 0 || i === m ? 1 : i % 2 ? 4 : 2;
      const p = c === a && i === 0 ? 2 / (b - a) : c === b && i === m ? 2 / (b - a) : pdf(x);
      mu4 += wgt * (x - mean) ** 4 * p;
    }
    mu4 *= h / 3;
    expectMeanVar(xs, mean, variance, mu4);
    expect(ksScaled(xs, cdf)).toBeLessThan(KS_CRIT);
    for (const x of xs) if (x < a || x > b) throw new Error(`out of range ${x}`);
    expect(triangular(r, 3, 3, 3)).toBe(3);
  });
});

describe('bernoulli', () => {
  it.each([0.03, 0.5, 0.9])('p = %d: frequency within 5 standard errors', (p) => {
    const r = rngOf(`bern-${p}`);
    let s = 0;
    for (let i = 0; i < N; i++) if (bernoulli(r, p)) s++;
    expect(Math.abs(s / N - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / N));
  });

  it('p = 0 never and p = 1 always', () => {
    const r = rngOf('bern-edge');
    for (let i = 0; i < 10_000; i++) {
      expect(bernoulli(r, 0)).toBe(false);
      expect(bernoulli(r, 1)).toBe(true);
    }
    expect(bernoulli({ next: () => 0 }, 0)).toBe(false);
    expect(bernoulli({ next: () => 1 - 2 ** -53 }, 1)).toBe(true);
  });
});

describe('determinism', () => {
  it('same seed → identical variates for every sampler', () => {
    const run = (): number[] => {
      const r = rngOf('det');
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        out.push(
          standardNormal(r),
          gamma(r, 0.7, 1),
          gamma(r, 5, 1),
          poisson(r, 3),
          poisson(r, 300),
          triangular(r, 0, 1, 3),
          exponential(r, 2),
        );
      }
      return out;
    };
    expect(run()).toEqual(run());
  });
});

describe('parameter validation', () => {
  const r = rngOf('validation');
  it.each([
    ['uniform a > b', () => uniform(r, 2, 1), /uniform: a must be <= b/],
    ['uniform NaN', () => uniform(r, Number.NaN, 1), /uniform: a must be a finite/],
    ['uniform infinite', () => uniform(r, 0, Infinity), /uniform: b must be a finite/],
    ['normal sd < 0', () => normal(r, 0, -1), /normal: sd must be a finite number >= 0/],
    ['normal sd NaN', () => normal(r, 0, Number.NaN), /normal: sd/],
    ['normal mean infinite', () => normal(r, Infinity, 1), /normal: mean/],
    ['lognormal sigma < 0', () => lognormal(r, 0, -0.1), /lognormal: sigma/],
    ['lognormal mu NaN', () => lognormal(r, Number.NaN, 1), /lognormal: mu/],
    ['exponential rate 0', () => exponential(r, 0), /exponential: rate must be a finite number > 0/],
    ['exponential rate < 0', () => exponential(r, -1), /exponential: rate/],
    ['gamma shape 0', () => gamma(r, 0, 1), /gamma: shape must be a finite number > 0/],
    ['gamma shape < 0', () => gamma(r, -2, 1), /gamma: shape/],
    ['gamma scale 0', () => gamma(r, 1, 0), /gamma: scale/],
    ['gamma shape NaN', () => gamma(r, Number.NaN, 1), /gamma: shape/],
    ['poisson mean < 0', () => poisson(r, -1), /poisson: mean must be a finite number >= 0/],
    ['poisson mean infinite', () => poisson(r, Infinity), /poisson: mean/],
    ['triangular min > max', () => triangular(r, 5, 4, 3), /triangular: need min <= mode <= max/],
    ['triangular mode outside', () => triangular(r, 0, 11, 10), /triangular: need min <= mode <= max/],
    ['triangular NaN', () => triangular(r, 0, Number.NaN, 1), /triangular: mode/],
    ['bernoulli p > 1', () => bernoulli(r, 1.1), /bernoulli: p must be in \[0, 1\]/],
    ['bernoulli p < 0', () => bernoulli(r, -0.1), /bernoulli: p/],
    ['bernoulli p NaN', () => bernoulli(r, Number.NaN), /bernoulli: p/],
  ] as const)('%s throws RangeError', (_name, f, msg) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(msg);
  });
});
