import type { Scenario } from '../scenario/schema/scenario.ts';
import { LogBins, StepBins } from './bins.ts';

/** Warehouse tiers, in the order the summary lists them (the "1+9+15+N" tiers). */
export const TIERS = ['county', 'township', 'village', 'agreement'] as const;
export type Tier = (typeof TIERS)[number];

/** Response levels above 'none', lowest first; rank = index + 1 ('none' is rank 0). */
export const LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = 'none' | (typeof LEVELS)[number];

/** Totals of a trial whose sums are kept (in thousandths, so they add exactly). */
export const TOTAL_KEYS = [
  'failedSites', 'affectedPeople', 'deadMissing', 'roadCuts', 'trunkCuts', 'deliveries', 'shelterOverflow', 'relocatedPeople', 'damagedRooms',
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

/**
 * How shortfall is expressed: person-days for items needed daily (units / perPersonPerDay),
 * people unserved for items needed once (units / perPersonOnce), raw units otherwise.
 */
export type ShortfallUnit = 'personDays' | 'people' | 'units';

export interface ItemLayout {
  id: string;
  index: number;
  shortfallUnit: ShortfallUnit;
  /** units of the item per one shortfall unit */
  divisor: number;
  /** stock of the item over all warehouses at the start, units */
  initialTotal: number;
  /** tiers holding some of the item at the start, in TIERS order */
  tiers: Tier[];
  /** per warehouse: index into `tiers`, or -1 if it holds none of the item */
  warehouseTierSlot: Int32Array;
  off: {
    stockout: number;
    stockoutHours: number;
    shortfallTrials: number;
    /** sum over trials of round(shortfall in its unit × 1000) */
    shortfallSum: number;
    shortfallHist: number;
    tiers: { stockout: number; stockoutHours: number }[];
    /** fanHours histograms of stock/initialTotal, one per whole hour 0…fanHours−1 */
    fan: number;
  };
}

/** Where the fire-season counters live (sums in thousandths; histograms of amounts). */
export interface FireLayout {
  /** sums over trials: fires found, out within 24 h, contained by initial attack, burned ha, people evacuated */
  fires: number;
  out24: number;
  initialAttack: number;
  burnedSum: number;
  evacuatedSum: number;
  /** trials with at least one fire, and those where every fire was out within 24 h */
  trialsWithFire: number;
  allOut24: number;
  /** per trial: burned ha (amount bins), fires (0…FIRE_COUNT_MAX, the last holds more) */
  burnedHist: number;
  countHist: number;
  /** 5 counters: largest grade none, 一般, 较大, 重大, 特别重大 */
  largestGrade: number;
}

/** Fires per season counted one by one up to this; more fall in the last bin. */
export const FIRE_COUNT_MAX = 60;
export const FIRE_GRADES = ['none', '一般', '较大', '重大', '特别重大'] as const;

/**
 * Width of the hour bins: 1 minute for horizons up to 60 days (every scenario before fire
 * seasons, so their summaries do not move), coarser beyond so a histogram keeps at most
 * 14,400 bins (15 minutes for a 120-day season). Pure.
 */
export function hourBinMinutes(horizonHours: number): number {
  const minutes = Math.ceil(horizonHours * 60);
  return horizonHours <= 24 * 60 ? 1 : Math.ceil(minutes / 14_400);
}

/**
 * Where each counter and histogram lives in a Monte Carlo aggregate, for one scenario. Built
 * once per scenario and thread by `mcLayout`; pure and deterministic, so every worker lays its
 * counts out identically and aggregates merge by element-wise addition.
 */
export interface McLayout {
  scenarioId: string;
  horizonHours: number;
  /** hours since the scenario start or since a case began: 1-minute bins over [0, horizon] */
  hourBins: StepBins;
  /** stock as a fraction of its initial level: steps of 0.005 over [0, 1] */
  stockBins: StepBins;
  /** people and shortfall: geometric bins, 2% wide, from 0.01 to 1e9 */
  amountBins: LogBins;
  /** stock is sampled at each whole hour 0 … floor(horizon) */
  fanHours: number;
  /**
   * consumption 'rate': a store's level falls linearly between the points of the stock series
   * (each jump has the level just before it), so the fans interpolate; 'dailyLump': it steps
   */
  stockLinear: boolean;
  items: ItemLayout[];
  itemIndex: Map<string, number>;
  warehouseIndex: Map<string, number>;
  /** per warehouse: its tier */
  warehouseTier: Tier[];
  targets: { id: string; kind: string; hours: number; off: { applied: number; met: number; hours: number } }[];
  trunkLinks: { id: string; off: { cut: number; episodes: number; hours: number } }[];
  trunkSlot: Map<string, number>;
  /** forest-fire counters, only for a fire-season scenario */
  fire: FireLayout | null;
  off: {
    trials: number;
    totals: Record<TotalKey, number>;
    affectedHist: number;
    deadMissingHist: number;
    /** 5 counters: highest level none, IV, III, II, I */
    highest: number;
    /** per level IV…I: hours to first reach it, in trials where it was the highest */
    highestHours: number[];
    /** per level IV…I: trials that reached it or a higher one */
    atLeast: number[];
    /** per level IV…I: hours until that level or a higher one was first in force */
    atLeastHours: number[];
  };
  /** length of the counts array */
  size: number;
}

/** Lays out the aggregate for a validated scenario; pure. */
export function mcLayout(s: Scenario): McLayout {
  let size = 0;
  const alloc = (n: number) => {
    const at = size;
    size += n;
    return at;
  };
  const horizonMinutes = Math.ceil(s.horizonHours * 60);
  const binMin = hourBinMinutes(s.horizonHours);
  const hourBins = new StepBins(binMin / 60, Math.ceil(horizonMinutes / binMin) + 1);
  const stockBins = new StepBins(0.005, 201);
  const amountBins = new LogBins(0.01, 1.02, 1e9);
  const hist = (bins: { size: number }) => alloc(bins.size + 1);
  const fanHours = Math.floor(s.horizonHours) + 1;

  const trials = alloc(1);
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, alloc(1)])) as Record<TotalKey, number>;
  const off: McLayout['off'] = {
    trials,
    totals,
    affectedHist: hist(amountBins),
    deadMissingHist: hist(amountBins),
    highest: alloc(1 + LEVELS.length),
    highestHours: LEVELS.map(() => hist(hourBins)),
    atLeast: LEVELS.map(() => alloc(1)),
    atLeastHours: LEVELS.map(() => hist(hourBins)),
  };

  const whs = s.reserves.warehouses;
  const warehouseTier = whs.map((w) => w.tier);
  const items: ItemLayout[] = s.reserves.items.map((it, index) => {
    const [shortfallUnit, divisor]: [ShortfallUnit, number] =
      it.perPersonPerDay > 0 ? ['personDays', it.perPersonPerDay] : it.perPersonOnce > 0 ? ['people', it.perPersonOnce] : ['units', 1];
    const held = whs.map((w) => w.stock[it.id] ?? 0);
    const tiers = TIERS.filter((t) => whs.some((w, i) => w.tier === t && held[i]! > 0));
    return {
      id: it.id,
      index,
      shortfallUnit,
      divisor,
      initialTotal: held.reduce((a, b) => a + b, 0),
      tiers,
      warehouseTierSlot: Int32Array.from(whs.map((w, i) => (held[i]! > 0 ? tiers.indexOf(w.tier) : -1))),
      off: {
        stockout: alloc(1),
        stockoutHours: hist(hourBins),
        shortfallTrials: alloc(1),
        shortfallSum: alloc(1),
        shortfallHist: hist(amountBins),
        tiers: tiers.map(() => ({ stockout: alloc(1), stockoutHours: hist(hourBins) })),
        fan: alloc(fanHours * (stockBins.size + 1)),
      },
    };
  });
  const targets = s.targets.map((t) => ({
    id: t.id,
    kind: t.kind,
    hours: t.hours,
    off: { applied: alloc(1), met: alloc(1), hours: hist(hourBins) },
  }));
  const trunkLinks = s.roads.links
    .filter((l) => l.trunk)
    .map((l) => ({ id: l.id, off: { cut: alloc(1), episodes: alloc(1), hours: hist(hourBins) } }));
  const fire: FireLayout | null =
    s.hazard.kind === 'fireSeason'
      ? {
          fires: alloc(1),
          out24: alloc(1),
          initialAttack: alloc(1),
          burnedSum: alloc(1),
          evacuatedSum: alloc(1),
          trialsWithFire: alloc(1),
          allOut24: alloc(1),
          burnedHist: hist(amountBins),
          countHist: alloc(FIRE_COUNT_MAX + 1),
          largestGrade: alloc(FIRE_GRADES.length),
        }
      : null;
  return {
    scenarioId: s.id,
    horizonHours: s.horizonHours,
    hourBins,
    stockBins,
    amountBins,
    fanHours,
    stockLinear: (s.reserves.consumption ?? 'rate') === 'rate',
    items,
    itemIndex: new Map(items.map((it) => [it.id, it.index])),
    warehouseIndex: new Map(whs.map((w, i) => [w.id, i])),
    warehouseTier,
    targets,
    trunkLinks,
    trunkSlot: new Map(trunkLinks.map((l, i) => [l.id, i])),
    fire,
    off,
    size,
  };
}
