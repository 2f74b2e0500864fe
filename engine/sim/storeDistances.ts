import { nearestTargets } from '../world/nearestTargets.ts';
import { reliefTables } from './reliefTables.ts';
import type { Trial } from './trial.ts';

/** Rows a trial's `StoreRows` starts with; doubled when more villages are affected. */
const FIRST_ROWS = 8;

/**
 * One trial's store distances by village, as `storeRow` keeps them: a row of `nW` per village
 * asked about, in arrays shared by the rows (creating a typed array per village and trial cost
 * more than the lookups it served). Per row: `dist` (travel minutes to each store, Infinity
 * beyond what is known), `order` (the stores of finite distance, nearest first, ties: lower
 * index, `count` of them), `bound` (every store nearer than it is known) and `epoch` (the
 * routing epoch it was searched in; −2: the intact network's, −1: never).
 */
export class StoreRows {
  readonly nW: number;
  dist: Float64Array;
  order: Int32Array;
  readonly count: number[] = [];
  readonly bound: number[] = [];
  readonly epoch: number[] = [];
  /** village → its row (undefined: none yet) */
  private readonly rowOf: (number | undefined)[] = [];
  private rows = 0;

  constructor(nW: number) {
    this.nW = nW;
    this.dist = new Float64Array(FIRST_ROWS * nW);
    this.order = new Int32Array(FIRST_ROWS * nW);
  }

  /** The village's row, made (never searched: epoch −1) on first use. */
  row(village: number): number {
    let r = this.rowOf[village];
    if (r === undefined) {
      r = this.rows++;
      if (r * this.nW >= this.dist.length) this.grow();
      this.rowOf[village] = r;
      this.epoch[r] = -1;
      this.count[r] = 0;
    }
    return r;
  }

  private grow(): void {
    const dist = new Float64Array(2 * this.dist.length);
    const order = new Int32Array(2 * this.order.length);
    dist.set(this.dist);
    order.set(this.order);
    this.dist = dist;
    this.order = order;
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

/**
 * The trial's rows: per-trial scratch kept here rather than on the Trial; the last trial's are
 * held beside the map so that the hot path skips the WeakMap lookup.
 */
const rowsByTrial = new WeakMap<Trial, StoreRows>();
let lastTrial: Trial | null = null;
let lastRows: StoreRows | null = null;

/** The trial's `StoreRows`, made on first use. */
export function storeRowsOf(tr: Trial): StoreRows {
  if (tr === lastTrial) return lastRows!;
  let rows = rowsByTrial.get(tr);
  if (!rows) rowsByTrial.set(tr, (rows = new StoreRows(tr.world.warehouseNode.length)));
  lastTrial = tr;
  lastRows = rows;
  return rows;
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
 * every store as near are settled (`nearestTargets`), kept per village until a link closes or
 * opens, and searched again deeper when stock running out asks beyond it. This spares
 * building and caching a whole tree per affected village after every road change.
 */
export function storeRow(tr: Trial, rows: StoreRows, village: number, stocked: Uint8Array, wanted: Uint8Array): number {
  const w = tr.world;
  const nW = rows.nW;
  const r = rows.row(village);
  if (tr.closedLinks === 0) {
    if (rows.epoch[r] !== -2) {
      const t = intactRow(tr, village);
      rows.dist.set(t.dist, r * nW);
      rows.order.set(t.order, r * nW);
      rows.count[r] = t.order.length;
      rows.epoch[r] = -2;
    }
    return r;
  }
  if (rows.epoch[r] === tr.routingEpoch && covers(rows, r, stocked, wanted)) return r;
  if (found.length < nW) found = new Float64Array(nW);
  rows.bound[r] = nearestTargets(w.graph, tr.open, w.villageNode[village]!, w.warehouseNode, stocked, wanted, found);
  for (let i = 0; i < nW; i++) rows.dist[r * nW + i] = found[i]!;
  rows.epoch[r] = tr.routingEpoch;
  rows.sort(r);
  return r;
}

/** The village's intact-network distances to the stores and their order, made once per world. */
function intactRow(tr: Trial, village: number): { dist: Float64Array; order: Int32Array } {
  const t = reliefTables(tr.world);
  let row = t.intactRow[village];
  if (!row) {
    const w = tr.world;
    const tree = tr.tree(w.villageNode[village]!);
    const one = new StoreRows(w.warehouseNode.length);
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
