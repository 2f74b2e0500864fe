import type { MachineInstance } from '../machines/host.ts';
import { rngFor, sampleDist, type DistSpec } from '../random/index.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { EventQueue } from '../sim/eventQueue.ts';
import { compileBuilding, type Building } from './building.ts';
import type { DrillPhaseEvent } from './drillPhase.machine.ts';
import { checkEvacDecision, type EvacDecisionError, type EvacMode, type TimedEvacDecision } from './evacDecision.ts';
import { P_DECISION, type EvacEvent } from './evacEvent.ts';
import type { EvacGroupEvent, GroupState } from './evacGroup.machine.ts';
import { evacMachines, type EvacMachineMode } from './evacMachines.ts';
import { applyEvacDecision } from './applyEvacDecision.ts';
import { declareEvacuation, fireTrigger, nextAttempt, reportHeadcount, taskDone } from './dutyTasks.ts';
import { call119, drawFire, handleFireEvent, scheduleFire } from './fireEvents.ts';
import { advance, alertGroup, edgePassable, handleGroupEvent, routeFrom, scheduleStart } from './groupFlow.ts';
import type { GroupRun } from './groupRun.ts';
import type { EvacSim } from './evacSim.ts';
import type { EvacTrigger, EvacuationScenario } from './schema.ts';

export type { DoseInterval, GroupRun } from './groupRun.ts';

/** Options of a run. */
export interface EvacRunOptions {
  decisions?: readonly TimedEvacDecision[];
  mode?: EvacMode;
  keepLog?: boolean;
  machines?: EvacMachineMode;
}

/**
 * One discrete-event run of a building evacuation over one seed (uint32): fire, smoke, the
 * seven duties' tasks, groups walking a hydraulic network (see README.md), decisions. Time is
 * seconds since ignition. Deterministic: every random number comes from a stream derived from
 * (seed, 'evac', id path), and events fire in (time, priority, insertion) order. Pure.
 * The handling lives beside it by concern: fireEvents.ts (fire, smoke, brigade, extinguisher),
 * dutyTasks.ts (the duties' tasks), groupFlow.ts (group movement and flow).
 */
export class EvacuationSim implements EvacSim {
  readonly bd: Building;
  now = 0;
  readonly queue = new EventQueue<EvacEvent>();
  readonly events: LogEvent[] = [];
  readonly phase: MachineInstance<DrillPhaseEvent>;
  readonly phases: { atS: number; phase: string }[] = [];
  readonly groups: GroupRun[];
  readonly decisions: TimedEvacDecision[] = [];
  readonly refused: { t: number; decision: unknown; error: EvacDecisionError }[] = [];
  readonly mode: EvacMode;
  readonly origin: number;
  readonly smokeAt: Float64Array;
  readonly untenableAt: Float64Array;
  readonly smokyAt: Float64Array;
  readonly untenable: Uint8Array;
  readonly freeAt: Float64Array;
  readonly backlog: { s: number; end: number; n: number }[][];
  readonly maxQueue: Float64Array;
  readonly maxWait: Float64Array;
  readonly triggers = new Map<EvacTrigger, number>();
  detectedS = Infinity;
  alarmS = Infinity;
  evacuationS = Infinity;
  guidesAt = Infinity;
  engineGuideAt = Infinity;
  exitsOpenS = Infinity;
  powerCutS = Infinity;
  liftStoppedS = Infinity;
  sweepDoneS = Infinity;
  firstAidReadyS = Infinity;
  call119S = Infinity;
  call119By: string | null = null;
  fireOutS = Infinity;
  fireOutBy: 'extinguisher' | 'brigade' | null = null;
  brigadeAtFireS = Infinity;
  headcount: { atS: number; counted: number; missing: number } | null = null;
  allAssembledS = Infinity;
  assembledPeople = 0;
  readonly attempts: Map<number, number> = new Map();
  private readonly keepLog: boolean;

  constructor(
    readonly s: EvacuationScenario,
    readonly seed: number,
    opts: EvacRunOptions = {},
  ) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a uint32, got ${seed}`);
    this.mode = opts.mode ?? 'auto';
    this.keepLog = opts.keepLog ?? true;
    const machines = evacMachines(opts.machines);
    this.phase = machines.phase();
    const bd = (this.bd = compileBuilding(s));
    const ne = bd.edges.length;
    this.freeAt = new Float64Array(ne);
    this.backlog = bd.edges.map(() => []);
    this.maxQueue = new Float64Array(ne);
    this.maxWait = new Float64Array(ne);
    this.smokyAt = new Float64Array(ne).fill(Infinity);
    this.untenable = new Uint8Array(ne);

    // the fire: origin room by weight, detection, alarm, smoke front
    const fire = drawFire(this);
    this.origin = fire.origin;
    this.detectedS = fire.detectedS;
    this.alarmS = fire.alarmS;
    this.smokeAt = fire.smokeAt;
    this.untenableAt = fire.untenableAt;
    scheduleFire(this, fire.room);

    const guided = s.roles.some((r) => r.duty === 'evacuation' && r.present);
    this.groups = s.building.rooms.map((r, i) => {
      const people = typeof r.occupants === 'number' ? r.occupants : Math.max(0, Math.round(this.draw(r.occupants, 'room', r.id, 'occupants')));
      const node = bd.nodeIndex.get(r.node)!;
      return {
        id: r.id, room: i, people, m: machines.group(), node, guided, originRoom: node === this.origin,
        alertS: null, startAt: Infinity, startS: null, arrivedS: null, token: 0,
        via: -1, planStair: r.stair === undefined ? -1 : bd.stairIds.indexOf(r.stair),
        lift: false, usedLift: false, belongings: false, lowPosture: false,
        route: [], plan: [], pendingEdge: -1, stuck: null, intervals: [],
      };
    });
    this.trigger('ignition');
    for (const d of opts.decisions ?? []) this.addDecision(d);
  }

  /** A value from the scenario distribution `spec`, on its own stream (seed, 'evac', ...path). */
  draw(spec: DistSpec, ...path: (string | number)[]): number {
    return sampleDist(rngFor(this.seed, 'evac', ...path), spec);
  }

  /** Appends to the log (times in seconds, rounded to 1 ms for the record). */
  log(type: string, fields: Record<string, unknown> = {}): void {
    if (this.keepLog) this.events.push({ seq: this.events.length + 1, t: Math.round(this.now * 1000) / 1000, type, ...fields });
  }

  /** Queues `ev` at `t` seconds (never before now; dropped past the horizon). */
  at(t: number, prio: number, ev: EvacEvent): void {
    if (t <= this.s.horizonS) this.queue.push(Math.max(t, this.now), prio, ev);
  }

  /** Queues a decision at its time (or now, if its time has passed); statically invalid ones are refused when due. */
  addDecision(d: TimedEvacDecision): void {
    this.decisions.push(d);
    const t = Number.isFinite(d.t) ? Math.min(Math.max(d.t, this.now), this.s.horizonS) : this.now;
    this.queue.push(t, P_DECISION, { k: 'decision', index: this.decisions.length - 1 });
  }

  /** Processes every event up to time `t` (seconds), then sets the clock to `t`. */
  runUntil(t: number): void {
    const end = Math.min(t, this.s.horizonS);
    while (this.queue.peekTime() <= end) {
      const next = this.queue.pop()!;
      this.now = next.time;
      this.handle(next.item);
    }
    this.now = Math.max(this.now, end);
  }

  sendPhase(ev: DrillPhaseEvent): void {
    const from = this.phase.value;
    if (this.phase.send(ev)) {
      this.phases.push({ atS: this.now, phase: this.phase.value });
      this.log('phase', { from, to: this.phase.value });
    }
  }

  sendGroup(g: GroupRun, ev: EvacGroupEvent, fields: Record<string, unknown> = {}): void {
    const from = g.m.value;
    if (g.m.send(ev)) this.log('group.state', { group: g.id, from, to: g.m.value, ...fields });
  }

  state(g: GroupRun): GroupState {
    return g.m.value as GroupState;
  }

  /** A phase event happened: schedule the tasks it triggers (role by role, in file order). See dutyTasks.ts. */
  trigger(name: EvacTrigger): void {
    fireTrigger(this, name);
  }

  private handle(ev: EvacEvent): void {
    switch (ev.k) {
      case 'task':
        return taskDone(this, ev.role, ev.task);
      case 'decision': {
        const td = this.decisions[ev.index]!;
        const err = checkEvacDecision(this.s, td) ?? applyEvacDecision(this, td);
        if (err) {
          this.refused.push({ t: this.now, decision: td.decision, error: err });
          this.log('decision.refused', { by: td.by ?? null, decision: td.decision, error: err });
        }
        return;
      }
      case 'start':
      case 'node':
      case 'enter':
      case 'assemble':
      case 'liftDone':
        return handleGroupEvent(this, ev);
      default:
        return handleFireEvent(this, ev);
    }
  }

  // The methods below are the sim's public surface used by decisions and the kiosk; the bodies live beside it.

  /** The next extinguisher attempt number of role index `ri` (dutyTasks.ts). */
  nextAttempt(ri: number): number {
    return nextAttempt(this, ri);
  }

  /** Orders the evacuation now, first time only (dutyTasks.ts). */
  declareEvacuation(): boolean {
    return declareEvacuation(this);
  }

  /** A group hears the order (or sees fire/smoke): pre-movement starts (groupFlow.ts). */
  alert(g: GroupRun, why: 'order' | 'fire' | 'smoke'): boolean {
    return alertGroup(this, g, why);
  }

  /** (Re)schedules the group's start at `t` seconds (groupFlow.ts). */
  scheduleStart(g: GroupRun, t: number): void {
    scheduleStart(this, g, t);
  }

  /** Whether edge `e` can be walked now (groupFlow.ts). */
  passable = (e: number): boolean => edgePassable(this, e);

  /** The group's route from node u: lift stop on this floor if it takes the lift, else its stair, else any (groupFlow.ts). */
  routeFrom(g: GroupRun, u: number): number[] | null {
    return routeFrom(this, g, u);
  }

  /** The group's head is at its node at `head`, its tail at `tail`: assemble, board the lift, or take the next edge (groupFlow.ts). */
  advance(g: GroupRun, head: number, tail: number, ev?: EvacGroupEvent): void {
    advance(this, g, head, tail, ev);
  }

  /** Role `by` calls 119 now, first call only (fireEvents.ts). */
  call119(by: string): boolean {
    return call119(this, by);
  }

  /** Reports the headcount now, first time only (dutyTasks.ts). */
  reportHeadcount(): boolean {
    return reportHeadcount(this);
  }
}
