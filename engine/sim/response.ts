import { RESPONSE_STATES } from '../machines/responseLevel.machine.ts';
import { fireMetrics } from './fire.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { Trial } from './trial.ts';

type Metric = Scenario['response']['endAll'][number]['metric'];
type Condition = Scenario['response']['endAll'][number];

/** Current value of a response metric; pure read of the trial state. */
export function metric(tr: Trial, m: Metric): number {
  switch (m) {
    case 'deadMissing':
      return tr.deadMissing;
    case 'affectedPeople':
      return tr.affectedPeople;
    case 'failedSites':
      return tr.failedSites;
    case 'cutLinks':
      return tr.cutLinks;
    case 'cutTrunkLinks':
      return tr.cutTrunkLinks;
    case 'warningLevel':
      return tr.warningRank();
    case 'villagesAwaitingRelief':
      return tr.villagesAwaitingRelief;
    case 'activeFires':
      return fireMetrics(tr).active;
    case 'fireGrade':
      return fireMetrics(tr).grade;
    case 'fireUncontainedHours':
      return fireMetrics(tr).uncontainedHours;
  }
}

function holds(tr: Trial, c: Condition): boolean {
  const v = metric(tr, c.metric);
  switch (c.op) {
    case '>=':
      return v >= c.value;
    case '<=':
      return v <= c.value;
    case '==':
      return v === c.value;
    case '>':
      return v > c.value;
    case '<':
      return v < c.value;
  }
}

/** Rank (0 none, 1 Ⅳ … 4 Ⅰ) of the highest level whose start conditions hold now. */
export function assessedRank(tr: Trial): number {
  let best = 0;
  for (const l of tr.s.response.levels) {
    const rank = RESPONSE_STATES.indexOf(l.level);
    if (rank > best && l.startAny.some((c) => holds(tr, c))) best = rank;
  }
  return best;
}

/** Records a change of level (log, timeline, first activation). */
export function noteChange(tr: Trial, before: string): void {
  const after = tr.response.value;
  if (after === before) return;
  tr.log.add(tr.now, 'response.changed', { from: before, to: after });
  tr.responseTimeline.push({ t: tr.now, level: after });
  if (before === 'none' && !Number.isFinite(tr.responseStartedAt)) tr.responseStartedAt = tr.now;
}

/** Something happened: escalate at once if the evidence calls for a higher level. */
export function responseEvidence(tr: Trial): void {
  if (!tr.auto) return; // in a drill the trainees set the level
  const before = tr.response.value;
  tr.response.send({ type: 'EVIDENCE', rank: assessedRank(tr) });
  noteChange(tr, before);
}

/** The hourly assessment: escalation, de-escalation and end (per the scenario's tables). */
export function responseAssess(tr: Trial): void {
  if (!tr.auto) return;
  const v = tr.response.value;
  if (v === 'ended' || (v === 'none' && assessedRank(tr) === 0)) return;
  const before = tr.response.value;
  tr.response.send({ type: 'ASSESS', rank: assessedRank(tr), endMet: tr.s.response.endAll.every((c) => holds(tr, c)) });
  noteChange(tr, before);
}
