/**
 * Samplers for the continuous and discrete distributions the engine uses.
 * Every sampler takes the generator as its first argument, is deterministic
 * given the generator's state, and touches no global state. Parameters are
 * validated on every call and invalid ones throw a RangeError naming the
 * sampler and the parameter. Units are those of the caller's quantity.
 *
 * The number of uniforms consumed per variate varies (rejection methods), so
 * give each purpose its own stream (see `rngFor`) when common random numbers
 * across scenario variants matter.
 */
import type { Rng } from './rng.ts';
import { logFactorial } from './logFactorial.ts';

// ---------------------------------------------------------------------------
// Validation helpers

function requireFinite(fn: string, name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be a finite number, got ${v}`);
}

function requirePositive(fn: string, name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) {
    throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${v}`);
  }
}

function requireNonNegative(fn: string, name: string, v: number): void {
  if (!(v >= 0) || !Number.isFinite(v)) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${v}`);
  }
}

// ---------------------------------------------------------------------------
// Ziggurat tables (Marsaglia & Tsang 2000, 128 layers, in Doornik's 2005
// "An improved ziggurat method to generate normal random samples" layout).

/** Number of ziggurat layers. */
const ZIG_N = 128;
/**
 * Start of the right tail, r, for 128 layers: Marsaglia & Tsang (2000),
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw.
 * 5(8), constant `dn`/`r` for RNOR.
 */
const ZIG_R = 3.442619855899;
/**
 * Common area of each layer, v = r·f(r) + ∫_r^∞ f, for f(x) = exp(−x²/2):
 * Marsaglia & Tsang (2000), constant `vn` for RNOR with 128 layers.
 */
const ZIG_V = 9.91256303526217e-3;
/** 2^-24: scales the 25-bit signed layer coordinate into (−1, 1). */
const TWO_POW_M24 = 5.960464477539063e-8;
/** 2^32, to turn a [0,1) uniform into its 32 leading bits. */
const TWO_POW_32 = 4294967296;

/**
 * ZX[i]: right edge of layer i (ZX[0] = v/f(r) is the pseudo-width of the
 * base layer, ZX[1] = r, ZX[128] = 0). ZF[i] = f(ZX[i]). ZQ[i] = ZX[i+1]/ZX[i]
 * is the fraction of layer i that lies wholly under the curve.
 * Computed once at module load by the recurrence f(x_{i+1}) = v/x_i + f(x_i).
 */
const ZX = new Float64Array(ZIG_N + 1);
const ZF = new Float64Array(ZIG_N + 1);
const ZQ = new Float64Array(ZIG_N);
{
  const fr = Math.exp(-0.5 * ZIG_R * ZIG_R);
  ZX[0] = ZIG_V / fr;
  ZX[1] = ZIG_R;
  ZF[0] = Math.exp(-0.5 * ZX[0]! * ZX[0]!);
  ZF[1] = fr;
  for (let i = 2; i < ZIG_N; i++) {
    const fi = ZIG_V / ZX[i - 1]! + ZF[i - 1]!;
    ZX[i] = Math.sqrt(-2 * Math.log(fi));
    ZF[i] = fi;
  }
  ZX[ZIG_N] = 0;
  ZF[ZIG_N] = 1;
  for (let i = 0; i < ZIG_N; i++) ZQ[i] = ZX[i + 1]! / ZX[i]!;
}

/**
 * Tail of the standard normal beyond r (Marsaglia 1964): x = −ln(U₁)/r,
 * y = −ln(U₂), accept when 2y > x²; returns ±(r + x).
 */
function normalTail(rng: Rng, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = -Math.log(1 - rng.next()) / ZIG_R; // 1 − U ∈ (0, 1]: no log(0)
    y = -Math.log(1 - rng.next());
  } while (2 * y < x * x);
  return negative ? -(ZIG_R + x) : ZIG_R + x;
}

/**
 * Standard normal variate N(0, 1) by the ziggurat method: Marsaglia & Tsang
 * (2000), 128 layers, tables in Doornik's (2005) layout with an exact tail
 * (Marsaglia 1964) and an exact wedge test against exp(−x²/2).
 *
 * Each attempt takes one 32-bit draw: the layer from its low 7 bits and the
 * signed position within the layer from the disjoint high 25 bits, which
 * avoids the bit reuse between layer and value in the original RNOR that
 * Doornik criticised. About 98.8 % of variates need one draw and no
 * transcendental call (measured ≈5–7 ns on Node 20, performance.md §1).
 *
 * Pure apart from advancing `rng`. Unit: standard deviations.
 */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const w = (rng.next() * TWO_POW_32) | 0;
    const i = w & 127;
    const u = ((w >> 7) + 0.5) * TWO_POW_M24; // symmetric in (−1, 1), never 0
    if (Math.abs(u) < ZQ[i]!) return u * ZX[i]!;
    if (i === 0) return normalTail(rng, u < 0);
    const x = u * ZX[i]!;
    const f0 = ZF[i]!;
    const y = f0 + rng.next() * (ZF[i + 1]! - f0);
    if (y < Math.exp(-0.5 * x * x)) return x;
  }
}

// ---------------------------------------------------------------------------
// Samplers

/**
 * Uniform variate on [a, b) (b itself only through rounding). One draw.
 * Pure apart from advancing `rng`. Units: those of a and b.
 * Throws RangeError unless a, b are finite and a ≤ b.
 */
export function uniform(rng: Rng, a: number, b: number): number {
  requireFinite('uniform', 'a', a);
  requireFinite('uniform', 'b', b);
  if (a > b) throw new RangeError(`uniform: a must be <= b, got a=${a}, b=${b}`);
  return a + (b - a) * rng.next();
}

/**
 * Normal variate N(mean, sd²) = mean + sd·Z, Z from {@link standardNormal}.
 * Pure apart from advancing `rng`. Units: those of mean and sd.
 * Throws RangeError unless mean is finite and sd is finite and ≥ 0.
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  requireFinite('normal', 'mean', mean);
  requireNonNegative('normal', 'sd', sd);
  return mean + sd * standardNormal(rng);
}

/**
 * Lognormal variate exp(mu + sigma·Z): mu and sigma are the mean and
 * standard deviation of the underlying normal (median = e^mu,
 * mean = e^(mu + sigma²/2)). Pure apart from advancing `rng`.
 * Unit: that of e^mu. Throws RangeError unless mu is finite and sigma is
 * finite and ≥ 0.
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  requireFinite('lognormal', 'mu', mu);
  requireNonNegative('lognormal', 'sigma', sigma);
  return Math.exp(mu + sigma * standardNormal(rng));
}

/**
 * Exponential variate with the given rate (mean 1/rate) by inversion,
 * −ln(1 − U)/rate. One draw. Pure apart from advancing `rng`.
 * Unit: the reciprocal of rate's unit (rate per hour → hours).
 * Throws RangeError unless rate is finite and > 0.
 */
export function exponential(rng: Rng, rate: number): number {
  requirePositive('exponential', 'rate', rate);
  return -Math.log(1 - rng.next()) / rate + 0; // + 0 turns −0 into 0
}

/** Marsaglia–Tsang gamma for shape ≥ 1 with unit scale (no validation). */
function gammaShapeAtLeastOne(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Gamma variate with the given shape k and scale θ (mean kθ, variance kθ²)
 * by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3) — squeeze constant 0.0331 from that paper. For
 * shape < 1 it uses the paper's boost: Gamma(k+1)·U^(1/k).
 * Pure apart from advancing `rng`. Unit: that of scale.
 * Throws RangeError unless shape and scale are finite and > 0.
 */
export function gamma(rng: Rng, shape: number, scale: number): number {
  requirePositive('gamma', 'shape', shape);
  requirePositive('gamma', 'scale', scale);
  if (shape >= 1) return gammaShapeAtLeastOne(rng, shape) * scale;
  const g = gammaShapeAtLeastOne(rng, shape + 1);
  return g * Math.pow(1 - rng.next(), 1 / shape) * scale;
}

/** Mean below which `poisson` uses inversion; PTRS needs mean ≥ 10. */
const POISSON_INVERSION_LIMIT = 30;

/**
 * Poisson variate with the given mean λ (variance λ). Exact for every λ:
 * - λ < 30: inversion by sequential search from 0 (one draw, ~λ steps);
 * - λ ≥ 30: PTRS, Hörmann (1993), "The transformed rejection method for
 *   generating Poisson random variables", Insurance: Mathematics and
 *   Economics 12(1) — constants 0.931, 2.53, −0.059, 0.02483, 1.1239,
 *   1.1328, 3.4, 0.9277, 3.6224, 0.07, 0.013, 0.43 from that paper (as in
 *   NumPy's `random_poisson_ptrs`); about 2.3 draws per variate.
 * Pure apart from advancing `rng`. Unit: count (returned as a number).
 * Throws RangeError unless mean is finite and ≥ 0 (mean 0 returns 0).
 */
export function poisson(rng: Rng, mean: number): number {
  requireNonNegative('poisson', 'mean', mean);
  if (mean === 0) return 0;
  if (mean < POISSON_INVERSION_LIMIT) {
    const u = rng.next();
    let p = Math.exp(-mean);
    let s = p;
    let k = 0;
    while (u >= s) {
      k++;
      p *= mean / k;
      const next = s + p;
      if (next === s && k > mean) break; // cumulative sum saturated: far tail
      s = next;
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * loglam - logFactorial(k)
    ) {
      return k;
    }
  }
}

/**
 * Triangular variate on [min, max] with the given mode, by inversion of the
 * CDF (one draw). Mean (min + mode + max)/3.
 * Pure apart from advancing `rng`. Units: those of the parameters.
 * Throws RangeError unless all are finite and min ≤ mode ≤ max.
 */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  requireFinite('triangular', 'min', min);
  requireFinite('triangular', 'mode', mode);
  requireFinite('triangular', 'max', max);
  if (!(min <= mode && mode <= max)) {
    throw new RangeError(`triangular: need min <= mode <= max, got min=${min}, mode=${mode}, max=${max}`);
  }
  const u = rng.next();
  const width = max - min;
  if (width === 0) return min;
  const left = mode - min;
  if (u * width < left) return min + Math.sqrt(u * width * left);
  return max - Math.sqrt((1 - u) * width * (max - mode));
}

/**
 * Bernoulli trial: true with probability p (one draw, `next() < p`).
 * p = 0 is never true and p = 1 always true.
 * Pure apart from advancing `rng`. Throws RangeError unless 0 ≤ p ≤ 1.
 */
export function bernoulli(rng: Rng, p: number): boolean {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli: p must be in [0, 1], got ${p}`);
  return rng.next() < p;
}
