import type { McAggregate } from '../../montecarlo/aggregate.ts';
import type { EvacMcLayout } from './evacMcLayout.ts';
import type { EvacTrialRow } from './evacTrialRow.ts';

/** An empty evacuation aggregate (integer counts in a Float64Array); pure. Merge with `mergeAggregate`. */
export function createEvacAggregate(layout: EvacMcLayout): McAggregate {
  return { counts: new Float64Array(layout.size) };
}

/** Trials an evacuation aggregate holds; pure. */
export function evacAggregateTrials(layout: EvacMcLayout, agg: McAggregate): number {
  return agg.counts[layout.off.trials]!;
}

/**
 * Adds one trial's row (mutates `agg`). Every addend is an integer (seconds summed as whole
 * milliseconds), so sums are exact and aggregates merge in any order to the same bits.
 */
export function addEvacTrial(layout: EvacMcLayout, agg: McAggregate, row: EvacTrialRow): void {
  const c = agg.counts;
  const o = layout.off;
  const { secondBins: sb, peopleBins: pb } = layout;
  const sec = (hist: number, x: number | null) => {
    c[hist + (x === null ? sb.size : sb.index(x))]!++;
  };
  const ppl = (hist: number, x: number) => {
    c[hist + pb.index(x)]!++;
  };
  c[o.trials]!++;
  if (row.assembled === row.people && row.allAssembledS !== null) c[o.allAssembled]!++;
  sec(o.assembledFromAlarmHist, row.assembledFromAlarmS);
  if (row.assembledFromAlarmS !== null) c[o.assembledFromAlarmSumMs]! += Math.round(row.assembledFromAlarmS * 1000);
  sec(o.assembledFromIgnitionHist, row.allAssembledS);
  if (row.allAssembledS !== null) c[o.assembledFromIgnitionSumMs]! += Math.round(row.allAssembledS * 1000);
  c[o.peopleSum]! += row.people;
  c[o.exposedSum]! += row.exposed;
  if (row.exposed > 0) c[o.exposedAny]!++;
  ppl(o.exposedHist, row.exposed);
  if (row.knockedDown) c[o.knockedDown]!++;
  if (row.fireOutBy === 'brigade') c[o.outByBrigade]!++;
  sec(o.call119Hist, row.call119FromDetectionS);
  sec(o.headcountHist, row.headcountFromAlarmS);
  c[o.missingSum]! += row.missing;
  c[o.trappedSum]! += row.trappedInLift;
  c[o.notEvacuatedSum]! += row.notEvacuated;
  layout.targets.forEach((t, i) => {
    const x = row.targets[i]!;
    if (x.met) c[t.off.met]!++;
    if (t.unit === 's') sec(t.off.hist, x.value);
    else ppl(t.off.hist, x.value ?? 0);
  });
  layout.stairs.forEach((st, i) => {
    const x = row.stairs[i]!;
    c[st.off.queueSum]! += x.maxQueue;
    ppl(st.off.queueHist, x.maxQueue);
    c[st.off.waitSumMs]! += Math.round(x.maxWaitS * 1000);
  });
}
