import type { LazyTree } from './lazyTree.ts';

/** One cached tree under one key; a tree may sit under several keys (see `set`'s alias). */
interface Entry {
  closed: string;
  root: number;
  tree: LazyTree;
}

/** The cached trees of one set of closed links, by root, and how many there are. */
interface Row {
  byRoot: (Entry | undefined)[];
  live: number;
}

/**
 * Shortest-path trees by (set of closed links, root node), shared by every trial of a world:
 * trees are pure functions of that key. The intact network's tree per root is kept for good;
 * the others, at most `limit` entries of them, are evicted oldest first, and a tree no entry
 * holds any more (entries are counted per tree: one tree may stand for several keys) has its
 * arrays reused for the next tree, so the cache neither grows past `limit` entries nor makes
 * garbage once full. Keyed by the closed set's string (made once per road change) and then by
 * root, so a look-up builds no string.
 *
 * Contract for callers: a tree from the cache stays valid until `limit` newer entries have been
 * made; use it within the handler that asked for it and keep no reference across events.
 * Single-threaded (one cache per world per thread). Not pure: it is the cache.
 */
export class TreeCache {
  private readonly rows = new Map<string, Row>();
  private readonly ring: (Entry | undefined)[];
  private next = 0;
  private count = 0;
  /** entries holding each cached tree (intact trees are not counted: never reused) */
  private readonly holders = new Map<LazyTree, number>();
  /** trees no entry holds, whose arrays the next trees reuse */
  private readonly free: LazyTree[] = [];
  /** intact-network trees by root */
  readonly intact: (LazyTree | undefined)[] = [];

  constructor(readonly limit: number) {
    this.ring = new Array<Entry | undefined>(limit);
  }

  get size(): number {
    return this.count;
  }

  get(closed: string, root: number): LazyTree | undefined {
    return this.rows.get(closed)?.byRoot[root]?.tree;
  }

  /**
   * Makes room for one more entry: evicts the oldest when full and returns a tree whose arrays
   * may be overwritten for the new one (undefined: allocate). Give it back with `set`.
   */
  spare(): LazyTree | undefined {
    if (this.free.length === 0) {
      const old = this.ring[this.next];
      if (old) {
        this.ring[this.next] = undefined;
        this.remove(old);
      }
    }
    return this.free[this.free.length - 1];
  }

  /**
   * Stores `tree` for (`closed`, `root`) (after `spare`): a tree made for this key (from
   * `spare`'s arrays or fresh), or one taken unchanged from another entry or the intact trees
   * (entries are counted per tree, so either kind is reused only once no entry holds it).
   */
  set(closed: string, root: number, tree: LazyTree): void {
    const f = this.free.length;
    if (f > 0 && this.free[f - 1] === tree) this.free.pop();
    if (this.intact[tree.source] !== tree) this.holders.set(tree, (this.holders.get(tree) ?? 0) + 1);
    const e: Entry = { closed, root, tree };
    const old = this.ring[this.next];
    if (old) this.remove(old); // only when `spare` was not called first
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.limit;
    let row = this.rows.get(closed);
    if (!row) {
      row = { byRoot: [], live: 0 };
      this.rows.set(closed, row);
    }
    const was = row.byRoot[root];
    if (was) {
      this.count--;
      this.release(was.tree);
    } else row.live++;
    row.byRoot[root] = e;
    this.count++;
  }

  private remove(e: Entry): void {
    const row = this.rows.get(e.closed);
    if (!row || row.byRoot[e.root] !== e) return;
    row.byRoot[e.root] = undefined;
    this.count--;
    if (--row.live === 0) this.rows.delete(e.closed);
    this.release(e.tree);
  }

  /** One entry fewer holds `tree`; with none left, its arrays are free for the next tree. */
  private release(tree: LazyTree): void {
    const n = this.holders.get(tree);
    if (n === undefined) return; // an intact tree
    if (n > 1) this.holders.set(tree, n - 1);
    else {
      this.holders.delete(tree);
      this.free.push(tree);
    }
  }
}
