import { Sfc32, type Rng } from '../random/index.ts';

/** 2^-32: scales a uint32 to [0, 1), as Sfc32.next does. */
const TWO_POW_M32 = 2.3283064365386963e-10;

/**
 * The hazard sites' hourly failure streams, one per site (hazards.ts draws from them every
 * hour the rain is above the landslide threshold: ≈ 1,900 draws a default trial). With the
 * default generator the sites' sfc32 states sit side by side in one typed array and `next`
 * steps them in place: the very numbers `Sfc32.fromSeed(seed).next()` gives, without an object
 * and a state array per site and stream. With another generator (a benchmark's baseline) each
 * site gets its own generator from it.
 */
export class SiteRainDraws {
  /** sfc32 states [a, b, c, counter] of site i at 4i … 4i + 3, or null with another generator */
  private readonly st: Int32Array | null;
  private readonly rngs: Rng[] | null;

  /**
   * @param seeds per site, the derived seed of its stream
   * @param generator null for sfc32, else the trial's generator
   */
  constructor(seeds: readonly number[], generator: ((seed: number) => Rng) | null) {
    if (generator) {
      this.st = null;
      this.rngs = seeds.map(generator);
      return;
    }
    const st = new Int32Array(4 * seeds.length);
    const g = Sfc32.fromSeed(0);
    for (let i = 0; i < seeds.length; i++) {
      const w = g.reseed(seeds[i]!).getState();
      // word by word: TypedArray#set from an array is a slow builtin path (40 sites a trial)
      for (let k = 0; k < 4; k++) st[4 * i + k] = w[k]!;
    }
    this.st = st;
    this.rngs = null;
  }

  /** Site i's next draw in [0, 1): its stream's next `Rng.next()`. */
  next(i: number): number {
    const s = this.st;
    if (s === null) return this.rngs![i]!.next();
    // Sfc32.next's step, on the words of site i
    const o = 4 * i;
    const a = s[o]!;
    const b = s[o + 1]!;
    const c = s[o + 2]!;
    const d = s[o + 3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[o + 3] = (d + 1) | 0;
    s[o] = b ^ (b >>> 9);
    s[o + 1] = (c + (c << 3)) | 0;
    s[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) * TWO_POW_M32;
  }
}
