import type { PathTree } from './roadGraph.ts';

/** One cached tree; `owned` when no other entry (nor an intact tree) is the same object. */
interface Entry {
  key: string;
  tree: PathTree;
  owned: boolean;
}

/**
 * Shortest-path trees by (root node, set of closed links), shared by every trial of a world:
 * trees are pure functions of that key. The intact network's tree per root is kept for good;
 * the others, at most `limit` of them, are evicted oldest first and their arrays reused for the
 * next tree, so the cache neither grows past `limit` trees nor makes garbage once full.
 *
 * Contract for callers: a tree from the cache stays valid until `limit` newer trees have been
 * made; use it within the handler that asked for it and keep no reference across events.
 * Single-threaded (one cache per world per thread). Not pure: it is the cache.
 */
export class TreeCache {
  private readonly map = new Map<string, Entry>();
  private readonly ring: (Entry | undefined)[];
  private next = 0;
  private spareTree: PathTree | undefined;
  /** intact-network trees by root */
  readonly intact: (PathTree | undefined)[] = [];

  constructor(readonly limit: number) {
    this.ring = new Array<Entry | undefined>(limit);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): PathTree | undefined {
    return this.map.get(key)?.tree;
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
      this.map.delete(old.key);
      if (old.owned) this.spareTree = old.tree;
    }
    return this.spareTree;
  }

  /**
   * Stores the tree for `key` (after `spare`). `alias` is the entry key whose tree it is, when
   * the tree was taken unchanged from another entry (that one then stops being recyclable), or
   * 'intact' when it is an intact tree; null for a tree made for this key.
   */
  set(key: string, tree: PathTree, alias: string | 'intact' | null): void {
    if (tree === this.spareTree) this.spareTree = undefined;
    if (alias !== null && alias !== 'intact') {
      const e = this.map.get(alias);
      if (e) e.owned = false;
    }
    const e: Entry = { key, tree, owned: alias === null };
    const old = this.ring[this.next];
    if (old) this.map.delete(old.key); // only when `spare` was not called first
    this.ring[this.next] = e;
    this.next = (this.next + 1) % this.limit;
    this.map.set(key, e);
  }
}
