/**
 * The road network compiled to CSR (compressed adjacency) typed arrays for fast shortest
 * paths. Links are two-way; `open[link]` says whether a link can be driven now. Weights are
 * travel minutes. Pure data + pure functions; the only mutable state is what the caller owns.
 */
export interface RoadGraph {
  nodeCount: number;
  linkCount: number;
  /** adjacency: arcs of node v are offsets[v] .. offsets[v+1]-1 */
  offsets: Int32Array;
  arcTarget: Int32Array;
  arcLink: Int32Array;
  /** travel minutes per link at normal speed */
  linkMinutes: Float64Array;
  linkFrom: Int32Array;
  linkTo: Int32Array;
}

/** Builds the CSR graph; `from`/`to` are node indices. Arc order follows link order (deterministic). */
export function buildRoadGraph(nodeCount: number, links: readonly { from: number; to: number; minutes: number }[]): RoadGraph {
  const degree = new Int32Array(nodeCount + 1);
  for (const l of links) {
    degree[l.from + 1]!++;
    degree[l.to + 1]!++;
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] = offsets[v]! + degree[v + 1]!;
  const fill = offsets.slice(0, nodeCount);
  const arcTarget = new Int32Array(2 * links.length);
  const arcLink = new Int32Array(2 * links.length);
  const linkMinutes = new Float64Array(links.length);
  const linkFrom = new Int32Array(links.length);
  const linkTo = new Int32Array(links.length);
  links.forEach((l, i) => {
    linkMinutes[i] = l.minutes;
    linkFrom[i] = l.from;
    linkTo[i] = l.to;
    let k = fill[l.from]!++;
    arcTarget[k] = l.to;
    arcLink[k] = i;
    k = fill[l.to]!++;
    arcTarget[k] = l.from;
    arcLink[k] = i;
  });
  return { nodeCount, linkCount: links.length, offsets, arcTarget, arcLink, linkMinutes, linkFrom, linkTo };
}

/** Shortest-path tree from one source over open links. */
export interface PathTree {
  source: number;
  /** minutes from the source; Infinity where no route exists */
  dist: Float64Array;
  /** link used to reach each node (-1 at the source or where unreachable) */
  viaLink: Int32Array;
  /** previous node on the path (-1 at the source or where unreachable) */
  prev: Int32Array;
}

/** Heap scratch space reused across calls (single-threaded, never re-entered). */
let heapD = new Float64Array(1024);
let heapN = new Int32Array(1024);

/**
 * Dijkstra with a binary heap over typed arrays, from `source` over links with open[link] = 1.
 * Ties are broken by node index, so the tree is deterministic. Pure (allocates its result; the
 * heap's scratch buffers are reused between calls).
 */
export function shortestPathTree(g: RoadGraph, open: Uint8Array, source: number): PathTree {
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const viaLink = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // lazy deletion: at most one entry per relaxation, plus the source
  const cap = g.arcTarget.length + 1;
  if (heapD.length < cap) {
    heapD = new Float64Array(cap);
    heapN = new Int32Array(cap);
  }
  const hd = heapD;
  const hn = heapN;
  let size = 0;
  dist[source] = 0;
  hd[0] = 0;
  hn[0] = source;
  size = 1;
  const offsets = g.offsets;
  const arcLink = g.arcLink;
  const arcTarget = g.arcTarget;
  const linkMinutes = g.linkMinutes;
  while (size > 0) {
    const u: number = hn[0]!;
    // pop: move the last entry to the root and sift it down
    size--;
    if (size > 0) {
      const d = hd[size]!;
      const v = hn[size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let c = l;
        if (r < size && (hd[r]! < hd[l]! || (hd[r] === hd[l] && hn[r]! < hn[l]!))) c = r;
        if (hd[c]! > d || (hd[c] === d && hn[c]! > v)) break;
        hd[i] = hd[c]!;
        hn[i] = hn[c]!;
        i = c;
      }
      hd[i] = d;
      hn[i] = v;
    }
    if (done[u]) continue;
    done[u] = 1;
    const du = dist[u]!;
    for (let k: number = offsets[u]!, end: number = offsets[u + 1]!; k < end; k++) {
      const link = arcLink[k]!;
      if (open[link] === 0) continue;
      const v = arcTarget[k]!;
      const nd = du + linkMinutes[link]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        viaLink[v] = link;
        prev[v] = u;
        // push with sift-up
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (hd[p]! < nd || (hd[p] === nd && hn[p]! < v)) break;
          hd[i] = hd[p]!;
          hn[i] = hn[p]!;
          i = p;
        }
        hd[i] = nd;
        hn[i] = v;
      }
    }
  }
  return { source, dist, viaLink, prev };
}

/** The links of the path from the tree's source to `target`, in travel order; empty if none. Pure. */
export function pathLinks(tree: PathTree, target: number): number[] {
  if (!Number.isFinite(tree.dist[target]!)) return [];
  const out: number[] = [];
  for (let v = target; v !== tree.source; v = tree.prev[v]!) out.push(tree.viaLink[v]!);
  return out.reverse();
}
