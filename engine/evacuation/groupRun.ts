import type { MachineInstance } from '../machines/host.ts';
import type { EvacGroupEvent } from './evacGroup.machine.ts';

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
