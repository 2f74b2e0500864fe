import { setup } from 'xstate';

export type DeliveryEvent = { type: 'LOADED' } | { type: 'NO_ROUTE' } | { type: 'ROUTE_FOUND' } | { type: 'ARRIVED' };

/**
 * A relief delivery (物资调运) from a warehouse to a village: loading → in transit → delivered;
 * with no open route it waits for one (a cut on the way sends it back to waiting).
 */
export const deliveryMachine = setup({
  types: { events: {} as DeliveryEvent },
}).createMachine({
  id: 'delivery',
  initial: 'loading',
  states: {
    loading: { on: { LOADED: 'inTransit', NO_ROUTE: 'waitingForRoute' } },
    waitingForRoute: { on: { ROUTE_FOUND: 'inTransit' } },
    inTransit: { on: { ARRIVED: 'delivered', NO_ROUTE: 'waitingForRoute' } },
    delivered: { type: 'final' },
  },
});
