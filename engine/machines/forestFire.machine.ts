import { setup } from 'xstate';

export type ForestFireEvent =
  | { type: 'DETECT' }
  | { type: 'CREW_ON_LINE' }
  | { type: 'ESCAPE' }
  | { type: 'CONTAIN' }
  | { type: 'OUT' };

/**
 * One forest fire (森林火灾): burning unseen → detected (发现, 报警) → initialAttack (首攻: the
 * first crews on the fireline) → contained (控制: line around the whole perimeter) → out (扑灭,
 * after mop-up 清理余火). A fire not contained in time escapes (ESCAPE: 跑火) into extendedAttack
 * (增援扑救) until contained. A found fire with no crew yet can escape too. Final: out.
 * The sim (engine/sim/fire.ts) decides when each event happens; the chart says what may follow.
 */
export const forestFireMachine = setup({
  types: { events: {} as ForestFireEvent },
}).createMachine({
  id: 'forestFire',
  initial: 'burning',
  states: {
    burning: { on: { DETECT: 'detected' } },
    detected: { on: { CREW_ON_LINE: 'initialAttack', ESCAPE: 'extendedAttack' } },
    initialAttack: { on: { CONTAIN: 'contained', ESCAPE: 'extendedAttack' } },
    extendedAttack: { on: { CONTAIN: 'contained' } },
    contained: { on: { OUT: 'out' } },
    out: { type: 'final' },
  },
});
