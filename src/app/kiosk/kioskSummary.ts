import type { EvacOutcome } from '../../../engine/evacuation/evacOutcome.ts';
import { QUESTION_OPTIONS, type KioskAnswers, type KioskRole, type QuestionId } from './kioskRoles.ts';
import type { StairStatus } from './visitorRun.ts';

/** A visitor's choice against the right action (the explanation is `kiosk.explain.<question>`). */
export interface ChoiceReview {
  question: QuestionId;
  answer: string;
  right: boolean;
  /** the option that was right here (for 'stair': the best stair then) */
  rightAnswer: string;
}

const RANK: Record<StairStatus, number> = { clear: 0, smoke: 1, blocked: 2 };

/**
 * Reviews each answered question (pure). The stair is right when it was the least smoky one at
 * the moment of choosing (the plan's own stair preferred among equals): go down by the nearest
 * smoke-free stair; the rest have one right option (kioskRoles.ts).
 */
export function reviewChoices(role: KioskRole, answers: KioskAnswers, stairs: readonly { id: string; status: StairStatus; plan: boolean }[] = []): ChoiceReview[] {
  const out: ChoiceReview[] = [];
  for (const q of role.questions) {
    const a = answers[q];
    if (a === undefined) continue;
    if (q === 'stair') {
      const best = Math.min(...stairs.map((s) => RANK[s.status]));
      const bestStairs = stairs.filter((s) => RANK[s.status] === best);
      const chosen = stairs.find((s) => s.id === a);
      out.push({ question: q, answer: a, right: !!chosen && RANK[chosen.status] === best, rightAnswer: (bestStairs.find((s) => s.plan) ?? bestStairs[0])?.id ?? a });
    } else {
      const right = QUESTION_OPTIONS[q].right;
      out.push({ question: q, answer: a, right: a === right, rightAnswer: right });
    }
  }
  return out;
}

/** One group's result, times from the alarm (s). */
export interface GroupResult {
  arrivedAfterAlarmS: number | null;
  smokeS: number;
  exposed: boolean;
  state: string;
  usedLift: boolean;
  stairs: string[];
}

export function groupResult(o: EvacOutcome, group: string | null): GroupResult | null {
  const g = group ? o.groups.find((x) => x.id === group) : undefined;
  if (!g) return null;
  const alarm = o.alarmS ?? 0;
  return { arrivedAfterAlarmS: g.arrivedS === null ? null : Math.max(0, g.arrivedS - alarm), smokeS: g.smokeS, exposed: g.exposed, state: g.state, usedLift: g.usedLift, stairs: g.stairs };
}

/** What the plan's roles did and when (seconds since ignition, null = never), for the visitor's run and the plan's. */
export type TimelineKey = 'alarm' | 'declared' | 'call119' | 'extinguisher' | 'guides' | 'exits' | 'power' | 'allAssembled' | 'headcount' | 'brigade' | 'fireOut';

export function timeline(o: EvacOutcome): { key: TimelineKey; s: number | null }[] {
  return [
    { key: 'alarm', s: o.alarmS },
    { key: 'declared', s: o.evacuationDeclaredS },
    { key: 'call119', s: o.call119S },
    { key: 'extinguisher', s: o.fire.by === 'extinguisher' ? o.fire.knockedDownS : null },
    { key: 'guides', s: o.roles.guidesPostedS },
    { key: 'exits', s: o.roles.exitsOpenedS },
    { key: 'power', s: o.roles.powerCutS },
    { key: 'allAssembled', s: o.allAssembledS },
    { key: 'headcount', s: o.headcount.reportedS },
    { key: 'brigade', s: o.fire.brigadeAtFireS },
    { key: 'fireOut', s: o.fire.outS },
  ];
}

/** The school-wide line: everyone at the assembly point within the target (from the alarm)? */
export function assemblyTarget(o: EvacOutcome): { limit: number; value: number | null; met: boolean } | null {
  const t = o.targets.find((x) => x.kind === 'allAssembledWithin');
  return t ? { limit: t.limit, value: t.value, met: t.met } : null;
}

/** "m:ss" for seconds (null → "—"). */
export function mmss(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '—';
  const r = Math.max(0, Math.round(s));
  return `${Math.floor(r / 60)}:${String(r % 60).padStart(2, '0')}`;
}
