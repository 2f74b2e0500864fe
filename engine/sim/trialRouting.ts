import { coreGraphOf, type CoreGraph } from '../world/coreGraph.ts';
import { LazyTree } from '../world/lazyTree.ts';
import { chainLinkHash, CoreStore } from '../world/coreStore.ts';
import type { World } from '../world/world.ts';


/** Minutes from one root to any node (Trial.distancesFrom). */
export interface NodeDistances {
  to(v: number): number;
}

/**
 * A trial's roads as routing sees them: which links are open, the closed set as the key of the
 * world's shared tree cache, and the trees this trial asked for since the last road change.
 * Owned by one Trial (its `open`, `setOpen`, `tree`, `distancesFrom`); not pure.
 */
export class TrialRouting {
  /** Closed links, ascending, and their key in the shared tree cache. */
  private closedKey = '';
  private readonly closed: number[] = [];
  /** Closed chain links (cg.linkChain ≥ 0), ascending, and their hash (chainLinkHash XORed) in the core store's key. */
  private readonly chainClosed: number[] = [];
  private chainHash = 0;
  /** bumped whenever a link closes or opens */
  epoch = 0;
  /** the world's folded network (null: trees are whole Dijkstras) */
  readonly cg: CoreGraph | null;

  constructor(
    private readonly world: World,
    /** per link: 1 open, 0 closed (the trial's array) */
    readonly open: Uint8Array,
    /** the tree asked for in this epoch, by root, its epoch and its version then (the arena's storage, or fresh) */
    private readonly memoTree: (LazyTree | undefined)[],
    private readonly memoEpoch: Int32Array,
    private readonly memoVersion: Int32Array,
  ) {
    this.cg = coreGraphOf(world.graph);
  }

  /** How many links are closed now. */
  get closedLinks(): number {
    return this.closed.length;
  }

  /** Marks a link blocked or open; false when it already was. */
  setOpen(link: number, open: boolean): boolean {
    if ((this.open[link] === 1) === open) return false;
    this.open[link] = open ? 1 : 0;
    if (open) this.closed.splice(this.closed.indexOf(link), 1);
    else {
      let i = 0;
      while (i < this.closed.length && this.closed[i]! < link) i++;
      this.closed.splice(i, 0, link);
    }
    this.epoch++;
    this.closedKey = this.closed.join(',');
    if (this.cg !== null && this.cg.linkChain[link]! >= 0) {
      const c = this.chainClosed;
      if (open) c.splice(c.indexOf(link), 1);
      else {
        let i = 0;
        while (i < c.length && c[i]! < link) i++;
        c.splice(i, 0, link);
      }
      this.chainHash ^= chainLinkHash(link);
    }
    return true;
  }

  /**
   * Shortest-path tree rooted at `root` over the links open now (roads are two-way), from the
   * world's shared cache: a pure function of (root, closed links), made on a miss as a
   * `LazyTree` (the core settled now, other nodes filled as read; identical to a fresh Dijkstra,
   * ties included). Valid until the cache has made TREE_CACHE_LIMIT newer trees: use it in the
   * handler that asked, keep no reference. (Handing out the tree from before the latest closure,
   * or the intact one, when no closed link is on it saved a settle in under one miss in ten and
   * cost reading the base tree at both ends of every closed link on every miss: dropped.)
   */
  tree(root: number): LazyTree {
    if (this.closed.length === 0) return this.intactTree(root);
    // asked again with the same links closed: no key to build and hash
    const memo = this.memoTree[root];
    if (memo !== undefined && this.memoEpoch[root] === this.epoch && memo.version === this.memoVersion[root]) return memo;
    const cache = this.world.treeCache;
    const key = this.closedKey;
    let t = cache.get(key, root);
    if (!t) {
      // room for the new entry first (the evicted tree's arrays are reused)
      const out = cache.spare();
      t = this.make(out ?? new LazyTree(this.world.graph, this.cg), root);
      cache.set(key, root, t);
    }
    this.memoTree[root] = t;
    this.memoEpoch[root] = this.epoch;
    this.memoVersion[root] = t.version;
    return t;
  }

  /**
   * Minutes from `root` to any node over the links open now, read node by node with `to(v)`:
   * the tree from `root` (`tree`), whose nodes are filled as they are read. What a team choice
   * needs: the minutes from a task's nodes to the few free teams; the team sent then drives the
   * same tree. Valid as `tree`'s.
   */
  distancesFrom(root: number): NodeDistances {
    return this.tree(root);
  }

  /**
   * Makes `t` the tree from `root` over the links open now: the core's distances from the
   * world's CoreStore when a tree from `root` with the same chain links closed was made before
   * (no search), else searched and kept there for the next.
   */
  private make(t: LazyTree, root: number): LazyTree {
    if (this.cg === null) return t.make(this.open, root);
    const cores = this.world.treeCache.cores;
    const hash = CoreStore.hash(this.chainHash, root);
    const at = cores.find(hash, root, this.chainClosed);
    t.make(this.open, root, at < 0 ? null : cores.data, at);
    if (t.searchedCore) cores.keep(hash, root, this.chainClosed, t);
    return t;
  }

  /** The intact network's tree from `root`, kept for good by the world's cache. */
  private intactTree(root: number): LazyTree {
    const cache = this.world.treeCache;
    let t = cache.intact[root];
    if (!t) {
      const g = this.world.graph;
      t = new LazyTree(g, this.cg).make(new Uint8Array(g.linkCount).fill(1), root);
      cache.intact[root] = t;
    }
    return t;
  }
}
