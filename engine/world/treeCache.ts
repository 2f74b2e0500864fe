import type { PathTree } from './roadGraph.ts';

/** One cached tree; `owned` when no other entry (nor an intact tree) is the same object. */
interface Entry {
  closed: string;
  root: number;
  tree: PathTree;
  owned: boolean;
}

/** The cached trees of one set of closed links, by root, and how many there are. */
interface Row {
  byRoot: (Entry | undefined)[];
  live: number;
}

/**
 * Shortest-path trees by (set of closed links, root node), shared by every trial of a world:
 * trees are pure functions of that key. The intact network's tree per root is kept for good;
 * the others, at most `limit` of them, are evicted oldest first and their arrays reused for the
 * next tree, so the cache neither grows past `limit` trees nor makes garbage once full. Keyed
 * by the closed set's string (made once per road change, its hash cached by the engine) and
 * then by root, so a look-up builds no string.
 *
 * Contract for callers: a tree from the cache stays valid until `limit` newer trees have been
 * made; use it within the handler that asked for it and keep no reference across events.
 * Single-threaded (one cache per world per thread). Not pure: it is the cache.
 */
export class TreeCache {
  private readonly rows = new Map<string, Row>();
  private readonly ring: (Entry | undefined)[];
  private next = 0;
  private count = 0;
  private spareTree: PathTree | undefined;
  /** intact-network trees by root */
  readonly intact: (PathTree | undefined)[] = [];

  constructor(readonly limit: number) {
    this.ring = new Array<Entry | undefined>(limit);
  }

  get size(): number {
    return this.count;
  }

  get(closed: string, root: number): PathTree | undefined {
    return this.rows.get(closed)?.byRoot[root]?.tree;
  }

  /**
   * Makes room for one more tree: evicts the oldest when full and returns a tree whose arrays
   * may be overwritten for the new one (undefined: allocate). Give it back with `set`.
   */
  spare(): PathTree | undefined {
    if (this.spareTree) return this.spareTree;
    const old = this.ring[this.next];
    if (old) {
      this.ring[this.next] = undefined;
      this.remove(old);
      if (old.owned) this.spareTree = old.tree;
    }
    return this.spareTree;
  }

  /**
   * Stores the tree for (`closed`, `root`) (after `spare`). `alias` is the closed set of the
   * entry of the same root whose tree it is, when the tree was taken unchanged from that entry
   * (which then stops being recyclable), or 'intact' when it is an intact tree; null for a
   * tree made for this key.
   */
  set(closed: string, root: number, tree: PathTree, alias: string | 'intact' | null): void {
    if (tree === this.spareTree) this.spareTree = undefined;
    if (alias !== null && alias !== 'intact') {
      const e = this.rows.get(alias)?.byRoot[root];
      if (e) e.owned = false;
    }
    const e: Entry = { closed, root, tree, owned: alias === null };
    const old = this.ring[this.next];
    if (old) this.remove(old); // only when `spare` was not called first
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.limit;
    let row = this.rows.get(closed);
    if (!row) {
      row = { byRoot: [], live: 0 };
      this.rows.set(closed, row);
    }
    if (row.byRoot[root]) this.count--;
    else row.live++;
    row.byRoot[root] = e;
    this.count++;
  }

  private remove(e: Entry): void {
    const row = this.rows.get(e.closed);
    if (!row || row.byRoot[e.root] !== e) return;
    row.byRoot[e.root] = undefined;
    this.count--;
    if (--row.live === 0) this.rows.delete(e.closed);
  }
}
