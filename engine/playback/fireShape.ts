import { ellipseFactors } from '../sim/fireBehaviour.ts';
import type { FireState } from './countyState.ts';

/** A forest fire's burnt ellipse at a moment: its length along the head-fire run and its breadth (metres), and its area. */
export interface FireShape {
  lengthM: number;
  breadthM: number;
  areaHa: number;
}

/**
 * The burnt area of a fire at time `t` (minutes) as the engine's fire model grows it: an ellipse
 * whose length is the head-fire rate × time since ignition (capped by its compartment), breadth
 * length ÷ the length-to-breadth ratio, frozen when contained (at the area the log gives then).
 * A fire logged without its rates (an older log) keeps the last area the log reported. Pure.
 */
export function fireShape(f: FireState, t: number): FireShape {
  const lb = f.lengthToBreadth > 0 ? f.lengthToBreadth : 2;
  const { areaPerLength2 } = ellipseFactors(lb);
  let len: number;
  if (f.containedT !== null || f.rate <= 0) len = Math.sqrt((Math.max(0, f.areaHa) * 10_000) / areaPerLength2);
  else len = Math.min(f.capLengthM, Math.max(0, f.rate * (t - f.t0)));
  return { lengthM: len, breadthM: len / lb, areaHa: (areaPerLength2 * len * len) / 10_000 };
}
