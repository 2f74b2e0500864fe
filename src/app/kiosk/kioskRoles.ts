import type { EvacDuty, EvacuationScenario } from '../../../engine/evacuation/schema.ts';

/**
 * The kiosk's "what would you do?" content as data (pure): the roles a visitor may take — a
 * pupil, or one of the seven duties of the school plan (seed 003 L89–L95) — and the questions
 * each one is asked. Texts live in i18n (`kiosk.role.*`, `kiosk.q.*`, `kiosk.explain.*`).
 */

/** The questions; each option maps to engine decisions in visitorRun.ts. */
export type QuestionId = 'leave' | 'lift' | 'stair' | 'posture' | 'declare' | 'headcount' | 'call119' | 'say119' | 'fight';

/** A visitor role: 'student' or one of the plan's seven duties. */
export type KioskRoleId = 'student' | EvacDuty;

export interface KioskRole {
  id: KioskRoleId;
  /** where the visitor is when the fire starts: a room (group) chooser, or none (the duty has no class) */
  home: 'classroomFloor3' | 'officeFloor1' | 'officeFloor2' | 'officeFloor3' | null;
  questions: readonly QuestionId[];
}

/** Questions asked of anyone who walks out with a group (a class or an office). */
const GROUP_QUESTIONS = ['leave', 'lift', 'stair', 'posture'] as const;

/** Student first, then the plan's seven duties in its order (seed 003 L89–L95). */
export const KIOSK_ROLES: readonly KioskRole[] = [
  { id: 'student', home: 'classroomFloor3', questions: GROUP_QUESTIONS },
  { id: 'evacuation', home: 'classroomFloor3', questions: GROUP_QUESTIONS },
  { id: 'cordonComms', home: null, questions: ['call119', 'say119'] },
  { id: 'firefighting', home: null, questions: ['fight'] },
  { id: 'command', home: null, questions: ['declare', 'headcount'] },
  { id: 'inspection', home: 'officeFloor3', questions: GROUP_QUESTIONS },
  { id: 'firstAid', home: 'officeFloor1', questions: GROUP_QUESTIONS },
  { id: 'logistics', home: 'officeFloor2', questions: GROUP_QUESTIONS },
];

/** Options of each question, the right one first in `right`. Stair options come from the building. */
export const QUESTION_OPTIONS: Record<Exclude<QuestionId, 'stair'>, { options: readonly string[]; right: string }> = {
  leave: { options: ['now', 'belongings'], right: 'now' },
  lift: { options: ['stairs', 'lift'], right: 'stairs' },
  posture: { options: ['low', 'upright'], right: 'low' },
  declare: { options: ['now', 'check'], right: 'now' },
  headcount: { options: ['verify', 'early'], right: 'verify' },
  call119: { options: ['now', 'later', 'none'], right: 'now' },
  say119: { options: ['full', 'short', 'hangup'], right: 'full' },
  fight: { options: ['fight', 'late', 'none'], right: 'fight' },
};

/** The visitor's answers so far: question → option id (a stair id for 'stair'). */
export type KioskAnswers = Partial<Record<QuestionId, string>>;

export function kioskRole(id: string): KioskRole | undefined {
  return KIOSK_ROLES.find((r) => r.id === id);
}

/** The scenario role (by duty) a kiosk role stands for; null for the student or a vacant duty. */
export function scenarioRoleOf(s: EvacuationScenario, role: KioskRoleId): EvacuationScenario['roles'][number] | null {
  return role === 'student' ? null : (s.roles.find((r) => r.duty === role && r.present) ?? null);
}

/**
 * The room (group id) the visitor starts in: the floor-3 classroom nearest the middle of the
 * building, or the teachers' office on a floor; null for duties with no class. Pure.
 */
export function homeGroupOf(s: EvacuationScenario, role: KioskRole): string | null {
  if (!role.home) return null;
  const level = role.home === 'officeFloor1' ? 1 : role.home === 'officeFloor2' ? 2 : 3;
  const floor = s.building.floors.find((f) => f.level === level);
  const kind = role.home === 'classroomFloor3' ? 'classroom' : 'office';
  const pos = new Map(s.building.nodes.map((n) => [n.id, n]));
  const rooms = s.building.rooms.filter((r) => r.kind === kind && pos.get(r.node)?.floor === floor?.id);
  if (rooms.length === 0) return s.building.rooms[0]?.id ?? null;
  const xs = s.building.nodes.map((n) => n.position[0]);
  const mid = (Math.min(...xs) + Math.max(...xs)) / 2;
  const dist = (id: string) => Math.abs((pos.get(id)?.position[0] ?? 0) - mid);
  return [...rooms].sort((a, b) => dist(a.node) - dist(b.node))[0]!.id;
}
