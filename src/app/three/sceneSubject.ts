import { legPos, type CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { Pickable } from './countyPicks.ts';
import type { CountyTerrain } from './countyTerrain.ts';

/** The thing on the county map an event is about, or a person picked: a road, a site, a team, a village, a store or a shelter. */
export type SubjectKind = 'link' | 'site' | 'team' | 'village' | 'warehouse' | 'shelter';
export interface Subject {
  kind: SubjectKind;
  id: string;
}

const s = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);

/**
 * What a county log event is about, for the camera to fly to: its road link first (a cut names
 * the site that cut it too), then its team, its site (a fire's site, from the state), its
 * shelter, the village of a relief or a delivery, its store. Null for county-wide events (rain,
 * warnings, response levels, reports). Pure.
 */
export function eventSubject(e: LogEvent, st: CountyState | null): Subject | null {
  const link = s(e.link);
  if (link) return { kind: 'link', id: link };
  const team = s(e.team);
  if (team) return { kind: 'team', id: team };
  const site = s(e.site) ?? (e.type.startsWith('fire.') && st ? (st.fires[String(e.fire)]?.site ?? null) : null);
  if (site) return { kind: 'site', id: site };
  const shelter = s(e.shelter);
  if (shelter) return { kind: 'shelter', id: shelter };
  const village = s(e.village) ?? (e.type.startsWith('delivery.') && st ? (st.deliveries[String(e.delivery)]?.village ?? null) : null);
  if (village) return { kind: 'village', id: village };
  const wh = s(e.warehouse);
  if (wh) return { kind: 'warehouse', id: wh };
  return null;
}

/**
 * Where a subject is drawn now (scene units): a team where it stands or moves at time `t`, a road
 * at its middle, the rest where the scene puts them (the pickables' places). Null for an unknown id. Pure.
 */
export function subjectAt(sc: Scenario, terrain: CountyTerrain, picks: ReadonlyMap<string, Pickable>, st: CountyState, t: number, subj: Subject): [number, number, number] | null {
  if (subj.kind === 'team') {
    const tm = st.teams[subj.id];
    if (!tm) return null;
    const ll = tm.leg ? legPos(tm.leg, t) : tm.pos;
    const [x, z] = terrain.project(ll[0], ll[1]);
    return [x, terrain.heightAt(x, z) + 0.45, z];
  }
  const p = picks.get(`${subj.kind}:${subj.id}`);
  if (!p) return null;
  if (p.to) return [(p.at[0] + p.to[0]) / 2, (p.at[1] + p.to[1]) / 2, (p.at[2] + p.to[2]) / 2];
  return [p.at[0], p.at[1], p.at[2]];
}

/** The scenario's pickables by `kind:id`, for subjectAt. Pure. */
export function pickIndex(items: readonly Pickable[]): Map<string, Pickable> {
  return new Map(items.map((p) => [`${p.kind}:${p.id}`, p]));
}

/** Does the scenario (as this view may draw it) have this subject at all? Teams: only those it knows. Pure. */
export function subjectKnown(sc: Scenario, subj: Subject): boolean {
  switch (subj.kind) {
    case 'team':
      return sc.teams.some((t) => t.id === subj.id);
    case 'link':
      return sc.roads.links.some((l) => l.id === subj.id);
    case 'site':
      return sc.hazardSites.some((h) => h.id === subj.id);
    case 'village':
      return sc.region.villages.some((v) => v.id === subj.id);
    case 'warehouse':
      return sc.reserves.warehouses.some((w) => w.id === subj.id);
    case 'shelter':
      return sc.shelters.some((h) => h.id === subj.id);
  }
}
