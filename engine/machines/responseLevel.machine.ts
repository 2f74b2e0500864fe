import { assign, setup } from 'xstate';

/** States of the county response, lowest to highest; rank = index. */
export const RESPONSE_STATES = ['none', 'IV', 'III', 'II', 'I'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number] | 'ended';

/**
 * ASSESS comes once an hour with the level whose start conditions hold now (`rank`, 0 = none)
 * and whether every end condition holds; EVIDENCE comes at once when something happens and
 * can only escalate.
 */
export type ResponseEvent =
  | { type: 'ASSESS'; rank: number; endMet: boolean }
  | { type: 'EVIDENCE'; rank: number }
  | { type: 'DECLARE'; rank: number }
  | { type: 'END' };

/**
 * County emergency response level (应急响应 Ⅳ→Ⅰ). Starts at the level whose conditions hold,
 * escalates at once (升级), steps down one level after the conditions of the current level have
 * failed for `deescalateAfterHours` hourly assessments (降级), and ends (终止) after the end
 * conditions have held for `endAfterHours`. Thresholds are scenario data; the sim evaluates them.
 * In a drill the commander decides instead: DECLARE sets any level (up or down) at once and
 * END ends an active response.
 */
export const responseLevelMachine = setup({
  types: {
    context: {} as { belowHours: number; endHours: number; deescalateAfter: number; endAfter: number },
    input: {} as { deescalateAfterHours: number; endAfterHours: number },
    events: {} as ResponseEvent,
  },
  guards: {
    rankIs: ({ event }, params: { rank: number }) => 'rank' in event && event.rank === params.rank,
    endDue: ({ context, event }) =>
      event.type === 'ASSESS' && event.endMet && context.endHours + 1 >= context.endAfter,
    stepDownDue: ({ context, event }, params: { rank: number }) =>
      event.type === 'ASSESS' && event.rank < params.rank && context.belowHours + 1 >= context.deescalateAfter,

  },
  actions: {
    resetCounters: assign({ belowHours: 0, endHours: 0 }),
    // a step down keeps counting toward the end: ending does not wait for the ladder
    resetBelow: assign({ belowHours: 0, endHours: ({ context, event }) => (event.type === 'ASSESS' && event.endMet ? context.endHours + 1 : 0) }),
    count: assign({
      belowHours: ({ context, event }, params: { rank: number }) =>
        'rank' in event && event.rank < params.rank ? context.belowHours + 1 : 0,
      endHours: ({ context, event }) => (event.type === 'ASSESS' && event.endMet ? context.endHours + 1 : 0),
    }),
  },
}).createMachine({
  id: 'responseLevel',
  context: ({ input }) => ({
    belowHours: 0,
    endHours: 0,
    deescalateAfter: input.deescalateAfterHours,
    endAfter: input.endAfterHours,
  }),
  initial: 'none',
  states: {
    ...Object.fromEntries(
      RESPONSE_STATES.map((name, rank) => {
        const up = RESPONSE_STATES.map((target, t) => ({ target, t }))
          .filter(({ t }) => t > rank)
          .reverse()
          .map(({ target, t }) => ({ guard: { type: 'rankIs' as const, params: { rank: t } }, target, actions: 'resetCounters' as const }));
        const declare = RESPONSE_STATES.map((target, t) => ({ target, t }))
          .filter(({ t }) => t !== rank && t > 0)
          .map(({ target, t }) => ({ guard: { type: 'rankIs' as const, params: { rank: t } }, target, actions: 'resetCounters' as const }));
        if (rank === 0) return [name, { on: { ASSESS: up, EVIDENCE: up, DECLARE: declare } }];
        const lower = RESPONSE_STATES[rank - 1]!;
        const assess = [
          ...up,
          { guard: 'endDue' as const, target: '#responseLevel.ended', actions: 'resetCounters' as const },
          // Step down one level, but never below "IV" by de-escalation: ending is its own decision.
          ...(rank > 1
            ? [{ guard: { type: 'stepDownDue' as const, params: { rank } }, target: lower, actions: 'resetBelow' as const }]
            : []),
          { actions: { type: 'count' as const, params: { rank } } },
        ];
        return [
          name,
          { on: { ASSESS: assess, EVIDENCE: up, DECLARE: declare, END: { target: '#responseLevel.ended', actions: 'resetCounters' as const } } },
        ];
      }),
    ),
    ended: { type: 'final' },
  },
});
