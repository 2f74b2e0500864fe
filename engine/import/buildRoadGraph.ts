/**
 * Road layer → road graph, as SUMO's netconvert does for a network: nodes at line ends, at
 * crossings and where an end lies on another road within the snapping tolerance; links are the
 * pieces between nodes, their lengths measured along the geometry (great circle), their speeds
 * from the road class table (roadClass.ts) unless the feature gives one. Reports empty and
 * non-line geometries, projected coordinates, self-crossings (errors), unknown classes, pieces
 * not connected to the main network and dangling ends that nearly meet a road (warnings). Pure.
 * The steps have their files: roadLines, roadJunctions, roadNodes, roadLinks, roadPieces.
 */
import { localPlane, type LocalPlane } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
import { junctionCuts } from './roadJunctions.ts';
import { roadLines, type PlacedLine, type RoadFeature } from './roadLines.ts';
import { roadLinks, type GraphLink } from './roadLinks.ts';
import { roadNodes, type GraphNode } from './roadNodes.ts';
import { roadPieces } from './roadPieces.ts';

export interface RoadGraphOptions {
  /** file name shown in problems, e.g. roads.shp */
  file: string;
  /** ends and crossings closer than this are one node, metres (default 20) */
  snapM?: number;
  /** a dangling end this close to another road is reported, metres (default 100) */
  danglingM?: number;
}

export interface RoadGraph {
  file: string;
  snapM: number;
  nodes: GraphNode[];
  links: GraphLink[];
  /** node ids of the largest connected piece */
  mainNodes: ReadonlySet<string>;
  plane: LocalPlane;
  bounds: { minLon: number; maxLon: number; minLat: number; maxLat: number };
  stats: { features: number; links: number; nodes: number; crossings: number; pieces: number; deadEnds: number };
}

/** Builds the graph; `problems` gets every located problem. Returns undefined when nothing usable is left. Pure. */
export function buildRoadGraph(features: readonly RoadFeature[], options: RoadGraphOptions, problems: ProblemList): RoadGraph | undefined {
  const file = options.file;
  const snapM = options.snapM ?? 20;
  const snapKm = snapM / 1000;
  const danglingKm = (options.danglingM ?? 100) / 1000;
  const raw = roadLines(features, file, problems);
  if (!raw) return undefined;
  // the local plane around the layer's centre
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const l of raw)
    for (const [lon, lat] of l.coords) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  const plane = localPlane((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const lines: PlacedLine[] = raw.map((l) => ({ ...l, xy: l.coords.map((p) => plane.toXY(p)) }));
  const junctions = junctionCuts(lines, plane, snapKm, file, problems);
  if (!junctions) return undefined;
  const at = roadNodes(lines, junctions.cuts, plane, snapKm);
  const links = roadLinks(lines, junctions.cuts, at, snapKm);
  const { mainNodes, pieces, deadEnds } = roadPieces(at, links, plane, snapM, danglingKm, file, problems);
  const nodes = at.nodes;
  return {
    file,
    snapM,
    nodes,
    links,
    mainNodes,
    plane,
    bounds: { minLon, maxLon, minLat, maxLat },
    stats: { features: features.length, links: links.length, nodes: nodes.length, crossings: junctions.crossings, pieces, deadEnds },
  };
}
