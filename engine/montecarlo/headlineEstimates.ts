import type { McAggregate } from './aggregate.ts';
import type { McLayout } from './mcLayout.ts';
import { stoppingSe } from './proportion.ts';

/** One headline probability: its summary key and its counts. */
export interface HeadlineCount {
  key: string;
  successes: number;
  n: number;
}

/**
 * The headline probabilities of a run: per item, P(stock-out) and P(shortfall) over all trials;
 * per target that applied at least once, P(met) over the trials it applied to. Pure.
 */
export function headlineCounts(layout: McLayout, agg: McAggregate): HeadlineCount[] {
  const c = agg.counts;
  const trials = c[layout.off.trials]!;
  const out: HeadlineCount[] = [];
  for (const it of layout.items) {
    out.push({ key: `reserves.${it.id}.stockoutProbability`, successes: c[it.off.stockout]!, n: trials });
    out.push({ key: `reserves.${it.id}.shortfallProbability`, successes: c[it.off.shortfallTrials]!, n: trials });
  }
  for (const t of layout.targets) {
    const n = c[t.off.applied]!;
    if (n > 0) out.push({ key: `targets.${t.id}.metProbability`, successes: c[t.off.met]!, n });
  }
  const f = layout.fire;
  if (f && c[f.trialsWithFire]! > 0) out.push({ key: 'fire.allOutWithin24hProbability', successes: c[f.allOut24]!, n: c[f.trialsWithFire]! });
  return out;
}

/**
 * The largest stopping standard error (see `stoppingSe`) among the headline probabilities;
 * `--until-se X` stops once this is ≤ X. Pure; Infinity with no trials.
 */
export function maxStoppingSe(layout: McLayout, agg: McAggregate): number {
  if (agg.counts[layout.off.trials]! <= 0) return Infinity;
  let worst = 0;
  for (const h of headlineCounts(layout, agg)) worst = Math.max(worst, stoppingSe(h.successes, h.n));
  return worst;
}
