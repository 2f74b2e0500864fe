import type { EvacOutcome } from '../evacOutcome.ts';
import type { EvacMcLayout } from './evacMcLayout.ts';

/**
 * What the Monte Carlo keeps of one evacuation run: plain numbers, seconds rounded to 1 ms as in
 * the outcome, null for "never". Pure data.
 */
export interface EvacTrialRow {
  trial: number;
  seed: number;
  originRoom: string;
  detectedS: number | null;
  alarmS: number | null;
  evacuationDeclaredS: number | null;
  /** seconds since ignition until the last group reached the 集合点; null if someone never did */
  allAssembledS: number | null;
  /** the same counted from the alarm (what the allAssembledWithin target judges) */
  assembledFromAlarmS: number | null;
  people: number;
  assembled: number;
  exposed: number;
  trappedInLift: number;
  notEvacuated: number;
  /** seconds from detection to the 119 call; null if never called */
  call119FromDetectionS: number | null;
  knockedDown: boolean;
  fireOutBy: 'extinguisher' | 'brigade' | null;
  fireOutS: number | null;
  /** seconds from the alarm to the headcount report; null if never reported */
  headcountFromAlarmS: number | null;
  missing: number;
  /** per stair (layout order): the largest queue (persons) and wait (s) at any of its flights */
  stairs: { maxQueue: number; maxWaitS: number }[];
  /** per target (layout order): met, and the achieved value (s or persons; null = never) */
  targets: { met: boolean; value: number | null }[];
}

const ms = (x: number) => Math.round(x * 1000) / 1000;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : ms(a - b));

/** Extracts a trial's row from its outcome; pure. */
export function evacTrialRow(layout: EvacMcLayout, trial: number, o: EvacOutcome): EvacTrialRow {
  const byEdge = new Map(o.bottlenecks.map((b) => [b.edge, b]));
  return {
    trial,
    seed: o.seed,
    originRoom: o.originRoom,
    detectedS: o.detectedS,
    alarmS: o.alarmS,
    evacuationDeclaredS: o.evacuationDeclaredS,
    allAssembledS: o.allAssembledS,
    assembledFromAlarmS: diff(o.allAssembledS, o.alarmS),
    people: o.totals.people,
    assembled: o.totals.assembled,
    exposed: o.totals.exposed,
    trappedInLift: o.totals.trappedInLift,
    notEvacuated: o.totals.notEvacuated,
    call119FromDetectionS: diff(o.call119S, o.detectedS),
    knockedDown: o.fire.knockedDown,
    fireOutBy: o.fire.by,
    fireOutS: o.fire.outS,
    headcountFromAlarmS: diff(o.headcount.reportedS, o.alarmS),
    missing: o.headcount.missing,
    stairs: layout.stairs.map((st) => {
      let maxQueue = 0;
      let maxWaitS = 0;
      for (const e of st.edges) {
        const b = byEdge.get(e);
        if (!b) continue;
        maxQueue = Math.max(maxQueue, b.maxQueuePersons);
        maxWaitS = Math.max(maxWaitS, b.maxWaitS);
      }
      return { maxQueue, maxWaitS };
    }),
    targets: layout.targets.map((t) => {
      const r = o.targets.find((x) => x.id === t.id);
      return { met: r?.met ?? false, value: r?.value ?? null };
    }),
  };
}
