import type { MachineFactory } from '../sim/trial.ts';
import { compileMachine, compiledInstance } from './compileMachine.ts';
import { deliveryMachine } from './delivery.machine.ts';
import { forestFireMachine } from './forestFire.machine.ts';
import { hazardSiteMachine } from './hazardSite.machine.ts';
import { rainWarningMachine } from './rainWarning.machine.ts';
import { responseLevelMachine } from './responseLevel.machine.ts';
import { roadLinkMachine } from './roadLink.machine.ts';
import { teamMachine } from './team.machine.ts';

const tables = {
  rainWarning: compileMachine(rainWarningMachine),
  hazardSite: compileMachine(hazardSiteMachine),
  roadLink: compileMachine(roadLinkMachine),
  responseLevel: compileMachine(responseLevelMachine),
  team: compileMachine(teamMachine),
  delivery: compileMachine(deliveryMachine),
  forestFire: compileMachine(forestFireMachine),
};

/**
 * The fast path: the same statecharts run from flat transition tables (no actor per
 * instance). Monte Carlo uses it; live drills use the XState actors (`xstateMachines`).
 */
export const compiledMachines: MachineFactory = {
  rainWarning: (input) => compiledInstance(tables.rainWarning, input),
  hazardSite: () => compiledInstance(tables.hazardSite),
  roadLink: () => compiledInstance(tables.roadLink),
  responseLevel: (input) => compiledInstance(tables.responseLevel, input),
  team: () => compiledInstance(tables.team),
  delivery: () => compiledInstance(tables.delivery),
  forestFire: () => compiledInstance(tables.forestFire),
};

export { tables as compiledTables };
