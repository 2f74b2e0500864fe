/**
 * Forest-fire behaviour and containment as pure functions (no trial state). Units: metres,
 * minutes, m/min, hectares; angles in degrees.
 */

/**
 * Lower edges (m/s) of the wind force levels 1…17 of GB/T 28591-2012 风力等级 (shared/domain
 * standards-cn.md §1.2: level 6 10.8–13.8 m/s verified, the others as listed there); level 0 is
 * 0–0.2 m/s.
 */
const WIND_LEVEL_FROM_MS = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7, 37.0, 41.5, 46.2, 51.0, 56.1];

/** The wind force level (风力级, Beaufort 0…17, GB/T 28591-2012) of a 10 m wind speed in m/s. Pure. */
export function windForceLevel(windMs: number): number {
  let level = 0;
  while (level < WIND_LEVEL_FROM_MS.length && windMs >= WIND_LEVEL_FROM_MS[level]!) level++;
  return level;
}

/**
 * 王正非 (Wang Zhengfei, 1983) initial spread rate on flat ground without wind, m/min:
 * R0 = 0.03·T + 0.05·W + 0.01·(100 − h) − 0.3 (T air temperature °C, W wind force level 风力级
 * from the wind in m/s — the formula is stated in levels, not m/s — h relative humidity %),
 * floored at 0.01 m/min (a fire that barely creeps). Pure.
 */
export function wangR0(tempC: number, windMs: number, humidityPct: number): number {
  return Math.max(0.01, 0.03 * tempC + 0.05 * windForceLevel(windMs) + 0.01 * (100 - humidityPct) - 0.3);
}

/**
 * Head-fire spread rate, m/min: R = R0·Ks·Kw·Kφ with the wind factor Kw = exp(0.1783·V), V in m/s, and
 * the slope factor Kφ = exp(3.533·(tan φ)^1.2) (王正非 1983). Pure.
 */
export function headRate(tempC: number, windMs: number, humidityPct: number, fuelFactor: number, slopeDeg: number): number {
  const kw = Math.exp(0.1783 * windMs);
  const kphi = Math.exp(3.533 * Math.pow(Math.tan((Math.min(slopeDeg, 60) * Math.PI) / 180), 1.2));
  return wangR0(tempC, windMs, humidityPct) * fuelFactor * kw * kphi;
}

/**
 * Length-to-breadth ratio of the fire ellipse from the mid-flame wind (Anderson 1983):
 * LB = 0.936·e^(0.2566·U) + 0.461·e^(−0.1548·U) − 0.397, U in mi/h = 2.237 × m/s, with the
 * mid-flame wind taken as `windAdjustment` × the 10 m wind; capped at 8. Pure.
 */
export function lengthToBreadth(windMs: number, windAdjustment: number): number {
  const u = 2.237 * windMs * windAdjustment;
  return Math.min(8, Math.max(1, 0.936 * Math.exp(0.2566 * u) + 0.461 * Math.exp(-0.1548 * u) - 0.397));
}

/**
 * Shape factors of an elliptical fire of length L (m) and length-to-breadth ratio LB: perimeter
 * = perimeterPerLength·L (Ramanujan's approximation), area = areaPerLength2·L² (m²). Pure.
 */
export function ellipseFactors(lb: number): { perimeterPerLength: number; areaPerLength2: number } {
  const a = 0.5;
  const b = 0.5 / lb;
  return {
    perimeterPerLength: Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b))),
    areaPerLength2: Math.PI * a * b,
  };
}

/** A growing fire and the line built around it, enough to project containment. */
export interface FireGrowth {
  /** ignition time, minutes */
  t0: number;
  /** head-fire spread rate, m/min */
  rate: number;
  /** fire length at which it fills its compartment, m */
  capLength: number;
  perimeterPerLength: number;
}

/** Fire length (m) at minute t: grows at `rate` from t0 until the compartment is full. Pure. */
export function fireLength(g: FireGrowth, t: number): number {
  return Math.min(g.capLength, Math.max(0, g.rate * (t - g.t0)));
}

/**
 * Initial-attack containment (Fried & Fried 1996): the first minute t ≥ now at which the line
 * built, `line` metres at `now` plus `lineRate` m/min from then on, reaches the fire perimeter;
 * Infinity when the crews on the line cannot catch it. The perimeter grows linearly until the
 * fire fills its compartment, then stays. Pure.
 */
export function containmentTime(g: FireGrowth, now: number, line: number, lineRate: number): number {
  const k = g.perimeterPerLength * g.rate; // perimeter growth, m/min
  const perimeterAt = (t: number) => g.perimeterPerLength * fireLength(g, t);
  if (line >= perimeterAt(now)) return now;
  if (lineRate <= 0) return Infinity;
  const tCap = g.rate > 0 ? g.t0 + g.capLength / g.rate : g.t0;
  if (now < tCap && lineRate > k) {
    const t = (line - lineRate * now + k * g.t0) / (k - lineRate);
    if (t <= tCap) return Math.max(now, t);
  }
  const from = Math.max(now, tCap);
  const lineThen = line + lineRate * (from - now);
  const pCap = g.perimeterPerLength * g.capLength;
  return from + Math.max(0, pCap - lineThen) / lineRate;
}
