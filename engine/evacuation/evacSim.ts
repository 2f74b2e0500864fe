import type { DistSpec } from '../random/index.ts';
import type { Building } from './building.ts';
import type { DrillPhaseEvent } from './drillPhase.machine.ts';
import type { EvacMode } from './evacDecision.ts';
import type { EvacEvent } from './evacEvent.ts';
import type { EvacGroupEvent, GroupState } from './evacGroup.machine.ts';
import type { GroupRun } from './groupRun.ts';
import type { EvacTrigger, EvacuationScenario } from './schema.ts';

/**
 * What the handlers beside the simulation (fireEvents.ts, dutyTasks.ts, groupFlow.ts,
 * applyEvacDecision.ts) read and change of a running evacuation: its clock (seconds since
 * ignition), queue, log, the building, the groups and the times of the duties' milestones.
 * `EvacuationSim` implements it; the handlers take this interface so that they do not import the
 * class that calls them (no import cycle).
 */
export interface EvacSim {
  readonly s: EvacuationScenario;
  readonly seed: number;
  readonly bd: Building;
  readonly mode: EvacMode;
  now: number;
  readonly groups: GroupRun[];
  readonly smokeAt: Float64Array;
  readonly untenableAt: Float64Array;
  readonly smokyAt: Float64Array;
  readonly untenable: Uint8Array;
  readonly freeAt: Float64Array;
  readonly backlog: { s: number; end: number; n: number }[][];
  readonly maxQueue: Float64Array;
  readonly maxWait: Float64Array;
  readonly triggers: Map<EvacTrigger, number>;
  readonly attempts: Map<number, number>;
  detectedS: number;
  alarmS: number;
  evacuationS: number;
  guidesAt: number;
  engineGuideAt: number;
  exitsOpenS: number;
  powerCutS: number;
  liftStoppedS: number;
  sweepDoneS: number;
  firstAidReadyS: number;
  call119S: number;
  call119By: string | null;
  fireOutS: number;
  fireOutBy: 'extinguisher' | 'brigade' | null;
  brigadeAtFireS: number;
  headcount: { atS: number; counted: number; missing: number } | null;
  allAssembledS: number;
  assembledPeople: number;

  draw(spec: DistSpec, ...path: (string | number)[]): number;
  log(type: string, fields?: Record<string, unknown>): void;
  at(t: number, prio: number, ev: EvacEvent): void;
  sendPhase(ev: DrillPhaseEvent): void;
  sendGroup(g: GroupRun, ev: EvacGroupEvent, fields?: Record<string, unknown>): void;
  state(g: GroupRun): GroupState;
  trigger(name: EvacTrigger): void;
  nextAttempt(ri: number): number;
  declareEvacuation(): boolean;
  alert(g: GroupRun, why: 'order' | 'fire' | 'smoke'): boolean;
  scheduleStart(g: GroupRun, t: number): void;
  passable: (e: number) => boolean;
  call119(by: string): boolean;
  reportHeadcount(): boolean;
}
