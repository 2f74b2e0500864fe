import type { EvacDecisionError } from './evacDecision.ts';
import type { EvacuationSim } from './evacuationSim.ts';
import type { EvacuationScenario } from './schema.ts';

/** Seconds rounded to 1 ms, or null for "never" (presentation only). */
const sec = (t: number): number | null => (Number.isFinite(t) ? Math.round(t * 1000) / 1000 : null);

export interface EvacGroupOutcome {
  id: string;
  people: number;
  /** final group state: atAssembly, trappedInLift, stuck, moving, … */
  state: string;
  alertS: number | null;
  startS: number | null;
  arrivedS: number | null;
  /** edge ids walked, in order */
  route: string[];
  /** stairs used, in order */
  stairs: string[];
  usedLift: boolean;
  belongings: boolean;
  lowPosture: boolean;
  /** smoke dose per person, seconds in smoke (halved while in low posture) */
  smokeS: number;
  exposed: boolean;
}

export interface EvacTargetResult {
  id: string;
  kind: EvacuationScenario['targets'][number]['kind'];
  limit: number;
  /** achieved seconds (or persons); null if it never happened */
  value: number | null;
  met: boolean;
}

/** What one evacuation run produced; every time is seconds since ignition. Plain JSON. */
export interface EvacOutcome {
  seed: number;
  originRoom: string;
  detectedS: number | null;
  alarmS: number | null;
  evacuationDeclaredS: number | null;
  /** last group at the assembly point; null if someone never got there */
  allAssembledS: number | null;
  totals: { people: number; assembled: number; exposed: number; trappedInLift: number; notEvacuated: number };
  groups: EvacGroupOutcome[];
  /** doors, stairs and exits, and any other edge where a group waited */
  bottlenecks: { edge: string; kind: string; people: number; maxQueuePersons: number; maxWaitS: number }[];
  call119S: number | null;
  fire: { knockedDown: boolean; knockedDownS: number | null; outS: number | null; by: 'extinguisher' | 'brigade' | null; brigadeAtFireS: number | null };
  headcount: { reportedS: number | null; counted: number; missing: number };
  roles: { guidesPostedS: number | null; exitsOpenedS: number | null; powerCutS: number | null; liftStoppedS: number | null; sweepDoneS: number | null; firstAidReadyS: number | null };
  phase: string;
  phases: { atS: number; phase: string }[];
  targets: EvacTargetResult[];
  refusedDecisions: { t: number; decision: unknown; error: EvacDecisionError }[];
}

/** Smoke seconds per person over a group's intervals, against when each edge actually got smoky. Pure. */
function doseOf(sim: EvacuationSim, g: EvacuationSim['groups'][number]): number {
  let d = 0;
  for (const iv of g.intervals) {
    const from = Math.max(iv.from, sim.smokyAt[iv.edge]!);
    const to = Math.min(iv.to, sim.now);
    if (to > from) d += (to - from) * iv.factor;
  }
  return d;
}

/** Builds the outcome of a run that has reached its end. Pure over the sim's state. */
export function buildEvacOutcome(sim: EvacuationSim): EvacOutcome {
  const s = sim.s;
  const bd = sim.bd;
  const groups = sim.groups.map((g): EvacGroupOutcome => {
    const smokeS = doseOf(sim, g);
    const stairs: string[] = [];
    for (const id of g.route) {
      const e = bd.edges[bd.edgeIndex.get(id)!]!;
      const st = e.stair >= 0 ? bd.stairIds[e.stair]! : null;
      if (st && stairs[stairs.length - 1] !== st) stairs.push(st);
    }
    return {
      id: g.id, people: g.people, state: g.m.value, alertS: g.alertS === null ? null : sec(g.alertS), startS: g.startS === null ? null : sec(g.startS),
      arrivedS: g.arrivedS === null ? null : sec(g.arrivedS), route: g.route, stairs, usedLift: g.usedLift, belongings: g.belongings,
      lowPosture: g.lowPosture, smokeS: sec(smokeS)!, exposed: g.people > 0 && smokeS >= s.fire.smoke.exposedAfterS,
    };
  });
  const people = groups.reduce((a, g) => a + g.people, 0);
  const exposed = groups.reduce((a, g) => a + (g.exposed ? g.people : 0), 0);
  const trapped = groups.reduce((a, g) => a + (g.state === 'trappedInLift' ? g.people : 0), 0);
  const used = new Map<number, number>();
  sim.backlog.forEach((list, e) => used.set(e, list.reduce((a, b) => a + b.n, 0)));
  const bottlenecks = bd.edges
    .map((e, i) => ({ edge: e.id, kind: e.kind, people: used.get(i) ?? 0, maxQueuePersons: Math.round(sim.maxQueue[i]!), maxWaitS: sec(sim.maxWait[i]!)! }))
    .filter((b) => ['door', 'stair', 'exit'].includes(b.kind) || b.maxWaitS > 0);
  const fromAlarm = (t: number) => (Number.isFinite(t) && Number.isFinite(sim.alarmS) ? t - sim.alarmS : Infinity);
  const targets = s.targets.map((t): EvacTargetResult => {
    const v =
      t.kind === 'allAssembledWithin' ? fromAlarm(sim.allAssembledS)
      : t.kind === 'headcountWithin' ? fromAlarm(sim.headcount?.atS ?? Infinity)
      : t.kind === 'call119Within' ? sim.call119S - sim.detectedS
      : exposed;
    return { id: t.id, kind: t.kind, limit: t.limit, value: sec(v), met: Number.isFinite(v) && v <= t.limit };
  });
  return {
    seed: sim.seed,
    originRoom: s.building.rooms.find((r) => bd.nodeIndex.get(r.node) === sim.origin)!.id,
    detectedS: sec(sim.detectedS),
    alarmS: sec(sim.alarmS),
    evacuationDeclaredS: sec(sim.evacuationS),
    allAssembledS: sec(sim.allAssembledS),
    totals: { people, assembled: sim.assembledPeople, exposed, trappedInLift: trapped, notEvacuated: people - sim.assembledPeople - trapped },
    groups,
    bottlenecks,
    call119S: sec(sim.call119S),
    fire: {
      knockedDown: sim.fireOutBy === 'extinguisher',
      knockedDownS: sim.fireOutBy === 'extinguisher' ? sec(sim.fireOutS) : null,
      outS: sec(sim.fireOutS),
      by: sim.fireOutBy,
      brigadeAtFireS: sec(sim.brigadeAtFireS),
    },
    headcount: { reportedS: sim.headcount ? sec(sim.headcount.atS) : null, counted: sim.headcount?.counted ?? 0, missing: sim.headcount?.missing ?? people },
    roles: {
      guidesPostedS: sec(sim.guidesAt), exitsOpenedS: sec(sim.exitsOpenS), powerCutS: sec(sim.powerCutS),
      liftStoppedS: sec(sim.liftStoppedS), sweepDoneS: sec(sim.sweepDoneS), firstAidReadyS: sec(sim.firstAidReadyS),
    },
    phase: sim.phase.value,
    phases: sim.phases.map((p) => ({ atS: sec(p.atS)!, phase: p.phase })),
    targets,
    refusedDecisions: sim.refused,
  };
}
