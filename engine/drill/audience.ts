/**
 * Who may see a drill-log record. Stored with each record as text:
 * - `staff`: directors (导调) and evaluators (评估) only — ground truth, notes, the script;
 * - `all`: everyone in the drill, trainees and observers included;
 * - `p:a,b`: staff plus the trainees at positions a and b (and observers whom the director
 *   granted the players' view: they then watch every player's view, never the ground truth).
 */
export type Audience = string;

export type Role = 'director' | 'evaluator' | 'trainee' | 'observer';
export const ROLES: readonly Role[] = ['director', 'evaluator', 'trainee', 'observer'];

/**
 * What an observer (观摩) may watch: `public` (the default) is what everyone in the drill is
 * told — public signals, road-cut reports, injects to every position; `players` is granted by
 * the director and adds every position's messages (never the staff's ground truth).
 */
export type ObserverView = 'public' | 'players';

export interface Viewer {
  role: Role;
  /** the trainee's position; none for other roles */
  position?: string | null;
  /** an observer's view (`public` when absent) */
  view?: ObserverView | null;
}

export const STAFF: Audience = 'staff';
export const ALL: Audience = 'all';

/** Audience of staff plus the given positions (`staff` when there are none). Pure. */
export function toPositions(positions: Iterable<string>): Audience {
  const list = [...new Set(positions)].sort();
  return list.length ? 'p:' + list.join(',') : STAFF;
}

/** Whether a viewer may see a record with this audience. Pure; unknown audiences are staff-only. */
export function canSee(audience: Audience, v: Viewer): boolean {
  if (v.role === 'director' || v.role === 'evaluator') return true;
  if (audience === ALL) return true;
  if (!audience.startsWith('p:')) return false;
  if (v.role === 'observer') return v.view === 'players';
  return v.role === 'trainee' && !!v.position && audience.slice(2).split(',').includes(v.position);
}
