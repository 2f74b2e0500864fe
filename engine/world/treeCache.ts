import { CORE_STORE_LIMIT, CoreStore } from './coreStore.ts';
import type { LazyTree } from './lazyTree.ts';

/** One cached tree under one key (its own). Reused once evicted. */
interface Entry {
  closed: string;
  root: number;
  tree: LazyTree;
  /** in its key's row (false once evicted or replaced: the ring still holds it for reuse) */
  held: boolean;
}

/**
 * Shortest-path trees by (set of closed links, root node), shared by every trial of a world:
 * trees are pure functions of that key. The intact network's tree per root is kept for good;
 * the others, at most `limit` entries of them, are evicted oldest first, and an evicted tree's
 * arrays are reused for the next tree, so the cache neither grows past `limit` entries nor makes
 * garbage once full (entries are reused too). Keyed by the closed set's string (made once per
 * road change) and then by root, among the few entries of that set, so a look-up builds no string.
 *
 * Contract for callers: a tree from the cache stays valid until `limit` newer entries have been
 * made; use it within the handler that asked for it and keep no reference across events.
 * Single-threaded (one cache per world per thread). Not pure: it is the cache.
 */
export class TreeCache {
  /** the entries of each set of closed links (a trial asks for a handful of roots per set: searched in turn) */
  private readonly rows = new Map<string, Entry[]>();
  private readonly ring: (Entry | undefined)[];
  private next = 0;
  private count = 0;
  /** trees no entry holds, whose arrays the next trees reuse */
  private readonly free: LazyTree[] = [];
  /** intact-network trees by root */
  readonly intact: (LazyTree | undefined)[] = [];
  /** the core's distances by (closed chain links, root) */
  readonly cores: CoreStore;

  constructor(
    readonly limit: number,
    coreLimit = CORE_STORE_LIMIT,
  ) {
    this.ring = new Array<Entry | undefined>(limit);
    this.cores = new CoreStore(coreLimit);
  }

  get size(): number {
    return this.count;
  }

  get(closed: string, root: number): LazyTree | undefined {
    const row = this.rows.get(closed);
    if (row !== undefined)
      for (let i = 0; i < row.length; i++) {
        const e = row[i]!;
        if (e.root === root) return e.tree;
      }
    return undefined;
  }

  /**
   * Makes room for one more entry: evicts the oldest when full and returns a tree whose arrays
   * may be overwritten for the new one (undefined: allocate). Give it back with `set`.
   */
  spare(): LazyTree | undefined {
    if (this.free.length === 0) {
      const old = this.ring[this.next];
      if (old) this.remove(old);
    }
    return this.free[this.free.length - 1];
  }

  /** Stores `tree`, made for (`closed`, `root`) from `spare`'s arrays or fresh, after `spare`. */
  set(closed: string, root: number, tree: LazyTree): void {
    const f = this.free.length;
    if (f > 0 && this.free[f - 1] === tree) this.free.pop();
    let e = this.ring[this.next];
    if (e) {
      this.remove(e); // only when `spare` was not called first
      e.closed = closed;
      e.root = root;
      e.tree = tree;
      e.held = true;
    } else e = this.ring[this.next] = { closed, root, tree, held: true };
    this.next = (this.next + 1) % this.limit;
    let row = this.rows.get(closed);
    if (!row) {
      row = [];
      this.rows.set(closed, row);
    }
    this.count++;
    for (let i = 0; i < row.length; i++) {
      const was = row[i]!;
      if (was.root !== root) continue;
      row[i] = e;
      was.held = false;
      this.count--;
      this.release(was.tree);
      return;
    }
    row.push(e);
  }

  private remove(e: Entry): void {
    if (!e.held) return;
    e.held = false;
    const row = this.rows.get(e.closed)!;
    const i = row.indexOf(e);
    row[i] = row[row.length - 1]!;
    row.pop();
    if (row.length === 0) this.rows.delete(e.closed);
    this.count--;
    this.release(e.tree);
  }

  /** No entry holds `tree` now: its arrays are free for the next tree. */
  private release(tree: LazyTree): void {
    this.free.push(tree);
  }
}
