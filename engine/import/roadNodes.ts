import { GridIndex, planeKm, roundTo, type LocalPlane, type LonLat, type XY } from './geo.ts';
import type { Cut } from './roadJunctions.ts';
import type { PlacedLine } from './roadLines.ts';
import { UnionFind } from './unionFind.ts';

export interface GraphNode {
  id: string;
  position: LonLat;
}

/**
 * The graph's nodes, numbered as they are first asked for (n1, n2 …): each at the mean of the
 * line ends and cuts clustered into it.
 */
export interface RoadNodes {
  readonly nodes: GraphNode[];
  /** each node's position on the plane, km */
  readonly nodeXY: XY[];
  /** per line, the point numbers of its first and last vertex */
  readonly endNode: [number, number][];
  /** the node of a point (a line end, or a cut's `node`) */
  nodeFor(pointIndex: number): number;
  /** a node of its own at p (the middle of a loop) */
  extraNode(p: LonLat): number;
}

/**
 * Points — every line's ends and cuts (each line's cuts sorted along it and numbered in `node`)
 * — clustered within the tolerance (union–find over a grid) into nodes.
 */
export function roadNodes(lines: readonly PlacedLine[], cuts: Cut[][], plane: LocalPlane, snapKm: number): RoadNodes {
  const points: { xy: XY; lonlat: LonLat }[] = [];
  const endNode: [number, number][] = lines.map(() => [0, 0]);
  lines.forEach((l, li) => {
    endNode[li]![0] = points.length;
    points.push({ xy: l.xy[0]!, lonlat: l.coords[0]! });
    cuts[li]!.sort((x, y) => x.seg - y.seg || x.t - y.t);
    for (const c of cuts[li]!) {
      c.node = points.length;
      points.push({ xy: c.xy, lonlat: c.lonlat });
    }
    endNode[li]![1] = points.length;
    points.push({ xy: l.xy[l.xy.length - 1]!, lonlat: l.coords[l.coords.length - 1]! });
  });
  const sets = new UnionFind(points.length);
  const pgrid = new GridIndex<number>(Math.max(snapKm, 0.001) * 2);
  points.forEach((p, i) => {
    for (const j of pgrid.near(p.xy, snapKm)) if (planeKm(points[j]!.xy, p.xy) <= snapKm) sets.union(i, j);
    pgrid.add(i, p.xy[0], p.xy[1]);
  });
  const members = new Map<number, number[]>();
  points.forEach((_, i) => {
    const r = sets.find(i);
    members.set(r, [...(members.get(r) ?? []), i]);
  });
  const nodeOf = new Map<number, number>(); // root → node number
  const nodes: GraphNode[] = [];
  const nodeXY: XY[] = [];
  const nodeFor = (pointIndex: number): number => {
    const r = sets.find(pointIndex);
    let n = nodeOf.get(r);
    if (n === undefined) {
      const ms = members.get(r)!;
      const lon = ms.reduce((s, i) => s + points[i]!.lonlat[0], 0) / ms.length;
      const lat = ms.reduce((s, i) => s + points[i]!.lonlat[1], 0) / ms.length;
      n = nodes.length;
      nodeOf.set(r, n);
      const position: LonLat = [roundTo(lon, 6), roundTo(lat, 6)];
      nodes.push({ id: `n${n + 1}`, position });
      nodeXY.push(plane.toXY(position));
    }
    return n;
  };
  const extraNode = (p: LonLat): number => {
    const n = nodes.length;
    const position: LonLat = [roundTo(p[0], 6), roundTo(p[1], 6)];
    nodes.push({ id: `n${n + 1}`, position });
    nodeXY.push(plane.toXY(position));
    return n;
  };
  return { nodes, nodeXY, endNode, nodeFor, extraNode };
}
