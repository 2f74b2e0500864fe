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

/**
 * Metrics by code in the compiled tables; the fire metrics share one pass over the fires.
 * `read` switches on these positions: keep the two in step.
 */
const METRIC_CODES: readonly Metric[] = [
  'deadMissing', 'affectedPeople', 'failedSites', 'cutLinks', 'cutTrunkLinks', 'warningLevel', 'villagesAwaitingRelief',
  'activeFires', 'fireGrade', 'fireUncontainedHours', 'relocatedPeople', 'damagedRooms',
];
const FIRST_FIRE_CODE = 7;
const OP_CODES = ['>=', '<=', '==', '>', '<'] as const;

/**
 * A list of conditions as flat arrays: per condition, where its metric's value is in
 * `CompiledResponse.values`, its operator code and its threshold.
 */
interface CompiledConditions {
  slot: Int8Array;
  op: Int8Array;
  value: Float64Array;
}

/**
 * A response table compiled once per scenario: levels' ranks, start conditions, end conditions,
 * and the metrics they read (codes, each once). The rank and the end are pure functions of those
 * metrics' values, so the last values read and what they gave are kept (a memo shared by the
 * trials of the scenario): most hours, nothing the table reads has changed.
 */
interface CompiledResponse {
  rank: Int8Array;
  start: CompiledConditions[];
  end: CompiledConditions;
  metrics: Int8Array;
  /** the metrics' values at the last assessment (`known`: read at least once) */
  values: Float64Array;
  known: boolean;
  /** what those values gave: the rank and whether every end condition holds (−1: not worked out yet) */
  memoRank: number;
  memoEnd: number;
}

function compileConditions(cs: readonly Condition[], metrics: Metric[]): CompiledConditions {
  for (const c of cs) if (!metrics.includes(c.metric)) metrics.push(c.metric);
  return {
    slot: Int8Array.from(cs, (c) => metrics.indexOf(c.metric)),
    op: Int8Array.from(cs, (c) => OP_CODES.indexOf(c.op)),
    value: Float64Array.from(cs, (c) => c.value),
  };
}

const compiled = new WeakMap<object, CompiledResponse>();
/** the last table asked for, beside the map: the assessment runs every hour */
let lastResponse: object | null = null;
let lastCompiled: CompiledResponse | null = null;

function compiledOf(r: Scenario['response']): CompiledResponse {
  if (r === lastResponse) return lastCompiled!;
  let c = compiled.get(r);
  if (!c) {
    const metrics: Metric[] = [];
    const start = r.levels.map((l) => compileConditions(l.startAny, metrics));
    const end = compileConditions(r.endAll, metrics);
    c = {
      rank: Int8Array.from(r.levels, (l) => RESPONSE_STATES.indexOf(l.level)),
      start,
      end,
      metrics: Int8Array.from(metrics, (m) => METRIC_CODES.indexOf(m)),
      values: new Float64Array(metrics.length),
      known: false,
      memoRank: -1,
      memoEnd: -1,
    };
    compiled.set(r, c);
  }
  lastResponse = r;
  lastCompiled = c;
  return c;
}

/**
 * The fire metrics of the assessment under way: the state does not change while one assessment
 * runs (metrics are pure reads), so the pass over the fires is made at most once per assessment.
 */
let fires: { active: number; grade: number; uncontainedHours: number } | null = null;

/**
 * What fireMetrics gives with no fire found and still burning. Never written; not frozen, so
 * that it has the shape of fireMetrics' results and the reads of `f.active` … stay monomorphic.
 */
const NO_FIRES: { readonly active: number; readonly grade: number; readonly uncontainedHours: number } = { active: 0, grade: 0, uncontainedHours: 0 };

/**
 * Of the last trial assessed, how many of its first fires are out: a fire's outAt, once set,
 * stays, and fires are only ever appended, so none of those counts again (fireMetrics skips
 * them). Per-trial scratch kept here, reset when another trial is assessed.
 */
let outTrial: Trial | null = null;
let outBefore = 0;

/** Is some fire found and not out? (Else fireMetrics is NO_FIRES, without its pass over the season's fires.) */
function anyFireBurning(tr: Trial): boolean {
  if (tr !== outTrial) {
    outTrial = tr;
    outBefore = 0;
  }
  const list = tr.fires;
  while (outBefore < list.length && Number.isFinite(list[outBefore]!.outAt)) outBefore++;
  for (let i = outBefore; i < list.length; i++) {
    const f = list[i]!;
    if (Number.isFinite(f.detectedAt) && !Number.isFinite(f.outAt)) return true;
  }
  return false;
}

/** Metric `code` now (METRIC_CODES), as `metric` reads it, without matching its name. */
function read(tr: Trial, code: number): number {
  switch (code) {
    case 0:
      return tr.deadMissing;
    case 1:
      return tr.affectedPeople;
    case 2:
      return tr.failedSites;
    case 3:
      return tr.cutLinks;
    case 4:
      return tr.cutTrunkLinks;
    case 5:
      return tr.warningRank();
    case 6:
      return tr.villagesAwaitingRelief;
    case 10:
      return tr.relocatedPeople;
    case 11:
      return tr.damagedRooms;
  }
  if (code < FIRST_FIRE_CODE || code > FIRST_FIRE_CODE + 2) return metric(tr, METRIC_CODES[code]!);
  const f = (fires ??= anyFireBurning(tr) ? fireMetrics(tr) : NO_FIRES);
  return code === FIRST_FIRE_CODE ? f.active : code === FIRST_FIRE_CODE + 1 ? f.grade : f.uncontainedHours;
}

/**
 * Reads the metrics of `c` now. When they all equal the last ones (===, which no condition tells
 * apart either), the memo stands; else the new values are kept and the memo is cleared. The
 * reads are pure, so reading each once, all of them, gives what the conditions read one by one.
 */
function readMetrics(tr: Trial, c: CompiledResponse): void {
  fires = null;
  let same = c.known;
  for (let j = 0; j < c.metrics.length; j++) {
    const x = read(tr, c.metrics[j]!);
    if (x !== c.values[j]) {
      c.values[j] = x;
      same = false;
    }
  }
  fires = null;
  if (!same) {
    c.known = true;
    c.memoRank = -1;
    c.memoEnd = -1;
  }
}

function holds(c: CompiledResponse, cs: CompiledConditions, i: number): boolean {
  const v = c.values[cs.slot[i]!]!;
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

/** Every end condition holds, for the values last read (`readMetrics`). */
function endMet(c: CompiledResponse): boolean {
  if (c.memoEnd < 0) {
    let met = true;
    for (let i = 0; i < c.end.slot.length; i++)
      if (!holds(c, c.end, i)) {
        met = false;
        break;
      }
    c.memoEnd = met ? 1 : 0;
  }
  return c.memoEnd === 1;
}

/** The assessed rank, for the values last read (`readMetrics`). */
function rankIn(c: CompiledResponse): number {
  if (c.memoRank < 0) {
    let best = 0;
    for (let l = 0; l < c.rank.length; l++) {
      const rank = c.rank[l]!;
      if (rank <= best) continue;
      const cs = c.start[l]!;
      for (let i = 0; i < cs.slot.length; i++)
        if (holds(c, cs, i)) {
          best = rank;
          break;
        }
    }
    c.memoRank = best;
  }
  return c.memoRank;
}

/** Rank (0 none, 1 Ⅳ … 4 Ⅰ) of the highest level whose start conditions hold now. */
export function assessedRank(tr: Trial): number {
  const c = compiledOf(tr.s.response);
  readMetrics(tr, c);
  return rankIn(c);
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
  readMetrics(tr, c);
  const rank = rankIn(c);
  if (v === 'none' && rank === 0) return;
  const met = endMet(c);
  const before = tr.response.value;
  tr.response.send({ type: 'ASSESS', rank, endMet: met });
  noteChange(tr, before);
}
