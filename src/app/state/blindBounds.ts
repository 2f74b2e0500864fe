/** The 双盲 bounds a trainer sets, as form text (converted by `blindBoundsOf`). */
export interface BlindBoundsDraft {
  /** `datetime-local` text, local time */
  startFrom: string;
  startTo: string;
  failMin: string;
  failMax: string;
  /** hazard site ids, separated by commas or spaces */
  include: string;
  exclude: string;
  selfBlind: boolean;
}

export const EMPTY_BOUNDS: BlindBoundsDraft = { startFrom: '', startTo: '', failMin: '', failMax: '', include: '', exclude: '', selfBlind: false };

const ids = (s: string) => s.split(/[\s,，、]+/).filter(Boolean);

/** `datetime-local` text to ISO 8601 with the offset of that moment in the local zone. Pure given the zone. */
export function isoWithOffset(local: string): string {
  const d = new Date(local);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:00${sign}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
}

/**
 * The `blind` part of the drill config (engine/drill/drillConfig.ts `BlindBounds`) from the
 * form; empty fields are left to the server's defaults, which also validates everything.
 */
export function blindBoundsOf(b: BlindBoundsDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { selfBlind: b.selfBlind };
  if (b.startFrom && b.startTo) out.startWindow = { from: isoWithOffset(b.startFrom), to: isoWithOffset(b.startTo) };
  const failures: Record<string, unknown> = {};
  if (b.failMin !== '') failures.min = Number(b.failMin);
  if (b.failMax !== '') failures.max = Number(b.failMax);
  if (ids(b.include).length) failures.include = ids(b.include);
  if (ids(b.exclude).length) failures.exclude = ids(b.exclude);
  if (Object.keys(failures).length) out.failures = failures;
  return out;
}
