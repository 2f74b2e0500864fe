import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roadLinkMachine, type RoadLinkEvent } from '../../../engine/machines/roadLink.machine.ts';
import { actorInstance } from '../../../engine/machines/host.ts';
import { checkTableMachine, edges, reachableFrom, startActor, tableNext, type Table } from './graphHarness.ts';

const TABLE: Table = {
  open: { CUT: 'blocked' },
  blocked: { TEAM_ARRIVED: 'clearing' },
  clearing: { CLEARED: 'open', CUT: 'blocked' },
};
const TYPES: RoadLinkEvent['type'][] = ['CUT', 'TEAM_ARRIVED', 'CLEARED'];

function link(events: RoadLinkEvent['type'][]) {
  const a = startActor(roadLinkMachine);
  for (const type of events) a.send({ type });
  return a.getSnapshot().value;
}

describe('roadLink machine', () => {
  it('reaches exactly open, blocked, clearing; all paths replay; transitions match the table', () => {
    checkTableMachine(roadLinkMachine, TABLE, []);
  });

  it('open → blocked → clearing → open', () => {
    expect(link([])).toBe('open');
    expect(link(['CUT'])).toBe('blocked');
    expect(link(['CUT', 'TEAM_ARRIVED'])).toBe('clearing');
    expect(link(['CUT', 'TEAM_ARRIVED', 'CLEARED'])).toBe('open');
  });

  it('a CUT during clearing blocks the link again', () => {
    expect(link(['CUT', 'TEAM_ARRIVED', 'CUT'])).toBe('blocked');
    expect(link(['CUT', 'TEAM_ARRIVED', 'CUT', 'CLEARED'])).toBe('blocked');
    expect(link(['CUT', 'TEAM_ARRIVED', 'CUT', 'TEAM_ARRIVED', 'CLEARED'])).toBe('open');
  });

  it('only a team on site starts clearing; clearing only finishes what was started', () => {
    expect(link(['TEAM_ARRIVED'])).toBe('open');
    expect(link(['CLEARED'])).toBe('open');
    expect(link(['CUT', 'CLEARED'])).toBe('blocked');
    expect(link(['CUT', 'TEAM_ARRIVED', 'TEAM_ARRIVED'])).toBe('clearing');
  });

  it('a second CUT on a blocked link changes nothing (host reports no change)', () => {
    const host = actorInstance(roadLinkMachine);
    expect(host.send({ type: 'CUT' })).toBe(true);
    expect(host.send({ type: 'CUT' })).toBe(false);
    expect(host.value).toBe('blocked');
  });

  it('has no final state: every state reaches every other', () => {
    const es = edges(roadLinkMachine, { events: TYPES.map((type) => ({ type })) });
    for (const s of Object.keys(TABLE)) expect([...reachableFrom(es, s)].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('property: follows the table on random event sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TYPES), { maxLength: 60 }), (types) => {
        const a = startActor(roadLinkMachine);
        let ref = 'open';
        for (const type of types) {
          ref = tableNext(TABLE, ref, type);
          a.send({ type });
          expect(a.getSnapshot().value).toBe(ref);
          expect(a.getSnapshot().status).toBe('active');
        }
      }),
    );
  });
});
