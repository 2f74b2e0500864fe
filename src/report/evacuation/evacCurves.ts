import type { EvacMcLayout } from '../../../engine/evacuation/montecarlo/index.ts';
import type { McAggregate } from '../../../engine/montecarlo/index.ts';

/**
 * A per-trial time distribution as plain JSON: `counts[b]` trials whose time rounded to the
 * nearest second is `b·stepS` s (trailing empty bins dropped), `never` trials where it did not
 * happen within the horizon.
 */
export interface SecondsHistogram {
  stepS: number;
  counts: number[];
  never: number;
}

/**
 * The distributions the evacuation report draws, which the summary holds only as quantiles:
 * time from the alarm (and from ignition) to the last group at the 集合点, and each seconds
 * target's achieved time (null for a persons target), in the summary's target order.
 */
export interface EvacCurves {
  assembly: { fromAlarmS: SecondsHistogram; fromIgnitionS: SecondsHistogram };
  targets: (SecondsHistogram | null)[];
}

/** Reads the histograms out of an evacuation aggregate (1 s bins, see evacMcLayout). Pure. */
export function evacCurves(layout: EvacMcLayout, agg: McAggregate): EvacCurves {
  const c = agg.counts;
  const bins = layout.secondBins;
  const hist = (off: number): SecondsHistogram => {
    let last = -1;
    for (let b = 0; b < bins.size; b++) if (c[off + b]! > 0) last = b;
    const counts: number[] = [];
    for (let b = 0; b <= last; b++) counts.push(c[off + b]!);
    return { stepS: bins.step, counts, never: c[off + bins.size]! };
  };
  return {
    assembly: { fromAlarmS: hist(layout.off.assembledFromAlarmHist), fromIgnitionS: hist(layout.off.assembledFromIgnitionHist) },
    targets: layout.targets.map((t) => (t.unit === 's' ? hist(t.off.hist) : null)),
  };
}

/** P(time > t) at t = 0, step, 2·step, … up to the last bin; `never` counts as beyond. Empty with no trials. Pure. */
export function exceedanceOf(h: SecondsHistogram): { t: number[]; p: number[] } {
  const n = h.counts.reduce((a, x) => a + x, 0) + h.never;
  if (n === 0) return { t: [], p: [] };
  const t: number[] = [];
  const p: number[] = [];
  let above = n;
  for (let b = 0; b < h.counts.length; b++) {
    above -= h.counts[b]!;
    t.push(b * h.stepS);
    p.push(Math.round((above / n) * 1e6) / 1e6);
  }
  return { t, p };
}
