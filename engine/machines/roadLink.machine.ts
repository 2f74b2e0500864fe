import { setup } from 'xstate';

export type RoadLinkEvent = { type: 'CUT' } | { type: 'TEAM_ARRIVED' } | { type: 'CLEARED' };

/**
 * A road link: open → blocked (断) → clearing (抢通) → open. A new slide during clearing
 * blocks it again; only a team on site starts clearing.
 */
export const roadLinkMachine = setup({
  types: { events: {} as RoadLinkEvent },
}).createMachine({
  id: 'roadLink',
  initial: 'open',
  states: {
    open: { on: { CUT: 'blocked' } },
    blocked: { on: { TEAM_ARRIVED: 'clearing' } },
    clearing: { on: { CLEARED: 'open', CUT: 'blocked' } },
  },
});
