import type { EvacuationScenario } from '../evacuation/schema.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { roadGraph, type RoadGraph } from './roadRoute.ts';
import { stockModel, type StockModel } from './stockRate.ts';

/** WGS84 [longitude °E, latitude °N]. */
export type LonLat = readonly [number, number];

/**
 * A move between two points over a time span (the log's time unit): straight, or along the road
 * nodes `via` (the route the mover takes, in order) when it is known.
 */
export interface Leg {
  from: LonLat;
  to: LonLat;
  departT: number;
  arriveT: number;
  via?: LonLat[];
}

/** The points a leg passes through, ends included. Pure. */
export function legPath(leg: Leg): LonLat[] {
  return [leg.from, ...(leg.via ?? []), leg.to];
}

/**
 * Where a leg puts its mover at time `t`: clamped to the leg's ends, moving at an even pace
 * along its path (the straight line, or the road nodes `via`). Pure.
 */
export function legPos(leg: Leg, t: number): LonLat {
  const span = leg.arriveT - leg.departT;
  const u = span <= 0 ? 1 : Math.min(1, Math.max(0, (t - leg.departT) / span));
  if (!leg.via?.length) return [leg.from[0] + (leg.to[0] - leg.from[0]) * u, leg.from[1] + (leg.to[1] - leg.from[1]) * u];
  const pts = legPath(leg);
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
  let left = u * total;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= d && d > 0) return [a[0] + ((b[0] - a[0]) * left) / d, a[1] + ((b[1] - a[1]) * left) / d];
    left -= d;
  }
  return pts[pts.length - 1]!;
}

/**
 * The static facts of a county scenario the playback reducer needs to place things: positions
 * of teams' bases, road-link midpoints, hazard sites (at their village), villages, warehouses,
 * and the initial stock and resupply parents. Built once per scenario. Pure.
 */
export interface CountyGeometry {
  teamBase: Map<string, LonLat>;
  /** the road network, and the nodes things stand at (routes follow the roads) */
  roads: RoadGraph;
  teamNode: Map<string, number>;
  /** a link's two end nodes (a clearing team works from the nearer) */
  linkNodes: Map<string, readonly [number, number]>;
  /** a hazard site's road node: its village's */
  siteNode: Map<string, number>;
  villageNode: Map<string, number>;
  /** a forest compartment's area, ha: the most one fire there can burn */
  siteForestHa: Map<string, number>;
  /** routes already planned, by from node, destinations and closed links (a memo: the same key always gives the same route) */
  routeMemo: Map<string, LonLat[] | null>;
  warehouseNode: Map<string, number>;
  linkMid: Map<string, LonLat>;
  sitePos: Map<string, LonLat>;
  villagePos: Map<string, LonLat>;
  warehousePos: Map<string, LonLat>;
  warehouseParent: Map<string, string | null>;
  /** warehouse id → item id → units at the start */
  initialStock: Map<string, Map<string, number>>;
  itemIds: string[];
  /** how the stores' stock moves: at a rate (automatic runs with consumption 'rate') or at each dispatch */
  stock: StockModel;
  linkIds: string[];
  siteIds: string[];
  teamIds: string[];
  shelterIds: string[];
}

/** `auto`: the log is of an automatic run (false: a drill, where trainees release the stock). */
export function countyGeometry(s: Scenario, auto = true): CountyGeometry {
  const node = new Map<string, LonLat>(s.roads.nodes.map((n) => [n.id, [n.position[0], n.position[1]] as const]));
  const at = (id: string): LonLat => node.get(id) ?? [0, 0];
  const villagePos = new Map<string, LonLat>(s.region.villages.map((v) => [v.id, [v.position[0], v.position[1]] as const]));
  const itemIds = s.reserves.items.map((i) => i.id);
  const roads = roadGraph(s);
  const ni = (id: string) => roads.index.get(id) ?? 0;
  const villageNode = new Map(s.region.villages.map((v) => [v.id, ni(v.node)]));
  return {
    teamBase: new Map(s.teams.map((t) => [t.id, at(t.node)])),
    roads,
    teamNode: new Map(s.teams.map((t) => [t.id, ni(t.node)])),
    linkNodes: new Map(s.roads.links.map((l) => [l.id, [ni(l.from), ni(l.to)] as const])),
    siteNode: new Map(s.hazardSites.map((h) => [h.id, villageNode.get(h.village) ?? 0])),
    villageNode,
    routeMemo: new Map(),
    siteForestHa: new Map(s.hazardSites.filter((h) => h.forest).map((h) => [h.id, h.forest!.areaHa])),
    warehouseNode: new Map(s.reserves.warehouses.map((w) => [w.id, ni(w.node)])),
    linkMid: new Map(
      s.roads.links.map((l) => {
        const a = at(l.from);
        const b = at(l.to);
        return [l.id, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const];
      }),
    ),
    sitePos: new Map(s.hazardSites.map((h) => [h.id, villagePos.get(h.village) ?? [0, 0]])),
    villagePos,
    warehousePos: new Map(s.reserves.warehouses.map((w) => [w.id, at(w.node)])),
    warehouseParent: new Map(s.reserves.warehouses.map((w) => [w.id, w.parent ?? null])),
    initialStock: new Map(s.reserves.warehouses.map((w) => [w.id, new Map(itemIds.map((i) => [i, w.stock[i] ?? 0]))])),
    itemIds,
    stock: stockModel(s, auto),
    linkIds: s.roads.links.map((l) => l.id),
    siteIds: s.hazardSites.map((h) => h.id),
    teamIds: s.teams.map((t) => t.id),
    shelterIds: s.shelters.map((h) => h.id),
  };
}

/** The static facts of a building the reducer needs: floors, each edge's floor and ends, each room's node. Pure. */
export interface BuildingGeometry {
  floorIds: string[];
  nodeFloor: Map<string, string>;
  edgeEnds: Map<string, readonly [string, string]>;
  edgeFloor: Map<string, string>;
  /** room id → its door node */
  roomNode: Map<string, string>;
  /** room id → people at the start (a fixed count; 0 when the file draws it) */
  roomPeople: Map<string, number>;
  assembly: string;
  lockedEdges: string[];
}

export function buildingGeometry(s: EvacuationScenario): BuildingGeometry {
  const b = s.building;
  const nodeFloor = new Map(b.nodes.map((n) => [n.id, n.floor]));
  return {
    floorIds: b.floors.map((f) => f.id),
    nodeFloor,
    edgeEnds: new Map(b.edges.map((e) => [e.id, [e.from, e.to] as const])),
    // a stair flight belongs to the floor it leaves from (the upper one in the shipped school)
    edgeFloor: new Map(b.edges.map((e) => [e.id, nodeFloor.get(e.from) ?? nodeFloor.get(e.to) ?? ''])),
    roomNode: new Map(b.rooms.map((r) => [r.id, r.node])),
    roomPeople: new Map(b.rooms.map((r) => [r.id, typeof r.occupants === 'number' ? r.occupants : 0])),
    assembly: b.assembly,
    lockedEdges: b.edges.filter((e) => e.locked).map((e) => e.id),
  };
}
