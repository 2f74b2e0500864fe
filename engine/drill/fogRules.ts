/**
 * How the fog of war treats each type of engine event a county drill can log: who may see it
 * as it happens. One rule per type; test/engine/drill/fogReports.test.ts scans the engine's
 * sources for every type it logs and fails when one has no rule here, so a new event type
 * cannot reach a drill without someone deciding who sees it.
 *
 * - `public`: everyone (rain gauges, the weather office's signal, the county's own warning
 *   and response level, a road reopened);
 * - `site` / `village`: the positions with jurisdiction over the event's site or village
 *   (the county's and its township's); `fire`: over the site the fire was detected at;
 * - `team` / `warehouse` / `delivery` / `shelter`: the positions that own the team, the
 *   store (a delivery's store, from its dispatch) or the shelter;
 * - `by`: the position whose decision or report it is;
 * - `staff`: ground truth, staff only. A slide and a cut reach trainees only as intelligence
 *   reports (情况报告) `reportDelayMin` later (see `Fog.report`).
 *
 * Whatever the rule, an event a slide set off in the same minute (people taken into a
 * shelter, people without one, a village's call for relief) is staff-only: its counts are
 * ground truth, and the slide's report says what trainees may know of it. Pure data.
 */
export type FogRule = 'public' | 'site' | 'fire' | 'village' | 'team' | 'warehouse' | 'delivery' | 'shelter' | 'by' | 'staff';

export const FOG_RULES: Readonly<Record<string, FogRule>> = {
  'hazard.drawn': 'staff',
  'rain.hour': 'public',
  'quake.mainshock': 'staff',
  'quake.aftershock': 'staff',
  'warning.changed': 'public',
  'warning.issued': 'public',
  'response.changed': 'public',
  'site.watch': 'site',
  'site.calm': 'site',
  'site.evacuated': 'site',
  'site.failed': 'staff',
  'chain.triggered': 'staff',
  'road.cut': 'staff',
  'road.clearing': 'team',
  'road.reopened': 'public',
  'team.dispatched': 'team',
  'team.departed': 'team',
  'team.arrived': 'team',
  'team.rerouted': 'team',
  'team.noRoute': 'team',
  'team.taskDone': 'team',
  'team.returned': 'team',
  'team.released': 'team',
  'delivery.dispatched': 'warehouse',
  'delivery.arrived': 'delivery',
  'delivery.noRoute': 'delivery',
  'relief.requested': 'village',
  'relief.first': 'village',
  'relief.shortfall': 'warehouse',
  'relief.ended': 'village',
  'stock.out': 'warehouse',
  'resupply.requested': 'warehouse',
  'resupply.arrived': 'warehouse',
  'shelter.admitted': 'shelter',
  'shelter.overflow': 'village',
  'shelter.left': 'shelter',
  'shelter.opened': 'shelter',
  'fire.ignited': 'staff',
  'fire.merged': 'staff',
  'fire.detected': 'site',
  'fire.crewOnLine': 'team',
  'fire.escaped': 'site',
  'fire.contained': 'fire',
  'fire.out': 'fire',
  'fire.wui': 'site',
  'decision.applied': 'by',
  'decision.refused': 'staff',
  'report.submitted': 'by',
};
