import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../engine/random/index.ts';
import { SiteRainDraws } from '../../../engine/sim/siteRain.ts';

describe('SiteRainDraws', () => {
  it("gives each site its own stream's numbers, as Sfc32.fromSeed(seed).next() does, however the sites interleave", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        (seeds, picks) => {
          const soa = new SiteRainDraws(seeds, null);
          const other = new SiteRainDraws(seeds, (seed) => Sfc32.fromSeed(seed));
          const ref = seeds.map((s) => Sfc32.fromSeed(s));
          for (const p of picks) {
            const i = p % seeds.length;
            const want = ref[i]!.next();
            expect(soa.next(i)).toBe(want);
            expect(other.next(i)).toBe(want);
          }
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });
});
