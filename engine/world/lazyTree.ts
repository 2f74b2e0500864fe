import { settleCore, wayOutMark, wayOutMarks, type CoreGraph } from './coreGraph.ts';
import { shortestPathTree, type PathTree, type RoadGraph } from './roadGraph.ts';

/**
 * Trees' storage, carved out of shared slabs (module state, single-threaded): an ArrayBuffer of
 * its own cost a tree 20–40 µs to create and keep (V8 accounts for each as external memory),
 * against ≈ 3 µs for views into a slab, and a world's cache keeps thousands of trees.
 */
const SLAB_BYTES = 1 << 18;
let slab: ArrayBuffer | null = null;
let slabUsed = 0;

/** Offset in `slab` of `bytes` fresh (zero) bytes, 8-aligned; a new slab when the last is full. */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (slab === null || slabUsed + size > slab.byteLength) {
    slab = new ArrayBuffer(Math.max(size, SLAB_BYTES));
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += size;
  return at;
}

/**
 * The shortest-path tree from `source` over the links open when it was made, read node by node:
 * `distTo(v)` (minutes; Infinity: no route), `prevOf(v)` and `linkOf(v)` (the previous node and
 * the link to it on v's route to the source; −1 at the source or where unreachable). Every value
 * is **identical** to `shortestPathTree(g, open, source)`'s (distances bit for bit, arcs included).
 *
 * On the folded network (`make`, cg = coreGraphOf(g)) only the core is settled when the tree is
 * made; a node's distance and arc are filled the first time they are read (its whole chain, or
 * its spur down from the first node known) and kept. A route read from the tree (`planTravel`
 * walks it from its start to the source) fills the nodes on it and a few beside it, not the
 * county. Why the values are Dijkstra's:
 * - Dijkstra's distance to a node is the least, over all routes, of the route's minutes summed
 *   link by link from the root (floating-point addition is monotone, so its usual proof holds);
 *   here every route is summed the same way — along a chain link by link from the distance of
 *   the node it is entered from — so each node gets the same least sum: core nodes by a Dijkstra
 *   whose arcs are whole chains (`settleCore`, or as such a search from the same root under the
 *   same closed chain links wrote them before: a CoreStore's; closed spur links play no part in
 *   it but for the root's own way out), a chain's interior nodes as the lesser of the sums
 *   from its two ends, spur nodes from the node they hang from. The root, when it is not a core
 *   node, is where its own routes start: up its spur to the 2-core (the only way out), then both
 *   ways along its chain (whose ends then need not be entered through it: that is never shorter).
 * - A node's arc is then, as in Dijkstra, among the open arcs (u, v) with dist[u] + w = dist[v],
 *   the one from the u settled first — the least (dist[u], u), every link lengthening a route
 *   (canRepair) — and of its arcs the first.
 * Each fill reads only values already final (the core's, the chain's ends', the node a spur hangs
 * from), so the order in which nodes are asked for does not change any value.
 *
 * Not pure: reading fills. Holds its own copy of the open links, so it stays exact however the
 * caller's links change after; single-threaded (the settle's scratch is shared).
 */
export class LazyTree {
  source = -1;
  /** bumped each time a cache overwrites this tree's arrays for another tree (see TreeCache) */
  version = 0;
  private readonly dist: Float64Array;
  private readonly prev: Int32Array;
  private readonly via: Int32Array;
  /** per node: 1 once its distance and arc are final (core nodes' distances are final at once) */
  private readonly known: Uint8Array;
  /** the open links the tree is of (a copy) */
  private readonly open: Uint8Array;
  /** spur nodes waiting for the node they hang from (fill's scratch) */
  private static path = new Int32Array(0);

  constructor(
    readonly g: RoadGraph,
    private readonly cg: CoreGraph | null,
  ) {
    const n = g.nodeCount;
    const at = carve(17 * n + g.linkCount);
    const buf = slab!;
    this.dist = new Float64Array(buf, at, n);
    this.prev = new Int32Array(buf, at + 8 * n, n);
    this.via = new Int32Array(buf, at + 12 * n, n);
    this.known = new Uint8Array(buf, at + 16 * n, n);
    this.open = new Uint8Array(buf, at + 17 * n, g.linkCount);
    if (LazyTree.path.length < n) LazyTree.path = new Int32Array(n);
  }

  /**
   * Makes this the tree from `root` over `open` (copied), overwriting what it held: the core
   * settled, every other node filled when read; a whole Dijkstra instead where the graph has no
   * core form (cg null). `given`, from `givenAt`: the core's distances a tree from `root` under
   * the same closed chain links had (`coreDistances`; CoreStore), taken instead of searching the
   * core. Returns this.
   */
  make(open: Uint8Array, root: number, given: Float64Array | null = null, givenAt = 0): this {
    this.source = root;
    this.version++;
    this.open.set(open);
    const g = this.g;
    const cg = this.cg;
    const known = this.known;
    if (!cg) {
      const t = shortestPathTree(g, this.open, root);
      this.dist.set(t.dist);
      this.prev.set(t.prev);
      this.via.set(t.viaLink);
      known.fill(1);
      this.searchedCore = false;
      return this;
    }
    known.fill(0);
    this.searchedCore = settleCore(g, cg, this.open, root, this.dist, this.prev, this.via, given, givenAt);
    // the root's way out (its spur up to the 2-core) is final, but for a core node's arc, which
    // coreArc gives by the rule of every core node; kept here, as the marks are not past the next settle
    const marks = wayOutMarks();
    const mine = wayOutMark();
    for (let v = root; v >= 0 && marks[v] === mine; v = cg.removed[v] === 1 ? cg.spurParent[v]! : -1) if (cg.isCore[v] === 0) known[v] = 1;
    return this;
  }

  /** Whether the last `make` searched the core (so that `coreDistances` may be kept for the next tree from this root under the same closed chain links). */
  searchedCore = false;

  /** How many core nodes the graph has (0 with no core form). */
  get coreWidth(): number {
    return this.cg === null ? 0 : this.cg.coreNodes.length;
  }

  /** Writes the core's distances (final once made), in `coreNodes` order, into `out` from `at`. */
  coreDistances(out: Float64Array, at: number): void {
    const core = this.cg!.coreNodes;
    const dist = this.dist;
    for (let i = 0; i < core.length; i++) out[at + i] = dist[core[i]!]!;
  }

  /** Minutes from the source to `v` (Infinity: no route). */
  distTo(v: number): number {
    if (this.known[v] === 0 && this.cg!.isCore[v] === 0) this.fill(v);
    return this.dist[v]!;
  }

  /** The node before `v` on its route from the source (−1 at the source or where unreachable). */
  prevOf(v: number): number {
    if (this.known[v] === 0) this.fill(v);
    return this.prev[v]!;
  }

  /** The link into `v` on its route from the source (−1 at the source or where unreachable). */
  linkOf(v: number): number {
    if (this.known[v] === 0) this.fill(v);
    return this.via[v]!;
  }

  /** `distTo` under the name NodeDistances reads. */
  to(v: number): number {
    return this.distTo(v);
  }

  /** Fills every node (as a whole tree would have it) and returns the arrays: for tests. */
  whole(): PathTree {
    const n = this.g.nodeCount;
    for (let v = 0; v < n; v++) this.prevOf(v);
    return { source: this.source, dist: this.dist.slice(), prev: this.prev.slice(), viaLink: this.via.slice(), version: this.version };
  }

  /** Makes v's distance and arc final (v not known yet; a core graph). */
  private fill(v: number): void {
    const cg = this.cg!;
    if (cg.isCore[v] === 1) this.coreArc(v);
    else if (cg.removed[v] === 0) this.fillChain(cg.nodeChain[v]!);
    else this.fillSpur(v);
  }

  /**
   * Chain c's interior nodes: the lesser of the sums from either end (up to a closed link), then
   * each one's arc from one of its two chain neighbours (its other roads lead to spurs hanging
   * from it, further from the root, but for the root's own way out, known already).
   */
  private fillChain(c: number): void {
    const cg = this.cg!;
    const { chainA, chainB, chainStart, chainLinks, chainNodes } = cg;
    const dist = this.dist;
    const open = this.open;
    const known = this.known;
    const w = this.g.linkMinutes;
    const s = chainStart[c]!;
    const e = chainStart[c + 1]!;
    const base = s - c;
    let d = dist[chainA[c]!]!;
    if (d < Infinity)
      for (let j = s; j < e - 1; j++) {
        const l = chainLinks[j]!;
        if (open[l] === 0) break;
        d += w[l]!;
        const v = chainNodes[base + (j - s)]!;
        if (d < dist[v]!) dist[v] = d;
      }
    d = dist[chainB[c]!]!;
    if (d < Infinity)
      for (let j = e - 1; j > s; j--) {
        const l = chainLinks[j]!;
        if (open[l] === 0) break;
        d += w[l]!;
        const v = chainNodes[base + (j - s) - 1]!;
        if (d < dist[v]!) dist[v] = d;
      }
    for (let j = s; j < e - 1; j++) {
      const v = chainNodes[base + (j - s)]!;
      if (known[v] === 1) continue;
      known[v] = 1;
      const dv = dist[v]!;
      let bu = -1;
      let bl = -1;
      if (dv < Infinity) {
        const la = chainLinks[j]!;
        const lb = chainLinks[j + 1]!;
        const ua = j === s ? chainA[c]! : chainNodes[base + (j - s) - 1]!;
        const ub = j === e - 2 ? chainB[c]! : chainNodes[base + (j - s) + 1]!;
        if (open[la] === 1 && dist[ua]! + w[la]! === dv) {
          bu = ua;
          bl = la;
        }
        if (open[lb] === 1 && dist[ub]! + w[lb]! === dv) {
          const du = dist[ub]!;
          // the least (dist[u], u), then the first arc (arcs are in link order)
          if (bu < 0 || du < dist[bu]! || (du === dist[bu] && (ub < bu || (ub === bu && lb < bl)))) {
            bu = ub;
            bl = lb;
          }
        }
      }
      this.prev[v] = bu;
      this.via[v] = bl;
    }
  }

  /** Spur node v and the unknown ones above it, from the first node above whose distance is final. */
  private fillSpur(v: number): void {
    const cg = this.cg!;
    const { removed, spurParent, spurLink } = cg;
    const known = this.known;
    const dist = this.dist;
    const path = LazyTree.path;
    let len = 0;
    let q = v;
    while (q >= 0 && known[q] === 0 && removed[q] === 1) {
      path[len++] = q;
      q = spurParent[q]!;
    }
    // a chain's interior node not known yet: its chain is not filled yet
    if (q >= 0 && known[q] === 0 && cg.isCore[q] === 0) this.fillChain(cg.nodeChain[q]!);
    const open = this.open;
    const w = this.g.linkMinutes;
    // nearest the core first: its only route is from the node it hangs from
    for (let i = len - 1; i >= 0; i--) {
      const x = path[i]!;
      const p = spurParent[x]!;
      const l = spurLink[x]!;
      known[x] = 1;
      if (p >= 0 && open[l] === 1 && dist[p]! < Infinity) {
        dist[x] = dist[p]! + w[l]!;
        this.prev[x] = p;
        this.via[x] = l;
      } else {
        this.prev[x] = -1;
        this.via[x] = -1;
      }
    }
  }

  /** A core node's arc: among the open arcs giving it its distance, the least (dist[u], u), then the first. */
  private coreArc(v: number): void {
    this.known[v] = 1;
    const g = this.g;
    const dv = this.dist[v]!;
    let bu = -1;
    let bl = -1;
    if (v !== this.source && dv < Infinity) {
      const { offsets, arcTarget, arcLink } = g;
      const w = g.linkMinutes;
      const open = this.open;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const link = arcLink[k]!;
        if (open[link] === 0) continue;
        const u = arcTarget[k]!;
        if (u === v) continue;
        const du = this.distTo(u);
        if (du + w[link]! !== dv) continue;
        if (bu < 0 || du < this.dist[bu]! || (du === this.dist[bu] && u < bu)) {
          bu = u;
          bl = link;
        }
      }
    }
    this.prev[v] = bu;
    this.via[v] = bl;
  }
}
