import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { teamMachine, type TeamEvent } from '../../../engine/machines/team.machine.ts';
import { actorInstance } from '../../../engine/machines/host.ts';
import { checkTableMachine, edges, reachableFrom, startActor, tableNext, type Table } from './graphHarness.ts';

const TABLE: Table = {
  idle: { DISPATCH: 'mobilising' },
  mobilising: { MOBILISED: 'enRoute', NO_ROUTE: 'waitingForRoute' },
  waitingForRoute: { ROUTE_FOUND: 'enRoute' },
  enRoute: { ARRIVED: 'onSite', NO_ROUTE: 'waitingForRoute' },
  onSite: { TASK_DONE: 'returning' },
  returning: { RETURNED: 'idle', DISPATCH: 'enRoute' },
};
const TYPES: TeamEvent['type'][] = ['DISPATCH', 'MOBILISED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED', 'TASK_DONE', 'RETURNED'];

function team(events: TeamEvent['type'][]) {
  const a = startActor(teamMachine);
  for (const type of events) a.send({ type });
  return a.getSnapshot().value;
}

describe('team machine', () => {
  it('reaches exactly idle, mobilising, waitingForRoute, enRoute, onSite, returning; all paths replay; transitions match the table', () => {
    checkTableMachine(teamMachine, TABLE, []);
  });

  it('runs the full cycle idle → mobilising → enRoute → onSite → returning → idle', () => {
    const trace = ['DISPATCH', 'MOBILISED', 'ARRIVED', 'TASK_DONE', 'RETURNED'] as const;
    const seen: unknown[] = [];
    const a = startActor(teamMachine);
    for (const type of trace) {
      a.send({ type });
      seen.push(a.getSnapshot().value);
    }
    expect(seen).toEqual(['mobilising', 'enRoute', 'onSite', 'returning', 'idle']);
  });

  it('waits for a route when none is open, at mobilisation or on the way', () => {
    expect(team(['DISPATCH', 'NO_ROUTE'])).toBe('waitingForRoute');
    expect(team(['DISPATCH', 'MOBILISED', 'NO_ROUTE'])).toBe('waitingForRoute');
    expect(team(['DISPATCH', 'NO_ROUTE', 'ROUTE_FOUND'])).toBe('enRoute');
    expect(team(['DISPATCH', 'NO_ROUTE', 'ARRIVED'])).toBe('waitingForRoute');
  });

  it('a returning team can be re-dispatched straight to enRoute (no second mobilisation)', () => {
    expect(team(['DISPATCH', 'MOBILISED', 'ARRIVED', 'TASK_DONE', 'DISPATCH'])).toBe('enRoute');
    expect(team(['DISPATCH', 'MOBILISED', 'ARRIVED', 'TASK_DONE', 'DISPATCH', 'ARRIVED'])).toBe('onSite');
  });

  it('a busy team ignores DISPATCH', () => {
    const host = actorInstance(teamMachine);
    host.send({ type: 'DISPATCH' });
    expect(host.send({ type: 'DISPATCH' })).toBe(false);
    host.send({ type: 'NO_ROUTE' });
    expect(host.send({ type: 'DISPATCH' })).toBe(false);
    host.send({ type: 'ROUTE_FOUND' });
    expect(host.send({ type: 'DISPATCH' })).toBe(false);
    host.send({ type: 'ARRIVED' });
    expect(host.send({ type: 'DISPATCH' })).toBe(false);
    expect(host.value).toBe('onSite');
  });

  it('a team on site leaves only when the task is done', () => {
    for (const type of TYPES.filter((t) => t !== 'TASK_DONE')) expect(team(['DISPATCH', 'MOBILISED', 'ARRIVED', type])).toBe('onSite');
  });

  it('has no final state: every state gets back to idle and every state is reachable from idle', () => {
    const es = edges(teamMachine, { events: TYPES.map((type) => ({ type })) });
    for (const s of Object.keys(TABLE)) expect(reachableFrom(es, s).has('idle')).toBe(true);
    expect([...reachableFrom(es, 'idle')].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('property: follows the table on random event sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TYPES), { maxLength: 60 }), (types) => {
        const a = startActor(teamMachine);
        let ref = 'idle';
        for (const type of types) {
          ref = tableNext(TABLE, ref, type);
          a.send({ type });
          expect(a.getSnapshot().value).toBe(ref);
        }
      }),
    );
  });
});
