import type { LazyTree } from './lazyTree.ts';

/**
 * Entries of a world's CoreStore: a core's distances take 8 bytes a core node (Lezhi's 33: 264
 * bytes an entry, 4.3 MB in all, and 0.8 MB of keys), against ≈ 6 KB for a whole tree in the
 * TreeCache. Lezhi's searches of the core level off at ≈ 0.9 a trial from the ≈ 7,000th trial
 * with 16,384 entries as with 65,536 (1.6 with 8,192; ≈ 9.6 a trial without the store).
 */
export const CORE_STORE_LIMIT = 16384;

/** A set of more closed chain links than this is not kept in a CoreStore (rare on the counties: such sets seldom come again). */
export const CORE_KEY_LINKS = 8;

/** The hash of one closed chain link in a set's key (CoreStore): the set's is the XOR of its links'. */
export function chainLinkHash(link: number): number {
  let h = Math.imul(link + 1, 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) | 0;
}

/**
 * The core's distances (settleCore) by (closed chain links, root), shared by every trial of a
 * world: what a search of the core from a root wrote, which depends on the chain links closed and
 * not on the spur links (dead ends, but for the root's own way out, walked at every make). A tree
 * missing from the TreeCache (whose key is every closed link) is made from them when they are
 * here, without searching the core: Lezhi's trees have 0–2 closed chain links mostly, and
 * village spurs closing and opening make new keys for the TreeCache, not here.
 *
 * Numbers only, no garbage: `limit` slots in a ring (the oldest overwritten when full), each with
 * its root, its closed chain links (at most CORE_KEY_LINKS; a larger set is not kept) and their
 * hash, and its distances (`width` in `data`); an open-addressing table over the slots by hash
 * (linear probing, deletion by backward shift). A key is matched link by link, so a hash
 * collision costs a probe, never a wrong answer. Single-threaded; not pure.
 */
export class CoreStore {
  /** the distances, `width` per slot */
  data = new Float64Array(0);
  private width = -1;
  private slotRoot = new Int32Array(0);
  private slotHash = new Int32Array(0);
  private slotLen = new Uint8Array(0);
  private slotLinks = new Int32Array(0);
  /** slot + 1 by hash (0: empty) */
  private table = new Int32Array(0);
  private mask = 0;
  private next = 0;

  /** (its arrays are made at the first `keep`: a world that makes no tree with links closed has none) */
  constructor(readonly limit: number) {}

  /** The hash of the key (`setHash`: chainLinkHash XORed over the closed chain links, `root`). */
  static hash(setHash: number, root: number): number {
    return (setHash ^ Math.imul(root + 1, 0x27d4eb2f)) | 0;
  }

  /** Offset in `data` of the distances kept for (`links`, ascending, whose key hashes to `hash`; `root`), or −1. */
  find(hash: number, root: number, links: readonly number[]): number {
    const n = links.length;
    if (n > CORE_KEY_LINKS || this.width < 0) return -1;
    const table = this.table;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const s = table[i]! - 1;
      if (s < 0) return -1;
      if (this.slotHash[s] !== hash || this.slotRoot[s] !== root || this.slotLen[s] !== n) continue;
      const at = s * CORE_KEY_LINKS;
      let j = 0;
      while (j < n && this.slotLinks[at + j] === links[j]) j++;
      if (j === n) return s * this.width;
    }
  }

  /** Keeps the core's distances of `tree`, just made by a search, for the key (as `find`'s), not kept yet; overwrites the oldest entry when full. */
  keep(hash: number, root: number, links: readonly number[], tree: LazyTree): void {
    const n = links.length;
    if (n > CORE_KEY_LINKS) return;
    if (this.width < 0) {
      const limit = this.limit;
      this.width = tree.coreWidth;
      this.data = new Float64Array(limit * this.width);
      this.slotRoot = new Int32Array(limit).fill(-1);
      this.slotHash = new Int32Array(limit);
      this.slotLen = new Uint8Array(limit);
      this.slotLinks = new Int32Array(limit * CORE_KEY_LINKS);
      let cap = 1;
      while (cap < 2 * limit) cap *= 2;
      this.table = new Int32Array(cap);
      this.mask = cap - 1;
    }
    const slot = this.next;
    this.next = slot + 1 === this.limit ? 0 : slot + 1;
    if (this.slotRoot[slot]! >= 0) this.unlink(slot);
    const table = this.table;
    let i = hash & this.mask;
    while (table[i] !== 0) i = (i + 1) & this.mask;
    table[i] = slot + 1;
    this.slotRoot[slot] = root;
    this.slotHash[slot] = hash;
    this.slotLen[slot] = n;
    const at = slot * CORE_KEY_LINKS;
    for (let j = 0; j < n; j++) this.slotLinks[at + j] = links[j]!;
    tree.coreDistances(this.data, slot * this.width);
  }

  /** Takes `slot` out of the table: its place is filled by backward shift (no tombstones). */
  private unlink(slot: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = this.slotHash[slot]! & mask;
    while (table[i] !== slot + 1) i = (i + 1) & mask;
    // entries after i in the run move back to i when their home is not in (i, j]
    for (let j = (i + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const home = this.slotHash[table[j]! - 1]! & mask;
      const between = i <= j ? i < home && home <= j : i < home || home <= j;
      if (between) continue;
      table[i] = table[j]!;
      i = j;
    }
    table[i] = 0;
    this.slotRoot[slot] = -1;
  }
}
