import { StepBins } from '../../montecarlo/bins.ts';
import type { EvacuationScenario } from '../schema.ts';

/** A localised label, as in the scenario. */
export interface EvacLabel {
  zh: string;
  en: string;
}

/** Where a target's counters sit in the aggregate. */
export interface EvacTargetLayout {
  id: string;
  kind: EvacuationScenario['targets'][number]['kind'];
  limit: number;
  /** 's' for the time targets (seconds), 'persons' for exposedAtMost */
  unit: 's' | 'persons';
  off: { met: number; hist: number };
}

/** Where a stair's counters sit: the largest queue (persons) at the mouth of any of its flights, per trial. */
export interface EvacStairLayout {
  id: string;
  name: EvacLabel;
  /** edge ids of its flights */
  edges: string[];
  off: { queueSum: number; queueHist: number; waitSumMs: number };
}

/**
 * The layout of an evacuation Monte Carlo aggregate: integer counters and fixed-bin integer
 * histograms in one Float64Array (as engine/montecarlo/mcLayout.ts does for the county model).
 * Its size depends on the scenario alone, so aggregates merge exactly by addition. Seconds are
 * binned to the nearest second (error ≤ 0.5 s) over 0 … horizonS, people to the nearest person
 * over 0 … the most people the rooms can hold (a room's count, or 500 for a distribution, the
 * schema's cap). Pure.
 */
export interface EvacMcLayout {
  size: number;
  horizonS: number;
  secondBins: StepBins;
  peopleBins: StepBins;
  targets: EvacTargetLayout[];
  stairs: EvacStairLayout[];
  off: {
    trials: number;
    /** every group at the 集合点 within the horizon */
    allAssembled: number;
    /** s from the alarm to the last group at the 集合点; overflow: never (or no alarm) */
    assembledFromAlarmHist: number;
    assembledFromAlarmSumMs: number;
    /** s from ignition to the last group at the 集合点; overflow: never */
    assembledFromIgnitionHist: number;
    assembledFromIgnitionSumMs: number;
    peopleSum: number;
    exposedSum: number;
    exposedAny: number;
    exposedHist: number;
    knockedDown: number;
    outByBrigade: number;
    /** s from detection to the 119 call; overflow: not called */
    call119Hist: number;
    /** s from the alarm to the headcount report; overflow: not reported */
    headcountHist: number;
    missingSum: number;
    trappedSum: number;
    notEvacuatedSum: number;
  };
}

/** Builds the aggregate layout of a building scenario; pure. */
export function evacMcLayout(s: EvacuationScenario): EvacMcLayout {
  let size = 0;
  const take = (n: number) => {
    const at = size;
    size += n;
    return at;
  };
  const secondBins = new StepBins(1, Math.ceil(s.horizonS) + 1);
  const maxPeople = s.building.rooms.reduce((a, r) => a + (typeof r.occupants === 'number' ? r.occupants : 500), 0);
  const peopleBins = new StepBins(1, maxPeople + 1);
  const sHist = () => take(secondBins.size + 1);
  const pHist = () => take(peopleBins.size + 1);
  const off = {
    trials: take(1),
    allAssembled: take(1),
    assembledFromAlarmHist: sHist(),
    assembledFromAlarmSumMs: take(1),
    assembledFromIgnitionHist: sHist(),
    assembledFromIgnitionSumMs: take(1),
    peopleSum: take(1),
    exposedSum: take(1),
    exposedAny: take(1),
    exposedHist: pHist(),
    knockedDown: take(1),
    outByBrigade: take(1),
    call119Hist: sHist(),
    headcountHist: sHist(),
    missingSum: take(1),
    trappedSum: take(1),
    notEvacuatedSum: take(1),
  };
  const targets = s.targets.map((t): EvacTargetLayout => {
    const unit = t.kind === 'exposedAtMost' ? 'persons' : 's';
    return { id: t.id, kind: t.kind, limit: t.limit, unit, off: { met: take(1), hist: unit === 's' ? sHist() : pHist() } };
  });
  const stairs = s.building.stairs.map(
    (st): EvacStairLayout => ({
      id: st.id,
      name: { zh: st.name.zh, en: st.name.en },
      edges: s.building.edges.filter((e) => e.stair === st.id).map((e) => e.id),
      off: { queueSum: take(1), queueHist: pHist(), waitSumMs: take(1) },
    }),
  );
  return { size, horizonS: s.horizonS, secondBins, peopleBins, targets, stairs, off };
}
