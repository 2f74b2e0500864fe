import { assign, setup } from 'xstate';

/** 暴雨 signal levels in rising order; rank = index (0 none, 1 blue … 4 red). */
export const WARNING_LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export type WarningState = (typeof WARNING_LEVELS)[number];

export type RainWarningEvent = { type: 'HOUR'; signal: number };

/**
 * Rainstorm warning signal (暴雨预警信号). Once an hour it hears the highest signal the observed
 * rainfall meets (`signal`, a rank). A higher signal is issued at once (upgrades skip levels).
 * A lower one replaces the current only after `cancelAfterDryHours` consecutive hours below the
 * current signal, and then it is the signal of that hour: a step down to the highest threshold
 * the rainfall still meets, or lifted when it meets none. So a step-down waits while any lower
 * threshold holds too. The wait is an assumption (the 2007 CMA order leaves changing and lifting
 * a signal to the issuing office and sets no waiting time); `cancelAfterDryHours` 1 is no wait:
 * the signal is the one computed each hour (scenario `warnings.downgrade: atOnce`).
 */
export const rainWarningMachine = setup({
  types: {
    context: {} as { quietHours: number; cancelAfter: number },
    input: {} as { cancelAfterDryHours: number },
    events: {} as RainWarningEvent,
  },
  guards: {
    signalIs: ({ event }, params: { rank: number }) => event.signal === params.rank,
    quietExpiresAt: ({ context, event }, params: { rank: number }) =>
      event.signal === params.rank && context.quietHours + 1 >= context.cancelAfter,
  },
  actions: {
    resetQuiet: assign({ quietHours: 0 }),
    countQuiet: assign({ quietHours: ({ context }) => context.quietHours + 1 }),
  },
}).createMachine({
  id: 'rainWarning',
  context: ({ input }) => ({ quietHours: 0, cancelAfter: input.cancelAfterDryHours }),
  initial: 'none',
  states: Object.fromEntries(
    WARNING_LEVELS.map((name, rank) => {
      const up = WARNING_LEVELS.map((target, t) => ({ target, t }))
        .filter(({ t }) => t > rank)
        .reverse()
        .map(({ target, t }) => ({ guard: { type: 'signalIs' as const, params: { rank: t } }, target, actions: 'resetQuiet' as const }));
      const down = WARNING_LEVELS.map((target, t) => ({ target, t }))
        .filter(({ t }) => t < rank)
        .map(({ target, t }) => ({ guard: { type: 'quietExpiresAt' as const, params: { rank: t } }, target, actions: 'resetQuiet' as const }));
      const stay =
        rank === 0
          ? []
          : [{ guard: { type: 'signalIs' as const, params: { rank } }, actions: 'resetQuiet' as const }, { actions: 'countQuiet' as const }];
      return [name, { on: { HOUR: [...up, ...down, ...stay] } }];
    }),
  ),
});
