import { setup } from 'xstate';

export type EvacGroupEvent =
  | { type: 'ALERT' }
  | { type: 'START' }
  | { type: 'QUEUE' }
  | { type: 'ENTER' }
  | { type: 'NO_ROUTE' }
  | { type: 'ROUTE' }
  | { type: 'BOARD_LIFT' }
  | { type: 'LIFT_ARRIVED' }
  | { type: 'LIFT_STOPPED' }
  | { type: 'ARRIVE' };

/** States of one evacuating group (a class with its teacher, or an office). */
export const GROUP_STATES = ['inRoom', 'preMovement', 'moving', 'queued', 'stuck', 'inLift', 'atAssembly', 'trappedInLift'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

/**
 * One group (a class with its teacher): inRoom → preMovement (alarm heard, getting ready) →
 * moving ⇄ queued (waiting at a door or stair: a bottleneck) → atAssembly (final, at the
 * 集合点). With no passable route it is stuck (sheltering, awaiting rescue) until a route opens;
 * a group that takes the lift is inLift until it reaches the ground, or trappedInLift (final)
 * when the power is cut or smoke reaches the lift. Pure definition; no timers.
 */
export const evacGroupMachine = setup({
  types: { events: {} as EvacGroupEvent },
}).createMachine({
  id: 'evacGroup',
  initial: 'inRoom',
  states: {
    inRoom: { on: { ALERT: 'preMovement', NO_ROUTE: 'stuck' } },
    preMovement: { on: { START: 'moving', NO_ROUTE: 'stuck' } },
    moving: { on: { QUEUE: 'queued', NO_ROUTE: 'stuck', BOARD_LIFT: 'inLift', ARRIVE: 'atAssembly' } },
    queued: { on: { ENTER: 'moving' } },
    stuck: { on: { ROUTE: 'moving' } },
    inLift: { on: { LIFT_ARRIVED: 'moving', LIFT_STOPPED: 'trappedInLift' } },
    atAssembly: { type: 'final' },
    trappedInLift: { type: 'final' },
  },
});
