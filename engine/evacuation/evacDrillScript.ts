import type { LogEvent } from '../sim/eventLog.ts';
import type { EvacDecision, TimedEvacDecision } from './evacDecision.ts';
import type { EvacDecisionKind, EvacDrillPosition } from './evacDrillPositions.ts';
import type { EvacuationScenario } from './schema.ts';

type Text = { zh: string; en: string };
const tx = (zh: string, en: string): Text => ({ zh, en });

/** When a school inject goes out: at a second, on the first matching building event (+ delay), or by the director's hand. */
export type EvacInjectTrigger =
  | { kind: 'at'; atS: number }
  | { kind: 'on'; event: string; match?: Record<string, string | number | boolean | readonly string[]>; delayS: number }
  | { kind: 'manual' };

/**
 * What the script expects after an inject, within `withinS` seconds of its release: a decision
 * of `action`'s kind by one of `positions` (default: the inject's recipients), naming the right
 * object — `group: 'all'` the whole school; `avoid: 'triggerStair'` any stair but the one the
 * triggering smoke closed.
 */
export interface EvacExpected {
  id: string;
  label: Text;
  action: EvacDecisionKind | 'acknowledge';
  withinS: number;
  objective: string;
  positions?: string[];
  target?: { group?: 'all'; avoid?: 'triggerStair' };
}

export interface EvacInject {
  id: string;
  title: Text;
  body: Text;
  /** recipient positions; empty: every position */
  to: string[];
  trigger: EvacInjectTrigger;
  expected: EvacExpected[];
}

export interface EvacObjective {
  id: string;
  name: Text;
}

/**
 * Objectives of a school drill: the execution items of AQ/T 9009-2015's annex as a school's plan
 * (seed003 L89–L99) fills them — 报警与信息报告, 指挥疏散, 疏散引导与自救, 人员清点, 初期火灾扑救.
 */
export const EVAC_OBJECTIVES: readonly EvacObjective[] = [
  { id: 'alarm', name: tx('报警与信息报告', 'Raising the alarm and reporting') },
  { id: 'command', name: tx('指挥疏散', 'Commanding the evacuation') },
  { id: 'evacuation', name: tx('疏散引导与自救', 'Guiding the classes out, self-protection') },
  { id: 'accounting', name: tx('人员清点', 'Accounting for everyone') },
  { id: 'firefighting', name: tx('初期火灾扑救', 'Fighting the incipient fire') },
];

/**
 * The default MSEL of a school fire drill, from the scenario: the alarm (everyone; the 总指挥
 * orders the evacuation within 60 s — assumed), the fire found (警戒通讯 calls 119 within the
 * scenario's call119Within target, or 120 s; 消防灭火 takes an extinguisher within 60 s —
 * assumed), smoke on a stair (the guides route their classes by another stair and keep low
 * within 60 s — assumed), and a missing pupil, held for the director (the 总指挥 reports the
 * headcount with the missing within 120 s — assumed). Pure.
 */
export function evacDefaultInjects(s: EvacuationScenario, positions: readonly EvacDrillPosition[]): EvacInject[] {
  const ids = (f: (p: EvacDrillPosition) => boolean) => positions.filter(f).map((p) => p.id);
  const duty = (d: string) => new Set(s.roles.filter((r) => r.duty === d).map((r) => r.id));
  const of = (d: string) => ids((p) => duty(d).has(p.role));
  const command = of('command');
  const guides = of('evacuation');
  const comms = of('cordonComms');
  const fighters = of('firefighting');
  const call119S = s.targets.find((t) => t.kind === 'call119Within')?.limit ?? 120;
  const stairEdges = s.building.edges.filter((e) => e.kind === 'stair').map((e) => e.id);
  const injects: EvacInject[] = [
    {
      id: 'inj-alarm',
      title: tx('火灾警报', 'Fire alarm'),
      body: tx('教学楼火灾警报响起。请按学校应急预案立即组织疏散。', 'The fire alarm sounds in the teaching building. Evacuate as the school plan requires.'),
      to: [],
      trigger: { kind: 'on', event: 'alarm', delayS: 0 },
      expected: [
        { id: 'order', label: tx('下达疏散命令', 'Order the evacuation'), action: 'startEvacuation', withinS: 60, objective: 'command', positions: command, target: { group: 'all' } },
        ...(guides.length ? [{ id: 'ack-alarm', label: tx('确认收到', 'Acknowledge'), action: 'acknowledge' as const, withinS: 30, objective: 'evacuation', positions: guides }] : []),
      ],
    },
    {
      id: 'inj-fire-found',
      title: tx('发现起火', 'Fire found'),
      body: tx('有教师报告：教学楼内发现起火冒烟。', 'A teacher reports fire and smoke in the teaching building.'),
      to: [...comms, ...fighters, ...command],
      trigger: { kind: 'on', event: 'fire.detected', delayS: 0 },
      expected: [
        ...(comms.length ? [{ id: 'call119', label: tx('拨打 119 报警', 'Call 119'), action: 'call119' as const, withinS: call119S, objective: 'alarm', positions: comms }] : []),
        ...(fighters.length ? [{ id: 'extinguish', label: tx('携灭火器扑救初期火灾', 'Take an extinguisher to the fire'), action: 'fightFire' as const, withinS: 60, objective: 'firefighting', positions: fighters }] : []),
      ],
    },
    {
      id: 'inj-missing-pupil',
      title: tx('学生失联', 'A pupil missing'),
      body: tx('一名班主任报告：操场清点时本班少一名学生，最后见到时在教学楼内。', 'A class teacher reports one pupil missing at the assembly point, last seen inside the building.'),
      to: command,
      trigger: { kind: 'manual' },
      expected: [{ id: 'headcount', label: tx('报告清点结果和失联人员', 'Report the headcount and who is missing'), action: 'reportHeadcount', withinS: 120, objective: 'accounting', positions: command }],
    },
  ];
  if (stairEdges.length && guides.length)
    injects.splice(2, 0, {
      id: 'inj-stair-smoke',
      title: tx('楼梯间进烟', 'Smoke in a stairwell'),
      body: tx('{stair}出现浓烟，已不能通行。', '{stair} is full of smoke and can no longer be used.'),
      to: [...guides, ...command],
      trigger: { kind: 'on', event: 'edge.untenable', match: { edge: stairEdges }, delayS: 0 },
      expected: [
        { id: 'reroute', label: tx('改走其他楼梯', 'Send the classes by another stair'), action: 'route', withinS: 60, objective: 'evacuation', positions: guides, target: { avoid: 'triggerStair' } },
        { id: 'low', label: tx('组织低姿捂鼻通过', 'Keep low, mouths covered'), action: 'lowPosture', withinS: 60, objective: 'evacuation', positions: guides },
      ],
    });
  return injects;
}

function matches(e: LogEvent, trig: Extract<EvacInjectTrigger, { kind: 'on' }>): boolean {
  if (e.type !== trig.event) return false;
  for (const [k, v] of Object.entries(trig.match ?? {})) {
    const got = (e as Record<string, unknown>)[k];
    if (Array.isArray(v) ? !v.includes(got as string) : got !== v) return false;
  }
  return true;
}

/** A release the log makes due: the inject, its second, the event that set it off, and its text with the placeholders filled. */
export interface EvacRelease {
  inject: EvacInject;
  atS: number;
  cause: LogEvent | null;
  title: Text;
  body: Text;
}

/**
 * The scripted releases a building log makes due up to second `t` (at-triggers and the first
 * matching event of each on-trigger, plus its delay), in time order. `{stair}` is filled with
 * the name of the stair the triggering edge belongs to. Manual injects are the director's. Pure.
 */
export function evacDueReleases(s: EvacuationScenario, injects: readonly EvacInject[], events: readonly LogEvent[], t: number): EvacRelease[] {
  const stairOfEdge = new Map(s.building.edges.filter((e) => e.stair).map((e) => [e.id, e.stair!]));
  const stairName = new Map(s.building.stairs.map((x) => [x.id, x.name]));
  const out: EvacRelease[] = [];
  for (const inj of injects) {
    const trig = inj.trigger;
    let atS: number | null = null;
    let cause: LogEvent | null = null;
    if (trig.kind === 'at') atS = trig.atS;
    else if (trig.kind === 'on') {
      cause = events.find((e) => matches(e, trig)) ?? null;
      if (cause) atS = cause.t + trig.delayS;
    }
    if (atS === null || atS > t) continue;
    const stair = cause && typeof cause.edge === 'string' ? stairName.get(stairOfEdge.get(cause.edge) ?? '') : undefined;
    const fill = (x: string, lang: 'zh' | 'en') => x.replaceAll('{stair}', stair ? (lang === 'zh' ? stair.zh : (stair.en ?? stair.zh)) : lang === 'zh' ? '一部楼梯' : 'a stair');
    out.push({ inject: inj, atS, cause, title: inj.title, body: { zh: fill(inj.body.zh, 'zh'), en: fill(inj.body.en, 'en') } });
  }
  return out.sort((a, b) => a.atS - b.atS);
}

export type EvacVerdict = 'met' | 'partly' | 'not' | 'open';

/** An expected action judged: met (1), partly (½: the right object late, or the wrong object in time), not (0), open (the drill ended before its limit). */
export interface EvacCheck {
  expected: EvacExpected;
  verdict: EvacVerdict;
  credit: number | null;
  /** the decision that counted (second, position), or null */
  by: { t: number; position: string } | null;
}

/**
 * Judges the expected actions of one released inject against the accepted decisions (`by` is the
 * position id) and acknowledgements, by content as the county's evaluation does
 * (engine/drill/evaluateExpected.ts). Pure.
 */
export function judgeEvacInject(
  s: EvacuationScenario,
  release: EvacRelease,
  recipients: readonly string[],
  decisions: readonly TimedEvacDecision[],
  acks: readonly { t: number; position: string }[],
  endS: number,
): EvacCheck[] {
  const stairOfEdge = new Map(s.building.edges.filter((e) => e.stair).map((e) => [e.id, e.stair!]));
  const badStair = release.cause && typeof release.cause.edge === 'string' ? stairOfEdge.get(release.cause.edge) : undefined;
  return release.inject.expected.map((x) => {
    const who = new Set(x.positions ?? recipients);
    const right = (d: EvacDecision) =>
      (x.target?.group !== 'all' || ('group' in d && d.group === 'all')) && (x.target?.avoid !== 'triggerStair' || (d.kind === 'route' && d.via !== badStair));
    const candidates =
      x.action === 'acknowledge'
        ? acks.filter((a) => a.t >= release.atS && who.has(a.position)).map((a) => ({ t: a.t, position: a.position, ok: true }))
        : decisions
            .filter((d) => d.t >= release.atS && d.decision.kind === x.action && who.has(String(d.by)))
            .map((d) => ({ t: d.t, position: String(d.by), ok: right(d.decision) }));
    const limit = release.atS + x.withinS;
    const inTime = candidates.filter((c) => c.t <= limit);
    const hit = inTime.find((c) => c.ok);
    if (hit) return { expected: x, verdict: 'met', credit: 1, by: { t: hit.t, position: hit.position } };
    const late = candidates.find((c) => c.ok);
    const wrong = inTime[0];
    if (late || wrong) {
      const c = (late ?? wrong)!;
      return { expected: x, verdict: 'partly', credit: 0.5, by: { t: c.t, position: c.position } };
    }
    if (endS < limit) return { expected: x, verdict: 'open', credit: null, by: null };
    return { expected: x, verdict: 'not', credit: 0, by: null };
  });
}
