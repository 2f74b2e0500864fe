import { describe, expect, it } from 'vitest';
import { forestFireMachine, type ForestFireEvent } from '../../../engine/machines/forestFire.machine.ts';
import { checkTableMachine, edges, expectFinalIgnores, reachableFrom, startActor, type Table } from './graphHarness.ts';

/** The intended transitions (doc comment); an event not listed is ignored in that state. */
const TABLE: Table = {
  burning: { DETECT: 'detected' },
  detected: { CREW_ON_LINE: 'initialAttack', ESCAPE: 'extendedAttack' },
  initialAttack: { CONTAIN: 'contained', ESCAPE: 'extendedAttack' },
  extendedAttack: { CONTAIN: 'contained' },
  contained: { OUT: 'out' },
  out: {},
};
const TYPES: ForestFireEvent['type'][] = ['DETECT', 'CREW_ON_LINE', 'ESCAPE', 'CONTAIN', 'OUT'];

describe('forestFire machine', () => {
  it('reaches exactly its six states; all shortest and simple paths replay; transitions match the table', () => {
    checkTableMachine(forestFireMachine, TABLE, ['out']);
  });

  it('a fire cannot be contained before crews are on it, nor be out before it is contained', () => {
    const a = startActor(forestFireMachine);
    for (const type of ['CONTAIN', 'OUT', 'DETECT', 'CONTAIN', 'OUT'] as const) a.send({ type });
    expect(a.getSnapshot().value).toBe('detected');
  });

  it('every live state can still end out; out is final and ignores everything', () => {
    const es = edges(forestFireMachine, { events: TYPES.map((type) => ({ type })) });
    for (const s of Object.keys(TABLE)) expect(reachableFrom(es, s).has('out')).toBe(true);
    const a = startActor(forestFireMachine);
    for (const type of ['DETECT', 'CREW_ON_LINE', 'ESCAPE', 'CONTAIN', 'OUT'] as const) a.send({ type });
    expectFinalIgnores(a, TYPES.map((type) => ({ type })));
  });
});
