import type { Rng } from './rng.ts';
import { SPLITMIX32_GAMMA, splitmix32MixInt } from './splitmix32.ts';

/** 2^-32: scales a uint32 to [0, 1). Exact in binary64. */
const TWO_POW_M32 = 2.3283064365386963e-10;
/** 2^-53: scales a 53-bit integer to [0, 1). Exact in binary64. */
const TWO_POW_M53 = 1.1102230246251565e-16;
/** 2^26, to place the high 27 bits above the low 26 in `nextDouble`. */
const TWO_POW_26 = 67108864;
/**
 * Outputs discarded after seeding, as PractRand's reference `sfc32::seed`
 * does (12 rounds) so that similar seeds decorrelate before use.
 */
const SEED_DISCARD = 12;

/**
 * sfc32 — Chris Doty-Humphrey's "Small Fast Counter" generator, 32-bit
 * variant, from the PractRand suite (`RNGs/sfc.cpp`: rshift 9, lshift 3,
 * barrel shift 21). 128-bit state (a, b, c, counter); the counter guarantees
 * a minimum period of 2^32 and the expected period is about 2^127.
 *
 * Quality: "passes PractRand, as well as Crush/BigCrush" (bryc/code
 * `jshash/PRNGs.md`). No jump function: make independent streams by seeding
 * per unit of work with {@link deriveSeed} / {@link rngFor}.
 *
 * Cost (Node 20, /work/shared/domain/performance.md §1): about 1.3–1.5 ns per
 * number with the state in a typed array, as here (closure state measured
 * 2–3× slower). Seeding with {@link Sfc32.fromSeed} costs 4 splitmix32 steps
 * plus 12 discarded outputs, tens of nanoseconds.
 *
 * Deterministic: output depends only on the state; methods mutate only this
 * instance's own state and touch no globals.
 */
export class Sfc32 implements Rng {
  /**
   * State words a, b, c and the counter d as int32 values: plain fields rather than an
   * Int32Array, so that a stream is one small object (a trial creates ≈ 75 of them; the typed
   * array and its buffer were most of each one's bytes) at the same speed per draw.
   */
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  private constructor() {}

  /**
   * Generator seeded from a uint32. The seed is expanded with splitmix32
   * (Weyl increment 0x9e3779b9) into the four state words, then the first
   * 12 outputs are discarded, as in PractRand's `sfc32::seed`.
   *
   * Pure: same seed → same generator. Allocates one small object; in
   * hot loops prefer {@link Sfc32.reseed} on a reused instance.
   * Throws RangeError unless `seed` is an integer in [0, 2^32).
   */
  static fromSeed(seed: number): Sfc32 {
    return new Sfc32().reseed(seed);
  }

  /**
   * Re-seeds this generator in place; afterwards it produces exactly the
   * sequence of `Sfc32.fromSeed(seed)`. Lets a per-trial kernel reuse one
   * generator per stream (`g.reseed(deriveSeed(master, 'trial', t, 'demand'))`)
   * without allocating. Deterministic; mutates only this instance.
   * Throws RangeError unless `seed` is an integer in [0, 2^32).
   *
   * @returns this generator, for chaining.
   */
  reseed(seed: number): this {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`Sfc32: seed must be an integer in [0, 2^32), got ${seed}`);
    }
    let w = (seed + SPLITMIX32_GAMMA) | 0;
    this.a = splitmix32MixInt(w);
    w = (w + SPLITMIX32_GAMMA) | 0;
    this.b = splitmix32MixInt(w);
    w = (w + SPLITMIX32_GAMMA) | 0;
    this.c = splitmix32MixInt(w);
    w = (w + SPLITMIX32_GAMMA) | 0;
    this.d = splitmix32MixInt(w);
    for (let i = 0; i < SEED_DISCARD; i++) this.nextU32();
    return this;
  }

  /**
   * Generator with the exact state `[a, b, c, counter]` (as returned by
   * {@link Sfc32.getState}); no discarding. Each word may be given as int32
   * or uint32. Pure. Throws RangeError for a wrong length or non-integer /
   * out-of-range words.
   */
  static fromState(state: readonly number[]): Sfc32 {
    if (state.length !== 4) {
      throw new RangeError(`Sfc32.fromState: expected 4 state words, got ${state.length}`);
    }
    for (let i = 0; i < 4; i++) {
      const v = state[i]!;
      if (!Number.isInteger(v) || v < -0x80000000 || v > 0xffffffff) {
        throw new RangeError(`Sfc32.fromState: word ${i} must be an int32/uint32 integer, got ${v}`);
      }
    }
    const g = new Sfc32();
    g.a = state[0]! | 0;
    g.b = state[1]! | 0;
    g.c = state[2]! | 0;
    g.d = state[3]! | 0;
    return g;
  }

  /** Copy of the state `[a, b, c, counter]` as uint32 numbers. Pure read. */
  getState(): number[] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** Next raw output, a uint32 in [0, 2^32). Advances the state by one step. */
  nextU32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /**
   * Next float in [0, 1) with 32-bit resolution: `nextU32() · 2^-32`
   * (multiples of 2^-32; never 1). One step. Implements {@link Rng.next}.
   */
  next(): number {
    // Same step as nextU32, inlined by hand so the hot path is one call.
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) * TWO_POW_M32;
  }

  /**
   * Next float in [0, 1) with 53-bit resolution, from two steps: the high
   * 27 bits of the first output and the high 26 bits of the second
   * (the `genrand_res53` construction of Matsumoto & Nishimura's MT19937).
   */
  nextDouble(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * TWO_POW_26 + lo) * TWO_POW_M53;
  }
}
