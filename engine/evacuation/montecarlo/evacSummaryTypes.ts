import type { BinsSpec } from '../../montecarlo/bins.ts';
import type { Proportion } from '../../montecarlo/proportion.ts';
import type { StopReason } from '../../montecarlo/summaryTypes.ts';
import type { EvacLabel, EvacTargetLayout } from './evacMcLayout.ts';

/**
 * Quantiles (R type 7 over 1-second bin midpoints) of a time in seconds over `n` trials; `never`
 * counts the trials where it did not happen within the horizon, which sort after every time (a
 * quantile among them is null). `mean` is over the trials where it happened (exact, from ms sums)
 * when recorded.
 */
export interface SecondsQuantiles {
  n: number;
  never: number;
  mean?: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

/** Mean and quantiles of a count of people per trial (1-person bins, exact). */
export interface PeopleQuantiles {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export interface EvacTargetSummary {
  id: string;
  kind: EvacTargetLayout['kind'];
  limit: number;
  unit: 's' | 'persons';
  /** P(met) over all trials */
  metProbability: Proportion;
  /** the achieved value per trial: seconds (from the alarm, or from detection for call119Within) or persons */
  achieved: SecondsQuantiles | PeopleQuantiles;
}

export interface EvacStairSummary {
  id: string;
  name: EvacLabel;
  /** the largest queue (persons waiting at the mouth of one of its flights) per trial */
  maxQueue: PeopleQuantiles;
  /** mean over trials of the longest wait at one of its flights, s */
  meanMaxWaitS: number | null;
}

/** The Monte Carlo summary of a building scenario: plain JSON, bit-identical for any worker count and chunking. */
export interface EvacMcSummary {
  format: 'yanlian-evac-mc-summary';
  formatVersion: 1;
  model: 'evacuation';
  engineVersion: string;
  scenario: { id: string; sha256: string };
  seed: number;
  seedInput?: string;
  trials: number;
  trialsRequested: number;
  partial: boolean;
  stoppedBy: StopReason;
  untilSe: { se: number; chunkSize: number } | null;
  horizonS: number;
  methods: Record<string, string>;
  bins: { seconds: BinsSpec; people: BinsSpec };
  headline: { maxSe: number | null; estimates: { key: string; estimate: number | null; se: number | null }[] };
  people: { meanTotal: number | null; meanTrappedInLift: number | null; meanNotEvacuated: number | null };
  assembly: {
    /** P(every group reached the 集合点 within the horizon) */
    everyoneProbability: Proportion;
    /** s from the alarm to the last group at the 集合点 */
    fromAlarmS: SecondsQuantiles;
    /** s from ignition to the last group at the 集合点 */
    fromIgnitionS: SecondsQuantiles;
  };
  exposure: { anyProbability: Proportion; exposed: PeopleQuantiles };
  fire: {
    /** knocked down by the 灭火 role's extinguisher */
    knockedDownProbability: Proportion;
    /** put out by the fire brigade */
    outByBrigadeProbability: Proportion;
  };
  /** s from detection to the 119 call */
  call119: SecondsQuantiles;
  /** s from the alarm to the headcount report; meanMissing: people not counted */
  headcount: SecondsQuantiles & { meanMissing: number | null };
  stairs: EvacStairSummary[];
  targets: EvacTargetSummary[];
}
