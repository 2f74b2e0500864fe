import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createActor, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadScenario, runTrial } from '../../../engine/index.ts';
import { compileMachine, compiledInstance } from '../../../engine/machines/compileMachine.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { deliveryMachine } from '../../../engine/machines/delivery.machine.ts';
import { hazardSiteMachine } from '../../../engine/machines/hazardSite.machine.ts';
import { forestFireMachine } from '../../../engine/machines/forestFire.machine.ts';
import { flattenStateValue } from '../../../engine/machines/host.ts';
import { rainWarningMachine } from '../../../engine/machines/rainWarning.machine.ts';
import { responseLevelMachine } from '../../../engine/machines/responseLevel.machine.ts';
import { roadLinkMachine } from '../../../engine/machines/roadLink.machine.ts';
import { teamMachine } from '../../../engine/machines/team.machine.ts';

const rank = fc.integer({ min: 0, max: 4 });
const cases: { name: string; machine: AnyStateMachine; input?: fc.Arbitrary<unknown>; event: fc.Arbitrary<{ type: string }> }[] = [
  {
    name: 'rainWarning',
    machine: rainWarningMachine,
    input: fc.record({ cancelAfterDryHours: fc.integer({ min: 1, max: 6 }) }),
    event: rank.map((signal) => ({ type: 'HOUR', signal })),
  },
  {
    name: 'responseLevel',
    machine: responseLevelMachine,
    input: fc.record({ deescalateAfterHours: fc.integer({ min: 0, max: 5 }), endAfterHours: fc.integer({ min: 0, max: 5 }) }),
    event: fc.oneof(
      fc.record({ type: fc.constant('ASSESS'), rank, endMet: fc.boolean() }),
      fc.record({ type: fc.constant('EVIDENCE'), rank }),
      fc.record({ type: fc.constant('DECLARE'), rank }),
      fc.constant({ type: 'END' }),
    ),
  },
  { name: 'hazardSite', machine: hazardSiteMachine, event: fc.constantFrom('WATCH', 'CALM', 'EVACUATE', 'FAIL').map((type) => ({ type })) },
  { name: 'roadLink', machine: roadLinkMachine, event: fc.constantFrom('CUT', 'TEAM_ARRIVED', 'CLEARED').map((type) => ({ type })) },
  {
    name: 'team',
    machine: teamMachine,
    event: fc
      .constantFrom('DISPATCH', 'MOBILISED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED', 'TASK_DONE', 'RETURNED', 'RELEASE')
      .map((type) => ({ type })),
  },
  {
    name: 'forestFire',
    machine: forestFireMachine,
    event: fc.constantFrom('DETECT', 'CREW_ON_LINE', 'ESCAPE', 'CONTAIN', 'OUT').map((type) => ({ type })),
  },
  {
    name: 'delivery',
    machine: deliveryMachine,
    event: fc.constantFrom('LOADED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED').map((type) => ({ type })),
  },
];

describe('compiled flat tables behave exactly like the XState actors', () => {
  for (const c of cases) {
    it(`${c.name}: identical states and contexts for random event sequences`, () => {
      const table = compileMachine(c.machine);
      fc.assert(
        fc.property(c.input ?? fc.constant(undefined), fc.array(c.event, { maxLength: 60 }), (input, events) => {
          const actor = createActor(c.machine, input === undefined ? {} : { input: input as never }).start();
          const fast = compiledInstance(table, input);
          expect(fast.value).toBe(flattenStateValue(actor.getSnapshot().value));
          for (const e of events) {
            const before = fast.value;
            const changed = fast.send(e);
            // a final state takes no more events (XState warns if sent any)
            if (actor.getSnapshot().status !== 'done') actor.send(e as never);
            const snap = actor.getSnapshot();
            expect(fast.value).toBe(flattenStateValue(snap.value));
            expect(changed).toBe(before !== fast.value);
            expect(fast.context).toEqual(snap.context ?? {});
          }
          actor.stop();
        }),
        { numRuns: 300, seed: 20261125 },
      );
    });
  }

  it('refuses what it cannot compile faithfully', async () => {
    const { setup } = await import('xstate');
    const withEntry = setup({ actions: { noop: () => {} } }).createMachine({
      initial: 'a',
      states: { a: { entry: 'noop', on: { GO: 'b' } }, b: {} },
    });
    expect(() => compileMachine(withEntry)).toThrow(/entry\/exit/);
    const delayed = setup({}).createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } });
    expect(() => compileMachine(delayed)).toThrow(/not supported/);
  });

  it('whole fire-season trials are identical on both paths', () => {
    const text = readFileSync(new URL('../../../scenarios/shidian-forest-fire.yaml', import.meta.url), 'utf8');
    const r = loadScenario(text, 'shidian-forest-fire.yaml');
    if (!r.ok) throw new Error('scenario does not load');
    for (const seed of [1, 2, 3, 12]) {
      const a = runTrial(r.scenario, seed);
      const b = runTrial(r.scenario, seed, compiledMachines);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it('whole trials are identical on both paths', () => {
    const text = readFileSync(new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url), 'utf8');
    const r = loadScenario(text, 'lezhi-rainstorm.yaml');
    if (!r.ok) throw new Error('scenario does not load');
    for (const seed of [1, 2, 3, 5, 8, 13, 21, 34]) {
      const a = runTrial(r.scenario, seed);
      const b = runTrial(r.scenario, seed, compiledMachines);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });
});
