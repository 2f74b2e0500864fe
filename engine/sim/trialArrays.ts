import type { World } from '../world/world.ts';

/** How many kinds of per-call team streams `Trial.teamRng` keeps (mobilise, rescue, walk-in). */
export const TEAM_STREAM_KINDS = 3;

/**
 * The typed arrays of one trial, at the values a trial starts with: views of one ArrayBuffer
 * (creating a typed array costs about a microsecond whatever its size, and a Monte Carlo creates
 * thousands of trials a second), 8-byte arrays first, then 4, then 1, so every view is aligned.
 * `Trial` takes them over; `TrialArena` keeps one set per world and copies `bytes` back to the
 * starting values between trials. Units as on `Trial`'s fields (minutes, people, units of stock).
 */
export class TrialArrays {
  /** the whole buffer, byte by byte (what `TrialArena` resets) */
  readonly bytes: Uint8Array;
  /** reserves.consumption 'rate' with the engine deciding: sizes drawSource, drawRate, stockRecordedAt */
  readonly rateMode: boolean;

  readonly siteFailedAt: Float64Array;
  readonly siteRescueAt: Float64Array;
  readonly villageAffected: Float64Array;
  readonly villageAffectedAt: Float64Array;
  readonly villageFirstReliefAt: Float64Array;
  readonly villageReleased: Float64Array;
  readonly shelterOccupancy: Float64Array;
  readonly stock: Float64Array;
  readonly shortfall: Float64Array;
  readonly drawRate: Float64Array;
  readonly stockRecordedAt: Float64Array;

  readonly linkEpisode: Int32Array;
  readonly linkClearings: Int32Array;
  readonly teamAt: Int32Array;
  readonly teamLeg: Int32Array;
  readonly teamDest: Int32Array;
  readonly teamCalls: Int32Array;
  /** per team stream kind × team (Trial.teamRng): the call whose stream is kept, −1 none */
  readonly teamStreamCall: Int32Array;
  readonly warehouseLoads: Int32Array;
  readonly warehouseResupplies: Int32Array;
  readonly memoEpoch: Int32Array;
  readonly memoVersion: Int32Array;
  readonly drawSource: Int32Array;

  readonly open: Uint8Array;
  readonly siteFailPending: Uint8Array;
  readonly siteNeedsRescue: Uint8Array;
  readonly shelterOpen: Uint8Array;
  readonly resupplyPending: Uint8Array;
  readonly stockoutSeen: Uint8Array;

  /** Pure: a fresh set for one trial of `world`; `auto`: the engine decides (Monte Carlo, `run`), not a drill. */
  constructor(world: World, auto: boolean) {
    const s = world.scenario;
    const nL = s.roads.links.length;
    const nT = s.teams.length;
    const nV = s.region.villages.length;
    const nSites = s.hazardSites.length;
    const nW = s.reserves.warehouses.length;
    const nS = s.shelters.length;
    const nK = world.initialStock.length;
    const nI = world.itemCount;
    const nN = world.graph.nodeCount;
    this.rateMode = auto && (s.reserves.consumption ?? 'rate') === 'rate';
    const nRate = this.rateMode ? nK : 0;
    const nDraw = this.rateMode ? nV * nI : 0;
    const buf = new ArrayBuffer(
      8 * (2 * nSites + 4 * nV + nS + nK + nI + 2 * nRate) + 4 * (2 * nL + (4 + TEAM_STREAM_KINDS) * nT + 2 * nW + 2 * nN + nDraw) + (nL + 2 * nSites + nS + nW + nK),
    );
    this.bytes = new Uint8Array(buf);
    let off = 0;
    const f64 = (n: number): Float64Array => {
      const x = new Float64Array(buf, off, n);
      off += 8 * n;
      return x;
    };
    const i32 = (n: number): Int32Array => {
      const x = new Int32Array(buf, off, n);
      off += 4 * n;
      return x;
    };
    const u8 = (n: number): Uint8Array => {
      const x = new Uint8Array(buf, off, n);
      off += n;
      return x;
    };
    this.siteFailedAt = f64(nSites).fill(Infinity);
    this.siteRescueAt = f64(nSites).fill(Infinity);
    this.villageAffected = f64(nV);
    this.villageAffectedAt = f64(nV).fill(Infinity);
    this.villageFirstReliefAt = f64(nV).fill(Infinity);
    this.villageReleased = f64(nV);
    this.shelterOccupancy = f64(nS);
    this.stock = f64(nK);
    this.stock.set(world.initialStock);
    this.shortfall = f64(nI);
    this.drawRate = f64(nRate);
    this.stockRecordedAt = f64(nRate);
    this.linkEpisode = i32(nL).fill(-1);
    this.linkClearings = i32(nL);
    this.teamAt = i32(nT);
    this.teamAt.set(world.teamNode);
    this.teamLeg = i32(nT);
    this.teamDest = i32(nT);
    this.teamDest.set(world.teamNode);
    this.teamCalls = i32(nT);
    this.teamStreamCall = i32(TEAM_STREAM_KINDS * nT).fill(-1);
    this.warehouseLoads = i32(nW);
    this.warehouseResupplies = i32(nW);
    this.memoEpoch = i32(nN).fill(-1);
    this.memoVersion = i32(nN);
    this.drawSource = i32(nDraw).fill(-2);
    this.open = u8(nL).fill(1);
    this.siteFailPending = u8(nSites);
    this.siteNeedsRescue = u8(nSites);
    // in a drill, shelters are opened by decision; the engine on its own opens them all
    this.shelterOpen = u8(nS).fill(auto ? 1 : 0);
    this.resupplyPending = u8(nW);
    this.stockoutSeen = u8(nK);
  }
}

/** One point of a trial's stock series: store `warehouse`'s level of `item` (units) at minute `t`. */
export interface StockPoint {
  t: number;
  warehouse: number;
  item: number;
  level: number;
}

/** Pure: the series a trial starts with, every store's every item at minute 0 (store-major, as the stock). */
export function openingStockSeries(world: World): StockPoint[] {
  const out: StockPoint[] = [];
  world.initialStock.forEach((level, k) => out.push({ t: 0, warehouse: Math.floor(k / world.itemCount), item: k % world.itemCount, level }));
  return out;
}
