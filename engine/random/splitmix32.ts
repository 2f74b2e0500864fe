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
  return splitmix32MixInt(position) >>> 0;
}

/**
 * {@link splitmix32Mix}'s 32 bits as an int32, what a generator stores as a state word (an int32
 * is a small integer in V8; a uint32 above 2^31 is a heap number wherever the call is not inlined).
 */
export function splitmix32MixInt(position: number): number {
  let t = position ^ (position >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return t ^ (t >>> 15);
}

/**
 * Weyl-sequence increment of splitmix32: 0x9e3779b9 = ⌊2^32/φ⌋, φ the
 * golden ratio (Steele, Lea & Flood 2014, "Fast splittable pseudorandom
 * number generators", 32-bit variant). Unit: uint32 step.
 */
export const SPLITMIX32_GAMMA = 0x9e3779b9;
