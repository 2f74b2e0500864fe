/**
 * One step of splitmix32, used only to expand a 32-bit seed into generator
 * state (never as the simulation generator itself).
 *
 * Pure: returns the uint32 output for the given Weyl-sequence position.
 * The caller advances the position by {@link SPLITMIX32_GAMMA} per call.
 *
 * Constants: Weyl increment 0x9e3779b9 = ⌊2^32/φ⌋ (golden ratio); mixer
 * multipliers 0x21f0aaad / 0x735a2d97 with shifts 16/15/15 from Chris
 * Wellons' hash-prospector, as used by the `splitmix32` in bryc/code
 * `jshash/PRNGs.md`.
 *
 * @param position int32 or uint32 Weyl position (already incremented).
 * @returns uint32 output.
 */
export function splitmix32Mix(position: number): number {
  let t = position ^ (position >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return t >>> 0;
}

/**
 * Weyl-sequence increment of splitmix32: 0x9e3779b9 = ⌊2^32/φ⌋, φ the
 * golden ratio (Steele, Lea & Flood 2014, "Fast splittable pseudorandom
 * number generators", 32-bit variant). Unit: uint32 step.
 */
export const SPLITMIX32_GAMMA = 0x9e3779b9;
