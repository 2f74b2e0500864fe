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
  /** bumped each time a cache overwrites this tree's arrays for another tree (see TreeCache) */
  version: number;
}

/**
 * A tree's three arrays as views of one buffer: creating a typed array costs about a
 * microsecond whatever its size, and trees are made by the thousand. Zero-filled.
 */
export function newTree(source: number, n: number): PathTree {
  const buf = new ArrayBuffer(n * 16);
  return { source, dist: new Float64Array(buf, 0, n), viaLink: new Int32Array(buf, n * 8, n), prev: new Int32Array(buf, n * 12, n), version: 0 };
}

/** `out` made over for a new tree from `source` (its arrays are overwritten in full). */
export function reuse(out: PathTree, source: number): PathTree {
  out.source = source;
  out.version++;
  return out;
}

/** Heap scratch space reused across calls (single-threaded, never re-entered). */
let heapD = new Float64Array(1024);
let heapN = new Int32Array(1024);

/**
 * Dijkstra with a binary heap over typed arrays, from `source` over links with open[link] = 1.
 * Ties are broken by node index, so the tree is deterministic. Pure (allocates its result, one
 * buffer, unless given `out`, a tree of the same graph to overwrite; the heap's scratch buffers
 * are reused between calls).
 */
export function shortestPathTree(g: RoadGraph, open: Uint8Array, source: number, out?: PathTree): PathTree {
  const n = g.nodeCount;
  const tree = out && out.dist.length === n ? reuse(out, source) : newTree(source, n);
  const dist = tree.dist.fill(Infinity);
  const viaLink = tree.viaLink.fill(-1);
  const prev = tree.prev.fill(-1);
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
    const du = hd[0]!;
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
    // entries are pushed on strict decreases only, so the one equal to dist[u] settles u
    // (once: nothing can lower dist[u] after that); any other is stale
    if (du !== dist[u]) continue;
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
  return tree;
}

/** The links of the path from the tree's source to `target`, in travel order; empty if none. Pure. */
export function pathLinks(tree: PathTree, target: number): number[] {
  if (!Number.isFinite(tree.dist[target]!)) return [];
  const out: number[] = [];
  for (let v = target; v !== tree.source; v = tree.prev[v]!) out.push(tree.viaLink[v]!);
  return out.reverse();
}

/** Per graph: may trees be derived other than by Dijkstra (every link long enough that d + w > d for any distance d)? */
const repairable = new WeakMap<RoadGraph, boolean>();

export function canRepair(g: RoadGraph): boolean {
  let ok = repairable.get(g);
  if (ok === undefined) {
    let total = 0;
    let least = Infinity;
    for (let l = 0; l < g.linkCount; l++) {
      total += g.linkMinutes[l]!;
      least = Math.min(least, g.linkMinutes[l]!);
    }
    // any distance is at most `total`; a link this long always lengthens a path in float64
    ok = g.linkCount === 0 || least > total * 2 ** -40;
    repairable.set(g, ok);
  }
  return ok;
}
