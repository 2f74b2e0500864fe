import { fmix32, murmur3Block } from './fmix32.ts';
import { Sfc32 } from './sfc32.ts';

/**
 * Type tags mixed in before each id-path element, so that the encoding of a
 * path into 32-bit blocks is injective: a number becomes [TAG_NUMBER, lo, hi]
 * and a string [TAG_STRING, length, code-unit pairs…]. Hence
 * `deriveSeed(m, 1) !== deriveSeed(m, '1')` and `('a','bc')` ≠ `('ab','c')`
 * as encodings. Arbitrary distinct constants (ASCII "num#" / "str#");
 * changing them changes every derived seed (and every pinned test value).
 */
const TAG_NUMBER = 0x6e756d23;
const TAG_STRING = 0x73747223;
/** 2^32, to split a safe integer into low and high 32-bit words. */
const TWO_POW_32 = 4294967296;
/**
 * Key under which `masterSeedFrom` hashes user seeds that are not small
 * non-negative integers (ASCII "seed"). Arbitrary constant.
 */
const MASTER_HASH_KEY = 0x73656564;

/**
 * Derives a uint32 seed for one unit of work (a trial, a stream, an entity…)
 * from the run's master seed and an id path, e.g.
 * `deriveSeed(master, 'trial', 17, 'travel')`.
 *
 * Pure: the result depends only on `master` and the path — never on how
 * many draws happened elsewhere or in what order seeds are derived — so
 * results are identical for any worker count or chunking
 * (/work/shared/domain/performance.md §4).
 *
 * Algorithm: MurmurHash3 x86_32 block mixing (seeded with `master`) over an
 * injective 32-bit-block encoding of the path — numbers as
 * [tag, low word, high word] of their integer value, strings as
 * [tag, length, UTF-16 code units packed two per block] — then the length
 * xor and the fmix32 finalizer. Because every step is a bijection, two paths
 * with the same shape that differ in a single 32-bit block (e.g. trial
 * indices below 2^32, or the master seed) never collide. Arbitrary distinct
 * paths collide with probability 2^-32 per pair (the output is 32 bits).
 *
 * @param master uint32 master seed (see {@link masterSeedFrom}).
 * @param idPath strings (hashed by UTF-16 code units) and safe integers.
 * @returns uint32 seed. Throws RangeError for a non-uint32 master or a
 *   non-safe-integer number element, TypeError for other element types.
 */
export function deriveSeed(master: number, ...idPath: (string | number)[]): number {
  if (!Number.isInteger(master) || master < 0 || master > 0xffffffff) {
    throw new RangeError(`deriveSeed: master must be an integer in [0, 2^32), got ${master}`);
  }
  let h = master | 0;
  let blocks = 0;
  for (let e = 0; e < idPath.length; e++) {
    const el = idPath[e];
    if (typeof el === 'number') {
      if (!Number.isSafeInteger(el)) {
        throw new RangeError(`deriveSeed: numeric id at position ${e} must be a safe integer, got ${el}`);
      }
      h = murmur3Block(h, TAG_NUMBER);
      h = murmur3Block(h, el | 0);
      h = murmur3Block(h, Math.floor(el / TWO_POW_32) | 0);
      blocks += 3;
    } else if (typeof el === 'string') {
      const n = el.length;
      h = murmur3Block(h, TAG_STRING);
      h = murmur3Block(h, n);
      blocks += 2;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        h = murmur3Block(h, el.charCodeAt(i) | (el.charCodeAt(i + 1) << 16));
        blocks++;
      }
      if (i < n) {
        h = murmur3Block(h, el.charCodeAt(i));
        blocks++;
      }
    } else {
      throw new TypeError(`deriveSeed: id at position ${e} must be a string or number, got ${typeof el}`);
    }
  }
  // MurmurHash3 xors the input length in bytes before finalizing.
  return fmix32(h ^ (blocks * 4));
}

/**
 * Turns a user-facing seed (CLI `--seed`, scenario file, URL) into a uint32
 * master seed.
 *
 * Pure. Rules:
 * - a number or all-digit string (`/^[0-9]+$/`) whose value is an integer
 *   below 2^32 maps to itself, so `--seed 42` is master seed 42;
 * - a safe integer ≥ 2^32 (number or digit string) is hashed as a number,
 *   so `'5000000000'` and `5000000000` agree;
 * - any other string (including `''`, `' 42'`, `'1e3'`, or digit strings
 *   beyond 2^53) is hashed by its UTF-16 code units.
 * Hashing is {@link deriveSeed} under a fixed key (ASCII "seed").
 *
 * Throws RangeError for numbers that are NaN, infinite, negative,
 * non-integer, or integers above 2^53 − 1 (these cannot round-trip through
 * a decimal string exactly).
 *
 * @returns uint32 master seed.
 */
export function masterSeedFrom(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0) {
      throw new RangeError(`masterSeedFrom: a numeric seed must be a non-negative integer, got ${input}`);
    }
    if (input <= 0xffffffff) return input >>> 0; // >>> 0 also folds -0 into 0
    if (!Number.isSafeInteger(input)) {
      throw new RangeError(`masterSeedFrom: a numeric seed must be at most 2^53 - 1, got ${input}`);
    }
    return deriveSeed(MASTER_HASH_KEY, input);
  }
  if (typeof input === 'string') {
    if (/^[0-9]+$/.test(input)) {
      const n = Number(input);
      if (Number.isSafeInteger(n)) return masterSeedFrom(n);
    }
    return deriveSeed(MASTER_HASH_KEY, input);
  }
  throw new TypeError(`masterSeedFrom: seed must be a string or number, got ${typeof input}`);
}

/**
 * Convenience: a fresh generator for one unit of work,
 * `Sfc32.fromSeed(deriveSeed(master, ...idPath))`.
 *
 * Pure (returns a new generator; shares no state). Same arguments → same
 * sequence, whatever else has been drawn.
 */
export function rngFor(master: number, ...idPath: (string | number)[]): Sfc32 {
  return Sfc32.fromSeed(deriveSeed(master, ...idPath));
}
