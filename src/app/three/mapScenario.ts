import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { MapInfo } from '../net/types.ts';

type LonLat = [number, number];
/** `GET /api/drill`'s map as the server sends it: places and road nodes carry their positions (src/server/views.ts publicMap). */
type Positioned = { position?: LonLat };

/**
 * The scenario a live map draws, from the drill's public map (`GET /api/drill`): the same
 * geography the viewer's lists already show — townships, villages, roads, registered hazard
 * sites, shelters, stores — and only the teams and stock the server sent this viewer (a
 * trainee: its own; staff: all). No elevations (the ground is drawn flat), no hazard model.
 * Pure.
 */
export function scenarioFromMap(map: MapInfo): Scenario {
  const pos = (x: Positioned): LonLat => (Array.isArray(x.position) ? [Number(x.position[0]), Number(x.position[1])] : [0, 0]);
  const nodes = map.roads.nodes.map((n) => ({ id: n.id, position: pos(n as Positioned) }));
  return {
    id: map.id,
    name: map.region.name,
    region: {
      name: map.region.name,
      townships: map.region.townships.map((t) => ({ ...t, position: pos(t as Positioned) })),
      villages: map.region.villages.map((v) => ({ ...v, position: pos(v as Positioned) })),
    },
    roads: { nodes, links: map.roads.links.map((l) => ({ ...l, name: l.name ?? undefined })) },
    hazardSites: map.hazardSites,
    shelters: map.shelters,
    reserves: { items: map.items, warehouses: map.warehouses.map((w) => ({ ...w, stock: w.stock ?? {}, parent: null })) },
    teams: map.teams,
  } as unknown as Scenario;
}

/** Whether this browser can draw WebGL (a canvas gives a context); false where it cannot (the text view is shown instead). */
export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}
