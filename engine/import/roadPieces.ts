import { closestOnSegment, GridIndex, type LocalPlane } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
import type { GraphLink } from './roadLinks.ts';
import type { RoadNodes } from './roadNodes.ts';
import { UnionFind } from './unionFind.ts';

/**
 * The network's connected pieces: the largest (most links) is the main network, each other one
 * is a located warning; and its dead ends, warning where one nearly meets another road (closer
 * than `danglingKm` but beyond the snapping tolerance: a missed junction?).
 */
export function roadPieces(at: RoadNodes, links: readonly GraphLink[], plane: LocalPlane, snapM: number, danglingKm: number, file: string, problems: ProblemList): { mainNodes: Set<string>; pieces: number; deadEnds: number } {
  const { nodes, nodeXY } = at;
  const snapKm = snapM / 1000;
  const sets = new UnionFind(nodes.length);
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const degree = nodes.map(() => 0);
  for (const l of links) {
    const a = idx.get(l.from)!;
    const b = idx.get(l.to)!;
    degree[a]!++;
    degree[b]!++;
    sets.union(a, b);
  }
  const pieces = new Map<number, { nodes: number[]; links: GraphLink[] }>();
  nodes.forEach((_, i) => {
    const r = sets.find(i);
    const p = pieces.get(r) ?? { nodes: [], links: [] };
    p.nodes.push(i);
    pieces.set(r, p);
  });
  for (const l of links) pieces.get(sets.find(idx.get(l.from)!))!.links.push(l);
  const used = [...pieces.values()].filter((p) => p.links.length > 0).sort((x, y) => y.links.length - x.links.length || x.nodes[0]! - y.nodes[0]!);
  const main = used[0]!;
  for (const p of used.slice(1)) {
    const fs = [...new Set(p.links.map((l) => l.feature))];
    problems.warn(file, 'disconnected', { nodes: p.nodes.length, links: p.links.length, features: fs.slice(0, 8).join(', ') + (fs.length > 8 ? ' …' : '') }, { feature: fs[0]! });
  }

  // dangling ends that nearly meet another road
  const lgrid = new GridIndex<number>(Math.max(0.25, danglingKm * 2));
  const linkXY = links.map((l) => l.coords.map((p) => plane.toXY(p)));
  linkXY.forEach((xy, k) =>
    xy.slice(1).forEach((b, s) => {
      const a = xy[s]!;
      lgrid.add(k, Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }),
  );
  let deadEnds = 0;
  nodes.forEach((n, i) => {
    if (degree[i] !== 1) return;
    deadEnds++;
    let best = Infinity;
    const feature = links.find((x) => x.from === n.id || x.to === n.id)!.feature;
    for (const k of lgrid.near(nodeXY[i]!, danglingKm)) {
      const l = links[k]!;
      if (l.from === n.id || l.to === n.id) continue;
      const xy = linkXY[k]!;
      for (let s = 1; s < xy.length; s++) {
        const c = closestOnSegment(nodeXY[i]!, xy[s - 1]!, xy[s]!);
        if (c.km < best) best = c.km;
      }
    }
    if (best <= danglingKm && best > snapKm)
      problems.warn(file, 'danglingEnd', { lon: n.position[0], lat: n.position[1], m: Math.round(best * 1000), snap: snapM }, { feature });
  });
  return { mainNodes: new Set(main.nodes.map((i) => nodes[i]!.id)), pieces: used.length, deadEnds };
}
