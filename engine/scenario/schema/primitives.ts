import * as z from 'zod';

/** Identifier used for cross references inside a scenario (ASCII, stable across translations). */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)
  .max(64)
  .describe('Stable identifier used for cross references (ASCII).');

/** A user-facing text, Chinese first, English too. */
export const LocalText = z
  .strictObject({
    zh: z.string().min(1).describe('Chinese (zh-CN) text'),
    en: z.string().min(1).describe('English text'),
  })
  .describe('User-facing text in Chinese (zh-CN) and English.');

/** WGS84 position [longitude°, latitude°]; China spans roughly 73–136 °E, 3–54 °N. */
export const LonLat = z
  .tuple([z.number().min(73).max(136), z.number().min(3).max(54)])
  .describe('WGS84 position [longitude °E, latitude °N]');

export const ElevationM = z.number().min(-200).max(8900).describe('Elevation above sea level, metres');
export const People = z.number().int().min(0).max(50_000_000).describe('Number of people');
export const Probability = z.number().min(0).max(1).describe('Probability, 0–1');
export const Hours = z.number().min(0).max(24 * 365).describe('Duration in hours');
export const PositiveHours = z.number().gt(0).max(24 * 365).describe('Duration in hours, > 0');

/** Distribution specs; units come from the field holding them. Mirrors engine/random/distSpec.ts. */
export const Dist = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('fixed'), value: z.number() }),
    z.strictObject({ dist: z.literal('uniform'), min: z.number(), max: z.number() }),
    z.strictObject({
      dist: z.literal('normal'),
      mean: z.number(),
      sd: z.number().min(0),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
    z.strictObject({
      dist: z.literal('lognormal'),
      median: z.number().gt(0),
      sigma: z.number().min(0).max(5),
      max: z.number().min(0).optional(),
    }),
    z.strictObject({ dist: z.literal('exponential'), mean: z.number().gt(0), max: z.number().min(0).optional() }),
    z.strictObject({
      dist: z.literal('gamma'),
      shape: z.number().gt(0),
      scale: z.number().gt(0),
      max: z.number().min(0).optional(),
    }),
    z.strictObject({ dist: z.literal('poisson'), mean: z.number().min(0), max: z.number().min(0).optional() }),
    z.strictObject({ dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }),
    z.strictObject({ dist: z.literal('bernoulli'), p: Probability }),
  ])
  .superRefine((d, ctx) => {
    // messages are rendered per language by the loader from params.kind
    const bad = (dist: string) => ctx.addIssue({ code: 'custom', message: `${dist}: bounds out of order`, params: { kind: 'distOrder', dist } });
    if (d.dist === 'uniform' && d.min > d.max) bad('uniform');
    if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) bad('triangular');
    if (d.dist === 'normal' && d.min !== undefined && d.max !== undefined && d.min > d.max) bad('normal');
  })
  .describe('A probability distribution: fixed, uniform, normal, lognormal, exponential, gamma, poisson, triangular or bernoulli');

/**
 * A distribution whose every possible value lies in [min, max] (units of the field).
 * Checked on the parameters: e.g. a lognormal must carry a `max` when the field is bounded.
 */
export function boundedDist(min: number, max: number, what: string) {
  return Dist.superRefine((d, ctx) => {
    const [lo, hi] = distSupport(d);
    if (lo < min || hi > max) {
      ctx.addIssue({
        code: 'custom',
        message: `${what}: values must lie within [${min}, ${max}] (this distribution ranges over [${lo}, ${hi}])`,
        params: { kind: 'distRange', min, max, lo, hi, what },
      });
    }
  });
}

/** Closed support of a distribution spec after clamping, [lo, hi]; pure. */
export function distSupport(d: z.infer<typeof Dist>): [number, number] {
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
      return [d.min, d.max];
    case 'triangular':
      return [d.min, d.max];
    case 'normal':
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case 'lognormal':
      return [0, d.max ?? Infinity];
    case 'exponential':
    case 'gamma':
    case 'poisson':
      return [0, d.max ?? Infinity];
    case 'bernoulli':
      return [0, 1];
  }
}
