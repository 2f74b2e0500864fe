import type { McAggregate } from '../../montecarlo/aggregate.ts';
import type { Bins } from '../../montecarlo/bins.ts';
import { histogramCount, histogramQuantile } from '../../montecarlo/histogramQuantile.ts';
import { proportion, stoppingSe } from '../../montecarlo/proportion.ts';
import type { SummaryMeta } from '../../montecarlo/summarize.ts';
import type { EvacuationScenario } from '../schema.ts';
import type { EvacMcLayout } from './evacMcLayout.ts';
import type { EvacMcSummary, PeopleQuantiles, SecondsQuantiles } from './evacSummaryTypes.ts';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export const EVAC_METHODS: Record<string, string> = {
  trialSeed: "trial i (0-based) runs with seed deriveSeed(seed, 'trial', i), plan mode auto, no decisions; `yanlian run FILE --seed <that seed>` re-runs it alone",
  aggregation: 'integer counters and fixed-bin integer histograms (seconds summed as whole ms), merged by addition in chunk order: bit-identical for any worker count and chunk size',
  quantiles: 'R type 7 / numpy "linear" over histogram bin midpoints (1 s bins for times, 1-person bins for counts), as simple-statistics quantile',
  quantileError: 'at most 0.5 s for times; exact for people',
  interval: 'Wilson score 95% interval (z = 1.959964)',
  nulls: 'a time quantile is null when it falls among the trials where it never happened within the horizon (`never`)',
  untilSe: 'checked after each chunk, in chunk order: stop once every headline probability has max(sqrt(p(1−p)/n), Agresti–Coull SE) ≤ X',
  headline: 'per target P(met); P(anyone exposed to smoke); P(fire knocked down by the 灭火 role)',
  times: 'assembly and headcount from the alarm, 119 from detection (as the targets judge them); fromIgnitionS since ignition',
  stairs: "per trial the largest queue (persons waiting to enter) and the longest wait at any flight of the stair",
};

/** The headline probabilities of an evacuation run (what `--until-se` watches); pure. */
export function evacHeadlineCounts(layout: EvacMcLayout, agg: McAggregate): { key: string; successes: number; n: number }[] {
  const c = agg.counts;
  const n = c[layout.off.trials]!;
  return [
    ...layout.targets.map((t) => ({ key: `targets.${t.id}.metProbability`, successes: c[t.off.met]!, n })),
    { key: 'exposure.anyProbability', successes: c[layout.off.exposedAny]!, n },
    { key: 'fire.knockedDownProbability', successes: c[layout.off.knockedDown]!, n },
  ];
}

/** The largest stopping SE among the headline probabilities; Infinity with no trials. Pure. */
export function evacMaxStoppingSe(layout: EvacMcLayout, agg: McAggregate): number {
  if (agg.counts[layout.off.trials]! <= 0) return Infinity;
  return Math.max(0, ...evacHeadlineCounts(layout, agg).map((h) => stoppingSe(h.successes, h.n)));
}

/**
 * Turns an evacuation aggregate into its summary: probabilities with Wilson 95% intervals,
 * second and people quantiles, per-stair queues and the targets. Pure: the same counts give the
 * same JSON, bit for bit.
 */
export function summarizeEvac(s: EvacuationScenario, layout: EvacMcLayout, agg: McAggregate, meta: SummaryMeta): EvacMcSummary {
  const c = agg.counts;
  const o = layout.off;
  const trials = c[o.trials]!;
  const { secondBins: sb, peopleBins: pb } = layout;
  const q = (off: number, bins: Bins, p: number) => {
    const x = histogramQuantile(c, off, bins, p);
    return Number.isFinite(x) ? r3(x) : null;
  };
  const secondsQ = (off: number, sumMs?: number): SecondsQuantiles => {
    const never = c[off + sb.size]!;
    const n = histogramCount(c, off, sb);
    const happened = n - never;
    return {
      n,
      never,
      ...(sumMs !== undefined ? { mean: happened > 0 ? r3(c[sumMs]! / 1000 / happened) : null } : {}),
      p50: q(off, sb, 0.5),
      p90: q(off, sb, 0.9),
      p95: q(off, sb, 0.95),
      p99: q(off, sb, 0.99),
    };
  };
  const peopleQ = (off: number, sum: number | null): PeopleQuantiles => {
    let mean: number | null = null;
    if (trials > 0) {
      if (sum !== null) mean = r3(c[sum]! / trials);
      else {
        let t = 0;
        for (let b = 0; b < pb.size; b++) t += c[off + b]! * pb.mid(b);
        mean = r3(t / trials);
      }
    }
    return { mean, p50: q(off, pb, 0.5), p90: q(off, pb, 0.9), p99: q(off, pb, 0.99) };
  };
  const perTrial = (off: number) => (trials > 0 ? r3(c[off]! / trials) : null);
  const estimates = evacHeadlineCounts(layout, agg).map((h) => {
    const p = proportion(h.successes, h.n);
    return { key: h.key, estimate: p.estimate, se: p.se };
  });
  const maxSe = evacMaxStoppingSe(layout, agg);
  return {
    format: 'yanlian-evac-mc-summary',
    formatVersion: 1,
    model: 'evacuation',
    engineVersion: meta.engineVersion,
    scenario: { id: s.id, sha256: meta.scenarioSha256 },
    seed: meta.seed,
    ...(meta.seedInput !== undefined ? { seedInput: meta.seedInput } : {}),
    trials,
    trialsRequested: meta.trialsRequested,
    partial: meta.stoppedBy === 'interrupted',
    stoppedBy: meta.stoppedBy,
    untilSe: meta.untilSe === null ? null : { se: meta.untilSe, chunkSize: meta.chunkSize },
    horizonS: layout.horizonS,
    methods: EVAC_METHODS,
    bins: { seconds: sb.describe(), people: pb.describe() },
    headline: { maxSe: Number.isFinite(maxSe) ? r6(maxSe) : null, estimates },
    people: { meanTotal: perTrial(o.peopleSum), meanTrappedInLift: perTrial(o.trappedSum), meanNotEvacuated: perTrial(o.notEvacuatedSum) },
    assembly: {
      everyoneProbability: proportion(c[o.allAssembled]!, trials),
      fromAlarmS: secondsQ(o.assembledFromAlarmHist, o.assembledFromAlarmSumMs),
      fromIgnitionS: secondsQ(o.assembledFromIgnitionHist, o.assembledFromIgnitionSumMs),
    },
    exposure: { anyProbability: proportion(c[o.exposedAny]!, trials), exposed: peopleQ(o.exposedHist, o.exposedSum) },
    fire: { knockedDownProbability: proportion(c[o.knockedDown]!, trials), outByBrigadeProbability: proportion(c[o.outByBrigade]!, trials) },
    call119: secondsQ(o.call119Hist),
    headcount: { ...secondsQ(o.headcountHist), meanMissing: perTrial(o.missingSum) },
    stairs: layout.stairs.map((st) => ({
      id: st.id,
      name: st.name,
      maxQueue: peopleQ(st.off.queueHist, st.off.queueSum),
      meanMaxWaitS: trials > 0 ? r3(c[st.off.waitSumMs]! / 1000 / trials) : null,
    })),
    targets: layout.targets.map((t) => ({
      id: t.id,
      kind: t.kind,
      limit: t.limit,
      unit: t.unit,
      metProbability: proportion(c[t.off.met]!, trials),
      achieved: t.unit === 's' ? secondsQ(t.off.hist) : peopleQ(t.off.hist, null),
    })),
  };
}
