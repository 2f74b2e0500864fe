/**
 * Simulated minutes since the scenario start as "T+hh:mm" (hours may pass 24: drills count
 * from their own zero). Pure.
 */
export function simTime(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  const h = Math.floor(m / 60);
  return `T+${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
