import { setup } from 'xstate';

export type HazardSiteEvent = { type: 'WATCH' } | { type: 'CALM' } | { type: 'EVACUATE' } | { type: 'FAIL' };

/**
 * A geological hazard site (地灾隐患点): stable → watch (巡查, people on alert) → failed.
 * While watched, people may be evacuated (转移) before the slope fails; a failure is final.
 * Whether the people were evacuated when it failed decides the casualties (engine/sim).
 */
export const hazardSiteMachine = setup({
  types: { events: {} as HazardSiteEvent },
}).createMachine({
  id: 'hazardSite',
  initial: 'stable',
  states: {
    stable: { on: { WATCH: 'watch', FAIL: 'failed' } },
    watch: {
      initial: 'monitoring',
      states: {
        monitoring: { on: { EVACUATE: 'evacuated', CALM: '#hazardSite.stable' } },
        evacuated: {},
      },
      on: { FAIL: 'failed' },
    },
    failed: { type: 'final' },
  },
});
