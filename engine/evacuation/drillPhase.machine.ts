import { assign, setup } from 'xstate';

export type DrillPhaseEvent =
  | { type: 'ALARM' }
  | { type: 'EVACUATE' }
  | { type: 'ALL_ASSEMBLED' }
  | { type: 'HEADCOUNT' }
  | { type: 'FIRE_OUT' }
  | { type: 'ALL_CLEAR' };

/** Phases of a school fire drill, in order; `allClear` is final. */
export const DRILL_PHASES = ['normal', 'alarm', 'evacuating', 'assembled', 'headcountReported', 'allClear'] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number];

/**
 * The drill's phases (the specification the simulation follows): normal → alarm (警报) →
 * evacuating (the 总指挥 declares evacuation) → assembled (everyone at the 集合点) →
 * headcountReported (清点人数 reported to 119) → allClear, which needs the fire out
 * (`fireOut`, set by FIRE_OUT at any time: an extinguisher or the fire brigade). An evacuation
 * may be ordered before the bell, and a headcount reported before everyone has assembled (it
 * then reports people missing). Pure definition; no timers.
 */
export const drillPhaseMachine = setup({
  types: { context: {} as { fireOut: boolean }, events: {} as DrillPhaseEvent },
  actions: { markFireOut: assign({ fireOut: true }) },
  guards: { fireIsOut: ({ context }) => context.fireOut },
}).createMachine({
  id: 'drillPhase',
  context: { fireOut: false },
  initial: 'normal',
  on: { FIRE_OUT: { actions: 'markFireOut' } },
  states: {
    normal: { on: { ALARM: 'alarm', EVACUATE: 'evacuating' } },
    alarm: { on: { EVACUATE: 'evacuating' } },
    evacuating: { on: { ALL_ASSEMBLED: 'assembled', HEADCOUNT: 'headcountReported' } },
    assembled: { on: { HEADCOUNT: 'headcountReported' } },
    headcountReported: { on: { ALL_CLEAR: { target: 'allClear', guard: 'fireIsOut' } } },
    allClear: { type: 'final' },
  },
});
