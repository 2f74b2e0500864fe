/**
 * The building-evacuation run's event vocabulary and same-second priorities. Pure data.
 * Times of the events themselves are seconds since ignition (see EvacuationSim).
 */

/** Priorities among events at the same second: fire and smoke, then roles, then decisions, then groups by index (FIFO ties by group id). */
export const P_ENV = 0;
export const P_TASK = 1;
export const P_DECISION = 2;
export const P_GROUP = 10;

/** One queued event of an evacuation run (`g` is a group's index, `role`/`task` indices into the scenario). */
export type EvacEvent =
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
