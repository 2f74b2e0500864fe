import type { MachineInstance } from '../machines/host.ts';
import { rngFor, sampleDist, type DistSpec } from '../random/index.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { EventQueue } from '../sim/eventQueue.ts';
import { compileBuilding, shortestPath, type Building } from './building.ts';
import type { DrillPhaseEvent } from './drillPhase.machine.ts';
import { checkEvacDecision, type EvacDecisionError, type EvacMode, type TimedEvacDecision } from './evacDecision.ts';
import type { EvacGroupEvent, GroupState } from './evacGroup.machine.ts';
import { evacMachines, type EvacMachineMode } from './evacMachines.ts';
import { applyEvacDecision } from './applyEvacDecision.ts';
import type { EvacTrigger, EvacuationScenario } from './schema.ts';
import { smokeArrival } from './smoke.ts';

/** Priorities among events at the same second: fire and smoke, then roles, then decisions, then groups by index (FIFO ties by group id). */
const P_ENV = 0;
const P_TASK = 1;
const P_DECISION = 2;
const P_GROUP = 10;
/** Tasks that only decisions perform in 'manual' mode. */
const MANUAL_TASKS = new Set(['declareEvacuation', 'call119', 'fightFire', 'reportHeadcount']);

type Ev =
  | { k: 'detect' }
  | { k: 'alarm' }
  | { k: 'smoke' | 'untenable'; edge: number }
  | { k: 'task'; role: number; task: number }
  | { k: 'decision'; index: number }
  | { k: 'start' | 'liftDone'; g: number; token: number }
  | { k: 'node'; g: number; node: number; tail: number }
  | { k: 'enter' | 'assemble'; g: number }
  | { k: 'brigadeGate' | 'brigadeAtFire' | 'brigadeOut' }
  | { k: 'fightReach'; role: number; attempt: number };

/** Seconds one person of a group spent on an edge (waiting at its mouth, then walking it), for the smoke dose. */
export interface DoseInterval {
  edge: number;
  from: number;
  to: number;
  factor: number;
}

/** One evacuating group's live record (a class with its teacher, or an office). */
export interface GroupRun {
  id: string;
  room: number;
  people: number;
  m: MachineInstance<EvacGroupEvent>;
  node: number;
  guided: boolean;
  originRoom: boolean;
  alertS: number | null;
  startAt: number;
  startS: number | null;
  arrivedS: number | null;
  token: number;
  via: number;
  planStair: number;
  lift: boolean;
  usedLift: boolean;
  belongings: boolean;
  lowPosture: boolean;
  route: string[];
  plan: number[];
  pendingEdge: number;
  stuck: { head: number; tail: number } | null;
  intervals: DoseInterval[];
}

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
 */
export class EvacuationSim {
  readonly bd: Building;
  now = 0;
  readonly queue = new EventQueue<Ev>();
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
    const origins = s.fire.origins;
    let u = rngFor(seed, 'evac', 'fire', 'origin').next() * origins.reduce((a, o) => a + o.weight, 0);
    let pick = origins.length - 1;
    for (let i = 0; i < origins.length; i++) if ((u -= origins[i]!.weight) < 0) (pick = i), (i = origins.length);
    const originRoom = s.building.rooms.find((r) => r.id === origins[pick]!.room)!;
    this.origin = bd.nodeIndex.get(originRoom.node)!;
    this.detectedS = this.draw(s.fire.detection.delayS, 'fire', 'detection');
    this.alarmS = this.detectedS + this.draw(s.fire.alarmDelayS, 'fire', 'alarm');
    const sm = s.fire.smoke;
    this.smokeAt = smokeArrival(bd, this.origin, this.draw(sm.leaveRoomS, 'smoke', 'leave'), this.draw(sm.spreadSpeedMS, 'smoke', 'speed'), sm.upStairFactor, sm.downStairFactor);
    this.untenableAt = Float64Array.from(bd.edges, (e, i) => this.smokeAt[i]! + this.draw(sm.untenableAfterS, 'smoke', 'untenable', e.id));
    this.log('fire.ignition', { room: originRoom.id, node: originRoom.node });
    this.at(this.detectedS, P_ENV, { k: 'detect' });
    this.at(this.alarmS, P_ENV, { k: 'alarm' });
    bd.edges.forEach((_, i) => {
      this.at(this.smokeAt[i]!, P_ENV, { k: 'smoke', edge: i });
      this.at(this.untenableAt[i]!, P_ENV, { k: 'untenable', edge: i });
    });

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

  at(t: number, prio: number, ev: Ev): void {
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

  /** A phase event happened: schedule the tasks it triggers (role by role, in file order). */
  trigger(name: EvacTrigger): void {
    if (this.triggers.has(name)) return;
    this.triggers.set(name, this.now);
    this.s.roles.forEach((r, ri) => {
      if (!r.present) return;
      r.tasks.forEach((task, ti) => {
        if (task.after !== name || (this.mode === 'manual' && MANUAL_TASKS.has(task.kind))) return;
        this.at(this.now + this.draw(task.durationS, 'role', r.id, 'task', ti), P_TASK, { k: 'task', role: ri, task: ti });
      });
    });
  }

  private handle(ev: Ev): void {
    switch (ev.k) {
      case 'detect':
        this.log('fire.detected', { method: this.s.fire.detection.method });
        this.trigger('detection');
        for (const g of this.groups) if (g.originRoom) this.alert(g, 'fire');
        return;
      case 'alarm':
        this.log('alarm');
        this.sendPhase({ type: 'ALARM' });
        this.trigger('alarm');
        return;
      case 'smoke':
        if (this.fireOutS <= this.now) return;
        this.smokyAt[ev.edge] = this.now;
        this.log('smoke.edge', { edge: this.bd.edges[ev.edge]!.id });
        if (this.bd.edges[ev.edge]!.liftLobby) this.stopLift('smoke');
        for (const g of this.groups) if (this.bd.adj[g.node]!.some(([e]) => e === ev.edge) && this.state(g) === 'inRoom') this.alert(g, 'smoke');
        return;
      case 'untenable':
        if (this.fireOutS <= this.now) return;
        this.untenable[ev.edge] = 1;
        this.log('edge.untenable', { edge: this.bd.edges[ev.edge]!.id });
        return;
      case 'task':
        return this.taskDone(ev.role, ev.task);
      case 'decision': {
        const td = this.decisions[ev.index]!;
        const err = checkEvacDecision(this.s, td) ?? applyEvacDecision(this, td);
        if (err) {
          this.refused.push({ t: this.now, decision: td.decision, error: err });
          this.log('decision.refused', { by: td.by ?? null, decision: td.decision, error: err });
        }
        return;
      }
      case 'start': {
        const g = this.groups[ev.g]!;
        if (ev.token !== g.token || this.state(g) !== 'preMovement') return;
        g.startS = this.now;
        return this.advance(g, this.now, this.now, { type: 'START' });
      }
      case 'node': {
        const g = this.groups[ev.g]!;
        g.node = ev.node;
        return this.advance(g, this.now, ev.tail);
      }
      case 'enter': {
        const g = this.groups[ev.g]!;
        this.sendGroup(g, { type: 'ENTER' });
        return;
      }
      case 'assemble': {
        const g = this.groups[ev.g]!;
        g.arrivedS = this.now;
        this.assembledPeople += g.people;
        this.sendGroup(g, { type: 'ARRIVE' }, { people: g.people });
        if (this.groups.every((x) => this.state(x) === 'atAssembly')) {
          this.allAssembledS = this.now;
          this.sendPhase({ type: 'ALL_ASSEMBLED' });
        }
        return this.checkAccounted();
      }
      case 'liftDone': {
        const g = this.groups[ev.g]!;
        if (ev.token !== g.token || this.state(g) !== 'inLift') return;
        g.node = this.bd.liftGround;
        g.lift = false;
        return this.advance(g, this.now, this.now, { type: 'LIFT_ARRIVED' });
      }
      case 'brigadeGate': {
        const guided = this.engineGuideAt <= this.now;
        this.log('brigade.atGate', { guided });
        this.at(this.now + (guided ? 0 : this.draw(this.s.fire.brigade.unguidedExtraS, 'brigade', 'unguided')), P_ENV, { k: 'brigadeAtFire' });
        return;
      }
      case 'brigadeAtFire':
        this.brigadeAtFireS = this.now;
        this.log('brigade.atFire');
        if (this.fireOutS === Infinity) this.at(this.now + this.draw(this.s.fire.brigade.extinguishS, 'brigade', 'extinguish'), P_ENV, { k: 'brigadeOut' });
        return;
      case 'brigadeOut':
        return this.fireOut('brigade');
      case 'fightReach':
        return this.fightReach(ev.role, ev.attempt);
    }
  }

  private taskDone(ri: number, ti: number): void {
    const role = this.s.roles[ri]!;
    const task = role.tasks[ti]!;
    this.log('role.task', { role: role.id, task: task.kind });
    switch (task.kind) {
      case 'declareEvacuation':
        this.declareEvacuation();
        return;
      case 'reportHeadcount':
        this.reportHeadcount();
        return;
      case 'sweepFloors':
        this.sweepDoneS = Math.min(this.sweepDoneS, this.now);
        return;
      case 'call119':
        this.call119(role.id);
        return;
      case 'guideFireEngine':
        this.engineGuideAt = Math.min(this.engineGuideAt, this.now);
        return;
      case 'fightFire':
        return this.fightReach(ri, this.nextAttempt(ri));
      case 'openExits':
        return this.openExits();
      case 'firstAidPost':
        this.firstAidReadyS = Math.min(this.firstAidReadyS, this.now);
        return;
      case 'cutPower':
        this.powerCutS = Math.min(this.powerCutS, this.now);
        return this.stopLift('power');
      case 'guideStairs':
        this.guidesAt = Math.min(this.guidesAt, this.now);
        return;
    }
  }

  nextAttempt(ri: number): number {
    const n = (this.attempts.get(ri) ?? 0) + 1;
    this.attempts.set(ri, n);
    return n;
  }

  declareEvacuation(): boolean {
    if (this.evacuationS !== Infinity) return false;
    this.evacuationS = this.now;
    this.log('evacuation.declared');
    this.sendPhase({ type: 'EVACUATE' });
    this.trigger('evacuation');
    for (const g of this.groups) this.alert(g, 'order');
    return true;
  }

  /** A group hears the order (or sees fire/smoke): pre-movement starts. */
  alert(g: GroupRun, why: 'order' | 'fire' | 'smoke'): boolean {
    if (this.state(g) !== 'inRoom') return false;
    g.alertS = this.now;
    this.sendGroup(g, { type: 'ALERT' }, { why });
    const pm = this.s.preMovement;
    const pre = this.draw(g.guided ? pm.guidedS : pm.unguidedS, 'group', g.id, 'pre');
    this.scheduleStart(g, this.now + pre + (g.belongings ? this.draw(pm.belongingsS, 'group', g.id, 'belongings') : 0));
    return true;
  }

  scheduleStart(g: GroupRun, t: number): void {
    g.startAt = t;
    g.token++;
    this.at(t, P_GROUP + g.room, { k: 'start', g: g.room, token: g.token });
  }

  passable = (e: number): boolean => {
    const edge = this.bd.edges[e]!;
    return !this.untenable[e] && edge.capacity > 0 && (!edge.locked || this.exitsOpenS <= this.now);
  };

  /** The group's route from node u: lift stop on this floor if it takes the lift, else its stair, else any. */
  routeFrom(g: GroupRun, u: number): number[] | null {
    const bd = this.bd;
    if (g.lift && this.liftStoppedS === Infinity) {
      const stop = bd.liftStopByLevel.get(bd.nodeLevel[u]!);
      if (stop !== undefined && stop !== bd.liftGround) {
        const p = shortestPath(bd, u, stop, this.passable);
        if (p) return p;
      }
    }
    const via = g.via >= 0 ? g.via : g.planStair;
    if (via >= 0) {
      const p = shortestPath(bd, u, bd.assembly, (e) => this.passable(e) && (bd.edges[e]!.stair < 0 || bd.edges[e]!.stair === via));
      if (p) return p;
    }
    return shortestPath(bd, u, bd.assembly, this.passable);
  }

  /** The group's head is at its node at `head`, its tail at `tail`: assemble, board the lift, or take the next edge. */
  advance(g: GroupRun, head: number, tail: number, ev?: EvacGroupEvent): void {
    const bd = this.bd;
    const u = g.node;
    if (ev) this.sendGroup(g, ev);
    if (u === bd.assembly) return this.at(tail, P_GROUP + g.room, { k: 'assemble', g: g.room });
    if (g.lift && this.liftStoppedS === Infinity && bd.nodeKind[u] === 'lift' && u !== bd.liftGround) return this.board(g, tail);
    const path = this.routeFrom(g, u);
    if (!path || path.length === 0) {
      g.stuck = { head, tail };
      this.sendGroup(g, { type: 'NO_ROUTE' }, { node: bd.nodeIds[u] });
      return this.checkAccounted();
    }
    if (g.plan.length > 0 && g.plan[0] !== path[0]) this.log('group.reroute', { group: g.id, node: bd.nodeIds[u], next: bd.edges[path[0]!]!.id });
    g.plan = path.slice(1);
    this.commit(g, path[0]!, head, tail);
  }

  /** Hydraulic step: the group flows onto edge e behind whoever is already on it (FIFO). */
  private commit(g: GroupRun, e: number, h: number, tailAtU: number): void {
    const edge = this.bd.edges[e]!;
    const w = edge.a === g.node ? edge.b : edge.a;
    const s = Math.max(h, this.freeAt[e]!);
    const factor = edge.stair >= 0 && !(this.guidesAt <= s) ? this.s.flow.unguidedStairFactor : 1;
    const through = g.people / (edge.capacity * factor);
    const tailIn = Math.max(s + through, tailAtU);
    // the group books N/F seconds of the edge's throughput; a group whose tail trickles in
    // (narrower upstream) leaves gaps the next group flows into, as merging streams do
    this.freeAt[e] = s + through;
    const travel = edge.lengthM / edge.speed;
    if (s > h) {
      let waiting = g.people;
      for (const b of this.backlog[e]!) if (b.end > h) waiting += b.n * Math.min(1, (b.end - h) / Math.max(b.end - b.s, 1e-9));
      this.maxQueue[e] = Math.max(this.maxQueue[e]!, waiting);
      this.maxWait[e] = Math.max(this.maxWait[e]!, s - h);
      this.sendGroup(g, { type: 'QUEUE' }, { edge: edge.id, waitS: Math.round((s - h) * 1000) / 1000 });
      this.at(s, P_GROUP + g.room, { k: 'enter', g: g.room });
    }
    this.backlog[e]!.push({ s, end: s + through, n: g.people });
    const first = g.route.length === 0;
    g.intervals.push({ edge: e, from: first && g.originRoom ? 0 : (h + tailAtU) / 2, to: (s + tailIn) / 2 + travel, factor: g.lowPosture ? 0.5 : 1 });
    g.route.push(edge.id);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    // the entry carries exact entry/exit times of head and tail, for playback
    this.log('group.edge', { group: g.id, edge: edge.id, from: this.bd.nodeIds[g.node], to: this.bd.nodeIds[w], enterS: r3(s), exitS: r3(s + travel), tailInS: r3(tailIn), tailOutS: r3(tailIn + travel), people: g.people });
    this.at(s + travel, P_GROUP + g.room, { k: 'node', g: g.room, node: w, tail: tailIn + travel });
  }

  private board(g: GroupRun, t: number): void {
    const lift = this.s.building.lift!;
    const floors = this.bd.nodeLevel[g.node]! - this.bd.nodeLevel[this.bd.liftGround]!;
    const trips = Math.max(1, Math.ceil(g.people / lift.capacityPersons));
    g.usedLift = true;
    g.token++;
    this.sendGroup(g, { type: 'BOARD_LIFT' }, { trips });
    this.at(t + trips * (2 * floors * lift.secondsPerFloor + 2 * lift.doorSeconds), P_GROUP + g.room, { k: 'liftDone', g: g.room, token: g.token });
  }

  private stopLift(reason: 'power' | 'smoke'): void {
    if (this.liftStoppedS !== Infinity || !this.s.building.lift) return;
    this.liftStoppedS = this.now;
    this.log('lift.stopped', { reason });
    for (const g of this.groups) if (this.state(g) === 'inLift') this.sendGroup(g, { type: 'LIFT_STOPPED' });
    this.checkAccounted();
  }

  private openExits(): void {
    if (this.exitsOpenS !== Infinity) return;
    this.exitsOpenS = this.now;
    this.log('exits.opened', { edges: this.bd.edges.filter((e) => e.locked).map((e) => e.id) });
    for (const g of this.groups) {
      if (this.state(g) !== 'stuck' || !g.stuck) continue;
      const path = this.routeFrom(g, g.node);
      if (!path || path.length === 0) continue;
      const { tail } = g.stuck;
      g.stuck = null;
      this.sendGroup(g, { type: 'ROUTE' });
      g.plan = path.slice(1);
      this.commit(g, path[0]!, this.now, Math.max(this.now, tail));
    }
  }

  private checkAccounted(): void {
    if (this.groups.every((g) => ['atAssembly', 'trappedInLift', 'stuck'].includes(this.state(g)))) this.trigger('allAccounted');
  }

  call119(by: string): boolean {
    if (this.call119S !== Infinity) return false;
    this.call119S = this.now;
    this.call119By = by;
    this.log('call119', { by });
    this.at(this.now + this.draw(this.s.fire.brigade.arrivalAfterCallS, 'brigade', 'arrival'), P_ENV, { k: 'brigadeGate' });
    return true;
  }

  private fightReach(ri: number, attempt: number): void {
    const role = this.s.roles[ri]!;
    if (this.fireOutS <= this.now) return this.log('fire.attempt', { role: role.id, result: 'alreadyOut' });
    const p = role.tasks.find((t) => t.kind === 'fightFire')?.successProbability ?? this.s.roles.flatMap((r) => r.tasks).find((t) => t.kind === 'fightFire')?.successProbability ?? 0;
    const roll = rngFor(this.seed, 'evac', 'role', role.id, 'fight', attempt).next();
    if (this.now > this.s.fire.incipientS) return this.log('fire.attempt', { role: role.id, result: 'tooLate' });
    if (roll >= p) return this.log('fire.attempt', { role: role.id, result: 'failed' });
    this.log('fire.attempt', { role: role.id, result: 'knockedDown' });
    this.fireOut('extinguisher');
  }

  private fireOut(by: 'extinguisher' | 'brigade'): void {
    if (this.fireOutS !== Infinity) return;
    this.fireOutS = this.now;
    this.fireOutBy = by;
    this.log('fire.out', { by });
    this.sendPhase({ type: 'FIRE_OUT' });
    this.sendPhase({ type: 'ALL_CLEAR' });
  }

  reportHeadcount(): boolean {
    if (this.headcount) return false;
    const total = this.groups.reduce((a, g) => a + g.people, 0);
    this.headcount = { atS: this.now, counted: this.assembledPeople, missing: total - this.assembledPeople };
    this.log('headcount.reported', { counted: this.assembledPeople, missing: total - this.assembledPeople });
    this.sendPhase({ type: 'HEADCOUNT' });
    this.sendPhase({ type: 'ALL_CLEAR' });
    return true;
  }
}
