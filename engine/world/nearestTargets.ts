import type { RoadGraph } from './roadGraph.ts';

/**
 * What the last `nearestTargets` call left (valid until the next call; the arrays are its
 * scratch): `nodes[0 … count − 1]` are the nodes it settled, in settling order — exactly the
 * nodes below the bound it returned; a node's distance is `dist[node]` where `stamp[node] ===
 * gen` (below the bound exactly when settled, then final) and Infinity elsewhere (it never got
 * there). What a caller needs to tell which later link changes could move what it found; read
 * through the fields in hot loops (a call per node cost more than the walk it served).
 */
export interface LastSearch {
  nodes: Int32Array;
  count: number;
  dist: Float64Array;
  stamp: Int32Array;
  gen: number;
}

/** Scratch space of `nearestTargets` (single-threaded, never re-entered). */
let heapD = new Float64Array(1024);
let heapN = new Int32Array(1024);
let foundAt = new Float64Array(0);
const last: LastSearch = { nodes: new Int32Array(0), count: 0, dist: new Float64Array(0), stamp: new Int32Array(0), gen: 0 };

/** The last `nearestTargets` call's settled nodes and distances (see `LastSearch`). Pure read. */
export function lastSearch(): LastSearch {
  return last;
}

/**
 * Targets by node, made once per target array (a world's stores, searched from every affected
 * village): `firstAt[node]` heads the node's targets (−1: none), listed ascending through `next`.
 */
interface TargetLists {
  firstAt: Int32Array;
  next: Int32Array;
}
const listsOf = new WeakMap<Int32Array, TargetLists>();

/** The lists of `targetNode` over `n` nodes (cached per array; a target array is not changed afterwards). */
function targetLists(targetNode: Int32Array, n: number): TargetLists {
  let t = listsOf.get(targetNode);
  if (!t || t.firstAt.length < n) {
    const firstAt = new Int32Array(n).fill(-1);
    const next = new Int32Array(targetNode.length);
    for (let i = targetNode.length - 1; i >= 0; i--) {
      const v = targetNode[i]!;
      next[i] = firstAt[v]!;
      firstAt[v] = i;
    }
    listsOf.set(targetNode, (t = { firstAt, next }));
  }
  return t;
}

/**
 * Distances from `source` to some target nodes over open links, settling nodes in Dijkstra's
 * order only as far as needed: targets fall into groups (`member[t * groups + k]` = 1 when
 * target t counts for group k; `wanted[k]` = 1 for the groups asked about), and the search
 * stops once every wanted group has a settled member and every node left unsettled is
 * farther than all of those members. Writes each settled target's distance into `out`
 * (Infinity for the others) and returns the bound: every target with a distance below it is
 * settled (Infinity: the search ran out of nodes, so `out` is complete).
 *
 * A settled node's distance is the one `shortestPathTree` (and so `LazyTree`) gives it,
 * bit for bit: it is the same Dijkstra (same sums, du + linkMinutes), stopped early, and with
 * positive weights a settled distance never changes afterwards. Pure apart from the scratch
 * and the cached target lists.
 */
export function nearestTargets(
  g: RoadGraph,
  open: Uint8Array,
  source: number,
  targetNode: Int32Array,
  member: Uint8Array,
  wanted: Uint8Array,
  out: Float64Array,
): number {
  const n = g.nodeCount;
  const nT = targetNode.length;
  const groups = wanted.length;
  if (last.stamp.length < n) {
    last.dist = new Float64Array(n);
    last.stamp = new Int32Array(n);
    last.nodes = new Int32Array(n);
    last.gen = 0;
  }
  if (foundAt.length < groups) foundAt = new Float64Array(groups);
  const { firstAt, next: targetNext } = targetLists(targetNode, n);
  const cap = g.arcTarget.length + 1;
  if (heapD.length < cap) {
    heapD = new Float64Array(cap);
    heapN = new Int32Array(cap);
  }
  if (++last.gen === 0x7fffffff) {
    last.stamp.fill(0);
    last.gen = 1;
  }
  const G = last.gen;
  // the scratch in locals: the loop below reads them at every arc
  const dist = last.dist;
  const stamp = last.stamp;
  const settled = last.nodes;
  const found = foundAt;
  out.fill(Infinity, 0, nT);
  let missing = 0;
  for (let k = 0; k < groups; k++) {
    found[k] = wanted[k] === 1 ? Infinity : -Infinity;
    if (wanted[k] === 1) missing++;
  }
  let farthest = -Infinity;
  const hd = heapD;
  const hn = heapN;
  const offsets = g.offsets;
  const arcLink = g.arcLink;
  const arcTarget = g.arcTarget;
  const linkMinutes = g.linkMinutes;
  stamp[source] = G;
  dist[source] = 0;
  hd[0] = 0;
  hn[0] = source;
  let size = 1;
  let nSettled = 0;
  while (size > 0) {
    const du = hd[0]!;
    if (missing === 0 && du > farthest) {
      last.count = nSettled;
      return du;
    }
    const u: number = hn[0]!;
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
    if (du !== dist[u]) continue;
    settled[nSettled++] = u;
    for (let t = firstAt[u]!; t >= 0; t = targetNext[t]!) {
      out[t] = du;
      for (let k = 0; k < groups; k++) {
        if (member[t * groups + k] === 1 && found[k] === Infinity) {
          found[k] = du;
          missing--;
          if (du > farthest) farthest = du;
        }
      }
    }
    for (let k: number = offsets[u]!, end: number = offsets[u + 1]!; k < end; k++) {
      const link = arcLink[k]!;
      if (open[link] === 0) continue;
      const v = arcTarget[k]!;
      const nd = du + linkMinutes[link]!;
      if (stamp[v] !== G) {
        stamp[v] = G;
        dist[v] = Infinity;
      }
      if (nd < dist[v]!) {
        dist[v] = nd;
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
  last.count = nSettled;
  return Infinity;
}
