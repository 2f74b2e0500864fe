/** Who is travelling: a team or a relief delivery (by index). */
export type Owner = { kind: 'team'; index: number } | { kind: 'delivery'; index: number };

/** Internal kernel events (never logged as such; handlers log what happened). */
export type Agenda =
  | { k: 'hour'; hour: number }
  | { k: 'quake'; shock: number }
  | { k: 'siteFail'; site: number }
  | { k: 'mobilised'; team: number; leg: number }
  | { k: 'arrive'; owner: Owner; leg: number }
  | { k: 'reroute'; owner: Owner; leg: number; node: number }
  | { k: 'taskDone'; team: number; leg: number }
  | { k: 'loaded'; delivery: number }
  | { k: 'reliefDue'; village: number; round: number }
  | { k: 'resupply'; warehouse: number; quantities: number[] }
  | { k: 'stockCheck'; epoch: number }
  | { k: 'decision'; index: number }
  | { k: 'ignite'; site: number; day: number; n: number; level: number }
  | { k: 'fireDetect'; fire: number }
  | { k: 'fireLine'; team: number; leg: number }
  | { k: 'fireEscalate'; fire: number }
  | { k: 'fireContained'; fire: number; epoch: number }
  | { k: 'fireWui'; fire: number }
  | { k: 'fireOut'; fire: number };

/**
 * Priorities among events at the same minute: state changes of the world first (failures,
 * cuts), then movements, then the hourly assessment that reads the resulting state.
 */
export const PRIORITY: Record<Agenda['k'], number> = {
  quake: 0,
  ignite: 0,
  siteFail: 1,
  fireWui: 1,
  fireContained: 1,
  fireOut: 1,
  fireDetect: 1,
  fireEscalate: 2,
  fireLine: 3,
  taskDone: 2,
  arrive: 3,
  reroute: 3,
  mobilised: 4,
  loaded: 4,
  resupply: 5,
  // consumption at a rate: the next store to run out or to fall below its reorder level
  stockCheck: 5,
  reliefDue: 6,
  hour: 9,
  // a participant decides after seeing everything that happened at that minute
  decision: 10,
};

/** A journey over the road network, fixed at departure and re-planned when a cut lies ahead. */
export interface Travel {
  dest: number;
  departT: number;
  /** where it set out from, and the links in travel order (see `entryOf` for where and when each is entered) */
  from: number;
  links: number[];
  totalMinutes: number;
  leg: number;
}
