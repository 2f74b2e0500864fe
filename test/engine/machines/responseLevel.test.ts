import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RESPONSE_STATES, responseLevelMachine, type ResponseEvent } from '../../../engine/machines/responseLevel.machine.ts';
import { actorInstance } from '../../../engine/machines/host.ts';
import { edges, expectFinalIgnores, reachedValues, replay, shortestPaths, simplePaths, startActor, vertexCount, type Exploration, type Snap } from './graphHarness.ts';

const RANKS = [0, 1, 2, 3, 4];
const EVENTS: ResponseEvent[] = [
  ...RANKS.flatMap((rank) => [true, false].map((endMet) => ({ type: 'ASSESS' as const, rank, endMet }))),
  ...RANKS.map((rank) => ({ type: 'EVIDENCE' as const, rank })),
  ...RANKS.map((rank) => ({ type: 'DECLARE' as const, rank })),
  { type: 'END' },
];
const ALL_VALUES = [...RESPONSE_STATES, 'ended'].sort();

interface Ctx {
  belowHours: number;
  endHours: number;
  deescalateAfter: number;
  endAfter: number;
}

/**
 * At Ⅳ the below-level counter keeps counting but is never read (Ⅳ does not step down by
 * itself), so the raw context space is infinite. States that differ only in belowHours beyond
 * deescalateAfter behave identically; capping it there keeps the graph finite and exact.
 */
function serializeCapped(s: Snap): string {
  const c = s.context as Ctx;
  return JSON.stringify({ v: s.value, b: Math.min(c.belowHours, c.deescalateAfter), e: c.endHours });
}
const explore = (d: number, e: number): Exploration => ({
  events: EVENTS,
  input: { deescalateAfterHours: d, endAfterHours: e },
  serializeState: serializeCapped,
});

/**
 * Reference model, written from the doc comment and the guard priorities (up > end > step down).
 * DECLARE (a commander's decision) sets any level Ⅳ..Ⅰ at once, up or down; END ends an active
 * response; neither can act on "none" except DECLARE starting one.
 */
interface RL {
  level: number | 'ended';
  below: number;
  end: number;
}
function refStep(s: RL, ev: ResponseEvent, d: number, e: number): RL {
  if (s.level === 'ended') return s;
  const r = s.level;
  if (ev.type === 'END') return r === 0 ? s : { level: 'ended', below: 0, end: 0 };
  if (ev.type === 'DECLARE') return ev.rank >= 1 && ev.rank <= 4 && ev.rank !== r ? { level: ev.rank, below: 0, end: 0 } : s;
  if (ev.rank > r && ev.rank <= 4) return { level: ev.rank, below: 0, end: 0 }; // escalate at once
  if (ev.type === 'EVIDENCE' || r === 0) return s; // evidence only escalates; "none" only starts
  if (ev.endMet && s.end + 1 >= e) return { level: 'ended', below: 0, end: 0 };
  const below = ev.rank < r ? s.below + 1 : 0;
  // one level down; the end count goes on (ending does not wait for the ladder)
  if (r > 1 && ev.rank < r && below >= d) return { level: r - 1, below: 0, end: ev.endMet ? s.end + 1 : 0 };
  return { level: r, below, end: ev.endMet ? s.end + 1 : 0 };
}
const levelOf = (value: unknown): number | 'ended' =>
  value === 'ended' ? 'ended' : RESPONSE_STATES.indexOf(value as (typeof RESPONSE_STATES)[number]);
const refOf = (s: Snap): RL => ({ level: levelOf(s.value), below: (s.context as Ctx).belowHours, end: (s.context as Ctx).endHours });

function response(d: number, e: number) {
  return startActor(responseLevelMachine, { deescalateAfterHours: d, endAfterHours: e });
}
/** Runs events from a fresh actor; a number n is ASSESS rank n (endMet false), `[n, true]` ends-met. */
type Ev = number | [number, boolean] | ResponseEvent;
function toEvent(x: Ev): ResponseEvent {
  if (typeof x === 'number') return { type: 'ASSESS', rank: x, endMet: false };
  if (Array.isArray(x)) return { type: 'ASSESS', rank: x[0], endMet: x[1] };
  return x;
}
function run(d: number, e: number, evs: Ev[]) {
  const a = response(d, e);
  for (const x of evs) a.send(toEvent(x));
  return a.getSnapshot();
}
const evidence = (rank: number): ResponseEvent => ({ type: 'EVIDENCE', rank });
const declare = (rank: number): ResponseEvent => ({ type: 'DECLARE', rank });
const END: ResponseEvent = { type: 'END' };
/** Random events; END is rare so that long runs (de-escalation chains, end counts) occur. */
const eventArb: fc.Arbitrary<ResponseEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ type: fc.constant('ASSESS' as const), rank: fc.integer({ min: 0, max: 4 }), endMet: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('EVIDENCE' as const), rank: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('DECLARE' as const), rank: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'END' as const }) },
);
const repeat = <T,>(x: T, k: number): T[] => Array.from({ length: k }, () => x);

describe('responseLevel machine — graph exploration', () => {
  it.each([
    [1, 1],
    [2, 2],
    [2, 3],
    [3, 2],
  ])('deescalate %i h / end %i h: reaches exactly none/IV/III/II/I/ended; every shortest path replays', (d, e) => {
    const x = explore(d, e);
    const paths = shortestPaths(responseLevelMachine, x);
    expect(reachedValues(paths)).toEqual(ALL_VALUES);
    // none, ended; Ⅳ with below 0..d (capped) × end 0..e-1; Ⅲ/Ⅱ/Ⅰ with below 0..d-1 × end 0..e-1
    const expected = 2 + (d + 1) * e + 3 * d * e;
    expect(paths.length).toBe(expected);
    expect(vertexCount(responseLevelMachine, x)).toBe(expected);
    for (const p of paths) {
      const c = p.state.context as Ctx;
      if (p.state.value !== 'IV') expect(c.belowHours).toBeLessThan(d);
      expect(c.endHours).toBeLessThan(e);
      replay(responseLevelMachine, p, x);
    }
    const ended = paths.find((p) => p.state.value === 'ended')!;
    expect(ended.state.status).toBe('done');
    // shortest way to end: start a response, then END (or a single end-met hour when e = 1)
    expect(ended.steps.length - 1).toBe(2);
  });

  // With every event the (deescalate 1 h / end 1 h) graph has ~45 000 simple paths; these two
  // event subsets keep it to ~12 000 while still covering each kind of transition (the shortest
  // paths and the edge check above cover the full event set).
  it.each([
    ['ASSESS, EVIDENCE and END', EVENTS.filter((e) => e.type !== 'DECLARE')],
    ['DECLARE, END and quiet assessments', EVENTS.filter((e) => e.type === 'DECLARE' || e.type === 'END' || (e.type === 'ASSESS' && e.rank === 0))],
  ])('every simple path replays on a fresh actor (deescalate 1 h / end 1 h; %s)', (_, events) => {
    const x = { ...explore(1, 1), events };
    const paths = simplePaths(responseLevelMachine, x);
    expect(reachedValues(paths)).toEqual(ALL_VALUES);
    expect(paths.length).toBeGreaterThan(100);
    for (const p of paths) replay(responseLevelMachine, p, x);
  });

  it.each([
    [1, 1],
    [2, 2],
    [2, 3],
    [3, 2],
    [4, 1],
  ])('deescalate %i h / end %i h: every explored transition agrees with the reference model', (d, e) => {
    for (const { state, event, next } of edges(responseLevelMachine, explore(d, e))) {
      const want = refStep(refOf(state), event as ResponseEvent, d, e);
      expect(refOf(next), `${JSON.stringify(refOf(state))} + ${JSON.stringify(event)}`).toEqual(want);
      expect(next.status).toBe(want.level === 'ended' ? 'done' : 'active');
    }
  });

  it('ended is not reachable without a response first being started', () => {
    for (const p of shortestPaths(responseLevelMachine, explore(2, 2))) {
      if (p.state.value !== 'ended') continue;
      const visited = p.steps.map((s) => s.state.value);
      expect(visited.slice(1, -1).every((v) => v !== 'none')).toBe(true);
    }
  });
});

describe('responseLevel machine — semantics', () => {
  it('starts at none with zeroed counters and the inputs in context', () => {
    const s = response(12, 24).getSnapshot();
    expect(s.value).toBe('none');
    expect(s.context).toEqual({ belowHours: 0, endHours: 0, deescalateAfter: 12, endAfter: 24 });
  });

  it('starts at the level whose conditions hold, skipping lower levels', () => {
    expect(run(2, 2, [0]).value).toBe('none');
    expect(run(2, 2, [1]).value).toBe('IV');
    expect(run(2, 2, [3]).value).toBe('II');
    expect(run(2, 2, [4]).value).toBe('I');
    expect(run(2, 2, [evidence(2)]).value).toBe('III');
  });

  it('none ignores a quiet assessment, even with every end condition met', () => {
    const s = run(1, 1, [[0, true], [0, true], evidence(0)]);
    expect(s.value).toBe('none');
    expect(s.status).toBe('active');
  });

  it('escalates at once and skips levels, on ASSESS and on EVIDENCE', () => {
    expect(run(2, 2, [1, 4]).value).toBe('I');
    expect(run(2, 2, [1, evidence(3)]).value).toBe('II');
    expect(run(2, 2, [2, evidence(4)]).value).toBe('I');
  });

  it('EVIDENCE never lowers the level and never touches the counters', () => {
    for (let r = 1; r <= 4; r++) {
      const a = response(3, 3);
      a.send(toEvent(r));
      a.send(toEvent([0, true])); // below 1, end 1
      const before = a.getSnapshot();
      for (let k = 0; k <= r; k++) a.send(evidence(k));
      expect(a.getSnapshot().value).toBe(before.value);
      expect(a.getSnapshot().context).toEqual(before.context);
    }
  });

  it('steps down one level after deescalateAfterHours assessments below the level', () => {
    const a = response(3, 100);
    a.send(toEvent(4));
    const trace: string[] = [];
    for (let h = 0; h < 12; h++) {
      a.send(toEvent(0));
      trace.push(a.getSnapshot().value as string);
    }
    expect(trace).toEqual(['I', 'I', 'II', 'II', 'II', 'III', 'III', 'III', 'IV', 'IV', 'IV', 'IV']);
  });

  it('an hour at or above the level in between resets the step-down count', () => {
    expect(run(3, 100, [4, 0, 0, 4, 0, 0]).value).toBe('I');
    expect(run(3, 100, [4, 0, 0, 4, 0, 0, 0]).value).toBe('II');
    // at Ⅲ, an assessment of Ⅲ keeps it; an assessment of Ⅳ counts as below
    expect(run(2, 100, [2, 1, 2, 1]).value).toBe('III');
    expect(run(2, 100, [2, 1, 1]).value).toBe('IV');
  });

  it('steps down one level only, however low the assessment', () => {
    expect(run(1, 100, [4, 0]).value).toBe('II');
    expect(run(1, 100, [4, 1]).value).toBe('II');
    expect(run(1, 100, [4, 3]).value).toBe('II');
  });

  it('never de-escalates below Ⅳ by itself', () => {
    const s = run(1, 5, [4, ...repeat(0, 500)]);
    expect(s.value).toBe('IV');
    expect(s.status).toBe('active');
  });

  it('ends only after endAfterHours consecutive end-met assessments', () => {
    expect(run(2, 3, [1, [0, true], [0, true]]).value).toBe('IV');
    expect(run(2, 3, [1, [0, true], [0, true], [0, true]]).value).toBe('ended');
    // a broken run starts over
    expect(run(2, 3, [1, [0, true], [0, true], [0, false], [0, true], [0, true]]).value).toBe('IV');
    expect(run(2, 3, [1, [0, true], [0, true], [0, false], [0, true], [0, true], [0, true]]).value).toBe('ended');
    // EVIDENCE in between neither counts nor breaks the run
    expect(run(2, 3, [1, [0, true], evidence(0), [0, true], evidence(1), [0, true]]).value).toBe('ended');
  });

  it('endAfterHours 1 ends at the first end-met assessment, from any level', () => {
    for (let r = 1; r <= 4; r++) expect(run(5, 1, [r, [0, true]]).value).toBe('ended');
  });

  it('ending wins over a step-down due in the same hour', () => {
    expect(run(2, 2, [3, [0, true], [0, true]]).value).toBe('ended');
  });

  it('escalation wins over an end due in the same hour', () => {
    expect(run(2, 2, [2, [0, true], [4, true]]).value).toBe('I');
    // and the escalation restarts the end count
    expect(run(2, 2, [2, [0, true], [4, true], [0, true]]).value).toBe('I');
  });

  it('ended is final: nothing restarts the response', () => {
    const a = response(1, 1);
    a.send(toEvent(2));
    a.send(toEvent([0, true]));
    expect(a.getSnapshot().value).toBe('ended');
    expect(a.getSnapshot().status).toBe('done');
    expectFinalIgnores(a, EVENTS);
  });

  it('DECLARE sets any level at once, up or down, and restarts the counters', () => {
    expect(run(2, 2, [declare(3)]).value).toBe('II');
    expect(run(2, 2, [4, declare(1)]).value).toBe('IV');
    expect(run(2, 2, [1, declare(4)]).value).toBe('I');
    expect(run(2, 2, [4, declare(2)]).value).toBe('III');
    const s = run(3, 3, [4, [0, true], [0, true], declare(2)]);
    expect(s.value).toBe('III');
    expect(s.context).toMatchObject({ belowHours: 0, endHours: 0 });
  });

  it('DECLARE cannot set "none", and re-declaring the level in force changes nothing', () => {
    expect(run(2, 2, [declare(0)]).value).toBe('none');
    expect(run(2, 2, [3, declare(0)]).value).toBe('II');
    const a = response(3, 3);
    a.send(toEvent(3));
    a.send(toEvent([0, true]));
    const before = a.getSnapshot();
    a.send(declare(3));
    expect(a.getSnapshot().value).toBe('II');
    expect(a.getSnapshot().context).toEqual(before.context);
  });

  it('END ends an active response at once, from any level; it does nothing before a response', () => {
    for (let r = 1; r <= 4; r++) {
      const s = run(2, 5, [r, END]);
      expect(s.value).toBe('ended');
      expect(s.status).toBe('done');
    }
    expect(run(2, 5, [END]).value).toBe('none');
    expect(run(2, 5, [END, 2]).value).toBe('III');
  });

  // Doc: "ends (终止) after the end conditions have held for `endAfterHours`" — also while the
  // level is stepping down (a step-down resets only the de-escalation count).
  it('ends after endAfterHours of end conditions even while stepping down', () => {
    expect(run(1, 2, [3, [0, true], [0, true]]).value).toBe('ended');
    const trace: string[] = [];
    const a = response(1, 2);
    a.send(toEvent(3));
    for (let h = 0; h < 2; h++) {
      a.send(toEvent([0, true]));
      trace.push(a.getSnapshot().value as string);
    }
    expect(trace).toEqual(['III', 'ended']);
  });

  it('property: matches the reference model on random event sequences', () => {
    const event = eventArb;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(event, { maxLength: 80 }), (d, e, evs) => {
        const a = response(d, e);
        const host = actorInstance(responseLevelMachine, { deescalateAfterHours: d, endAfterHours: e });
        let ref: RL = { level: 0, below: 0, end: 0 };
        for (const ev of evs) {
          if (ref.level === 'ended') break; // final: see 'ended is final'
          const before = ref.level;
          ref = refStep(ref, ev, d, e);
          a.send(ev);
          expect(refOf(a.getSnapshot())).toEqual(ref);
          expect(host.send(ev)).toBe(before !== ref.level);
          expect(host.value).toBe(a.getSnapshot().value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: once started, the level stays in Ⅳ..Ⅰ until it ends; only DECLARE jumps down; EVIDENCE never lowers it', () => {
    const event = eventArb;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(event, { maxLength: 60 }), (d, e, evs) => {
        const a = response(d, e);
        for (const ev of evs) {
          if (a.getSnapshot().status === 'done') break; // final: see 'ended is final'
          const before = levelOf(a.getSnapshot().value);
          a.send(ev);
          const after = levelOf(a.getSnapshot().value);
          if (before === 'ended') throw new Error('unreachable');
          if (after !== 'ended') {
            if (before >= 1) expect(after).toBeGreaterThanOrEqual(1);
            if (ev.type === 'DECLARE') expect(after).toBe(ev.rank >= 1 ? ev.rank : before);
            else {
              if (ev.type === 'EVIDENCE') expect(after).toBeGreaterThanOrEqual(before);
              if (after < before) expect(after).toBe(before - 1);
              if (after > before) expect(after).toBe(ev.type === 'END' ? -1 : ev.rank);
            }
          } else {
            expect(['ASSESS', 'END']).toContain(ev.type);
            expect(before).not.toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
