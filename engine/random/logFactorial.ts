/** Entries of the ln(k!) lookup table, k = 0 … TABLE_SIZE − 1. */
const TABLE_SIZE = 128;
/** ½·ln(2π), the constant term of Stirling's series. */
const HALF_LN_2PI = 0.9189385332046728;

/** ln(k!) for k < TABLE_SIZE by cumulative summation of ln i (error ≲ 1e-13). */
const LN_FACT = new Float64Array(TABLE_SIZE);
for (let i = 1; i < TABLE_SIZE; i++) LN_FACT[i] = LN_FACT[i - 1]! + Math.log(i);

/**
 * ln(k!) for a non-negative integer k.
 *
 * Pure. Table lookup for k < 128; above that, Stirling's series for
 * ln Γ(k+1) with the Bernoulli-number terms 1/12, −1/360, 1/1260, −1/1680
 * (Abramowitz & Stegun 6.1.40), whose truncation error at k+1 ≥ 129 is
 * below 1/(1188·129⁹) ≈ 1e-22. Used by the PTRS Poisson sampler.
 *
 * @param k integer ≥ 0 (not validated: internal helper).
 * @returns ln(k!), dimensionless.
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LN_FACT[k]!;
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680))));
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series;
}
