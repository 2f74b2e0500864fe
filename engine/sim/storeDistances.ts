import { lastSearch, nearestTargets } from '../world/nearestTargets.ts';
import type { RoadGraph } from '../world/roadGraph.ts';
import type { World } from '../world/world.ts';
import { reliefTables } from './reliefTables.ts';
import type { Trial } from './trial.ts';

/** Rows a trial's `StoreRows` starts with; doubled when more villages are affected. */
const FIRST_ROWS = 8;

/** A row's state: never searched or out of date, the intact network's, or searched and still exact. */
const STALE = -1;
const INTACT = -2;
const SEARCHED = 0;

/**
 * One trial's store distances by village, as `storeRow` keeps them: a row of `nW` per village
 * asked about, in arrays shared by the rows (creating a typed array per village and trial cost
 * more than the lookups it served). Per row: `dist` (travel minutes to each store, Infinity
 * beyond what is known), `order` (the stores of finite distance, nearest first, ties: lower
 * index, `count` of them), `bound` (every store nearer than it is known), `state` (STALE,
 * INTACT or SEARCHED) and, for a searched row, `sens`: a bitset of the links whose closing or
 * opening could move what it found (`markSensitive`). The rows follow the trial's links
 * (`sync`): a change of a sensitive link makes a row stale, any other leaves it exact.
 */
export class StoreRows {
  readonly nW: number;
  dist: Float64Array;
  order: Int32Array;
  readonly count: number[] = [];
  readonly bound: number[] = [];
  readonly state: number[] = [];
  /**
   * per row, a stamp taken whenever `storeRow` fills it anew or it is made (unique across every
   * row and trial): equal stamps mean the same contents, whatever happened in between
   */
  readonly filled: number[] = [];
  /** words of a row's bitset of links */
  readonly words: number;
  sens: Uint32Array;
  /**
   * The links some searched row is sensitive to (`watch`; kept until the next trial, however
   * the rows change), as a bitset and a list, and their open flags as the rows were last
   * brought up to (`sync`), with the trial's routing epoch then; no other link can matter.
   */
  private readonly watchedBits: Uint32Array;
  private readonly watched: number[] = [];
  private readonly open: Uint8Array;
  private syncedEpoch = 0;
  /** village → its row (undefined: none yet), and row → village */
  private readonly rowOf: (number | undefined)[] = [];
  private readonly villageOf: number[] = [];
  private rows = 0;

  constructor(nW: number, nL: number) {
    this.nW = nW;
    this.dist = new Float64Array(FIRST_ROWS * nW);
    this.order = new Int32Array(FIRST_ROWS * nW);
    this.words = (nL + 31) >>> 5;
    this.sens = new Uint32Array(FIRST_ROWS * this.words);
    this.watchedBits = new Uint32Array(this.words);
    this.open = new Uint8Array(nL);
  }

  /** The village's row, made (stale) on first use. */
  row(village: number): number {
    let r = this.rowOf[village];
    if (r === undefined) {
      r = this.rows++;
      if (r * this.nW >= this.dist.length) this.grow();
      this.rowOf[village] = r;
      this.villageOf[r] = village;
      this.state[r] = STALE;
      this.count[r] = 0;
      this.filled[r] = ++fills;
    }
    return r;
  }

  private grow(): void {
    const dist = new Float64Array(2 * this.dist.length);
    const order = new Int32Array(2 * this.order.length);
    const sens = new Uint32Array(2 * this.sens.length);
    dist.set(this.dist);
    order.set(this.order);
    sens.set(this.sens);
    this.dist = dist;
    this.order = order;
    this.sens = sens;
  }

  /** Forgets every row (for another trial, whose links are `open` now in routing epoch `epoch`). */
  reset(epoch: number): void {
    for (let r = 0; r < this.rows; r++) this.rowOf[this.villageOf[r]!] = undefined;
    this.rows = 0;
    for (const l of this.watched) this.watchedBits[l >>> 5] = 0;
    this.watched.length = 0;
    this.syncedEpoch = epoch;
  }

  /** Row `r` is sensitive to link `l`, open or not as `open` says now (`markSensitive`). */
  watch(r: number, l: number, open: Uint8Array): void {
    const word = l >>> 5;
    const bit = 1 << (l & 31);
    this.sens[r * this.words + word]! |= bit;
    if ((this.watchedBits[word]! & bit) !== 0) return;
    this.watchedBits[word]! |= bit;
    this.watched.push(l);
    this.open[l] = open[l]!;
  }

  /**
   * Brings the searched rows up to the links open now (`open`, changed since the last call
   * only if `epoch`, the trial's routing epoch, moved): each watched link that closed or
   * opened since makes the rows sensitive to it stale. (An intact row needs no telling: it
   * holds while no link is closed, which `storeRow` sees.)
   */
  sync(open: Uint8Array, epoch: number): void {
    if (epoch === this.syncedEpoch) return;
    this.syncedEpoch = epoch;
    const seen = this.open;
    for (const l of this.watched) {
      if (seen[l] === open[l]) continue;
      seen[l] = open[l]!;
      const word = l >>> 5;
      const bit = 1 << (l & 31);
      for (let r = 0; r < this.rows; r++)
        if (this.state[r] === SEARCHED && (this.sens[r * this.words + word]! & bit) !== 0) this.state[r] = STALE;
    }
  }

  /**
   * The nearest store of row `r` holding item `k` (`stocked`, store-major with `nI` items), or
   * −1 when no store of known distance holds it: the first of `order` that holds it, the store
   * a scan in index order keeping the strictly nearer one would pick. Pure read.
   */
  nearestStocked(r: number, stocked: Uint8Array, nI: number, k: number): number {
    const order = this.order;
    const from = r * this.nW;
    const to = from + this.count[r]!;
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      if (stocked[i * nI + k] === 1) return i;
    }
    return -1;
  }

  /** Sets row `r`'s order from its distances (insertion sort: a handful of stores, most of them settled near the village). */
  sort(r: number): void {
    const d = this.dist;
    const order = this.order;
    const from = r * this.nW;
    let n = from;
    for (let i = 0; i < this.nW; i++) {
      const x = d[from + i]!;
      if (!Number.isFinite(x)) continue;
      let j = n++;
      for (; j > from && d[from + order[j - 1]!]! > x; j--) order[j] = order[j - 1]!;
      order[j] = i;
    }
    this.count[r] = n - from;
  }
}

/** the last stamp given to a row (`StoreRows.filled`) */
let fills = 0;

/**
 * The rows of the trial that asked last, one `StoreRows` per world, emptied when another
 * trial asks (so trials made one after another, as Monte Carlo runs them, allocate nothing;
 * trials taking turns only search again). The last one is held beside the map so that the hot
 * path skips the WeakMap lookup.
 */
const rowsByWorld = new WeakMap<World, { rows: StoreRows; trial: Trial | null }>();
let lastTrial: Trial | null = null;
let lastRows: StoreRows | null = null;

/** The trial's `StoreRows`: the world's, emptied first if another trial used them last. */
export function storeRowsOf(tr: Trial): StoreRows {
  if (tr === lastTrial) return lastRows!;
  const w = tr.world;
  let held = rowsByWorld.get(w);
  if (!held) rowsByWorld.set(w, (held = { rows: new StoreRows(w.warehouseNode.length, w.graph.linkCount), trial: null }));
  if (held.trial !== tr) {
    held.rows.reset(tr.routingEpoch);
    held.trial = tr;
  }
  lastTrial = tr;
  lastRows = held.rows;
  return held.rows;
}

/** nearestTargets' output (single-threaded; copied into the row at once). */
let found = new Float64Array(0);

/**
 * Consumption 'rate': brings the row of `village` in `rows` (the trial's) up to date and
 * returns it: travel minutes from the village to each store over the links open now, as
 * `refreshRates` reads them: exact where it matters (each one equals the village's
 * shortest-path tree's distance, bit for bit) and Infinity beyond what it needs, with the
 * stores of known distance nearest first. With every link open that is the intact tree's
 * (made once per world); otherwise a Dijkstra from the village stopped once, for every daily
 * item (`wanted`), the nearest store holding it (`stocked`, store-major like the stock) and
 * every store as near are settled (`nearestTargets`), kept per village until a link it is
 * sensitive to closes or opens (`markSensitive`: most road changes leave most rows exact), and
 * searched again deeper when stock running out asks beyond it. This spares building and
 * caching a whole tree per affected village after every road change.
 */
export function storeRow(tr: Trial, rows: StoreRows, village: number, stocked: Uint8Array, wanted: Uint8Array): number {
  const w = tr.world;
  const nW = rows.nW;
  const r = rows.row(village);
  rows.sync(tr.open, tr.routingEpoch);
  if (rows.state[r] === SEARCHED && covers(rows, r, stocked, wanted)) return r;
  if (tr.closedLinks === 0) {
    if (rows.state[r] !== INTACT) {
      const t = intactRow(tr, village);
      rows.dist.set(t.dist, r * nW);
      rows.order.set(t.order, r * nW);
      rows.count[r] = t.order.length;
      rows.state[r] = INTACT;
      rows.filled[r] = ++fills;
    }
    return r;
  }
  if (found.length < nW) found = new Float64Array(nW);
  const bound = nearestTargets(w.graph, tr.open, w.villageNode[village]!, w.warehouseNode, stocked, wanted, found);
  rows.bound[r] = bound;
  for (let i = 0; i < nW; i++) rows.dist[r * nW + i] = found[i]!;
  rows.state[r] = SEARCHED;
  rows.filled[r] = ++fills;
  rows.sort(r);
  markSensitive(w.graph, tr.open, w.warehouseNode, rows, r, bound);
  return r;
}

/**
 * Would `storeRow` return row `r` as it is, for flags `stocked` that are those it last returned
 * it for (stamp `filled` then)? Yes unless it was filled anew since, a road change made it
 * stale, or it is the intact network's and a link is closed now. (A searched row covered those
 * flags then, and so it does still.) Brings the rows up to the links open now first. Pure
 * apart from that.
 */
export function rowUnchanged(tr: Trial, rows: StoreRows, r: number, filled: number): boolean {
  rows.sync(tr.open, tr.routingEpoch);
  if (rows.filled[r] !== filled) return false;
  const state = rows.state[r]!;
  return state === SEARCHED || (state === INTACT && tr.closedLinks === 0);
}

/** Scratch of `markSensitive`: nodes to visit, and the search they were last pushed in. */
let stack = new Int32Array(0);
let pushedIn = new Int32Array(0);
let walk = 0;

/**
 * Sets row `r`'s `sens` after the search that filled it (`nearestTargets`, its scratch still
 * at hand; `bound` what it returned): the links whose change could move a store distance
 * below the bound. Closing a link can only lengthen routes, and no store's distance moves
 * unless the link lies on its route: on the search's tree path, which is among the tight arcs
 * (du + minutes = dv, the very sum the search made) walked back from the settled stores; a
 * route that avoided the link is still there and nothing new is shorter. Opening a link can
 * only shorten routes, and none below the bound unless the link leaves a settled node within
 * it (du + minutes < bound): a route over it costs at least that much. Either way the row
 * stays exact, bit for bit, and a store farther than the bound stays farther. The marks are
 * against the network the row was searched in, so this holds for any number of changes to
 * unmarked links, in any order: the routes found are all still there, and nothing opened
 * since reaches below the bound (the float sums are monotone: du + minutes ≥ du).
 */
function markSensitive(g: RoadGraph, open: Uint8Array, whNode: Int32Array, rows: StoreRows, r: number, bound: number): void {
  const sens = rows.sens;
  const base = r * rows.words;
  sens.fill(0, base, base + rows.words);
  const offsets = g.offsets;
  const arcLink = g.arcLink;
  const arcTarget = g.arcTarget;
  const minutes = g.linkMinutes;
  // the search's distances, read in place (settled: stamp === gen; elsewhere Infinity)
  const { nodes, count, dist, stamp, gen } = lastSearch();
  for (let j = 0; j < count; j++) {
    const u = nodes[j]!;
    const du = dist[u]!;
    for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
      const l = arcLink[k]!;
      if (open[l] === 0 && du + minutes[l]! < bound) rows.watch(r, l, open);
    }
  }
  if (pushedIn.length < g.nodeCount) {
    pushedIn = new Int32Array(g.nodeCount);
    stack = new Int32Array(g.nodeCount);
    walk = 0;
  }
  const W = ++walk;
  let top = 0;
  const nW = rows.nW;
  for (let i = 0; i < nW; i++) {
    if (rows.dist[r * nW + i] === Infinity) continue;
    const v = whNode[i]!;
    if (pushedIn[v] !== W) (pushedIn[v] = W), (stack[top++] = v);
  }
  while (top > 0) {
    const v = stack[--top]!;
    const dv = stamp[v] === gen ? dist[v]! : Infinity;
    for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
      const l = arcLink[k]!;
      if (open[l] === 0) continue;
      const u = arcTarget[k]!;
      if ((stamp[u] === gen ? dist[u]! : Infinity) + minutes[l]! !== dv) continue;
      rows.watch(r, l, open);
      if (pushedIn[u] !== W) (pushedIn[u] = W), (stack[top++] = u);
    }
  }
}

/** The village's intact-network distances to the stores and their order, made once per world. */
function intactRow(tr: Trial, village: number): { dist: Float64Array; order: Int32Array } {
  const t = reliefTables(tr.world);
  let row = t.intactRow[village];
  if (!row) {
    const w = tr.world;
    const tree = tr.tree(w.villageNode[village]!);
    const one = new StoreRows(w.warehouseNode.length, 0);
    one.dist.set(Float64Array.from(w.warehouseNode, (node) => tree.distTo(node)));
    one.sort(one.row(village));
    row = { dist: one.dist.slice(0, one.nW), order: one.order.slice(0, one.count[0]!) };
    t.intactRow[village] = row;
  }
  return row;
}

/**
 * `storeRow`'s distances of `village` as an array of its own (a copy, valid until the next
 * call for the village): what tests compare with the trees.
 */
export function storeDistances(tr: Trial, village: number, stocked: Uint8Array, wanted: Uint8Array): Float64Array {
  const rows = storeRowsOf(tr);
  const r = storeRow(tr, rows, village, stocked, wanted);
  return rows.dist.slice(r * rows.nW, (r + 1) * rows.nW);
}

/** Do distances known below the row's bound settle every wanted item's nearest stocked store (and its ties)? */
function covers(rows: StoreRows, r: number, stocked: Uint8Array, wanted: Uint8Array): boolean {
  const bound = rows.bound[r]!;
  if (bound === Infinity) return true;
  const nI = wanted.length;
  for (let k = 0; k < nI; k++) {
    if (wanted[k] !== 1) continue;
    const i = rows.nearestStocked(r, stocked, nI, k);
    if (!(i >= 0 && rows.dist[r * rows.nW + i]! < bound)) return false;
  }
  return true;
}
