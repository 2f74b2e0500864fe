import { FOREST_FIRE_GRADES, forestFireGradeOf } from '../rules/index.ts';
import { fireLength } from './fireBehaviour.ts';
import type { Fire, Trial } from './trial.ts';

// Pure reads of the fires' state, apart from the fire handlers (fire.ts) so that the response
// assessment and the teams can read them without importing the handlers (no import cycle).

/** Burned area of a fire at minute t (ha): the ellipse, until contained, capped by the compartment. Pure read. */
export function fireAreaHa(f: Fire, t: number): number {
  const len = fireLength(f, Math.min(t, f.containedAt));
  return (f.areaPerLength2 * len * len) / 10_000;
}

/** Is the fire still to be contained (found or not)? Pure read. */
export function fireNeedsCrews(tr: Trial, i: number): boolean {
  const v = tr.fires[i]!.machine.value;
  return v === 'detected' || v === 'initialAttack' || v === 'extendedAttack';
}

/** forestFireGradeOf(areaHa).rank without its per-call allocation (the hourly hot path); same throws. Pure. */
function gradeRankOfArea(areaHa: number): number {
  if (!Number.isFinite(areaHa) || areaHa < 0) return forestFireGradeOf(areaHa).rank;
  for (const row of FOREST_FIRE_GRADES) if (areaHa >= row.areaHa || 0 >= row.deaths || 0 >= row.injuries) return row.rank;
  return FOREST_FIRE_GRADES[FOREST_FIRE_GRADES.length - 1]!.rank;
}

/** Response metrics of the fires now: found and not out; their highest grade (0 none, 1 一般 … 4); longest uncontained, hours. Pure read. */
export function fireMetrics(tr: Trial): { active: number; grade: number; uncontainedHours: number } {
  let active = 0;
  let grade = 0;
  let hours = 0;
  for (const f of tr.fires) {
    if (!Number.isFinite(f.detectedAt) || Number.isFinite(f.outAt)) continue;
    active++;
    grade = Math.max(grade, gradeRankOfArea(fireAreaHa(f, tr.now)) + 1);
    if (!Number.isFinite(f.containedAt)) hours = Math.max(hours, (tr.now - f.detectedAt) / 60);
  }
  return { active, grade, uncontainedHours: hours };
}
