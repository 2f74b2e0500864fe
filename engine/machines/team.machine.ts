import { setup } from 'xstate';

export type TeamEvent =
  | { type: 'DISPATCH' }
  | { type: 'MOBILISED' }
  | { type: 'NO_ROUTE' }
  | { type: 'ROUTE_FOUND' }
  | { type: 'ARRIVED' }
  | { type: 'TASK_DONE' }
  | { type: 'RETURNED' }
  | { type: 'RELEASE' };

/**
 * A rescue or road-clearing team (救援队): idle → mobilising (集结) → en route → on site →
 * returning → idle. With no open route it waits (waitingForRoute) until one opens, or is
 * released (RELEASE) to take work it can reach; a team on its way home can be sent straight
 * to a new task.
 */
export const teamMachine = setup({
  types: { events: {} as TeamEvent },
}).createMachine({
  id: 'team',
  initial: 'idle',
  states: {
    idle: { on: { DISPATCH: 'mobilising' } },
    mobilising: { on: { MOBILISED: 'enRoute', NO_ROUTE: 'waitingForRoute' } },
    waitingForRoute: { on: { ROUTE_FOUND: 'enRoute', RELEASE: 'idle' } },
    enRoute: { on: { ARRIVED: 'onSite', NO_ROUTE: 'waitingForRoute' } },
    onSite: { on: { TASK_DONE: 'returning' } },
    returning: { on: { RETURNED: 'idle', DISPATCH: 'enRoute' } },
  },
});
