import type { Scenario } from '../scenario/schema/scenario.ts';
import type { Decision } from '../sim/decision.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { DrillText, ExpectedAction, ExpectedTarget, Inject } from './drillConfig.ts';
import { completeFill, fillOfEvent, type SlotFill } from './injectSlots.ts';
import { DrillNames, LEVEL_NAMES, WARNING_NAMES } from './names.ts';
import type { DrillRecord } from './records.ts';

/**
 * Judging one expected action of one released inject by content, not only by kind: the right
 * kind of decision naming the right object (the failed site, its village, the cut link, the
 * level the situation calls for, a listed team or store) within the time limit. Pure.
 *
 * - met (credit 1): a decision of the kind with the right object within the limit;
 * - partly (credit ½): the right object but late (before the drill ended), or the right kind
 *   within the limit naming the wrong object;
 * - not (credit 0): nothing of the kind within the limit and nothing right later;
 * - open (not judged): nothing yet and the drill ended before the limit ran out.
 */

export type Verdict = 'met' | 'partly' | 'not' | 'open';

/** How an expected action was judged, for the report: names only, never ids. */
export interface ExpectedCheck {
  verdict: Verdict;
  /** 1, 0.5, 0; null when not judged */
  credit: number | null;
  /** why, in a sentence */
  why: DrillText;
  /** the object the script called for (null: any object of the kind) */
  expected: DrillText | null;
  /** the decision that counted, in words (null: none) */
  named: DrillText | null;
  /** simulated minute of that decision */
  atMin: number | null;
}

const LEVEL_RANK: Readonly<Record<string, number>> = { none: 0, blue: 1, yellow: 2, orange: 3, red: 4, IV: 1, III: 2, II: 3, I: 4 };
const RESPONSE_BY_RANK = ['none', 'IV', 'III', 'II', 'I'];
const WARNING_BY_RANK = ['none', 'blue', 'yellow', 'orange', 'red'];

/**
 * The ids an inject's objects refer to: those of the engine event that triggered it (`cause`),
 * the director's fill for one released by hand before its event, or, in a log from before
 * either was kept, the first engine event matching its trigger up to its release. Pure.
 */
export function referenceFill(s: Scenario, inj: Inject, release: DrillRecord, sim: readonly LogEvent[]): SlotFill {
  const e = triggerEvent(inj, release, sim);
  if (e) return fillOfEvent(s, e);
  const fill = release.data.fill;
  if (fill && typeof fill === 'object' && !Array.isArray(fill)) return completeFill(s, fill as SlotFill);
  return {};
}

/**
 * The engine event that triggered a conditional inject: its `cause`, or (a log from before
 * `cause` was kept on a manual release) the first matching event up to the release; null for
 * one released before its event with the director's fill, or not conditional. Pure.
 */
export function triggerEvent(inj: Inject, release: DrillRecord, sim: readonly LogEvent[]): LogEvent | null {
  const cause = release.data.cause;
  if (typeof cause === 'number') return sim.find((x) => x.seq === cause) ?? null;
  if (release.data.fill) return null;
  const tr = inj.trigger;
  if (tr.kind !== 'on') return null;
  return sim.find((x) => x.type === tr.event && x.t <= release.t && (!tr.match || Object.entries(tr.match).every(([k, v]) => x[k] === v))) ?? null;
}

/**
 * The response rank (0 none, 1 Ⅳ … 4 Ⅰ) the scenario's ladder calls for at minute `t`, from what
 * the log shows by then: failed sites, dead and missing, affected people, cut links and cut
 * trunk links, the weather signal, villages awaiting relief. Fire metrics are not in the log
 * as counts and read 0. Pure.
 */
export function ladderRank(s: Scenario, sim: readonly LogEvent[], t: number): number {
  const m: Record<string, number> = { deadMissing: 0, affectedPeople: 0, failedSites: 0, cutLinks: 0, cutTrunkLinks: 0, warningLevel: 0, villagesAwaitingRelief: 0, activeFires: 0, fireGrade: 0, fireUncontainedHours: 0 };
  const awaiting = new Set<string>();
  for (const e of sim) {
    if (e.t > t) break;
    if (e.type === 'site.failed') {
      m.failedSites!++;
      m.deadMissing! += Number(e.deadMissing ?? 0);
      m.affectedPeople! += Number(e.affected ?? 0);
    } else if (e.type === 'road.cut') {
      m.cutLinks!++;
      if (e.trunk === true) m.cutTrunkLinks!++;
    } else if (e.type === 'road.reopened') {
      m.cutLinks!--;
      if (e.trunk === true) m.cutTrunkLinks!--;
    } else if (e.type === 'warning.changed') m.warningLevel = LEVEL_RANK[String(e.to)] ?? 0;
    else if (e.type === 'relief.requested') awaiting.add(String(e.village));
    else if (e.type === 'relief.first') awaiting.delete(String(e.village));
  }
  m.villagesAwaitingRelief = awaiting.size;
  let best = 0;
  for (const l of s.response.levels) {
    const rank = LEVEL_RANK[l.level]!;
    if (rank > best && l.startAny.some((c) => holds(m[c.metric] ?? 0, c.op, c.value))) best = rank;
  }
  return best;
}

function holds(v: number, op: string, x: number): boolean {
  return op === '>=' ? v >= x : op === '<=' ? v <= x : op === '==' ? v === x : op === '>' ? v > x : v < x;
}

/** The weather office's signal rank (0–4) in force at minute `t`. Pure. */
export function signalRank(sim: readonly LogEvent[], t: number): number {
  let r = 0;
  for (const e of sim) {
    if (e.t > t) break;
    if (e.type === 'warning.changed') r = LEVEL_RANK[String(e.to)] ?? 0;
  }
  return r;
}

/** What a decision names: its site, village, township, link, task, team, store, shelter, level. */
function objectsOf(s: Scenario, d: Decision): Partial<Record<keyof ExpectedTarget, string>> {
  const villageOfSite = (site: string) => s.hazardSites.find((x) => x.id === site)?.village;
  const townshipOf = (v: string | undefined) => (v ? s.region.villages.find((x) => x.id === v)?.township : undefined);
  const withPlace = (site: string | undefined, village: string | undefined) => {
    const v = village ?? (site ? villageOfSite(site) : undefined);
    return { ...(site ? { site } : {}), ...(v ? { village: v } : {}), ...(townshipOf(v) ? { township: townshipOf(v)! } : {}) };
  };
  switch (d.kind) {
    case 'dispatchTeam':
      return d.task.kind === 'clear' ? { team: d.team, task: 'clear', link: d.task.link } : { team: d.team, task: d.task.kind, ...withPlace(d.task.site, undefined) };
    case 'evacuate':
      return withPlace(d.site, undefined);
    case 'releaseStock':
      return { warehouse: d.warehouse, ...withPlace(undefined, d.village) };
    case 'requestResupply':
      return { warehouse: d.warehouse };
    case 'openShelter':
      return { shelter: d.shelter };
    case 'issueWarning':
    case 'setResponseLevel':
      return { level: d.level };
    default:
      return {};
  }
}

/** A target resolved against the inject's reference fill and the moment: what is right. */
interface Want {
  /** per key: the accepted ids (null: could not be determined, not checked) */
  ids: Partial<Record<'site' | 'village' | 'township' | 'link' | 'team' | 'warehouse' | 'shelter', string[] | null>>;
  task?: string;
  /** the lowest accepted rank at a minute, or a fixed list of levels */
  level?: { min: (t: number) => number; warning: boolean } | { list: string[] };
}

function resolve(s: Scenario, tg: ExpectedTarget, ref: SlotFill, sim: readonly LogEvent[]): Want {
  const w: Want = { ids: {} };
  for (const k of ['site', 'village', 'township', 'link'] as const) {
    const v = tg[k];
    if (v === undefined) continue;
    w.ids[k] = v === 'trigger' ? (ref[k] ? [ref[k]!] : null) : v;
  }
  for (const k of ['team', 'warehouse', 'shelter'] as const) if (tg[k]) w.ids[k] = tg[k]!;
  if (tg.task) w.task = tg.task;
  const lv = tg.level;
  if (lv === 'signal') w.level = { min: (t) => signalRank(sim, t), warning: true };
  else if (lv === 'ladder') w.level = { min: (t) => Math.max(1, ladderRank(s, sim, t)), warning: false };
  else if (Array.isArray(lv)) w.level = { list: lv };
  return w;
}

function rightObject(w: Want, got: Partial<Record<keyof ExpectedTarget, string>>, t: number): boolean {
  for (const [k, ids] of Object.entries(w.ids) as [keyof Want['ids'], string[] | null][]) if (ids !== null && !ids.includes(got[k] ?? '')) return false;
  if (w.task && got.task !== w.task) return false;
  if (w.level) {
    const lv = got.level ?? 'none';
    if ('list' in w.level) return w.level.list.includes(lv);
    return (LEVEL_RANK[lv] ?? 0) >= w.level.min(t) && lv !== 'none' && lv !== 'ended';
  }
  return true;
}

/** The right object in words, e.g. "良安镇—猫儿沟村 村道" or "不低于暴雨橙色预警". Null: any. */
function wantText(w: Want, names: DrillNames, at: number): DrillText | null {
  const zh: string[] = [];
  const en: string[] = [];
  const TASK: Record<string, [string, string]> = { clear: ['抢通', 'clearing'], rescue: ['救援', 'rescue'], suppress: ['扑火', 'fire fighting'] };
  const KEY: Record<string, [string, string]> = { site: ['隐患点', 'site'], village: ['村', 'village'], township: ['乡镇', 'township'], link: ['道路', 'road'], team: ['队伍', 'team'], warehouse: ['物资库', 'store'], shelter: ['避难场所', 'shelter'] };
  if (w.task) (zh.push(`任务：${TASK[w.task]![0]}`), en.push(`task: ${TASK[w.task]![1]}`));
  for (const [k, ids] of Object.entries(w.ids)) {
    if (ids === null) {
      zh.push(`${KEY[k]![0]}：（未能从日志确定）`);
      en.push(`${KEY[k]![1]}: (not found in the log)`);
    } else {
      zh.push(ids.map((id) => names.name(id, 'zh')).join('或'));
      en.push(ids.map((id) => names.name(id, 'en')).join(' or '));
    }
  }
  if (w.level) {
    if ('list' in w.level) {
      const n = (l: string) => LEVEL_NAMES[l] ?? WARNING_NAMES[l] ?? { zh: l, en: l };
      zh.push(w.level.list.map((l) => n(l).zh).join('或'));
      en.push(w.level.list.map((l) => n(l).en).join(' or '));
    } else {
      const r = w.level.min(at);
      if (w.level.warning) {
        if (r === 0) (zh.push('任一级别预警（气象信号尚未发布）'), en.push('a warning of any level (no weather signal yet)'));
        else (zh.push(`不低于${WARNING_NAMES[WARNING_BY_RANK[r]!]!.zh}（与气象信号相符）`), en.push(`at least a ${WARNING_NAMES[WARNING_BY_RANK[r]!]!.en} (the weather signal)`));
      } else {
        zh.push(`不低于${LEVEL_NAMES[RESPONSE_BY_RANK[r]!]!.zh}（按预案响应分级条件）`);
        en.push(`at least a ${LEVEL_NAMES[RESPONSE_BY_RANK[r]!]!.en} (the plan's response ladder)`);
      }
    }
  }
  return zh.length ? { zh: zh.join('；'), en: en.join('; ') } : null;
}

const fmt = (min: number) => {
  const h = Math.floor(min / 60);
  const m = Math.round(min - h * 60);
  return { zh: h ? (m ? `${h} 小时 ${m} 分钟` : `${h} 小时`) : `${m} 分钟`, en: h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min` };
};

/**
 * Judges one expected action of an inject released at `start`: the ends (decisions of the kind
 * by the positions concerned, or their acknowledgements) are given; with a target each is
 * checked for its object. Returns the end used for timing (null if none) and the check. Pure.
 */
export function judgeExpected(a: {
  s: Scenario;
  names: DrillNames;
  inj: Inject;
  e: ExpectedAction;
  release: DrillRecord;
  sim: readonly LogEvent[];
  /** accepted decisions of the kind by the positions concerned (or acknowledgements), in time order */
  candidates: readonly { t: number; decision: Decision | null }[];
  endMin: number;
}): { endAt: number | null; tookMin: number | null; check: ExpectedCheck } {
  const { s, names, e, release, endMin } = a;
  const start = release.t;
  const limit = e.withinMin;
  // a decision taken after the event that triggered the inject counts even before the inject
  // arrived (the county activated the response on its own information): it takes 0 min
  const from = Math.min(start, triggerEvent(a.inj, release, a.sim)?.t ?? start);
  const after = a.candidates.filter((c) => c.t >= from);
  const words = (d: Decision | null): DrillText | null => (d ? { zh: names.decision(d, 'zh'), en: names.decision(d, 'en') } : null);
  const took = (t: number) => Math.max(0, Math.round((t - start) * 1000) / 1000);
  const want = e.target ? resolve(s, e.target, referenceFill(s, a.inj, release, a.sim), a.sim) : null;
  const right = (c: { t: number; decision: Decision | null }) => !want || !c.decision || rightObject(want, objectsOf(s, c.decision), c.t);
  const firstRight = after.find(right);
  const firstAny = after[0];
  const expectedAt = (t: number) => (want ? wantText(want, names, t) : null);
  if (firstRight && took(firstRight.t) <= limit) {
    return {
      endAt: firstRight.t,
      tookMin: took(firstRight.t),
      check: {
        verdict: 'met',
        credit: 1,
        why:
          firstRight.t < start
            ? { zh: `情景事件送达前已下达${want ? '，对象正确' : ''}`, en: `done before the inject arrived${want ? ', the right object' : ''}` }
            : want
              ? { zh: `${fmt(took(firstRight.t)).zh}内下达，对象正确`, en: `done in ${fmt(took(firstRight.t)).en}, the right object` }
              : { zh: `${fmt(took(firstRight.t)).zh}内完成`, en: `done in ${fmt(took(firstRight.t)).en}` },
        expected: expectedAt(firstRight.t),
        named: words(firstRight.decision),
        atMin: firstRight.t,
      },
    };
  }
  const inTime = firstAny && took(firstAny.t) <= limit ? firstAny : undefined;
  if (inTime) {
    // the right kind in time, but not the right object (a right one, if any, came late)
    return {
      endAt: inTime.t,
      tookMin: took(inTime.t),
      check: {
        verdict: 'partly',
        credit: 0.5,
        why: firstRight
          ? { zh: `时限内的决策对象不符，对象正确的决策超时（用时 ${fmt(took(firstRight.t)).zh}，时限 ${fmt(limit).zh}）`, en: `the decision in time named the wrong object; the right one came late (${fmt(took(firstRight.t)).en}, limit ${fmt(limit).en})` }
          : { zh: '按时下达同类决策，但对象不符', en: 'a decision of the kind in time, but naming the wrong object' },
        expected: expectedAt(inTime.t),
        named: words(inTime.decision),
        atMin: inTime.t,
      },
    };
  }
  if (firstRight) {
    return {
      endAt: firstRight.t,
      tookMin: took(firstRight.t),
      check: {
        verdict: 'partly',
        credit: 0.5,
        why: { zh: `${want ? '对象正确，但' : ''}超时：用时 ${fmt(took(firstRight.t)).zh}，时限 ${fmt(limit).zh}`, en: `${want ? 'the right object, but ' : ''}late: ${fmt(took(firstRight.t)).en}, limit ${fmt(limit).en}` },
        expected: expectedAt(firstRight.t),
        named: words(firstRight.decision),
        atMin: firstRight.t,
      },
    };
  }
  if (endMin - start < limit && !firstAny)
    return { endAt: null, tookMin: null, check: { verdict: 'open', credit: null, why: { zh: '推演结束时尚未到时限，未评判', en: 'the drill ended before the limit ran out; not judged' }, expected: expectedAt(endMin), named: null, atMin: null } };
  return {
    endAt: null,
    tookMin: null,
    check: {
      verdict: 'not',
      credit: 0,
      why: firstAny
        ? { zh: `超时且对象不符（用时 ${fmt(took(firstAny.t)).zh}，时限 ${fmt(limit).zh}）`, en: `late and the wrong object (${fmt(took(firstAny.t)).en}, limit ${fmt(limit).en})` }
        : { zh: '未采取该行动', en: 'not done' },
      expected: expectedAt(firstAny?.t ?? start + limit),
      named: words(firstAny?.decision ?? null),
      atMin: firstAny?.t ?? null,
    },
  };
}
