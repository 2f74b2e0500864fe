import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deliveryMachine, type DeliveryEvent } from '../../../engine/machines/delivery.machine.ts';
import { checkTableMachine, edges, expectFinalIgnores, reachableFrom, startActor, tableNext, type Table } from './graphHarness.ts';

const TABLE: Table = {
  loading: { LOADED: 'inTransit', NO_ROUTE: 'waitingForRoute' },
  waitingForRoute: { ROUTE_FOUND: 'inTransit' },
  inTransit: { ARRIVED: 'delivered', NO_ROUTE: 'waitingForRoute' },
  delivered: {},
};
const TYPES: DeliveryEvent['type'][] = ['LOADED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED'];

function delivery(events: DeliveryEvent['type'][]) {
  const a = startActor(deliveryMachine);
  for (const type of events) a.send({ type });
  return a;
}

describe('delivery machine', () => {
  it('reaches exactly loading, waitingForRoute, inTransit, delivered; all paths replay; transitions match the table', () => {
    checkTableMachine(deliveryMachine, TABLE, ['delivered']);
  });

  it('loading → inTransit → delivered', () => {
    expect(delivery([]).getSnapshot().value).toBe('loading');
    expect(delivery(['LOADED']).getSnapshot().value).toBe('inTransit');
    const a = delivery(['LOADED', 'ARRIVED']);
    expect(a.getSnapshot().value).toBe('delivered');
    expect(a.getSnapshot().status).toBe('done');
  });

  it('waits for a route when none is open, and a cut on the way sends it back to waiting', () => {
    expect(delivery(['NO_ROUTE']).getSnapshot().value).toBe('waitingForRoute');
    expect(delivery(['LOADED', 'NO_ROUTE']).getSnapshot().value).toBe('waitingForRoute');
    expect(delivery(['LOADED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED']).getSnapshot().value).toBe('delivered');
  });

  it('cannot arrive without being on the road', () => {
    expect(delivery(['ARRIVED']).getSnapshot().value).toBe('loading');
    expect(delivery(['NO_ROUTE', 'ARRIVED']).getSnapshot().value).toBe('waitingForRoute');
  });

  it('delivered is final: no event leaves it', () => {
    expectFinalIgnores(
      delivery(['LOADED', 'ARRIVED']),
      TYPES.map((type) => ({ type })),
    );
  });

  it('every live state can still be delivered; nothing is reachable from delivered', () => {
    const es = edges(deliveryMachine, { events: TYPES.map((type) => ({ type })) });
    for (const s of Object.keys(TABLE)) expect(reachableFrom(es, s).has('delivered')).toBe(true);
    expect([...reachableFrom(es, 'delivered')]).toEqual(['delivered']);
  });

  it('property: follows the table on random event sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TYPES), { maxLength: 40 }), (types) => {
        const a = startActor(deliveryMachine);
        let ref = 'loading';
        for (const type of types) {
          if (ref === 'delivered') break;
          ref = tableNext(TABLE, ref, type);
          a.send({ type });
          expect(a.getSnapshot().value).toBe(ref);
        }
      }),
    );
  });
});
