import { shortestPath } from './building.ts';
import { P_GROUP, type EvacEvent } from './evacEvent.ts';
import type { EvacGroupEvent } from './evacGroup.machine.ts';
import type { EvacSim } from './evacSim.ts';
import type { GroupRun } from './groupRun.ts';

/**
 * Group movement: pre-movement, routing, the hydraulic flow over edges (see README.md), the
 * lift, and accounting for everyone. Functions over an EvacSim's state at `sim.now`
 * (seconds since ignition); deterministic, pure apart from mutating the sim.
 */

/** A group hears the order (or sees fire/smoke): pre-movement starts (draws on (seed, 'evac', 'group', id, 'pre' | 'belongings')). */
export function alertGroup(sim: EvacSim, g: GroupRun, why: 'order' | 'fire' | 'smoke'): boolean {
  if (sim.state(g) !== 'inRoom') return false;
  g.alertS = sim.now;
  sim.sendGroup(g, { type: 'ALERT' }, { why });
  const pm = sim.s.preMovement;
  const pre = sim.draw(g.guided ? pm.guidedS : pm.unguidedS, 'group', g.id, 'pre');
  scheduleStart(sim, g, sim.now + pre + (g.belongings ? sim.draw(pm.belongingsS, 'group', g.id, 'belongings') : 0));
  return true;
}

/** (Re)schedules the group's start at `t` seconds; an earlier scheduled start is voided by the token. */
export function scheduleStart(sim: EvacSim, g: GroupRun, t: number): void {
  g.startAt = t;
  g.token++;
  sim.at(t, P_GROUP + g.room, { k: 'start', g: g.room, token: g.token });
}

/** Whether edge `e` can be walked now: tenable, not zero-width, and unlocked (or exits opened). */
export function edgePassable(sim: EvacSim, e: number): boolean {
  const edge = sim.bd.edges[e]!;
  return !sim.untenable[e] && edge.capacity > 0 && (!edge.locked || sim.exitsOpenS <= sim.now);
}

/** The group's route from node u: lift stop on this floor if it takes the lift, else its stair, else any. */
export function routeFrom(sim: EvacSim, g: GroupRun, u: number): number[] | null {
  const bd = sim.bd;
  if (g.lift && sim.liftStoppedS === Infinity) {
    const stop = bd.liftStopByLevel.get(bd.nodeLevel[u]!);
    if (stop !== undefined && stop !== bd.liftGround) {
      const p = shortestPath(bd, u, stop, sim.passable);
      if (p) return p;
    }
  }
  const via = g.via >= 0 ? g.via : g.planStair;
  if (via >= 0) {
    const p = shortestPath(bd, u, bd.assembly, (e) => sim.passable(e) && (bd.edges[e]!.stair < 0 || bd.edges[e]!.stair === via));
    if (p) return p;
  }
  return shortestPath(bd, u, bd.assembly, sim.passable);
}

/** The group's head is at its node at `head`, its tail at `tail`: assemble, board the lift, or take the next edge. */
export function advance(sim: EvacSim, g: GroupRun, head: number, tail: number, ev?: EvacGroupEvent): void {
  const bd = sim.bd;
  const u = g.node;
  if (ev) sim.sendGroup(g, ev);
  if (u === bd.assembly) return sim.at(tail, P_GROUP + g.room, { k: 'assemble', g: g.room });
  if (g.lift && sim.liftStoppedS === Infinity && bd.nodeKind[u] === 'lift' && u !== bd.liftGround) return board(sim, g, tail);
  const path = routeFrom(sim, g, u);
  if (!path || path.length === 0) {
    g.stuck = { head, tail };
    sim.sendGroup(g, { type: 'NO_ROUTE' }, { node: bd.nodeIds[u] });
    return checkAccounted(sim);
  }
  if (g.plan.length > 0 && g.plan[0] !== path[0]) sim.log('group.reroute', { group: g.id, node: bd.nodeIds[u], next: bd.edges[path[0]!]!.id });
  g.plan = path.slice(1);
  commit(sim, g, path[0]!, head, tail);
}

/** Hydraulic step: the group flows onto edge e behind whoever is already on it (FIFO). */
function commit(sim: EvacSim, g: GroupRun, e: number, h: number, tailAtU: number): void {
  const edge = sim.bd.edges[e]!;
  const w = edge.a === g.node ? edge.b : edge.a;
  const s = Math.max(h, sim.freeAt[e]!);
  const factor = edge.stair >= 0 && !(sim.guidesAt <= s) ? sim.s.flow.unguidedStairFactor : 1;
  const through = g.people / (edge.capacity * factor);
  const tailIn = Math.max(s + through, tailAtU);
  // the group books N/F seconds of the edge's throughput; a group whose tail trickles in
  // (narrower upstream) leaves gaps the next group flows into, as merging streams do
  sim.freeAt[e] = s + through;
  const travel = edge.lengthM / edge.speed;
  if (s > h) {
    let waiting = g.people;
    for (const b of sim.backlog[e]!) if (b.end > h) waiting += b.n * Math.min(1, (b.end - h) / Math.max(b.end - b.s, 1e-9));
    sim.maxQueue[e] = Math.max(sim.maxQueue[e]!, waiting);
    sim.maxWait[e] = Math.max(sim.maxWait[e]!, s - h);
    sim.sendGroup(g, { type: 'QUEUE' }, { edge: edge.id, waitS: Math.round((s - h) * 1000) / 1000 });
    sim.at(s, P_GROUP + g.room, { k: 'enter', g: g.room });
  }
  sim.backlog[e]!.push({ s, end: s + through, n: g.people });
  const first = g.route.length === 0;
  g.intervals.push({ edge: e, from: first && g.originRoom ? 0 : (h + tailAtU) / 2, to: (s + tailIn) / 2 + travel, factor: g.lowPosture ? 0.5 : 1 });
  g.route.push(edge.id);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  // the entry carries exact entry/exit times of head and tail, for playback
  sim.log('group.edge', { group: g.id, edge: edge.id, from: sim.bd.nodeIds[g.node], to: sim.bd.nodeIds[w], enterS: r3(s), exitS: r3(s + travel), tailInS: r3(tailIn), tailOutS: r3(tailIn + travel), people: g.people });
  sim.at(s + travel, P_GROUP + g.room, { k: 'node', g: g.room, node: w, tail: tailIn + travel });
}

/** The group boards the lift at `t`: as many round trips as its size needs (scenario building.lift). */
function board(sim: EvacSim, g: GroupRun, t: number): void {
  const lift = sim.s.building.lift!;
  const floors = sim.bd.nodeLevel[g.node]! - sim.bd.nodeLevel[sim.bd.liftGround]!;
  const trips = Math.max(1, Math.ceil(g.people / lift.capacityPersons));
  g.usedLift = true;
  g.token++;
  sim.sendGroup(g, { type: 'BOARD_LIFT' }, { trips });
  sim.at(t + trips * (2 * floors * lift.secondsPerFloor + 2 * lift.doorSeconds), P_GROUP + g.room, { k: 'liftDone', g: g.room, token: g.token });
}

/** The lift stops now (power cut or smoke in a lift lobby; first time only): groups inside are trapped. */
export function stopLift(sim: EvacSim, reason: 'power' | 'smoke'): void {
  if (sim.liftStoppedS !== Infinity || !sim.s.building.lift) return;
  sim.liftStoppedS = sim.now;
  sim.log('lift.stopped', { reason });
  for (const g of sim.groups) if (sim.state(g) === 'inLift') sim.sendGroup(g, { type: 'LIFT_STOPPED' });
  checkAccounted(sim);
}

/** Locked exits open now (first time only): stuck groups that now have a route move on, in group order. */
export function openExits(sim: EvacSim): void {
  if (sim.exitsOpenS !== Infinity) return;
  sim.exitsOpenS = sim.now;
  sim.log('exits.opened', { edges: sim.bd.edges.filter((e) => e.locked).map((e) => e.id) });
  for (const g of sim.groups) {
    if (sim.state(g) !== 'stuck' || !g.stuck) continue;
    const path = routeFrom(sim, g, g.node);
    if (!path || path.length === 0) continue;
    const { tail } = g.stuck;
    g.stuck = null;
    sim.sendGroup(g, { type: 'ROUTE' });
    g.plan = path.slice(1);
    commit(sim, g, path[0]!, sim.now, Math.max(sim.now, tail));
  }
}

/** Fires the 'allAccounted' trigger once every group has assembled, is trapped in the lift or is stuck. */
export function checkAccounted(sim: EvacSim): void {
  if (sim.groups.every((g) => ['atAssembly', 'trappedInLift', 'stuck'].includes(sim.state(g)))) sim.trigger('allAccounted');
}

/** Group movement events. */
export type GroupEvent = Extract<EvacEvent, { k: 'start' | 'node' | 'enter' | 'assemble' | 'liftDone' }>;

/** Handles one group movement event at `sim.now`. Deterministic. */
export function handleGroupEvent(sim: EvacSim, ev: GroupEvent): void {
  const g = sim.groups[ev.g]!;
  switch (ev.k) {
    case 'start':
      if (ev.token !== g.token || sim.state(g) !== 'preMovement') return;
      g.startS = sim.now;
      return advance(sim, g, sim.now, sim.now, { type: 'START' });
    case 'node':
      g.node = ev.node;
      return advance(sim, g, sim.now, ev.tail);
    case 'enter':
      sim.sendGroup(g, { type: 'ENTER' });
      return;
    case 'assemble':
      g.arrivedS = sim.now;
      sim.assembledPeople += g.people;
      sim.sendGroup(g, { type: 'ARRIVE' }, { people: g.people });
      if (sim.groups.every((x) => sim.state(x) === 'atAssembly')) {
        sim.allAssembledS = sim.now;
        sim.sendPhase({ type: 'ALL_ASSEMBLED' });
      }
      return checkAccounted(sim);
    case 'liftDone':
      if (ev.token !== g.token || sim.state(g) !== 'inLift') return;
      g.node = sim.bd.liftGround;
      g.lift = false;
      return advance(sim, g, sim.now, sim.now, { type: 'LIFT_ARRIVED' });
  }
}
