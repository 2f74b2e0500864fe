import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sfc32, deriveSeed, masterSeedFrom, rngFor } from '../../../engine/random/index.ts';

const isU32 = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= 0xffffffff;

describe('deriveSeed', () => {
  it('pins known values (a change to the hash or encoding must be deliberate)', () => {
    expect(deriveSeed(0)).toBe(0); // fmix32(0) = 0
    expect(deriveSeed(42)).toBe(142593372);
    expect(deriveSeed(42, 'trial', 0)).toBe(2216046051);
    expect(deriveSeed(42, 'trial', 1)).toBe(2744034874);
    expect(deriveSeed(1, 'trial', 17, 'travel')).toBe(4007095778);
    expect(deriveSeed(0xffffffff, '演练', -5, 2 ** 40)).toBe(2741161381);
    expect(rngFor(42, 'trial', 0).nextU32()).toBe(2900496273);
  });

  it('depends only on (master, path), not on call order or draws elsewhere', () => {
    const paths: (string | number)[][] = [];
    for (let t = 0; t < 50; t++) for (const s of ['demand', 'lead', 'travel']) paths.push(['trial', t, s]);
    const forward = paths.map((p) => deriveSeed(7, ...p));
    // Reverse order, with unrelated derivations and draws interleaved.
    const noise = rngFor(7, 'noise');
    const reversed = new Array<number>(paths.length);
    for (let i = paths.length - 1; i >= 0; i--) {
      deriveSeed(7, 'unrelated', i);
      for (let k = 0; k < i % 5; k++) noise.next();
      reversed[i] = deriveSeed(7, ...paths[i]!);
    }
    expect(reversed).toEqual(forward);
  });

  it('rngFor streams are identical whatever else is drawn in between', () => {
    const a = rngFor(3, 'trial', 9, 'travel');
    const seqA = Array.from({ length: 50 }, () => a.next());
    const other = rngFor(3, 'trial', 9, 'demand');
    for (let i = 0; i < 1000; i++) other.next();
    const b = rngFor(3, 'trial', 9, 'travel');
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(rngFor(3, 'x').getState()).toEqual(Sfc32.fromSeed(deriveSeed(3, 'x')).getState());
  });

  it('distinguishes element types and string boundaries', () => {
    const m = 12345;
    expect(deriveSeed(m, 1)).not.toBe(deriveSeed(m, '1'));
    expect(deriveSeed(m, 'a', 'bc')).not.toBe(deriveSeed(m, 'ab', 'c'));
    expect(deriveSeed(m, '', '')).not.toBe(deriveSeed(m, ''));
    expect(deriveSeed(m, '')).not.toBe(deriveSeed(m));
    expect(deriveSeed(m, 0)).not.toBe(deriveSeed(m));
    expect(deriveSeed(m, 2 ** 32)).not.toBe(deriveSeed(m, 0)); // high word is hashed
    expect(deriveSeed(m, -1)).not.toBe(deriveSeed(m, 0xffffffff));
    expect(deriveSeed(m, 1, 2)).not.toBe(deriveSeed(m, 2, 1));
    expect(deriveSeed(m, 'ab')).not.toBe(deriveSeed(m, 'ba'));
    expect(deriveSeed(m, 'trial', 1)).not.toBe(deriveSeed(m + 1, 'trial', 1));
  });

  it('has no collisions among 100k trial paths, 100k master seeds or 100k string ids', () => {
    // Guaranteed by construction: each path differs from the others in one 32-bit block.
    const trials = new Set<number>();
    for (let t = 0; t < 100_000; t++) trials.add(deriveSeed(2024, 'trial', t, 'travel'));
    expect(trials.size).toBe(100_000);
    const masters = new Set<number>();
    for (let m = 0; m < 100_000; m++) masters.add(deriveSeed(m, 'trial', 0));
    expect(masters.size).toBe(100_000);
    const names = new Set<number>();
    for (let i = 0; i < 100_000; i++) names.add(deriveSeed(2024, `village-${i}`));
    // Names of different lengths are not one-block neighbours; a 32-bit hash of
    // 100k arbitrary keys has ≈ n²/2³³ ≈ 1.16 expected collisions.
    expect(100_000 - names.size).toBeLessThanOrEqual(6);
  });

  it('mixed 2-D paths collide no more often than a random 32-bit hash would', () => {
    // 10 streams × 10k trials = 100k paths; expected colliding pairs ≈ 1.16
    // (birthday bound); P(Poisson(1.16) ≥ 7) < 1e-3.
    const seen = new Set<number>();
    let collisions = 0;
    for (let s = 0; s < 10; s++) {
      for (let t = 0; t < 10_000; t++) {
        const v = deriveSeed(99, 'stream', s, 'trial', t);
        if (seen.has(v)) collisions++;
        seen.add(v);
      }
    }
    expect(collisions).toBeLessThanOrEqual(6);
  });

  it('output bits are balanced and a one-bit change of the master flips about half of them', () => {
    const n = 100_000;
    const bits = new Float64Array(32);
    let flips = 0;
    for (let t = 0; t < n; t++) {
      const v = deriveSeed(5, 'trial', t);
      for (let b = 0; b < 32; b++) bits[b]! += (v >>> b) & 1;
      let x = (v ^ deriveSeed((5 ^ (1 << (t & 31))) >>> 0, 'trial', t)) >>> 0;
      while (x) {
        flips += x & 1;
        x >>>= 1;
      }
    }
    for (let b = 0; b < 32; b++) expect(Math.abs(bits[b]! - n / 2)).toBeLessThan(5 * (Math.sqrt(n) / 2));
    // Flipped bits per pair ~ Binomial(32, ½): mean 16, sd √8 per pair.
    expect(Math.abs(flips / n - 16)).toBeLessThan((5 * Math.sqrt(8)) / Math.sqrt(n));
  });

  it('streams of consecutive trials (and consecutive raw seeds) are uncorrelated', () => {
    // Pearson r of n pairs of independent uniforms has sd ≈ 1/√n.
    const n = 100_000;
    const corr = (f: (t: number) => number): { r: number; mean: number } => {
      let prev = f(0);
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let t = 1; t <= n; t++) {
        const cur = f(t);
        sx += prev;
        sy += cur;
        sxy += prev * cur;
        sxx += prev * prev;
        syy += cur * cur;
        prev = cur;
      }
      const cov = sxy / n - (sx / n) * (sy / n);
      const r = cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
      return { r, mean: sy / n };
    };
    for (const f of [(t: number) => rngFor(11, 'trial', t).next(), (t: number) => Sfc32.fromSeed(t).next()]) {
      const { r, mean } = corr(f);
      expect(Math.abs(r)).toBeLessThan(5 / Math.sqrt(n));
      expect(Math.abs(mean - 0.5)).toBeLessThan((5 * Math.sqrt(1 / 12)) / Math.sqrt(n));
    }
  });

  it('returns a uint32 and is deterministic for arbitrary paths (property)', () => {
    const el = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat());
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.array(el, { maxLength: 6 }), (m, path) => {
        const v = deriveSeed(m, ...path);
        expect(isU32(v)).toBe(true);
        expect(deriveSeed(m, ...path)).toBe(v);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('validates its arguments', () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => deriveSeed(bad, 'x')).toThrow(RangeError);
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(() => deriveSeed(1, 'x', bad)).toThrow(/safe integer/);
    }
    expect(() => deriveSeed(1, {} as unknown as string)).toThrow(TypeError);
  });
});

describe('masterSeedFrom', () => {
  it('maps small non-negative integers (number or digit string) to themselves', () => {
    expect(masterSeedFrom(42)).toBe(42);
    expect(masterSeedFrom('42')).toBe(42);
    expect(masterSeedFrom(0)).toBe(0);
    expect(Object.is(masterSeedFrom(-0), 0)).toBe(true);
    expect(masterSeedFrom('0')).toBe(0);
    expect(masterSeedFrom('042')).toBe(42);
    expect(masterSeedFrom(0xffffffff)).toBe(0xffffffff);
    expect(masterSeedFrom('4294967295')).toBe(0xffffffff);
  });

  it('hashes large safe integers consistently for number and string input', () => {
    const v = masterSeedFrom(2 ** 32);
    expect(isU32(v)).toBe(true);
    expect(v).toBe(3126450891);
    expect(masterSeedFrom('4294967296')).toBe(v);
    expect(masterSeedFrom(2 ** 32 + 1)).not.toBe(v);
    expect(masterSeedFrom(Number.MAX_SAFE_INTEGER)).toBe(masterSeedFrom(String(Number.MAX_SAFE_INTEGER)));
  });

  it('hashes other strings', () => {
    expect(masterSeedFrom('lezhi-rainstorm')).toBe(1535923968);
    expect(masterSeedFrom('')).toBe(3756389633);
    expect(masterSeedFrom('lezhi-rainstorm')).not.toBe(masterSeedFrom('lezhi-rainstorm2'));
    for (const s of [' 42', '42 ', '1e3', '-1', '4.5', '99999999999999999999']) {
      const v = masterSeedFrom(s);
      expect(isU32(v)).toBe(true);
      expect(masterSeedFrom(s)).toBe(v);
    }
    expect(masterSeedFrom('1e3')).not.toBe(1000);
  });

  it('throws RangeError for NaN, negative, non-integer, infinite or unsafe numbers', () => {
    for (const bad of [Number.NaN, -1, 1.5, -0.5, Infinity, -Infinity, 2 ** 53, 1e20]) {
      expect(() => masterSeedFrom(bad)).toThrow(RangeError);
    }
    expect(() => masterSeedFrom(null as unknown as string)).toThrow(TypeError);
  });

  it('always returns a uint32 (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.maxSafeNat()), (s) => {
        expect(isU32(masterSeedFrom(s))).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
