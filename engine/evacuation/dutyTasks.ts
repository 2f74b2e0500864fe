import type { EvacTrigger } from './schema.ts';
import { P_TASK } from './evacEvent.ts';
import type { EvacSim } from './evacSim.ts';
import { call119, fightReach } from './fireEvents.ts';
import { alertGroup, openExits, stopLift } from './groupFlow.ts';

/**
 * The seven duties' tasks (scenario `roles[].tasks`): scheduling them when their trigger
 * happens and what each does when done. Functions over an EvacSim at `sim.now` (seconds
 * since ignition); deterministic, pure apart from mutating the sim.
 */

/** Tasks that only decisions perform in 'manual' mode. */
export const MANUAL_TASKS: ReadonlySet<string> = new Set(['declareEvacuation', 'call119', 'fightFire', 'reportHeadcount']);

/**
 * A phase event happened (first time only): records it and queues the tasks it triggers, role by
 * role in file order, each after a draw on (seed, 'evac', 'role', id, 'task', task index).
 */
export function fireTrigger(sim: EvacSim, name: EvacTrigger): void {
  if (sim.triggers.has(name)) return;
  sim.triggers.set(name, sim.now);
  sim.s.roles.forEach((r, ri) => {
    if (!r.present) return;
    r.tasks.forEach((task, ti) => {
      if (task.after !== name || (sim.mode === 'manual' && MANUAL_TASKS.has(task.kind))) return;
      sim.at(sim.now + sim.draw(task.durationS, 'role', r.id, 'task', ti), P_TASK, { k: 'task', role: ri, task: ti });
    });
  });
}

/** Role index `ri` has finished its task index `ti` now: logs it and applies its effect. */
export function taskDone(sim: EvacSim, ri: number, ti: number): void {
  const role = sim.s.roles[ri]!;
  const task = role.tasks[ti]!;
  sim.log('role.task', { role: role.id, task: task.kind });
  switch (task.kind) {
    case 'declareEvacuation':
      declareEvacuation(sim);
      return;
    case 'reportHeadcount':
      reportHeadcount(sim);
      return;
    case 'sweepFloors':
      sim.sweepDoneS = Math.min(sim.sweepDoneS, sim.now);
      return;
    case 'call119':
      call119(sim, role.id);
      return;
    case 'guideFireEngine':
      sim.engineGuideAt = Math.min(sim.engineGuideAt, sim.now);
      return;
    case 'fightFire':
      return fightReach(sim, ri, nextAttempt(sim, ri));
    case 'openExits':
      return openExits(sim);
    case 'firstAidPost':
      sim.firstAidReadyS = Math.min(sim.firstAidReadyS, sim.now);
      return;
    case 'cutPower':
      sim.powerCutS = Math.min(sim.powerCutS, sim.now);
      return stopLift(sim, 'power');
    case 'guideStairs':
      sim.guidesAt = Math.min(sim.guidesAt, sim.now);
      return;
  }
}

/** The next extinguisher attempt number (1, 2, …) of role index `ri`; names its streams. */
export function nextAttempt(sim: EvacSim, ri: number): number {
  const n = (sim.attempts.get(ri) ?? 0) + 1;
  sim.attempts.set(ri, n);
  return n;
}

/** The evacuation is ordered now (first time only): every group still in its room is alerted, in group order. */
export function declareEvacuation(sim: EvacSim): boolean {
  if (sim.evacuationS !== Infinity) return false;
  sim.evacuationS = sim.now;
  sim.log('evacuation.declared');
  sim.sendPhase({ type: 'EVACUATE' });
  sim.trigger('evacuation');
  for (const g of sim.groups) alertGroup(sim, g, 'order');
  return true;
}

/** The headcount is reported now (first time only): people assembled so far versus everyone. */
export function reportHeadcount(sim: EvacSim): boolean {
  if (sim.headcount) return false;
  const total = sim.groups.reduce((a, g) => a + g.people, 0);
  sim.headcount = { atS: sim.now, counted: sim.assembledPeople, missing: total - sim.assembledPeople };
  sim.log('headcount.reported', { counted: sim.assembledPeople, missing: total - sim.assembledPeople });
  sim.sendPhase({ type: 'HEADCOUNT' });
  sim.sendPhase({ type: 'ALL_CLEAR' });
  return true;
}
