/**
 * The event vocabulary each model's playback reducer handles, by model. Pure data.
 * test/engine/playback/vocabulary.test.ts scans the engine's sources for every event type it
 * logs (`tr.log.add(…, 'x'`, `sim.log('x'`) and fails when one is missing here, so a new event
 * type cannot reach a log without the playback knowing what it means.
 */

/** County chain events (`model` absent): the log's `t` is simulated minutes since the start. */
export const COUNTY_EVENT_TYPES = [
  'hazard.drawn',
  'rain.hour',
  'quake.mainshock',
  'quake.aftershock',
  'warning.changed',
  'warning.issued',
  'response.changed',
  'site.watch',
  'site.calm',
  'site.evacuated',
  'site.failed',
  'chain.triggered',
  'road.cut',
  'road.clearing',
  'road.reopened',
  'team.dispatched',
  'team.departed',
  'team.arrived',
  'team.rerouted',
  'team.noRoute',
  'team.taskDone',
  'team.returned',
  'team.released',
  'delivery.dispatched',
  'delivery.arrived',
  'delivery.noRoute',
  'relief.requested',
  'relief.first',
  'relief.shortfall',
  'relief.ended',
  'stock.out',
  'resupply.requested',
  'resupply.arrived',
  'shelter.admitted',
  'shelter.overflow',
  'shelter.left',
  'shelter.opened',
  'fire.ignited',
  'fire.merged',
  'fire.detected',
  'fire.crewOnLine',
  'fire.escaped',
  'fire.contained',
  'fire.out',
  'fire.wui',
  'decision.applied',
  'decision.refused',
  'report.submitted',
] as const;
export type CountyEventType = (typeof COUNTY_EVENT_TYPES)[number];

/** Building events (`model: evacuation`): the log's `t` is seconds since ignition. */
export const BUILDING_EVENT_TYPES = [
  'fire.ignition',
  'fire.detected',
  'alarm',
  'phase',
  'smoke.edge',
  'edge.untenable',
  'brigade.atGate',
  'brigade.atFire',
  'call119',
  'fire.attempt',
  'fire.out',
  'role.task',
  'evacuation.declared',
  'headcount.reported',
  'group.state',
  'group.edge',
  'group.reroute',
  'lift.stopped',
  'exits.opened',
  'decision.applied',
  'decision.refused',
] as const;
export type BuildingEventType = (typeof BUILDING_EVENT_TYPES)[number];

/** Events the timeline marks as moments of the disaster chain (county) or of the fire (building). */
export const CHAIN_MARKERS: ReadonlySet<string> = new Set([
  'site.failed',
  'chain.triggered',
  'road.cut',
  'road.reopened',
  'response.changed',
  'warning.changed',
  'quake.mainshock',
  'fire.ignited',
  'fire.escaped',
  'fire.wui',
  'fire.ignition',
  'alarm',
  'phase',
  'edge.untenable',
  'fire.out',
]);

/** Events that record a person's decision (drill or `run --decisions`). */
export const DECISION_MARKERS: ReadonlySet<string> = new Set(['decision.applied', 'decision.refused', 'report.submitted', 'warning.issued']);
