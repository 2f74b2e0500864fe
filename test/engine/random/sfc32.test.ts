import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sfc32 } from '../../../engine/random/index.ts';

const M32 = 0xffffffffn;

/**
 * Independent reference: the published sfc32 step (PractRand sfc32, shifts
 * 9 / 3 / barrel 21) written with BigInt arithmetic mod 2^32.
 */
function refSfc32(state: readonly number[]): () => number {
  let a = BigInt(state[0]!) & M32;
  let b = BigInt(state[1]!) & M32;
  let c = BigInt(state[2]!) & M32;
  let d = BigInt(state[3]!) & M32;
  return () => {
    const t = (a + b + d) & M32;
    d = (d + 1n) & M32;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M32;
    c = ((((c << 21n) | (c >> 11n)) & M32) + t) & M32;
    return Number(t);
  };
}

/** Independent reference splitmix32 (BigInt), same constants as bryc/code PRNGs.md. */
function refSplitmix32(seed: number): () => number {
  let s = BigInt(seed) & M32;
  return () => {
    s = (s + 0x9e3779b9n) & M32;
    let t = s ^ (s >> 16n);
    t = (t * 0x21f0aaadn) & M32;
    t ^= t >> 15n;
    t = (t * 0x735a2d97n) & M32;
    t ^= t >> 15n;
    return Number(t);
  };
}

/** Reference seeding: 4 splitmix32 words, then discard 12 outputs. */
function refFromSeed(seed: number): () => number {
  const sm = refSplitmix32(seed);
  const g = refSfc32([sm(), sm(), sm(), sm()]);
  for (let i = 0; i < 12; i++) g();
  return g;
}

/** Second independent reference: bryc/code's plain-closure sfc32, returning uint32. */
function brycSfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const SEEDS = [0, 1, 2, 42, 0x7fffffff, 0x80000000, 0xdeadbeef, 0xffffffff];

describe('Sfc32 reference outputs', () => {
  it.each(SEEDS)('fromSeed(%i): first 1000 nextU32 match the BigInt reference', (seed) => {
    const g = Sfc32.fromSeed(seed);
    const ref = refFromSeed(seed);
    const got: number[] = [];
    const want: number[] = [];
    for (let i = 0; i < 1000; i++) {
      got.push(g.nextU32());
      want.push(ref());
    }
    expect(got).toEqual(want);
  });

  it.each([
    [[0, 0, 0, 0]],
    [[1, 2, 3, 4]],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]],
    [[0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678]],
  ])('fromState(%j): first 1000 outputs match both references', (state) => {
    const g = Sfc32.fromState(state);
    const ref = refSfc32(state);
    const bryc = brycSfc32(state[0]!, state[1]!, state[2]!, state[3]!);
    for (let i = 0; i < 1000; i++) {
      const v = g.nextU32();
      expect(v).toBe(ref());
      expect(v).toBe(bryc());
    }
  });

  it('pins the first outputs from state [1, 2, 3, 4] (catches a silent change of the step)', () => {
    const g = Sfc32.fromState([1, 2, 3, 4]);
    // t0 = 1 + 2 + 4 = 7 by hand; the rest come from the BigInt reference.
    const ref = refSfc32([1, 2, 3, 4]);
    const first = [g.nextU32(), g.nextU32(), g.nextU32(), g.nextU32()];
    expect(first[0]).toBe(7);
    expect(first).toEqual([ref(), ref(), ref(), ref()]);
  });

  it('next() is nextU32() · 2^-32 and nextDouble() is the 53-bit combination', () => {
    const a = Sfc32.fromSeed(7);
    const b = Sfc32.fromSeed(7);
    for (let i = 0; i < 1000; i++) {
      const u = a.next();
      expect(u).toBe(b.nextU32() / 2 ** 32);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
    for (let i = 0; i < 1000; i++) {
      const d = a.nextDouble();
      const hi = b.nextU32() >>> 5;
      const lo = b.nextU32() >>> 6;
      expect(d).toBe((hi * 2 ** 26 + lo) / 2 ** 53);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
  });
});

describe('Sfc32 determinism and state', () => {
  it('same seed gives the same sequence; different seeds differ', () => {
    const a = Sfc32.fromSeed(123);
    const b = Sfc32.fromSeed(123);
    const c = Sfc32.fromSeed(124);
    const sa = Array.from({ length: 100 }, () => a.next());
    const sb = Array.from({ length: 100 }, () => b.next());
    const sc = Array.from({ length: 100 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sc).not.toEqual(sa);
  });

  it('reseed(seed) in place equals fromSeed(seed) and returns the instance', () => {
    const g = Sfc32.fromSeed(1);
    for (let i = 0; i < 10; i++) g.next();
    for (const seed of SEEDS) {
      expect(g.reseed(seed)).toBe(g);
      const ref = refFromSeed(seed);
      for (let i = 0; i < 100; i++) expect(g.nextU32()).toBe(ref());
    }
    expect(() => g.reseed(-1)).toThrow(RangeError);
  });

  it('getState / fromState round-trips mid-stream', () => {
    const g = Sfc32.fromSeed(99);
    for (let i = 0; i < 37; i++) g.next();
    const st = g.getState();
    expect(st).toHaveLength(4);
    for (const w of st) {
      expect(Number.isInteger(w) && w >= 0 && w <= 0xffffffff).toBe(true);
    }
    const h = Sfc32.fromState(st);
    for (let i = 0; i < 500; i++) expect(h.nextU32()).toBe(g.nextU32());
    // getState returns a copy
    st[0] = 0;
    expect(Sfc32.fromState(g.getState()).getState()).toEqual(g.getState());
  });

  it('fromState accepts int32 and uint32 spellings of the same words', () => {
    const a = Sfc32.fromState([-1, -2, 3, -2147483648]);
    const b = Sfc32.fromState([0xffffffff, 0xfffffffe, 3, 0x80000000]);
    expect(a.getState()).toEqual(b.getState());
    for (let i = 0; i < 100; i++) expect(a.nextU32()).toBe(b.nextU32());
  });

  it('round-trips for arbitrary states and positions (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { minLength: 4, maxLength: 4 }), fc.nat({ max: 200 }), (st, k) => {
        const g = Sfc32.fromState(st);
        expect(g.getState()).toEqual(st);
        for (let i = 0; i < k; i++) g.next();
        const h = Sfc32.fromState(g.getState());
        for (let i = 0; i < 20; i++) expect(h.nextU32()).toBe(g.nextU32());
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it('validates seeds and states', () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN, Infinity]) {
      expect(() => Sfc32.fromSeed(bad)).toThrow(RangeError);
    }
    expect(() => Sfc32.fromState([1, 2, 3])).toThrow(/4 state words/);
    expect(() => Sfc32.fromState([1, 2, 3, 0.5])).toThrow(RangeError);
    expect(() => Sfc32.fromState([1, 2, 3, 2 ** 32])).toThrow(RangeError);
    expect(() => Sfc32.fromState([1, 2, 3, -(2 ** 31) - 1])).toThrow(RangeError);
  });

  it('uniform output: mean and bit balance over 200k draws', () => {
    const n = 200_000;
    const g = Sfc32.fromSeed(2024);
    const bits = new Float64Array(32);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = g.nextU32();
      sum += v / 2 ** 32;
      for (let b = 0; b < 32; b++) bits[b]! += (v >>> b) & 1;
    }
    // U[0,1): sd = 1/√12; each bit ~ Bernoulli(½): sd of the count = √n/2.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan((5 * Math.sqrt(1 / 12)) / Math.sqrt(n));
    for (let b = 0; b < 32; b++) expect(Math.abs(bits[b]! - n / 2)).toBeLessThan(5 * (Math.sqrt(n) / 2));
  });
});
