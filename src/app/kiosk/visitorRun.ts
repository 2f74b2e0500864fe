import type { TimedEvacDecision, EvacMode } from '../../../engine/evacuation/evacDecision.ts';
import type { EvacOutcome } from '../../../engine/evacuation/evacOutcome.ts';
import { runEvacuation, type EvacRunResult } from '../../../engine/evacuation/runEvacuation.ts';
import { rngFor, sampleDist } from '../../../engine/random/index.ts';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import { homeGroupOf, scenarioRoleOf, type KioskAnswers, type KioskRole } from './kioskRoles.ts';

/**
 * Turns a kiosk visitor's answers into engine decisions and runs them (pure; the engine runs in
 * the browser). Times are seconds since ignition and come from the plan's own run of the same
 * seed (`plan`, auto mode): the alarm, detection, and when the plan's roles acted.
 *
 * A pupil or a teacher with a class runs in 'auto' mode (the plan's roles act as planned) with
 * the group's own decisions. The 总指挥, 警戒通讯 and 消防灭火 duties decide things that only
 * happen by decision in 'manual' mode (evacuation order, 119, extinguisher, headcount): their
 * visitor's answer replaces the plan, and the other manual tasks are filled in at the times the
 * plan's run did them.
 */
export interface KioskContext {
  scenario: EvacuationScenario;
  seed: number;
  role: KioskRole;
  /** the plan's run (auto mode) of the same seed */
  plan: EvacOutcome;
  /** its log (when the plan's firefighter reached the fire) */
  planLog?: EvacRunResult['log'];
}

/** Extra seconds assumed for choices the engine cannot time itself (kiosk judgement, not plan data). */
export const KIOSK_DELAYS = {
  /** dialling 119 and getting through */
  dial119S: 30,
  /** "first go and see / wait for the order": 119 this long after the evacuation order */
  call119LateS: 120,
  /** the 总指挥 "first checks whether the fire is real" before ordering the evacuation */
  declareCheckS: 120,
  /** the 消防灭火 teacher first takes the class out, then comes back for an extinguisher */
  fightLateS: 240,
  /** an early headcount: this long after the first class reaches the assembly point */
  headcountEarlyS: 30,
} as const;

export const isManualRole = (role: KioskRole): boolean => role.id === 'command' || role.id === 'cordonComms' || role.id === 'firefighting';

const fin = (x: number | null | undefined, d: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : d);

/** Decisions that do not depend on when the visitor's group steps out (leave, and the manual duties). */
export function baseDecisions(ctx: KioskContext, answers: KioskAnswers): { mode: EvacMode; decisions: TimedEvacDecision[] } {
  const { scenario: s, plan, role } = ctx;
  const alarm = fin(plan.alarmS, 0);
  const detected = fin(plan.detectedS, 0);
  const out: TimedEvacDecision[] = [];
  const group = homeGroupOf(s, role);
  const me = scenarioRoleOf(s, role.id)?.id;
  if (group && answers.leave === 'now') out.push({ t: alarm, by: 'visitor', decision: { kind: 'startEvacuation', group } });
  if (group && answers.leave === 'belongings') out.push({ t: alarm, by: 'visitor', decision: { kind: 'collectBelongings', group } });
  if (!isManualRole(role)) return { mode: 'auto', decisions: out };

  const roleId = (duty: string) => s.roles.find((r) => r.duty === duty && r.present)?.id;
  const commander = roleId('command');
  const comms = roleId('cordonComms');
  const fighter = roleId('firefighting');
  // evacuation order
  if (role.id === 'command') {
    out.push({ t: answers.declare === 'check' ? alarm + KIOSK_DELAYS.declareCheckS : alarm, by: me, decision: { kind: 'startEvacuation', group: 'all' } });
  } else if (plan.evacuationDeclaredS !== null) out.push({ t: plan.evacuationDeclaredS, by: commander, decision: { kind: 'startEvacuation', group: 'all' } });
  // 119
  if (role.id === 'cordonComms' && me) {
    if (answers.call119 === 'now') out.push({ t: detected + KIOSK_DELAYS.dial119S, by: me, decision: { kind: 'call119', by: me } });
    if (answers.call119 === 'later') out.push({ t: fin(plan.evacuationDeclaredS, alarm) + KIOSK_DELAYS.call119LateS, by: me, decision: { kind: 'call119', by: me } });
  } else if (plan.call119S !== null && comms) out.push({ t: plan.call119S, by: comms, decision: { kind: 'call119', by: comms } });
  // extinguisher: "at once" reaches the fire when the plan's firefighter did (same attempt, same roll)
  const fightAsPlanned = (by: string) => out.push({ t: Math.max(0, planReachS(ctx, by) - fightDecisionDelay(ctx, by)), by, decision: { kind: 'fightFire', by } });
  if (role.id === 'firefighting' && me) {
    if (answers.fight === 'fight') fightAsPlanned(me);
    if (answers.fight === 'late') out.push({ t: alarm + KIOSK_DELAYS.fightLateS, by: me, decision: { kind: 'fightFire', by: me } });
  } else if (fighter && s.roles.some((r) => r.id === fighter && r.tasks.some((k) => k.kind === 'fightFire'))) fightAsPlanned(fighter);
  return { mode: 'manual', decisions: out };
}

/** When the plan's run had `role` reach the fire (its first fire.attempt), else detection. */
function planReachS(ctx: KioskContext, role: string): number {
  const e = ctx.planLog?.find((x) => x.type === 'fire.attempt' && x.role === role);
  return e ? e.t : fin(ctx.plan.detectedS, 0);
}

/**
 * The walk to the fire a fightFire decision adds: the engine draws it from the stream
 * (seed, 'evac', 'role', id, 'fightDecision', attempt 1) — engine/evacuation/applyEvacDecision.ts.
 * Re-drawn here so a decision can reach the fire exactly when the plan's task did; a unit test
 * checks that the plan's fire outcome is reproduced.
 */
function fightDecisionDelay(ctx: KioskContext, role: string): number {
  const s = ctx.scenario;
  const task = s.roles.find((r) => r.id === role)?.tasks.find((t) => t.kind === 'fightFire') ?? s.roles.flatMap((r) => r.tasks).find((t) => t.kind === 'fightFire');
  return task ? sampleDist(rngFor(ctx.seed, 'evac', 'role', role, 'fightDecision', 1), task.durationS) : 0;
}

/** When the visitor's group steps out of its room with the answers so far (alarm time if never), and that run's log. */
export function movePoint(ctx: KioskContext, answers: KioskAnswers): { t: number; log: EvacRunResult['log'] } {
  const { mode, decisions } = baseDecisions(ctx, answers);
  const r = runEvacuation(ctx.scenario, ctx.seed, { mode, decisions: sorted(decisions), keepLog: true });
  const g = homeGroupOf(ctx.scenario, ctx.role);
  const mine = r.outcome.groups.find((x) => x.id === g);
  return { t: fin(mine?.startS, fin(ctx.plan.alarmS, 0)), log: r.log };
}

const sorted = (d: TimedEvacDecision[]) => [...d].sort((a, b) => a.t - b.t);

/** Every decision of the visitor's run, and its mode. Runs the engine once or twice (the move time, the headcount). */
export function visitorDecisions(ctx: KioskContext, answers: KioskAnswers): { mode: EvacMode; decisions: TimedEvacDecision[] } {
  const { mode, decisions } = baseDecisions(ctx, answers);
  const group = homeGroupOf(ctx.scenario, ctx.role);
  if (group && (answers.lift || answers.stair || answers.posture)) {
    const t = movePoint(ctx, answers).t;
    if (answers.lift === 'lift') decisions.push({ t, by: 'visitor', decision: { kind: 'useLift', group } });
    else if (answers.stair) decisions.push({ t, by: 'visitor', decision: { kind: 'route', group, via: answers.stair } });
    if (answers.posture === 'low') decisions.push({ t, by: 'visitor', decision: { kind: 'lowPosture', group } });
  }
  if (mode === 'manual') {
    // the headcount depends on when the classes arrive in this very run: run once without it
    const first = runEvacuation(ctx.scenario, ctx.seed, { mode, decisions: sorted(decisions) }).outcome;
    const arrived = first.groups.map((g) => g.arrivedS).filter((x): x is number => x !== null);
    const last = first.allAssembledS ?? (arrived.length ? Math.max(...arrived) : fin(ctx.plan.alarmS, 0) + 600);
    const planDelay = Math.max(30, fin(ctx.plan.headcount.reportedS, 0) - fin(ctx.plan.allAssembledS, fin(ctx.plan.headcount.reportedS, 0) - 60));
    const commander = ctx.scenario.roles.find((r) => r.duty === 'command' && r.present)?.id;
    const t = ctx.role.id === 'command' && answers.headcount === 'early' ? (arrived.length ? Math.min(...arrived) : last) + KIOSK_DELAYS.headcountEarlyS : last + planDelay;
    if (t <= ctx.scenario.horizonS) decisions.push({ t, by: commander, decision: { kind: 'reportHeadcount' } });
  }
  return { mode, decisions: sorted(decisions) };
}

/** The visitor's run with its log, and the decisions it was given. */
export function runVisitor(ctx: KioskContext, answers: KioskAnswers): EvacRunResult & { mode: EvacMode; decisions: TimedEvacDecision[] } {
  const d = visitorDecisions(ctx, answers);
  return { ...runEvacuation(ctx.scenario, ctx.seed, { mode: d.mode, decisions: d.decisions, keepLog: true }), ...d };
}

/** The plan's own run (auto mode) of a seed, with its log: what the kiosk compares the visitor with. */
export function runPlan(scenario: EvacuationScenario, seed: number): EvacRunResult {
  return runEvacuation(scenario, seed, { mode: 'auto', keepLog: true });
}

export type StairStatus = 'clear' | 'smoke' | 'blocked';

/**
 * What each stair looks like at second `t` of a run, on the way down from `room`'s floor:
 * 'blocked' if a flight or the corridor to it is untenable, 'smoke' if smoke has reached it,
 * else 'clear'; `plan` marks the room's assigned stair and `nearFire` the stair whose landing is
 * nearest the burning room (on the fire's floor). Pure.
 */
export function stairStatuses(s: EvacuationScenario, log: EvacRunResult['log'], t: number, room: string): { id: string; status: StairStatus; plan: boolean; nearFire: boolean }[] {
  const nodes = new Map(s.building.nodes.map((n) => [n.id, n]));
  const level = new Map(s.building.floors.map((f) => [f.id, f.level]));
  const lv = (node: string) => level.get(nodes.get(node)?.floor ?? '') ?? 0;
  const r = s.building.rooms.find((x) => x.id === room);
  const myLevel = r ? lv(r.node) : Infinity;
  const smoky = new Set<string>();
  const bad = new Set<string>();
  let origin: string | null = null;
  for (const e of log) {
    if (e.t > t) break;
    if (e.type === 'smoke.edge') smoky.add(String(e.edge));
    if (e.type === 'edge.untenable') bad.add(String(e.edge));
    if (e.type === 'fire.ignition') origin = String(e.node);
  }
  const landings = (stair: string) => new Set(s.building.edges.filter((e) => e.stair === stair).flatMap((e) => [e.from, e.to]));
  const fireNode = origin ? nodes.get(origin) : undefined;
  let nearest: string | null = null;
  if (fireNode) {
    let best = Infinity;
    for (const st of s.building.stairs)
      for (const id of landings(st.id)) {
        const n = nodes.get(id);
        if (!n || n.floor !== fireNode.floor) continue;
        const d = Math.abs(n.position[0] - fireNode.position[0]);
        if (d < best) [best, nearest] = [d, st.id];
      }
  }
  return s.building.stairs.map((st) => {
    const ls = landings(st.id);
    // the flights below the visitor, and the corridor segments touching its landings on the visitor's floor
    const edges = s.building.edges.filter((e) => (e.stair === st.id && lv(e.from) <= myLevel) || (e.kind === 'corridor' && (ls.has(e.from) || ls.has(e.to)) && lv(e.from) === myLevel));
    const status: StairStatus = edges.some((e) => bad.has(e.id)) ? 'blocked' : edges.some((e) => smoky.has(e.id)) ? 'smoke' : 'clear';
    return { id: st.id, status, plan: r?.stair === st.id, nearFire: nearest === st.id };
  });
}
