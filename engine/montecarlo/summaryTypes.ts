import type { BinsSpec } from './bins.ts';
import type { ResponseLevel, ShortfallUnit, Tier } from './mcLayout.ts';
import type { Proportion } from './proportion.ts';

export type { Proportion };

/** A localised label, as in the scenario. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * Quantiles (type 7 over histogram bin midpoints) of a duration in hours over `n` values.
 * A quantile is null when n = 0, or when it falls among the `beyondHorizon` values (cases that
 * never finished within the horizon, which sort after every finite value).
 */
export interface HoursQuantiles {
  n: number;
  beyondHorizon: number;
  p50: number | null;
  p90: number | null;
  p99?: number | null;
  /**
   * These are conditional percentiles: over the `n` cases of `conditionalOn` only, not over
   * all trials — 'stockout' (trials in which it ran out), 'highestLevel' (trials in which the
   * level was the highest), 'atLeastLevel' (trials reaching the level or a higher one),
   * 'targetApplied' (trials the target applied to), 'trunkCut' (cut episodes).
   */
  conditionalOn: ConditionalOn;
}

export type ConditionalOn = 'stockout' | 'highestLevel' | 'atLeastLevel' | 'targetApplied' | 'trunkCut';

/**
 * Percentiles over all trials, a trial in which it never happened counting as "after the
 * horizon": a percentile is null when it falls among those (e.g. p50 is null when P < 50%).
 */
export interface UnconditionalHours {
  n: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

/** Why a run stopped. */
export type StopReason = 'trials' | 'untilSe' | 'interrupted';

export interface ItemSummary {
  id: string;
  name: Label;
  unit: Label;
  /** units over all warehouses at the start */
  initialStock: number;
  /** a store of this item ran empty (any warehouse), over all trials */
  stockoutProbability: Proportion;
  /** hours since the scenario start to the first stock-out: conditional, over the trials that ran out only */
  hoursToStockout: HoursQuantiles;
  /** the same over all trials (a trial that never ran out counts as after the horizon): the true percentiles of the stock-out time */
  hoursToStockoutUnconditional: UnconditionalHours;
  /** P(some store has run out by hour t), t on the `curveStepHours` grid, over all trials */
  stockoutByHour: number[];
  /** some need for the item went unmet (nobody reachable held it), over all trials */
  shortfallProbability: Proportion;
  /** unmet need per trial, over all trials (zeros included), in `unit` */
  shortfall: { unit: ShortfallUnit; mean: number | null; se: number | null; p90: number | null };
  /**
   * per warehouse tier holding the item at the start: P(a store of the tier ran out), its
   * conditional and unconditional stock-out hours, and the survival curve — P(every store of
   * the tier still holds the item at hour t), t on the `curveStepHours` grid, over all trials
   */
  tiers: {
    tier: Tier;
    warehouses: number;
    stockoutProbability: Proportion;
    hoursToStockout: HoursQuantiles;
    hoursToStockoutUnconditional: UnconditionalHours;
    survivalByHour: number[];
  }[];
  /** total stock (units) at each whole hour 0 … floor(horizon): 10th, 50th, 90th percentiles over trials */
  stockFan: { p10: number[]; p50: number[]; p90: number[] };
}

export interface TargetSummary {
  id: string;
  name: Label;
  kind: string;
  hours: number;
  /** trials in which the target applied (at least one case was judged) */
  applied: number;
  /** P(every judged case within `hours`), over the trials it applied to */
  metProbability: Proportion;
  /** the trial's worst case, hours, over the trials it applied to */
  achievedHours: HoursQuantiles;
  /** P(worst case > t hours), t on the `curveStepHours` grid, over the trials it applied to */
  exceedance: number[];
}

export interface LevelSummary {
  level: ResponseLevel;
  /** P(this was the highest level reached) */
  highestProbability: Proportion;
  /** hours from the start until it was first in force, over the trials where it was the highest */
  hoursToReach: HoursQuantiles | null;
  /** P(this level or a higher one was reached); null for 'none' */
  atLeastProbability: Proportion | null;
  /** hours until this level or a higher one was first in force */
  hoursToAtLeast: HoursQuantiles | null;
}

export interface TrunkLinkSummary {
  link: string;
  name: Label | null;
  /** P(the link was cut at least once), over all trials */
  cutProbability: Proportion;
  /** cut episodes over all trials */
  episodes: number;
  /** hours each cut episode lasted until reopened, over all episodes */
  reopenHours: HoursQuantiles;
}

/** The Monte Carlo summary: plain JSON, bit-identical for any worker count and chunking. */
export interface McSummary {
  format: 'yanlian-mc-summary';
  formatVersion: 1;
  engineVersion: string;
  scenario: { id: string; sha256: string };
  /** uint32 master seed */
  seed: number;
  /** the --seed text when it was not the number itself */
  seedInput?: string;
  trials: number;
  trialsRequested: number;
  partial: boolean;
  stoppedBy: StopReason;
  /**
   * `--until-se`: the standard error asked for and the chunk size it was checked at (the stop
   * point depends on the chunking, so it is recorded; without it the summary does not).
   */
  untilSe: { se: number; chunkSize: number } | null;
  horizonHours: number;
  methods: Record<string, string>;
  bins: { hours: BinsSpec; stockFraction: BinsSpec; amounts: BinsSpec };
  /** spacing of every curve (stockoutByHour, exceedance): point i is at i × curveStepHours */
  curveStepHours: number;
  /** the headline probabilities `--until-se` watches, with their standard errors */
  headline: { maxSe: number | null; estimates: { key: string; estimate: number | null; se: number | null }[] };
  impact: {
    meanFailedSites: number | null;
    affectedPeople: { mean: number | null; p50: number | null; p90: number | null; p99: number | null };
    deadMissing: { mean: number | null; p50: number | null; p90: number | null; p99: number | null };
    meanRoadCuts: number | null;
    meanTrunkCuts: number | null;
    meanDeliveries: number | null;
    meanShelterOverflow: number | null;
    /** 紧急转移安置人数 per trial (evacuations and shelter admissions), mean over all trials */
    meanRelocatedPeople: number | null;
    /** 倒塌和严重损坏房屋 per trial, rooms (3 rooms per household of 3, assumed), mean over all trials */
    meanDamagedRooms: number | null;
  };
  reserves: { items: ItemSummary[] };
  targets: TargetSummary[];
  responseLevels: LevelSummary[];
  roads: { trunkLinks: TrunkLinkSummary[] };
  /** forest-fire season figures; present only when the scenario has a fire season */
  fire?: FireSummary;
}

/** What a fire season did over the trials (areas in hectares). */
export interface FireSummary {
  /** fires found per season: mean and quantiles over all trials */
  firesPerSeason: { mean: number | null; p50: number | null; p90: number | null };
  /** burned area per season, ha: mean and quantiles over all trials */
  burnedHa: { mean: number | null; p50: number | null; p90: number | null; p99: number | null };
  /** share of all fires found that were out within 24 h of being found (national target ≥ 95%) */
  shareOutWithin24h: Proportion;
  /** P(every fire of the season out within 24 h), over the trials with at least one fire */
  allOutWithin24hProbability: Proportion;
  /** share of fires contained by their initial attack (never escaped) */
  initialAttackSuccess: Proportion;
  /** P(the season's largest fire is of this grade), grades none, 一般, 较大, 重大, 特别重大 */
  largestGrade: { grade: string; probability: Proportion }[];
  /** people evacuated from the forest edge per season, mean over all trials */
  meanPeopleEvacuated: number | null;
}
