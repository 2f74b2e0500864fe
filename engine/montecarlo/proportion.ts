/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/** An estimated probability with its uncertainty. Plain JSON. */
export interface Proportion {
  /** successes / n; null when n = 0 */
  estimate: number | null;
  successes: number;
  n: number;
  /** standard error sqrt(p̂(1 − p̂)/n); null when n = 0 */
  se: number | null;
  /** Wilson score 95% interval [low, high]; null when n = 0 */
  ci95: [number, number] | null;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A probability estimated from `successes` out of `n` trials: the estimate, its standard error
 * and the Wilson score 95% interval (Wilson 1927; good coverage even near 0 and 1, unlike the
 * Wald interval). Pure; numbers rounded to 6 decimals.
 */
export function proportion(successes: number, n: number): Proportion {
  if (n <= 0) return { estimate: null, successes, n, se: null, ci95: null };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: r6(p),
    successes,
    n,
    se: r6(Math.sqrt((p * (1 - p)) / n)),
    ci95: [r6(Math.max(0, centre - half)), r6(Math.min(1, centre + half))],
  };
}

/**
 * The standard error used by `--until-se`: the larger of the plain SE sqrt(p̂(1 − p̂)/n) and the
 * Agresti–Coull SE sqrt(p̃(1 − p̃)/ñ) with ñ = n + z², p̃ = (x + z²/2)/ñ, so that an estimate of
 * 0 or 1 from a handful of trials cannot stop a run early. Pure; Infinity when n = 0.
 */
export function stoppingSe(successes: number, n: number): number {
  if (n <= 0) return Infinity;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const nt = n + z2;
  const pt = (successes + z2 / 2) / nt;
  return Math.max(Math.sqrt((p * (1 - p)) / n), Math.sqrt((pt * (1 - pt)) / nt));
}
