import type { DistSpec } from './distSpec.ts';
import type { Rng } from './rng.ts';
import {
  bernoulli,
  exponential,
  gamma,
  normal,
  poisson,
  standardNormal,
  triangular,
  uniform,
} from './distributions.ts';

/**
 * Draws one value from a scenario {@link DistSpec}.
 *
 * Semantics per `dist`:
 * - `fixed`: `value` (consumes no draws);
 * - `uniform`: U[min, max);
 * - `normal`: N(mean, sd²), then clamped to [min, max] where given;
 * - `lognormal`: median·exp(sigma·Z), i.e. underlying normal with
 *   mu = ln(median), then clamped to `max` where given;
 * - `exponential`: mean `mean` (rate 1/mean);
 * - `gamma`: shape `shape`, scale `scale`;
 * - `poisson`: count with mean `mean`, returned as a number;
 * - `triangular`: on [min, max] with mode `mode`;
 * - `bernoulli`: 1 with probability p, else 0.
 *
 * Pure apart from advancing `rng`. Unit: that of the field holding the spec.
 * Throws RangeError for invalid parameters (e.g. sd < 0, median ≤ 0,
 * mean ≤ 0 for exponential, normal min > max), naming the sampler.
 */
export function sampleDist(rng: Rng, spec: DistSpec): number {
  switch (spec.dist) {
    case 'fixed':
      if (!Number.isFinite(spec.value)) {
        throw new RangeError(`fixed: value must be a finite number, got ${spec.value}`);
      }
      return spec.value;
    case 'uniform':
      return uniform(rng, spec.min, spec.max);
    case 'normal': {
      const { min, max } = spec;
      if (min !== undefined && max !== undefined && min > max) {
        throw new RangeError(`normal: min must be <= max, got min=${min}, max=${max}`);
      }
      let x = normal(rng, spec.mean, spec.sd);
      if (min !== undefined && x < min) x = min;
      if (max !== undefined && x > max) x = max;
      return x;
    }
    case 'lognormal': {
      const { median, sigma, max } = spec;
      if (!(median > 0) || !Number.isFinite(median)) {
        throw new RangeError(`lognormal: median must be a finite number > 0, got ${median}`);
      }
      if (!(sigma >= 0) || !Number.isFinite(sigma)) {
        throw new RangeError(`lognormal: sigma must be a finite number >= 0, got ${sigma}`);
      }
      const x = median * Math.exp(sigma * standardNormal(rng));
      return max !== undefined && x > max ? max : x;
    }
    case 'exponential':
      if (!(spec.mean > 0) || !Number.isFinite(spec.mean)) {
        throw new RangeError(`exponential: mean must be a finite number > 0, got ${spec.mean}`);
      }
      return clampMax(exponential(rng, 1 / spec.mean), spec.max);
    case 'gamma':
      return clampMax(gamma(rng, spec.shape, spec.scale), spec.max);
    case 'poisson':
      return clampMax(poisson(rng, spec.mean), spec.max);
    case 'triangular':
      return triangular(rng, spec.min, spec.mode, spec.max);
    case 'bernoulli':
      return bernoulli(rng, spec.p) ? 1 : 0;
    default: {
      const unknown: never = spec;
      throw new TypeError(`sampleDist: unknown dist ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Analytic mean of a {@link DistSpec}, ignoring any min/max clamps:
 * fixed → value; uniform → (min+max)/2; normal → mean;
 * lognormal → median·exp(sigma²/2); exponential → mean; gamma → shape·scale;
 * poisson → mean; triangular → (min+mode+max)/3; bernoulli → p.
 *
 * Pure; does not validate parameters. Unit: that of the field holding the spec.
 */
export function distMean(spec: DistSpec): number {
  switch (spec.dist) {
    case 'fixed':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'normal':
      return spec.mean;
    case 'lognormal':
      return spec.median * Math.exp((spec.sigma * spec.sigma) / 2);
    case 'exponential':
      return spec.mean;
    case 'gamma':
      return spec.shape * spec.scale;
    case 'poisson':
      return spec.mean;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'bernoulli':
      return spec.p;
    default: {
      const unknown: never = spec;
      throw new TypeError(`distMean: unknown dist ${JSON.stringify(unknown)}`);
    }
  }
}

/** Upper clamp for distributions with unbounded support (a field's unit range). */
function clampMax(x: number, max: number | undefined): number {
  return max !== undefined && x > max ? max : x;
}
