import { settleCore, wayOutMark, wayOutMarks, type CoreGraph } from './coreGraph.ts';
import type { RoadGraph } from './roadGraph.ts';

/**
 * Distances from one root over the links open now, node by node, without the whole tree: what a
 * team choice needs (the minutes from a task's node to the few free teams). The core is settled
 * once by `from` (as `coreTree` does it); `to(v)` then sums v's own way to the core — along its
 * chain from either end, or down its spur from the node it hangs from — exactly as `coreTree`
 * does, so every value equals `coreTree(…).dist[v]` and `shortestPathTree(…).dist[v]` bit for
 * bit. One query at a time: `from` starts a new one (single-threaded scratch).
 */
export class CoreDistances {
  private dist = new Float64Array(0);
  private g: RoadGraph | null = null;
  private cg: CoreGraph | null = null;
  private open: Uint8Array = new Uint8Array(0);
  private marks: Uint32Array = new Uint32Array(0);
  private mine = 0;
  private path = new Int32Array(0);

  /** Starts the query from `root` (cg = coreGraphOf(g)). */
  from(g: RoadGraph, cg: CoreGraph, open: Uint8Array, root: number): this {
    if (this.dist.length < g.nodeCount) {
      this.dist = new Float64Array(g.nodeCount);
      this.path = new Int32Array(g.nodeCount);
    }
    this.g = g;
    this.cg = cg;
    this.open = open;
    settleCore(g, cg, open, root, this.dist, null, null);
    this.marks = wayOutMarks();
    this.mine = wayOutMark();
    return this;
  }

  /** Minutes from the root to `v` (Infinity: no route). */
  to(v: number): number {
    const g = this.g!;
    const cg = this.cg!;
    const dist = this.dist;
    if (this.marks[v] === this.mine || cg.isCore[v] === 1) return dist[v]!;
    if (cg.removed[v] === 0) return this.interior(v);
    // up the spur to the first node whose distance is known (the root's way out, or the 2-core)
    const path = this.path;
    let len = 0;
    let q = v;
    while (cg.removed[q] === 1 && this.marks[q] !== this.mine) {
      const p = cg.spurParent[q]!;
      if (p < 0) return Infinity;
      path[len++] = q;
      q = p;
    }
    let d = this.marks[q] === this.mine || cg.isCore[q] === 1 ? dist[q]! : this.interior(q);
    // then down to v, link by link as coreTree sums it
    const w = g.linkMinutes;
    for (let i = len - 1; i >= 0; i--) {
      const l = cg.spurLink[path[i]!]!;
      if (this.open[l] === 0 || d === Infinity) return Infinity;
      d += w[l]!;
    }
    return d;
  }

  /** A chain's interior node: the least of its value from the root's entry (if its chain) and the sums from either end. */
  private interior(v: number): number {
    const cg = this.cg!;
    const dist = this.dist;
    const w = this.g!.linkMinutes;
    const open = this.open;
    const c = cg.nodeChain[v]!;
    const s = cg.chainStart[c]!;
    const e = cg.chainStart[c + 1]!;
    const i = cg.nodePos[v]!;
    let best = dist[v]!;
    let d = dist[cg.chainA[c]!]!;
    if (d < Infinity) {
      let j = s;
      for (; j <= s + i; j++) {
        const l = cg.chainLinks[j]!;
        if (open[l] === 0) break;
        d += w[l]!;
      }
      if (j > s + i && d < best) best = d;
    }
    d = dist[cg.chainB[c]!]!;
    if (d < Infinity) {
      let j = e - 1;
      for (; j > s + i; j--) {
        const l = cg.chainLinks[j]!;
        if (open[l] === 0) break;
        d += w[l]!;
      }
      if (j === s + i && d < best) best = d;
    }
    return best;
  }
}
