/**
 * Seeded randomness for the engine: the sfc32 generator, order-independent
 * seed derivation, distribution samplers and the scenario `DistSpec` sampler.
 * Everything here is pure: no I/O, no clocks, no global generator or other globals.
 */
export type { Rng } from './rng.ts';
export type { DistSpec } from './distSpec.ts';
export { Sfc32 } from './sfc32.ts';
export { deriveSeed, masterSeedFrom, rngFor } from './deriveSeed.ts';
export { fmix32 } from './fmix32.ts';
export {
  bernoulli,
  exponential,
  gamma,
  lognormal,
  normal,
  poisson,
  standardNormal,
  triangular,
  uniform,
} from './distributions.ts';
export { distMean, sampleDist } from './sampleDist.ts';
