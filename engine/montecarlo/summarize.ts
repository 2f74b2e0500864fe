import type { Scenario } from '../scenario/schema/scenario.ts';
import { aggregateTrials, type McAggregate } from './aggregate.ts';
import type { Bins } from './bins.ts';
import { headlineCounts, maxStoppingSe } from './headlineEstimates.ts';
import { histogramAtOrBelow, histogramCount, histogramExceedance, histogramMoments, histogramQuantile } from './histogramQuantile.ts';
import { FIRE_COUNT_MAX, FIRE_GRADES, LEVELS, type McLayout, type TotalKey } from './mcLayout.ts';
import { StepBins } from './bins.ts';
import { proportion } from './proportion.ts';
import type { ConditionalOn, FireSummary, HoursQuantiles, UnconditionalHours, ItemSummary, LevelSummary, McSummary, StopReason, TargetSummary, TrunkLinkSummary } from './summaryTypes.ts';

/** What the summary records about the run besides the counts. */
export interface SummaryMeta {
  engineVersion: string;
  scenarioSha256: string;
  seed: number;
  seedInput?: string;
  trialsRequested: number;
  /** recorded only with untilSe, whose stop point depends on it */
  chunkSize: number;
  stoppedBy: StopReason;
  untilSe: number | null;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const finiteOrNull = (x: number, round: (x: number) => number) => (Number.isFinite(x) ? round(x) : null);

/** Curve spacing: the smallest of these steps giving at most 300 intervals over the horizon. */
const CURVE_STEPS = [1 / 60, 1 / 12, 0.25, 0.5, 1, 2, 3, 6, 12, 24];

export const METHODS: Record<string, string> = {
  trialSeed: "trial i (0-based) runs with seed deriveSeed(seed, 'trial', i); `yanlian run FILE --seed <that seed>` re-runs it alone",
  aggregation:
    'integer counters and fixed-bin integer histograms, merged by addition in chunk order: the summary is bit-identical for any worker count and chunk size',
  quantiles:
    'R type 7 / numpy "linear" (index (n−1)·p, linear interpolation), over histogram bin midpoints, as simple-statistics ≥ 7.8.9 quantile',
  quantileError:
    'at most half a bin against the raw per-trial values: 0.5 minute for hours, 0.25% of the initial stock for stockFan, 1% of the value for people and shortfall',
  interval: 'Wilson score 95% interval (z = 1.959964)',
  se: 'probabilities: sqrt(p(1−p)/n); means: sd/sqrt(n) with sd from the histogram midpoints',
  means: 'exact: sums of per-trial values rounded to 0.001',
  conditional:
    'an hours quantile with conditionalOn is conditional: over the n trials (or episodes) in which it happened only, e.g. hoursToStockout over the trials that ran out; hoursToStockoutUnconditional is over all trials, a trial that never ran out counting as after the horizon (null when the quantile falls there)',
  survival:
    'tiers[].survivalByHour: P(every store of the tier still holds the item at hour t) = 1 − (trials whose first stock-out at the tier is at or before t, 1-minute bins) / trials; from the merged integer histogram, so exact for any worker count',
  nulls:
    'a quantile is null when nothing was counted (n = 0) or when it falls among the beyondHorizon values (cases never finished within the horizon); estimates are null when n = 0',
  untilSe:
    'checked after each chunk, in chunk order: stop once every headline probability has max(sqrt(p(1−p)/n), Agresti–Coull SE) ≤ X',
  headline: 'per item stockoutProbability and shortfallProbability over all trials; per target metProbability over the trials it applied to',
  stockout: 'a warehouse holding the item at the start ran empty; shortfall: need that no reachable store could meet (not per tier)',
  shortfallUnits:
    'personDays = units / perPersonPerDay for items needed daily; people = units / perPersonOnce for items needed once (people unserved); units otherwise',
};

/**
 * Turns an aggregate into the summary: probabilities with Wilson 95% intervals and standard
 * errors, hour quantiles, curves and stock fans. Pure: the same counts give the same JSON,
 * bit for bit.
 */
export function summarize(s: Scenario, layout: McLayout, agg: McAggregate, meta: SummaryMeta): McSummary {
  const c = agg.counts;
  const trials = aggregateTrials(layout, agg);
  const { hourBins, amountBins, stockBins } = layout;
  const curveStep = CURVE_STEPS.find((st) => layout.horizonHours / st <= 300) ?? 24;
  const grid: number[] = [];
  for (let i = 0; i * curveStep <= layout.horizonHours + 1e-9; i++) grid.push(r6(i * curveStep));

  const q = (off: number, bins: Bins, p: number, round = r3) => finiteOrNull(histogramQuantile(c, off, bins, p), round);
  const hoursQ = (off: number, withP99: boolean, conditionalOn: ConditionalOn): HoursQuantiles => {
    // conditionalOn goes last in the JSON, after p99
    const out = {
      n: histogramCount(c, off, hourBins),
      beyondHorizon: c[off + hourBins.size]!,
      p50: q(off, hourBins, 0.5),
      p90: q(off, hourBins, 0.9),
    } as HoursQuantiles;
    if (withP99) out.p99 = q(off, hourBins, 0.99);
    out.conditionalOn = conditionalOn;
    return out;
  };
  // over all trials: the trials in which it never happened join the overflow ("after the horizon") bin
  const unconditional = (off: number): UnconditionalHours => {
    const h = c.slice(off, off + hourBins.size + 1);
    h[hourBins.size]! += trials - histogramCount(c, off, hourBins);
    const uq = (p: number) => finiteOrNull(histogramQuantile(h, 0, hourBins, p), r3);
    return { n: trials, p50: uq(0.5), p90: uq(0.9), p99: uq(0.99) };
  };
  const survival = (off: number) => (trials > 0 ? histogramAtOrBelow(c, off, hourBins, grid).map((k) => r6(1 - k / trials)) : []);
  const mean = (k: TotalKey) => (trials > 0 ? r3(c[layout.off.totals[k]]! / 1000 / trials) : null);
  const amountQ = (off: number, k: TotalKey) => ({
    mean: mean(k),
    p50: q(off, amountBins, 0.5),
    p90: q(off, amountBins, 0.9),
    p99: q(off, amountBins, 0.99),
  });
  const label = (list: readonly { id: string; name: { zh: string; en: string } }[], id: string) => {
    const x = list.find((e) => e.id === id);
    return x ? { zh: x.name.zh, en: x.name.en } : null;
  };

  const fanStride = stockBins.size + 1;
  const items: ItemSummary[] = layout.items.map((it) => {
    const def = s.reserves.items[it.index]!;
    const mom = histogramMoments(c, it.off.shortfallHist, amountBins);
    const fan = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
    if (it.initialTotal > 0 && trials > 0)
      for (let h = 0; h < layout.fanHours; h++)
        for (const [key, p] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const)
          fan[key].push(r3(histogramQuantile(c, it.off.fan + h * fanStride, stockBins, p) * it.initialTotal));
    const stockedOut = c[it.off.stockout]!;
    const stockoutByHour =
      trials > 0 ? histogramAtOrBelow(c, it.off.stockoutHours, hourBins, grid).map((k) => r6(k / trials)) : [];
    return {
      id: it.id,
      name: { zh: def.name.zh, en: def.name.en },
      unit: { zh: def.unit.zh, en: def.unit.en },
      initialStock: it.initialTotal,
      stockoutProbability: proportion(stockedOut, trials),
      hoursToStockout: hoursQ(it.off.stockoutHours, true, 'stockout'),
      hoursToStockoutUnconditional: unconditional(it.off.stockoutHours),
      stockoutByHour,
      shortfallProbability: proportion(c[it.off.shortfallTrials]!, trials),
      shortfall: {
        unit: it.shortfallUnit,
        mean: trials > 0 ? r3(c[it.off.shortfallSum]! / 1000 / trials) : null,
        se: trials > 1 ? r3(Math.sqrt(mom.variance / trials)) : null,
        p90: q(it.off.shortfallHist, amountBins, 0.9),
      },
      tiers: it.tiers.map((tier, j) => ({
        tier,
        warehouses: Array.from(it.warehouseTierSlot).filter((slot) => slot === j).length,
        stockoutProbability: proportion(c[it.off.tiers[j]!.stockout]!, trials),
        hoursToStockout: hoursQ(it.off.tiers[j]!.stockoutHours, true, 'stockout'),
        hoursToStockoutUnconditional: unconditional(it.off.tiers[j]!.stockoutHours),
        survivalByHour: survival(it.off.tiers[j]!.stockoutHours),
      })),
      stockFan: fan,
    };
  });

  const targets: TargetSummary[] = layout.targets.map((t, i) => {
    const def = s.targets[i]!;
    const applied = c[t.off.applied]!;
    return {
      id: t.id,
      name: { zh: def.name.zh, en: def.name.en },
      kind: t.kind,
      hours: t.hours,
      applied,
      metProbability: proportion(c[t.off.met]!, applied),
      achievedHours: hoursQ(t.off.hours, true, 'targetApplied'),
      exceedance: histogramExceedance(c, t.off.hours, hourBins, grid).map(r6),
    };
  });

  const o = layout.off;
  const responseLevels: LevelSummary[] = [
    { level: 'none', highestProbability: proportion(c[o.highest]!, trials), hoursToReach: null, atLeastProbability: null, hoursToAtLeast: null },
    ...LEVELS.map((level, r) => ({
      level,
      highestProbability: proportion(c[o.highest + r + 1]!, trials),
      hoursToReach: hoursQ(o.highestHours[r]!, false, 'highestLevel'),
      atLeastProbability: proportion(c[o.atLeast[r]!]!, trials),
      hoursToAtLeast: hoursQ(o.atLeastHours[r]!, false, 'atLeastLevel'),
    })),
  ];

  const trunkLinks: TrunkLinkSummary[] = layout.trunkLinks.map((l) => ({
    link: l.id,
    name: label(
      s.roads.links.flatMap((x) => (x.name ? [{ id: x.id, name: x.name }] : [])),
      l.id,
    ),
    cutProbability: proportion(c[l.off.cut]!, trials),
    episodes: c[l.off.episodes]!,
    reopenHours: hoursQ(l.off.hours, false, 'trunkCut'),
  }));

  const estimates = headlineCounts(layout, agg).map((h) => {
    const p = proportion(h.successes, h.n);
    return { key: h.key, estimate: p.estimate, se: p.se };
  });
  const maxSe = maxStoppingSe(layout, agg);

  return {
    format: 'yanlian-mc-summary',
    formatVersion: 1,
    engineVersion: meta.engineVersion,
    scenario: { id: s.id, sha256: meta.scenarioSha256 },
    seed: meta.seed,
    ...(meta.seedInput !== undefined ? { seedInput: meta.seedInput } : {}),
    trials,
    trialsRequested: meta.trialsRequested,
    partial: meta.stoppedBy === 'interrupted',
    stoppedBy: meta.stoppedBy,
    untilSe: meta.untilSe === null ? null : { se: meta.untilSe, chunkSize: meta.chunkSize },
    horizonHours: layout.horizonHours,
    methods: METHODS,
    bins: { hours: hourBins.describe(), stockFraction: stockBins.describe(), amounts: amountBins.describe() },
    curveStepHours: curveStep,
    headline: { maxSe: Number.isFinite(maxSe) ? r6(maxSe) : null, estimates },
    impact: {
      meanFailedSites: mean('failedSites'),
      affectedPeople: amountQ(o.affectedHist, 'affectedPeople'),
      deadMissing: amountQ(o.deadMissingHist, 'deadMissing'),
      meanRoadCuts: mean('roadCuts'),
      meanTrunkCuts: mean('trunkCuts'),
      meanDeliveries: mean('deliveries'),
      meanShelterOverflow: mean('shelterOverflow'),
      meanRelocatedPeople: mean('relocatedPeople'),
      meanDamagedRooms: mean('damagedRooms'),
    },
    reserves: { items },
    targets,
    responseLevels,
    roads: { trunkLinks },
    ...(layout.fire ? { fire: fireSummary(layout, agg) } : {}),
  };
}

/** The fire-season part of the summary; pure. */
function fireSummary(layout: McLayout, agg: McAggregate): FireSummary {
  const c = agg.counts;
  const f = layout.fire!;
  const trials = aggregateTrials(layout, agg);
  const countBins = new StepBins(1, FIRE_COUNT_MAX + 1);
  const q = (off: number, bins: Bins, p: number) => finiteOrNull(histogramQuantile(c, off, bins, p), r3);
  const perTrial = (sum: number) => (trials > 0 ? r3(sum / trials) : null);
  return {
    firesPerSeason: { mean: perTrial(c[f.fires]!), p50: q(f.countHist, countBins, 0.5), p90: q(f.countHist, countBins, 0.9) },
    burnedHa: {
      mean: perTrial(c[f.burnedSum]! / 1000),
      p50: q(f.burnedHist, layout.amountBins, 0.5),
      p90: q(f.burnedHist, layout.amountBins, 0.9),
      p99: q(f.burnedHist, layout.amountBins, 0.99),
    },
    shareOutWithin24h: proportion(c[f.out24]!, c[f.fires]!),
    allOutWithin24hProbability: proportion(c[f.allOut24]!, c[f.trialsWithFire]!),
    initialAttackSuccess: proportion(c[f.initialAttack]!, c[f.fires]!),
    largestGrade: FIRE_GRADES.map((grade, k) => ({ grade, probability: proportion(c[f.largestGrade + k]!, trials) })),
    meanPeopleEvacuated: perTrial(c[f.evacuatedSum]! / 1000),
  };
}
