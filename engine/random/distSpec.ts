/**
 * A probability distribution as scenario data. Pure type; the zod schema in
 * engine/scenario mirrors it and `sampleDist` draws from it.
 * Units are those of the field that holds the spec (hours, mm/h, people…).
 */
export type DistSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; median: number; sigma: number; max?: number }
  | { dist: 'exponential'; mean: number; max?: number }
  | { dist: 'gamma'; shape: number; scale: number; max?: number }
  | { dist: 'poisson'; mean: number; max?: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'bernoulli'; p: number };
