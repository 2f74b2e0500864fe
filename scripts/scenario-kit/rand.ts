/**
 * Seeded randomness and small numeric helpers for the scenario builders. Pure: no Math.random,
 * no clock. A generator is keyed by (scenario, purpose), so a change to one part of a scenario
 * (say, its hazard sites) leaves the draws of every other part as they were.
 */

/** FNV-1a hash of a string, as an unsigned 32-bit integer. Pure. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32 seeded by FNV-1a of "scenario:purpose". */
export class Rand {
  private a: number;
  constructor(scenario: string, purpose: string) {
    this.a = fnv1a(`${scenario}:${purpose}`);
  }
  /** uniform on [0, 1) */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** integer in lo…hi, both included */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** standard normal (Box–Muller, two draws) */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  /** triangular on min…max with its mode (one draw, inverse CDF) */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const c = (mode - min) / (max - min);
    return u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
  /** index drawn with probability ∝ weight (one draw) */
  weighted(w: number[]): number {
    let u = this.next() * w.reduce((a, b) => a + b, 0);
    let i = 0;
    while (u >= w[i]! && i < w.length - 1) u -= w[i++]!;
    return i;
  }
}

/** `x` rounded to `digits` decimals, as a number (toFixed rounding). Pure. */
export const round = (x: number, digits: number) => Number(x.toFixed(digits));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** A triangular distribution as the scenario format writes it. */
export const tri = (min: number, mode: number, max: number) => ({ dist: 'triangular', min, mode, max });

/**
 * Shares `total` out in proportion to `weights` as integers that sum exactly to it: floors,
 * then one more to the largest remainders (ties to the lower index). Pure.
 */
export function largestRemainder(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w * total) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - out[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) out[i]!++;
  return out;
}
