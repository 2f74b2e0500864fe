/**
 * The minimal generator interface every sampler in `engine/random` draws from.
 *
 * `next()` returns a float in [0, 1). It must be deterministic given the
 * generator's state and must never consult global state (the platform's
 * generator, clocks). `Sfc32` implements it; tests may supply scripted fakes.
 *
 * Pure type (no runtime code). Unit: dimensionless probability mass.
 */
export interface Rng {
  /** Next float in [0, 1). Advances the generator's own state only. */
  next(): number;
}
