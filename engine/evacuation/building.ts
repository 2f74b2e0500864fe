import type { EvacuationScenario } from './schema.ts';

/** SFPE stair speed constant k by tread depth (m): 7.5/10 in → 1.00 … 6.5/13 in → 1.23 (SFPE Handbook, hydraulic model). */
const SFPE_TREAD: readonly [number, number][] = [
  [0.254, 1.0],
  [0.279, 1.08],
  [0.305, 1.16],
  [0.33, 1.23],
];
/** Reference k the scenario's stairSpeedMS is taken to mean (a 7/11 stair, the common reference). */
const SFPE_K_REF = 1.08;

/**
 * Walking-speed factor of a stair from its tread depth, relative to a 7/11 in stair, by linear
 * interpolation in the SFPE table (clamped at its ends). Pure; dimensionless.
 */
export function treadSpeedFactor(treadM: number): number {
  const t = SFPE_TREAD;
  if (treadM <= t[0]![0]) return t[0]![1] / SFPE_K_REF;
  for (let i = 1; i < t.length; i++) {
    const [x1, k1] = t[i]!;
    const [x0, k0] = t[i - 1]!;
    if (treadM <= x1) return (k0 + ((treadM - x0) / (x1 - x0)) * (k1 - k0)) / SFPE_K_REF;
  }
  return t[t.length - 1]![1] / SFPE_K_REF;
}

/** One walkable edge, indexed: capacity and speed from the hydraulic model. */
export interface BEdge {
  id: string;
  kind: EvacuationScenario['building']['edges'][number]['kind'];
  a: number;
  b: number;
  lengthM: number;
  /** effective width (clear width minus a boundary layer each side), m */
  effWidthM: number;
  /** maximum flow with a guide present, persons/s = specific flow × effective width */
  capacity: number;
  /** walking speed, m/s */
  speed: number;
  /** stair index, −1 when not a stair flight */
  stair: number;
  locked: boolean;
  /** touches a lift stop (lift lobby): smoke here stops the lift */
  liftLobby: boolean;
}

/** The building compiled to indexed arrays for the simulation. Pure data. */
export interface Building {
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  nodeLevel: number[];
  nodeKind: string[];
  edges: BEdge[];
  edgeIndex: Map<string, number>;
  /** per node: [edge index, other end] */
  adj: [number, number][][];
  stairIds: string[];
  assembly: number;
  /** lift stop node per floor level (absent levels have none) */
  liftStopByLevel: Map<number, number>;
  liftGround: number;
}

/** Compiles a loaded scenario's building. Pure. */
export function compileBuilding(s: EvacuationScenario): Building {
  const b = s.building;
  const f = s.flow;
  const levelOf = new Map(b.floors.map((x) => [x.id, x.level]));
  const nodeIds = b.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const nodeLevel = b.nodes.map((n) => levelOf.get(n.floor) ?? 0);
  const nodeKind = b.nodes.map((n) => n.kind);
  const stairIds = b.stairs.map((x) => x.id);
  const edges: BEdge[] = b.edges.map((e) => {
    const isStair = e.kind === 'stair';
    const effWidthM = Math.max(0, e.widthM - 2 * f.boundaryLayerM);
    const specific = isStair ? f.stairSpecificFlow : f.levelSpecificFlow;
    const base = isStair ? f.stairSpeedMS * (e.tread ? treadSpeedFactor(e.tread.treadM) : 1) : f.levelSpeedMS;
    const a = nodeIndex.get(e.from)!;
    const z = nodeIndex.get(e.to)!;
    return {
      id: e.id,
      kind: e.kind,
      a,
      b: z,
      lengthM: e.lengthM,
      effWidthM,
      capacity: specific * effWidthM,
      speed: base * (e.speedFactor ?? 1),
      stair: isStair && e.stair !== undefined ? stairIds.indexOf(e.stair) : -1,
      locked: e.locked ?? false,
      liftLobby: nodeKind[a] === 'lift' || nodeKind[z] === 'lift',
    };
  });
  const adj: [number, number][][] = nodeIds.map(() => []);
  edges.forEach((e, i) => {
    adj[e.a]!.push([i, e.b]);
    adj[e.b]!.push([i, e.a]);
  });
  const liftStopByLevel = new Map<number, number>();
  for (const id of b.lift?.stops ?? []) {
    const n = nodeIndex.get(id)!;
    liftStopByLevel.set(nodeLevel[n]!, n);
  }
  return {
    nodeIds,
    nodeIndex,
    nodeLevel,
    nodeKind,
    edges,
    edgeIndex: new Map(edges.map((e, i) => [e.id, i])),
    adj,
    stairIds,
    assembly: nodeIndex.get(b.assembly)!,
    liftStopByLevel,
    liftGround: b.lift ? nodeIndex.get(b.lift.stops[0]!)! : -1,
  };
}

/**
 * Shortest walking-time path (seconds at free speed) from `from` to `to` over the edges
 * `passable` admits, never passing through a lift stop (it may end at one). Ties break on the
 * lower edge index, so the result is deterministic. Returns edge indices, [] when from = to,
 * or null when there is no path. Pure (O(V²), buildings are small).
 */
export function shortestPath(bd: Building, from: number, to: number, passable: (edge: number) => boolean): number[] | null {
  const n = bd.nodeIds.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0 || u === to) break;
    done[u] = 1;
    if (u !== from && bd.nodeKind[u] === 'lift') continue;
    for (const [e, w] of bd.adj[u]!) {
      if (done[w] || !passable(e)) continue;
      const edge = bd.edges[e]!;
      const d = dist[u]! + edge.lengthM / edge.speed;
      if (d < dist[w]! || (d === dist[w]! && e < (via[w] ?? -1))) {
        dist[w] = d;
        via[w] = e;
      }
    }
  }
  if (!(dist[to]! < Infinity)) return null;
  const path: number[] = [];
  for (let v = to; v !== from; ) {
    const e = via[v]!;
    path.push(e);
    const edge = bd.edges[e]!;
    v = edge.a === v ? edge.b : edge.a;
  }
  return path.reverse();
}
