import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { drillPhaseMachine, evacGroupMachine } from '../../../engine/evacuation/index.ts';
import { compileMachine, compiledInstance } from '../../../engine/machines/compileMachine.ts';
import { flattenStateValue } from '../../../engine/machines/host.ts';
import { checkTableMachine, reachedValues, replay, shortestPaths, simplePaths, type Exploration } from '../machines/graphHarness.ts';

const GROUP = {
  inRoom: { ALERT: 'preMovement', NO_ROUTE: 'stuck' },
  preMovement: { START: 'moving', NO_ROUTE: 'stuck' },
  moving: { QUEUE: 'queued', NO_ROUTE: 'stuck', BOARD_LIFT: 'inLift', ARRIVE: 'atAssembly' },
  queued: { ENTER: 'moving' },
  stuck: { ROUTE: 'moving' },
  inLift: { LIFT_ARRIVED: 'moving', LIFT_STOPPED: 'trappedInLift' },
  atAssembly: {},
  trappedInLift: {},
};
const PHASE_EVENTS = ['ALARM', 'EVACUATE', 'ALL_ASSEMBLED', 'HEADCOUNT', 'FIRE_OUT', 'ALL_CLEAR'].map((type) => ({ type }));

describe('evacuation statecharts', () => {
  it('group: exactly the table’s states; every shortest and simple path replays; finals are atAssembly and trappedInLift', () => {
    checkTableMachine(evacGroupMachine, GROUP, ['atAssembly', 'trappedInLift']);
  });

  it('drill phase: every phase is reachable, paths replay, allClear only with the fire out', () => {
    const x: Exploration = { events: PHASE_EVENTS };
    const shortest = shortestPaths(drillPhaseMachine, x);
    expect(reachedValues(shortest)).toEqual(['alarm', 'allClear', 'assembled', 'evacuating', 'headcountReported', 'normal']);
    for (const p of shortest) replay(drillPhaseMachine, p, x);
    const simple = simplePaths(drillPhaseMachine, x);
    for (const p of simple) {
      replay(drillPhaseMachine, p, x);
      const types = p.steps.map((s) => s.event.type);
      if (flattenStateValue(p.state.value) === 'allClear') {
        expect(types).toContain('FIRE_OUT');
        expect(types).toContain('HEADCOUNT');
        expect(p.state.status).toBe('done');
      }
    }
    const a = createActor(drillPhaseMachine).start();
    for (const type of ['ALARM', 'EVACUATE', 'ALL_ASSEMBLED', 'HEADCOUNT', 'ALL_CLEAR'] as const) a.send({ type });
    expect(a.getSnapshot().value).toBe('headcountReported');
    a.send({ type: 'FIRE_OUT' });
    a.send({ type: 'ALL_CLEAR' });
    expect(a.getSnapshot().value).toBe('allClear');
  });

  for (const [name, machine, events] of [
    ['drillPhase', drillPhaseMachine, PHASE_EVENTS.map((e) => e.type)],
    ['evacGroup', evacGroupMachine, [...new Set(Object.values(GROUP).flatMap((r) => Object.keys(r)))]],
  ] as const) {
    it(`${name}: the compiled flat table behaves exactly like the XState actor`, () => {
      const table = compileMachine(machine);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...events), { maxLength: 40 }), (seq) => {
          const actor = createActor(machine as typeof drillPhaseMachine).start();
          const fast = compiledInstance(table);
          for (const type of seq) {
            if (actor.getSnapshot().status === 'done') break;
            actor.send({ type } as never);
            fast.send({ type });
            expect(fast.value).toBe(flattenStateValue(actor.getSnapshot().value));
            expect(fast.context).toEqual(actor.getSnapshot().context ?? {});
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
