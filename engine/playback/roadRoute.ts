import type { Scenario } from '../scenario/schema/scenario.ts';
/** WGS84 [longitude °E, latitude °N] (the same shape as geometry.ts's LonLat, declared here so the two files do not import each other). */
type LonLat = readonly [number, number];

/** The road network as the playback routes over it: node positions and two-way links with their travel minutes. */
export interface RoadGraph {
  nodeIds: string[];
  index: Map<string, number>;
  pos: LonLat[];
  /** node → [neighbour node, link id, minutes] */
  adj: [number, string, number][][];
}

/** The scenario's roads as a graph (links two-way, minutes = length / speed, as the engine travels them). Pure. */
export function roadGraph(s: Scenario): RoadGraph {
  const nodeIds = s.roads.nodes.map((n) => n.id);
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const adj: [number, string, number][][] = nodeIds.map(() => []);
  for (const l of s.roads.links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined) continue;
    const m = (l.lengthKm / l.speedKmh) * 60;
    adj[a]!.push([b, l.id, m]);
    adj[b]!.push([a, l.id, m]);
  }
  return { nodeIds, index, pos: s.roads.nodes.map((n) => [n.position[0], n.position[1]] as const), adj };
}

/** The node nearest to a point (plain degrees; ties to the first). Pure. */
export function nearestNode(g: RoadGraph, p: LonLat): number {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < g.pos.length; i++) {
    const q = g.pos[i]!;
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) (bestD = d), (best = i);
  }
  return best;
}

/**
 * The fastest route over the links not closed now (`closed(link)` true for cut or being-cleared
 * links), from node `from` to the nearest of `dests` in travel time, as the engine plans a
 * journey; the node positions along it, both ends included. Null when no open road leads there.
 * Dijkstra with a binary heap; ties broken by node order, so the same inputs give the same route. Pure.
 */
export function roadRoute(g: RoadGraph, from: number, dests: readonly number[], closed: (link: string) => boolean): LonLat[] | null {
  const goal = new Set(dests);
  if (goal.has(from)) return [g.pos[from]!];
  const n = g.pos.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(heap[p]!, heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  dist[from] = 0;
  push(0, from);
  while (heap.length) {
    const [d, v] = pop();
    if (d > dist[v]!) continue;
    if (goal.has(v)) {
      const out: LonLat[] = [];
      for (let u = v; u !== -1; u = prev[u]!) out.push(g.pos[u]!);
      return out.reverse();
    }
    for (const [w, link, m] of g.adj[v]!) {
      if (closed(link)) continue;
      const nd = d + m;
      if (nd < dist[w]!) {
        dist[w] = nd;
        prev[w] = v;
        push(nd, w);
      }
    }
  }
  return null;
}

const less = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
