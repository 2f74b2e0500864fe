import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hazardSiteMachine, type HazardSiteEvent } from '../../../engine/machines/hazardSite.machine.ts';
import { actorInstance, flattenStateValue } from '../../../engine/machines/host.ts';
import { checkTableMachine, edges, expectFinalIgnores, reachableFrom, startActor, tableNext, type Table } from './graphHarness.ts';

/** The intended transitions (doc comment); an event not listed is ignored in that state. */
const TABLE: Table = {
  stable: { WATCH: 'watch.monitoring', FAIL: 'failed' },
  'watch.monitoring': { EVACUATE: 'watch.evacuated', CALM: 'stable', FAIL: 'failed' },
  'watch.evacuated': { FAIL: 'failed' },
  failed: {},
};
const TYPES: HazardSiteEvent['type'][] = ['WATCH', 'CALM', 'EVACUATE', 'FAIL'];

function site(events: HazardSiteEvent['type'][]) {
  const a = startActor(hazardSiteMachine);
  for (const type of events) a.send({ type });
  return a;
}
const valueAfter = (events: HazardSiteEvent['type'][]) => flattenStateValue(site(events).getSnapshot().value);

describe('hazardSite machine', () => {
  it('reaches exactly stable, watch.monitoring, watch.evacuated, failed; all paths replay; transitions match the table', () => {
    checkTableMachine(hazardSiteMachine, TABLE, ['failed']);
  });

  it('starts stable', () => {
    expect(startActor(hazardSiteMachine).getSnapshot().value).toBe('stable');
  });

  it('watch enters its monitoring substate', () => {
    expect(site(['WATCH']).getSnapshot().value).toEqual({ watch: 'monitoring' });
  });

  it('evacuation needs a watch first', () => {
    expect(valueAfter(['EVACUATE'])).toBe('stable');
    expect(valueAfter(['WATCH', 'EVACUATE'])).toBe('watch.evacuated');
  });

  it('a repeated WATCH does not undo an evacuation', () => {
    expect(valueAfter(['WATCH', 'EVACUATE', 'WATCH'])).toBe('watch.evacuated');
  });

  it('CALM stands a monitored site down, but not an evacuated one', () => {
    expect(valueAfter(['WATCH', 'CALM'])).toBe('stable');
    expect(valueAfter(['WATCH', 'EVACUATE', 'CALM'])).toBe('watch.evacuated');
    expect(valueAfter(['CALM'])).toBe('stable');
  });

  it.each([[[]], [['WATCH']], [['WATCH', 'EVACUATE']], [['WATCH', 'CALM']]] as const)(
    'fails from every live state (after %j)',
    (prefix) => {
      const a = site([...prefix, 'FAIL']);
      expect(a.getSnapshot().value).toBe('failed');
      expect(a.getSnapshot().status).toBe('done');
    },
  );

  it('failed is final: no event leaves it', () => {
    const a = site(['WATCH', 'EVACUATE', 'FAIL']);
    expectFinalIgnores(
      a,
      TYPES.map((type) => ({ type })),
    );
    expect(a.getSnapshot().value).toBe('failed');
  });

  it('every state can still fail, and nothing is reachable from failed', () => {
    const es = edges(hazardSiteMachine, { events: TYPES.map((type) => ({ type })) });
    for (const s of Object.keys(TABLE)) expect(reachableFrom(es, s).has('failed')).toBe(true);
    expect([...reachableFrom(es, 'failed')]).toEqual(['failed']);
  });

  it('property: the live actor and the host wrapper follow the table on random event sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TYPES), { maxLength: 40 }), (types) => {
        const a = startActor(hazardSiteMachine);
        const host = actorInstance(hazardSiteMachine);
        let ref = 'stable';
        for (const type of types) {
          if (ref === 'failed') break;
          const next = tableNext(TABLE, ref, type);
          a.send({ type });
          expect(flattenStateValue(a.getSnapshot().value)).toBe(next);
          expect(host.send({ type })).toBe(next !== ref);
          expect(host.value).toBe(next);
          ref = next;
        }
      }),
    );
  });
});
