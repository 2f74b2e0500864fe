import { canRepair, type RoadGraph } from './roadGraph.ts';

/**
 * The road network folded onto its core, for shortest-path trees: a county's roads are mostly
 * dead-end spurs (village roads) and chains of nodes with two roads each; Lezhi's 336 nodes and
 * 381 links fold onto a few dozen core nodes. Built once per graph; pure data.
 *
 * - **Spurs**: nodes removed by peeling nodes with one road, repeatedly; each hangs from the
 *   neighbour it was peeled from (`spurParent`, by `spurLink`), and `peelOrder` lists them as
 *   peeled (leaves first). What is left is the 2-core.
 * - **Core nodes**: nodes of the 2-core with other than two roads in it, plus one node on each
 *   cycle that has none.
 * - **Chains**: the paths of 2-core links between core nodes: core node `chainA[c]`, interior
 *   nodes `chainNodes[chainStart[c] − c …]`, core node `chainB[c]`; links
 *   `chainLinks[chainStart[c] … chainStart[c + 1] − 1]` in order from A to B.
 *
 * Self-loops are left out everywhere: they never shorten a route nor give a node its arc.
 */
export interface CoreGraph {
  removed: Uint8Array;
  spurParent: Int32Array;
  spurLink: Int32Array;
  peelOrder: Int32Array;
  isCore: Uint8Array;
  chainA: Int32Array;
  chainB: Int32Array;
  /** chain c's links are chainLinks[chainStart[c] … chainStart[c+1] − 1]; its interior nodes chainNodes[chainStart[c] − c …] (one fewer) */
  chainStart: Int32Array;
  chainLinks: Int32Array;
  chainNodes: Int32Array;
  /** per interior node: its chain (−1 for other nodes) */
  nodeChain: Int32Array;
  /** per interior node: its index among its chain's interior nodes */
  nodePos: Int32Array;
  /** the core nodes, ascending */
  coreNodes: Int32Array;
  /** per link: the chain it is on (−1: a spur link or a self-loop) */
  linkChain: Int32Array;
  /**
   * core adjacency (CSR over all nodes, empty for non-core nodes), each chain from both ends:
   * entry k leaves along chain `coreChain[k]` for the core node `coreFar[k]` over the links
   * `coreLinks[coreLinkStart[k] … coreLinkStart[k + 1] − 1]` in the order walked, whose
   * minutes are `coreMinutes[…]` (a copy, beside them)
   */
  coreOffsets: Int32Array;
  coreChain: Int32Array;
  coreFar: Int32Array;
  coreLinkStart: Int32Array;
  coreLinks: Int32Array;
  coreMinutes: Float64Array;
  /** settleCore's heap (keys and nodes): one entry per relaxation that lowers a distance, at most two per chain, plus two starts */
  heapD: Float64Array;
  heapN: Int32Array;
}

const cores = new WeakMap<RoadGraph, CoreGraph | null>();

/** The core graph of `g`, built on first use; null when trees may not be derived (see canRepair). */
export function coreGraphOf(g: RoadGraph): CoreGraph | null {
  let c = cores.get(g);
  if (c === undefined) {
    c = canRepair(g) ? buildCoreGraph(g) : null;
    cores.set(g, c);
  }
  return c;
}

/** Folds `g` onto its core (see CoreGraph); pure. */
export function buildCoreGraph(g: RoadGraph): CoreGraph {
  const n = g.nodeCount;
  const { offsets, arcTarget, arcLink } = g;
  const deg = new Int32Array(n);
  for (let v = 0; v < n; v++) for (let k = offsets[v]!; k < offsets[v + 1]!; k++) if (arcTarget[k] !== v) deg[v]!++;
  // peel the spurs
  const removed = new Uint8Array(n);
  const spurParent = new Int32Array(n).fill(-1);
  const spurLink = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (deg[v]! <= 1) queue.push(v);
  while (queue.length > 0) {
    const v = queue.pop()!;
    if (removed[v] === 1 || deg[v]! > 1) continue;
    removed[v] = 1;
    order.push(v);
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const u = arcTarget[k]!;
      if (u === v || removed[u] === 1) continue;
      spurParent[v] = u;
      spurLink[v] = arcLink[k]!;
      if (--deg[u]! <= 1) queue.push(u);
      break;
    }
  }
  const isCore = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (removed[v] === 0 && deg[v] !== 2) isCore[v] = 1;
  // walk the chains from each core node; a cycle with no core node gets its first node as one
  const chainA: number[] = [];
  const chainB: number[] = [];
  const chainStart: number[] = [0];
  const chainLinks: number[] = [];
  const chainNodes: number[] = [];
  const nodeChain = new Int32Array(n).fill(-1);
  const nodePos = new Int32Array(n);
  const linkDone = new Uint8Array(g.linkCount);
  const walkFrom = (a: number) => {
    for (let k = offsets[a]!; k < offsets[a + 1]!; k++) {
      const first = arcLink[k]!;
      let v = arcTarget[k]!;
      if (v === a && g.linkFrom[first] === g.linkTo[first]) continue; // a self-loop
      if (removed[v] === 1 || linkDone[first] === 1) continue;
      const c = chainA.length;
      linkDone[first] = 1;
      chainLinks.push(first);
      let via = first;
      let pos = 0;
      while (isCore[v] === 0) {
        nodeChain[v] = c;
        nodePos[v] = pos++;
        chainNodes.push(v);
        // the interior node's other 2-core road
        let next = -1;
        let nextLink = -1;
        for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
          const l = arcLink[j]!;
          const u = arcTarget[j]!;
          if (l === via || u === v || removed[u] === 1) continue;
          next = u;
          nextLink = l;
          break;
        }
        linkDone[nextLink] = 1;
        chainLinks.push(nextLink);
        via = nextLink;
        v = next;
      }
      chainA.push(a);
      chainB.push(v);
      chainStart.push(chainLinks.length);
    }
  };
  for (let v = 0; v < n; v++) if (isCore[v] === 1) walkFrom(v);
  for (let v = 0; v < n; v++)
    if (removed[v] === 0 && isCore[v] === 0 && nodeChain[v] === -1) {
      isCore[v] = 1;
      walkFrom(v);
    }
  const linkChain = new Int32Array(g.linkCount).fill(-1);
  for (let c = 0; c < chainA.length; c++) for (let j = chainStart[c]!; j < chainStart[c + 1]!; j++) linkChain[chainLinks[j]!] = c;
  const coreNodes: number[] = [];
  for (let v = 0; v < n; v++) if (isCore[v] === 1) coreNodes.push(v);
  // core adjacency: each chain from both ends (a chain from a node back to itself never shortens a route to it)
  const count = new Int32Array(n + 1);
  for (let c = 0; c < chainA.length; c++)
    if (chainA[c] !== chainB[c]) {
      count[chainA[c]! + 1]!++;
      count[chainB[c]! + 1]!++;
    }
  const coreOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) coreOffsets[v + 1] = coreOffsets[v]! + count[v + 1]!;
  const fill = coreOffsets.slice(0, n);
  const m = coreOffsets[n]!;
  const coreChain = new Int32Array(m);
  const coreDir = new Uint8Array(m);
  for (let c = 0; c < chainA.length; c++) {
    if (chainA[c] === chainB[c]) continue;
    let k = fill[chainA[c]!]!++;
    coreChain[k] = c;
    coreDir[k] = 0;
    k = fill[chainB[c]!]!++;
    coreChain[k] = c;
    coreDir[k] = 1;
  }
  // each entry's links in the order walked (from B: the chain's links backwards)
  const coreFar = new Int32Array(m);
  const coreLinkStart = new Int32Array(m + 1);
  const walked: number[] = [];
  for (let k = 0; k < m; k++) {
    const c = coreChain[k]!;
    coreLinkStart[k] = walked.length;
    if (coreDir[k] === 0) {
      coreFar[k] = chainB[c]!;
      for (let j = chainStart[c]!; j < chainStart[c + 1]!; j++) walked.push(chainLinks[j]!);
    } else {
      coreFar[k] = chainA[c]!;
      for (let j = chainStart[c + 1]! - 1; j >= chainStart[c]!; j--) walked.push(chainLinks[j]!);
    }
  }
  coreLinkStart[m] = walked.length;
  const coreLinks = Int32Array.from(walked);
  const coreMinutes = new Float64Array(walked.length);
  for (let i = 0; i < walked.length; i++) coreMinutes[i] = g.linkMinutes[walked[i]!]!;
  return {
    removed,
    spurParent,
    spurLink,
    peelOrder: Int32Array.from(order),
    isCore,
    chainA: Int32Array.from(chainA),
    chainB: Int32Array.from(chainB),
    chainStart: Int32Array.from(chainStart),
    chainLinks: Int32Array.from(chainLinks),
    chainNodes: Int32Array.from(chainNodes),
    nodeChain,
    nodePos,
    coreNodes: Int32Array.from(coreNodes),
    linkChain,
    coreOffsets,
    coreChain,
    coreFar,
    coreLinkStart,
    coreLinks,
    coreMinutes,
    heapD: new Float64Array(2 * chainA.length + 2),
    heapN: new Int32Array(2 * chainA.length + 2),
  };
}

/**
 * Pushes (d, v) on the binary heap of `size` entries ordered by (d, v); returns the new size.
 * The pop stays written out in `settleCore`, as in roadGraph.ts and nearestTargets.ts: a shared
 * heapPop/heapPush module was tried and made Dijkstra ≈ 30% slower (V8 did not inline the pop).
 */
function heapPush(hd: Float64Array, hn: Int32Array, size: number, d: number, v: number): number {
  let i = size;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (hd[p]! < d || (hd[p] === d && hn[p]! < v)) break;
    hd[i] = hd[p]!;
    hn[i] = hn[p]!;
    i = p;
  }
  hd[i] = d;
  hn[i] = v;
  return size + 1;
}

/** Scratch space of `settleCore` (single-threaded, never re-entered): marks of the root's way out. */
let stamp = new Uint32Array(0);
let stampNow = 0;

/** The marks `settleCore` left: node v is the root or on its way out when `wayOutMarks()[v] === wayOutMark()`. */
export function wayOutMarks(): Uint32Array {
  return stamp;
}

export function wayOutMark(): number {
  return stampNow;
}

/**
 * The first steps of a tree on the core graph (`LazyTree.make`): marks the root and its way out
 * (with the current `stampNow`) and gives them their distances and arcs, and settles the core
 * nodes; writes Infinity everywhere else except, when the way out enters the 2-core inside a
 * chain, that chain's nodes as reached from there.
 *
 * The core's distances depend on the root and on which chain links are open, not on the spur
 * links (a spur is a dead end; only the root's own way out, walked here every time, leads through
 * spur links to the core). `given` (from `givenAt`, in `coreNodes` order) are the distances an
 * earlier search from this root under the same closed chain links wrote: they are written as
 * they are instead of searching again (CoreStore). Returns whether it searched the core (false
 * with `given`, or when the way out reaches no core node: nothing to search, every core node
 * Infinity); after a search `dist` holds the core's distances for a CoreStore.
 */
export function settleCore(
  g: RoadGraph,
  cg: CoreGraph,
  open: Uint8Array,
  root: number,
  dist: Float64Array,
  prev: Int32Array,
  viaLink: Int32Array,
  given: Float64Array | null = null,
  givenAt = 0,
): boolean {
  const n = g.nodeCount;
  dist.fill(Infinity, 0, n);
  const w = g.linkMinutes;
  const { removed, spurParent, spurLink, chainA, chainB, chainStart, chainLinks, chainNodes } = cg;
  if (stamp.length < n) stamp = new Uint32Array(n);
  if (++stampNow === 0xffffffff) {
    stamp.fill(0);
    stampNow = 1;
  }
  const mine = stampNow;
  const marks = stamp;
  const isCore = cg.isCore;
  // 1. the root's way out: up its spur (each node on it marked), to z in the 2-core at dz
  dist[root] = 0;
  marks[root] = mine;
  prev[root] = -1;
  viaLink[root] = -1;
  let z = root;
  let dz = 0;
  if (removed[root] === 1) {
    z = -1;
    for (let v = root; ; ) {
      const p = spurParent[v]!;
      const l = spurLink[v]!;
      if (p < 0 || open[l] === 0) break;
      const d = dist[v]! + w[l]!;
      dist[p] = d;
      marks[p] = mine;
      prev[p] = v;
      viaLink[p] = l;
      if (removed[p] === 0) {
        z = p;
        dz = d;
        break;
      }
      v = p;
    }
  }
  // 2. core nodes: Dijkstra over whole chains, started at z or, when z is inside a chain, at its
  // two ends as reached from z (that chain is then not used as an arc)
  let size = 0;
  const hd = cg.heapD;
  const hn = cg.heapN;
  let split = -1;
  if (z >= 0) {
    if (isCore[z] === 1) size = heapPush(hd, hn, size, dz, z);
    else {
      split = cg.nodeChain[z]!;
      const s = chainStart[split]!;
      const e = chainStart[split + 1]!;
      const base = s - split;
      const i = cg.nodePos[z]!;
      // toward A: links s+i, s+i−1, …, s; interior nodes i−1 … 0, then A
      let d = dz;
      let j = i;
      for (; j >= 0; j--) {
        const l = chainLinks[s + j]!;
        if (open[l] === 0) break;
        d += w[l]!;
        const v = j > 0 ? chainNodes[base + j - 1]! : chainA[split]!;
        if (d < dist[v]!) dist[v] = d;
      }
      if (j < 0 && dist[chainA[split]!] === d) size = heapPush(hd, hn, size, d, chainA[split]!);
      // toward B: links s+i+1 … e−1; interior nodes i+1 …, then B
      d = dz;
      j = i + 1;
      for (; s + j < e; j++) {
        const l = chainLinks[s + j]!;
        if (open[l] === 0) break;
        d += w[l]!;
        const v = s + j < e - 1 ? chainNodes[base + j]! : chainB[split]!;
        if (d < dist[v]!) dist[v] = d;
      }
      if (s + j === e && dist[chainB[split]!] === d) size = heapPush(hd, hn, size, d, chainB[split]!);
    }
  }
  if (z < 0) return false;
  if (given !== null) {
    // the core's distances as a search under the same closed chain links gave them
    const core = cg.coreNodes;
    for (let i = 0; i < core.length; i++) dist[core[i]!] = given[givenAt + i]!;
    return false;
  }
  const { coreOffsets, coreChain, coreFar, coreLinkStart, coreLinks, coreMinutes } = cg;
  while (size > 0) {
    const du = hd[0]!;
    const u = hn[0]!;
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
    for (let k = coreOffsets[u]!, end = coreOffsets[u + 1]!; k < end; k++) {
      const v = coreFar[k]!;
      const dv = dist[v]!;
      // a sum only grows link by link (d + w ≥ d): once it reaches the far end's distance the
      // chain cannot lower it, so the walk stops there (at once when that end is settled)
      if (du >= dv || coreChain[k] === split) continue;
      let d = du;
      let j = coreLinkStart[k]!;
      const e = coreLinkStart[k + 1]!;
      for (; j < e && d < dv; j++) {
        if (open[coreLinks[j]!] === 0) break;
        d += coreMinutes[j]!;
      }
      if (j < e) continue;
      if (d < dv) {
        dist[v] = d;
        size = heapPush(hd, hn, size, d, v);
      }
    }
  }
  return true;
}
