import { RESPONSE_STATES } from '../machines/responseLevel.machine.ts';
import { fireMetrics } from './fireState.ts';
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
    case 'relocatedPeople':
      return tr.relocatedPeople;
    case 'damagedRooms':
      return tr.damagedRooms;
  }
}

/** Metrics by code in the compiled tables; the fire metrics share one pass over the fires. */
const METRIC_CODES: readonly Metric[] = [
  'deadMissing', 'affectedPeople', 'failedSites', 'cutLinks', 'cutTrunkLinks', 'warningLevel', 'villagesAwaitingRelief',
  'activeFires', 'fireGrade', 'fireUncontainedHours', 'relocatedPeople', 'damagedRooms',
];
const FIRST_FIRE_CODE = 7;
const OP_CODES = ['>=', '<=', '==', '>', '<'] as const;

/** A list of conditions as flat arrays: metric code, operator code and threshold per condition. */
interface CompiledConditions {
  metric: Int8Array;
  op: Int8Array;
  value: Float64Array;
}

/** A response table compiled once per scenario: levels' ranks, start conditions, end conditions. */
interface CompiledResponse {
  rank: Int8Array;
  start: CompiledConditions[];
  end: CompiledConditions;
}

function compileConditions(cs: readonly Condition[]): CompiledConditions {
  return {
    metric: Int8Array.from(cs, (c) => METRIC_CODES.indexOf(c.metric)),
    op: Int8Array.from(cs, (c) => OP_CODES.indexOf(c.op)),
    value: Float64Array.from(cs, (c) => c.value),
  };
}

const compiled = new WeakMap<object, CompiledResponse>();

function compiledOf(r: Scenario['response']): CompiledResponse {
  let c = compiled.get(r);
  if (!c) {
    c = {
      rank: Int8Array.from(r.levels, (l) => RESPONSE_STATES.indexOf(l.level)),
      start: r.levels.map((l) => compileConditions(l.startAny)),
      end: compileConditions(r.endAll),
    };
    compiled.set(r, c);
  }
  return c;
}

/**
 * The fire metrics of the assessment under way: the state does not change while one assessment
 * runs (metrics are pure reads), so the pass over the fires is made at most once per assessment.
 */
let fires: { active: number; grade: number; uncontainedHours: number } | null = null;

function read(tr: Trial, code: number): number {
  if (code < FIRST_FIRE_CODE || code > FIRST_FIRE_CODE + 2) return metric(tr, METRIC_CODES[code]!);
  const f = (fires ??= fireMetrics(tr));
  return code === FIRST_FIRE_CODE ? f.active : code === FIRST_FIRE_CODE + 1 ? f.grade : f.uncontainedHours;
}

function holds(tr: Trial, cs: CompiledConditions, i: number): boolean {
  const v = read(tr, cs.metric[i]!);
  const x = cs.value[i]!;
  switch (cs.op[i]) {
    case 0:
      return v >= x;
    case 1:
      return v <= x;
    case 2:
      return v === x;
    case 3:
      return v > x;
    default:
      return v < x;
  }
}

/** Every end condition holds (call within one assessment: see `fires`). */
function endMet(tr: Trial, c: CompiledResponse): boolean {
  for (let i = 0; i < c.end.metric.length; i++) if (!holds(tr, c.end, i)) return false;
  return true;
}

/** The assessed rank (call within one assessment: see `fires`). */
function rankIn(tr: Trial, c: CompiledResponse): number {
  let best = 0;
  for (let l = 0; l < c.rank.length; l++) {
    const rank = c.rank[l]!;
    if (rank <= best) continue;
    const cs = c.start[l]!;
    for (let i = 0; i < cs.metric.length; i++)
      if (holds(tr, cs, i)) {
        best = rank;
        break;
      }
  }
  return best;
}

/** Rank (0 none, 1 Ⅳ … 4 Ⅰ) of the highest level whose start conditions hold now. */
export function assessedRank(tr: Trial): number {
  fires = null;
  const rank = rankIn(tr, compiledOf(tr.s.response));
  fires = null;
  return rank;
}

/** Records a change of level (log, timeline, first activation). */
export function noteChange(tr: Trial, before: string): void {
  const after = tr.response.value;
  if (after === before) return;
  if (tr.log.on) tr.log.add(tr.now, 'response.changed', { from: before, to: after });
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
  if (v === 'ended') return;
  const c = compiledOf(tr.s.response);
  fires = null;
  const rank = rankIn(tr, c);
  if (v === 'none' && rank === 0) return void (fires = null);
  const met = endMet(tr, c);
  fires = null;
  const before = tr.response.value;
  tr.response.send({ type: 'ASSESS', rank, endMet: met });
  noteChange(tr, before);
}
