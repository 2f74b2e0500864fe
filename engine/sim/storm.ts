import { lognormal, sampleDist, type Rng } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';

type Rainstorm = Extract<Scenario['hazard'], { kind: 'rainstorm' }>;

/** One drawn rainstorm: hourly rainfall (mm) by absolute hour since the scenario start. */
export interface StormDraw {
  onsetHour: number;
  durationHours: number;
  peakMmPerHour: number;
  peakPosition: number;
  /** rainfall in hour h (mm) for h = 0 … horizon−1 */
  hourlyMm: Float64Array;
}

/**
 * Draws a rainstorm: a triangular hyetograph (rising to the peak at `peakPosition` of the
 * duration, then falling) times lognormal hour-to-hour noise with median 1. Onset is rounded
 * to whole hours, the clock of the rain gauges. Pure given the generators.
 */
export function drawStorm(h: Rainstorm, horizonHours: number, rng: Rng, noise: Rng): StormDraw {
  const onsetHour = Math.round(sampleDist(rng, h.onsetHour));
  const durationHours = Math.max(1, Math.round(sampleDist(rng, h.durationHours)));
  const peakMmPerHour = sampleDist(rng, h.peakIntensityMmPerHour);
  const peakPosition = sampleDist(rng, h.peakPosition);
  const hours = Math.ceil(horizonHours);
  const hourlyMm = new Float64Array(hours);
  const peakAt = peakPosition * durationHours;
  for (let k = 0; k < durationHours; k++) {
    const hour = onsetHour + k;
    const mid = k + 0.5;
    const shape = mid <= peakAt ? mid / Math.max(peakAt, 0.5) : (durationHours - mid) / Math.max(durationHours - peakAt, 0.5);
    const factor = h.hourlyNoiseSigma > 0 ? lognormal(noise, 0, h.hourlyNoiseSigma) : 1;
    if (hour < hours) hourlyMm[hour] = Math.max(0, Math.min(1, shape)) * peakMmPerHour * factor;
  }
  return { onsetHour, durationHours, peakMmPerHour, peakPosition, hourlyMm };
}

/** Rainfall (mm) in the `window` hours ending with hour `h` inclusive; pure. */
export function windowSum(hourlyMm: Float64Array, h: number, window: number): number {
  let sum = 0;
  for (let k = Math.max(0, h - window + 1); k <= h; k++) sum += hourlyMm[k]!;
  return sum;
}
