/**
 * The drill clock: simulated minutes paced by a wall clock with a speed factor (1× … 3600×),
 * paused and resumed. Immutable values and pure functions; the wall time (milliseconds) is
 * always passed in, so tests drive it by hand and only the server reads a real clock.
 */
export interface PacedClock {
  /** simulated minutes at the anchor */
  readonly simAt: number;
  /** wall-clock milliseconds at the anchor */
  readonly wallAt: number;
  /** simulated seconds per wall second */
  readonly speed: number;
  readonly running: boolean;
}

export const MIN_SPEED = 1;
export const MAX_SPEED = 3600;

/** A stopped clock at simulated minute `simAt`. */
export function stoppedClock(simAt: number, speed: number): PacedClock {
  return { simAt, wallAt: 0, speed: clampSpeed(speed), running: false };
}

export function clampSpeed(speed: number, max = MAX_SPEED): number {
  if (!Number.isFinite(speed)) return MIN_SPEED;
  return Math.min(max, Math.max(MIN_SPEED, speed));
}

/** Simulated minutes at wall time `wallMs`. Never goes backwards while running. */
export function simNow(c: PacedClock, wallMs: number): number {
  if (!c.running) return c.simAt;
  return c.simAt + (Math.max(0, wallMs - c.wallAt) / 60_000) * c.speed;
}

export function startClock(c: PacedClock, wallMs: number): PacedClock {
  return c.running ? c : { ...c, wallAt: wallMs, running: true };
}

export function pauseClock(c: PacedClock, wallMs: number): PacedClock {
  return c.running ? { ...c, simAt: simNow(c, wallMs), wallAt: wallMs, running: false } : c;
}

/** Changes the speed from now on; simulated time so far is kept. */
export function setClockSpeed(c: PacedClock, wallMs: number, speed: number, max = MAX_SPEED): PacedClock {
  return { ...c, simAt: simNow(c, wallMs), wallAt: wallMs, speed: clampSpeed(speed, max) };
}

/** Wall milliseconds until the clock reaches simulated minute `t` (Infinity when stopped). */
export function wallUntil(c: PacedClock, wallMs: number, t: number): number {
  if (!c.running) return Infinity;
  const left = t - simNow(c, wallMs);
  return left <= 0 ? 0 : (left * 60_000) / c.speed;
}
