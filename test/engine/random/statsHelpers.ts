/**
 * Test-only statistics helpers: exact CDFs (high-precision erf, regularized
 * incomplete gamma), sample moments, Kolmogorov–Smirnov and chi-square
 * statistics. Written independently of the engine code under test.
 */

/** Sample moments of a data set: mean, variance (n−1), skewness, kurtosis (not excess). */
export function moments(xs: ArrayLike<number>): { mean: number; variance: number; skewness: number; kurtosis: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  const pv = m2 / n;
  return { mean, variance, skewness: m3 / n / pv ** 1.5, kurtosis: m4 / n / (pv * pv) };
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * erfc(x) to ~1e-15 relative for all x: the non-alternating Taylor series
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) for |x| < 3
 * (A&S 7.1.6), the Laplace continued fraction for erfc (A&S 7.1.14,
 * evaluated bottom-up) for x ≥ 3.
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
  let f = x;
  for (let k = 120; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Standard normal CDF Φ(z) = ½·erfc(−z/√2). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** ln Γ(x) for x > 0, Lanczos approximation (g = 7, 9 terms; ~1e-15). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularized lower incomplete gamma P(a, x): series for x < a + 1,
 * Lentz continued fraction for Q otherwise (Numerical Recipes §6.2).
 */
export function gammaCdf(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPre = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lnPre);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lnPre) * h;
}

/**
 * √n·D for the one-sample Kolmogorov–Smirnov statistic D = sup|Fₙ − F| of
 * the data against the continuous CDF `cdf`.
 */
export function ksScaled(xs: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return Math.sqrt(n) * d;
}

/**
 * Critical value of √n·D at significance α from the asymptotic Kolmogorov
 * tail P(K > x) ≈ 2·exp(−2x²) (accurate for small α).
 */
export function ksCritical(alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2);
}

/**
 * Chi-square goodness of fit of integer counts against a pmf, merging
 * adjacent cells so every expected count is ≥ 5 (lower tail merged into the
 * first cell, upper tail into the last). Returns the Wilson–Hilferty z
 * score of the statistic (≈ N(0,1) under the null).
 */
export function chiSquareZ(xs: ArrayLike<number>, pmf: (k: number) => number, kMax: number): { z: number; df: number } {
  const n = xs.length;
  const counts = new Float64Array(kMax + 2);
  for (let i = 0; i < n; i++) counts[Math.min(xs[i]!, kMax + 1)]! += 1;
  const expected = new Float64Array(kMax + 2);
  let cum = 0;
  for (let k = 0; k <= kMax; k++) {
    expected[k] = n * pmf(k);
    cum += pmf(k);
  }
  expected[kMax + 1] = n * Math.max(0, 1 - cum);
  const cellsO: number[] = [];
  const cellsE: number[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k <= kMax + 1; k++) {
    o += counts[k]!;
    e += expected[k]!;
    if (e >= 5) {
      cellsO.push(o);
      cellsE.push(e);
      o = 0;
      e = 0;
    }
  }
  if (cellsE.length > 0) {
    cellsO[cellsO.length - 1]! += o;
    cellsE[cellsE.length - 1]! += e;
  }
  let chi2 = 0;
  for (let i = 0; i < cellsO.length; i++) chi2 += (cellsO[i]! - cellsE[i]!) ** 2 / cellsE[i]!;
  const df = cellsO.length - 1;
  const k9 = 2 / (9 * df);
  const z = (Math.cbrt(chi2 / df) - (1 - k9)) / Math.sqrt(k9);
  return { z, df };
}

/** Poisson pmf computed via lnGamma (independent of the engine's logFactorial). */
export function poissonPmf(mean: number, k: number): number {
  return Math.exp(-mean + k * Math.log(mean) - lnGamma(k + 1));
}

/** Draws n values into a Float64Array. */
export function draw(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}
