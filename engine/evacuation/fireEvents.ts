import { rngFor } from '../random/index.ts';
import { P_ENV, type EvacEvent } from './evacEvent.ts';
import type { EvacSim } from './evacSim.ts';
import { alertGroup, stopLift } from './groupFlow.ts';
import { smokeArrival } from './smoke.ts';

/** The fire's draws for one run: origin room (by weight), detection and alarm times, smoke front per edge. Times in seconds since ignition. */
export interface FireStart {
  /** Index into scenario building.rooms of the origin room. */
  room: number;
  /** Node index of the origin room. */
  origin: number;
  detectedS: number;
  alarmS: number;
  smokeAt: Float64Array;
  untenableAt: Float64Array;
}

/**
 * Draws the fire of one run from the scenario's `fire` block, each value on its own stream
 * (seed, 'evac', 'fire' | 'smoke', ...). Needs `sim.s`, `sim.seed` and `sim.bd` only. Pure.
 */
export function drawFire(sim: EvacSim): FireStart {
  const { s, bd } = sim;
  const origins = s.fire.origins;
  let u = rngFor(sim.seed, 'evac', 'fire', 'origin').next() * origins.reduce((a, o) => a + o.weight, 0);
  let pick = origins.length - 1;
  for (let i = 0; i < origins.length; i++) if ((u -= origins[i]!.weight) < 0) (pick = i), (i = origins.length);
  const room = s.building.rooms.findIndex((r) => r.id === origins[pick]!.room);
  const origin = bd.nodeIndex.get(s.building.rooms[room]!.node)!;
  const detectedS = sim.draw(s.fire.detection.delayS, 'fire', 'detection');
  const alarmS = detectedS + sim.draw(s.fire.alarmDelayS, 'fire', 'alarm');
  const sm = s.fire.smoke;
  const smokeAt = smokeArrival(bd, origin, sim.draw(sm.leaveRoomS, 'smoke', 'leave'), sim.draw(sm.spreadSpeedMS, 'smoke', 'speed'), sm.upStairFactor, sm.downStairFactor);
  const untenableAt = Float64Array.from(bd.edges, (e, i) => smokeAt[i]! + sim.draw(sm.untenableAfterS, 'smoke', 'untenable', e.id));
  return { room, origin, detectedS, alarmS, smokeAt, untenableAt };
}

/** Logs the ignition and queues detection, alarm and each edge's smoke and untenable times (in that insertion order). */
export function scheduleFire(sim: EvacSim, room: number): void {
  const r = sim.s.building.rooms[room]!;
  sim.log('fire.ignition', { room: r.id, node: r.node });
  sim.at(sim.detectedS, P_ENV, { k: 'detect' });
  sim.at(sim.alarmS, P_ENV, { k: 'alarm' });
  sim.bd.edges.forEach((_, i) => {
    sim.at(sim.smokeAt[i]!, P_ENV, { k: 'smoke', edge: i });
    sim.at(sim.untenableAt[i]!, P_ENV, { k: 'untenable', edge: i });
  });
}

/** Fire, smoke, brigade and extinguisher events. */
export type FireEvent = Extract<EvacEvent, { k: 'detect' | 'alarm' | 'smoke' | 'untenable' | 'brigadeGate' | 'brigadeAtFire' | 'brigadeOut' | 'fightReach' }>;

/** Handles one fire, smoke, brigade or extinguisher event at `sim.now`. Deterministic. */
export function handleFireEvent(sim: EvacSim, ev: FireEvent): void {
  switch (ev.k) {
    case 'detect':
      sim.log('fire.detected', { method: sim.s.fire.detection.method });
      sim.trigger('detection');
      for (const g of sim.groups) if (g.originRoom) alertGroup(sim, g, 'fire');
      return;
    case 'alarm':
      sim.log('alarm');
      sim.sendPhase({ type: 'ALARM' });
      sim.trigger('alarm');
      return;
    case 'smoke':
      if (sim.fireOutS <= sim.now) return;
      sim.smokyAt[ev.edge] = sim.now;
      sim.log('smoke.edge', { edge: sim.bd.edges[ev.edge]!.id });
      if (sim.bd.edges[ev.edge]!.liftLobby) stopLift(sim, 'smoke');
      for (const g of sim.groups) if (sim.bd.adj[g.node]!.some(([e]) => e === ev.edge) && sim.state(g) === 'inRoom') alertGroup(sim, g, 'smoke');
      return;
    case 'untenable':
      if (sim.fireOutS <= sim.now) return;
      sim.untenable[ev.edge] = 1;
      sim.log('edge.untenable', { edge: sim.bd.edges[ev.edge]!.id });
      return;
    case 'brigadeGate': {
      const guided = sim.engineGuideAt <= sim.now;
      sim.log('brigade.atGate', { guided });
      sim.at(sim.now + (guided ? 0 : sim.draw(sim.s.fire.brigade.unguidedExtraS, 'brigade', 'unguided')), P_ENV, { k: 'brigadeAtFire' });
      return;
    }
    case 'brigadeAtFire':
      sim.brigadeAtFireS = sim.now;
      sim.log('brigade.atFire');
      if (sim.fireOutS === Infinity) sim.at(sim.now + sim.draw(sim.s.fire.brigade.extinguishS, 'brigade', 'extinguish'), P_ENV, { k: 'brigadeOut' });
      return;
    case 'brigadeOut':
      return fireOut(sim, 'brigade');
    case 'fightReach':
      return fightReach(sim, ev.role, ev.attempt);
  }
}

/** Role `by` calls 119 now (first call only): the brigade reaches the gate after a draw on (seed, 'evac', 'brigade', 'arrival'). */
export function call119(sim: EvacSim, by: string): boolean {
  if (sim.call119S !== Infinity) return false;
  sim.call119S = sim.now;
  sim.call119By = by;
  sim.log('call119', { by });
  sim.at(sim.now + sim.draw(sim.s.fire.brigade.arrivalAfterCallS, 'brigade', 'arrival'), P_ENV, { k: 'brigadeGate' });
  return true;
}

/**
 * Role index `ri` reaches the fire with an extinguisher (attempt number `attempt`): knocks it
 * down with the plan's successProbability, on stream (seed, 'evac', 'role', id, 'fight', attempt),
 * unless the fire is out or past its incipient stage (`fire.incipientS`).
 */
export function fightReach(sim: EvacSim, ri: number, attempt: number): void {
  const role = sim.s.roles[ri]!;
  if (sim.fireOutS <= sim.now) return sim.log('fire.attempt', { role: role.id, result: 'alreadyOut' });
  const p = role.tasks.find((t) => t.kind === 'fightFire')?.successProbability ?? sim.s.roles.flatMap((r) => r.tasks).find((t) => t.kind === 'fightFire')?.successProbability ?? 0;
  const roll = rngFor(sim.seed, 'evac', 'role', role.id, 'fight', attempt).next();
  if (sim.now > sim.s.fire.incipientS) return sim.log('fire.attempt', { role: role.id, result: 'tooLate' });
  if (roll >= p) return sim.log('fire.attempt', { role: role.id, result: 'failed' });
  sim.log('fire.attempt', { role: role.id, result: 'knockedDown' });
  fireOut(sim, 'extinguisher');
}

/** The fire is out now (first time only): smoke stops spreading, the drill phase moves to all-clear. */
export function fireOut(sim: EvacSim, by: 'extinguisher' | 'brigade'): void {
  if (sim.fireOutS !== Infinity) return;
  sim.fireOutS = sim.now;
  sim.fireOutBy = by;
  sim.log('fire.out', { by });
  sim.sendPhase({ type: 'FIRE_OUT' });
  sim.sendPhase({ type: 'ALL_CLEAR' });
}
