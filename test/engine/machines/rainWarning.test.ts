import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WARNING_LEVELS, rainWarningMachine, type RainWarningEvent } from '../../../engine/machines/rainWarning.machine.ts';
import { actorInstance } from '../../../engine/machines/host.ts';
import { edges, observe, reachedValues, replay, shortestPaths, simplePaths, startActor, vertexCount, type Exploration } from './graphHarness.ts';

const HOURS: RainWarningEvent[] = [0, 1, 2, 3, 4].map((signal) => ({ type: 'HOUR', signal }));
const explore = (n: number): Exploration => ({ events: HOURS, input: { cancelAfterDryHours: n } });

/** Reference model written from the doc comment (independent of the statechart's guard lists). */
interface RW {
  rank: number;
  quiet: number;
}
function refHour(s: RW, signal: number, n: number): RW {
  if (signal > s.rank) return { rank: signal, quiet: 0 }; // upgrades at once, skipping levels
  if (signal === s.rank) return { rank: s.rank, quiet: 0 }; // the signal still stands
  const quiet = s.quiet + 1; // an hour below the current signal
  return quiet >= n ? { rank: signal, quiet: 0 } : { rank: s.rank, quiet };
}

function rain(n: number) {
  return startActor(rainWarningMachine, { cancelAfterDryHours: n });
}
function hours(n: number, signals: number[]) {
  const a = rain(n);
  for (const signal of signals) a.send({ type: 'HOUR', signal });
  return a.getSnapshot();
}
const rankOf = (value: unknown): number => WARNING_LEVELS.indexOf(value as (typeof WARNING_LEVELS)[number]);

describe('rainWarning machine — graph exploration', () => {
  it.each([1, 2, 3, 4])('cancelAfterDryHours %i: reaches exactly none/blue/yellow/orange/red; every shortest path replays', (n) => {
    const paths = shortestPaths(rainWarningMachine, explore(n));
    expect(reachedValues(paths)).toEqual([...WARNING_LEVELS].sort());
    // one path per (level, quietHours): none has quiet 0 only; each signal has quiet 0..n-1
    expect(paths.length).toBe(1 + 4 * n);
    expect(vertexCount(rainWarningMachine, explore(n))).toBe(1 + 4 * n);
    const contexts = new Set(paths.map((p) => JSON.stringify(p.state.context)));
    expect(contexts.size).toBe(n === 1 ? 1 : n); // quietHours 0..n-1, cancelAfter fixed
    for (const p of paths) {
      expect(p.state.context.cancelAfter).toBe(n);
      expect(p.state.context.quietHours).toBeLessThan(n);
      replay(rainWarningMachine, p, explore(n));
    }
  });

  it('shortest paths are as short as the model says: one HOUR straight up, +k quiet hours', () => {
    for (const p of shortestPaths(rainWarningMachine, explore(3))) {
      const { quietHours } = p.state.context as { quietHours: number };
      const expected = p.state.value === 'none' ? 0 : 1 + quietHours;
      expect(p.steps.length - 1, JSON.stringify(observe(p.state))).toBe(expected);
    }
  });

  it.each([1, 2])('cancelAfterDryHours %i: every simple path replays on a fresh actor', (n) => {
    const paths = simplePaths(rainWarningMachine, explore(n));
    expect(paths.length).toBeGreaterThan(1 + 4 * n);
    expect(reachedValues(paths)).toEqual([...WARNING_LEVELS].sort());
    let sent = 0;
    for (const p of paths) sent += replay(rainWarningMachine, p, explore(n));
    expect(sent).toBeGreaterThan(paths.length);
  });

  it.each([1, 2, 3, 5])('cancelAfterDryHours %i: every explored transition agrees with the reference model', (n) => {
    const es = edges(rainWarningMachine, explore(n));
    expect(es.length).toBe((1 + 4 * n) * HOURS.length);
    for (const { state, event, next } of es) {
      const from = { rank: rankOf(state.value), quiet: state.context.quietHours as number };
      const want = refHour(from, (event as RainWarningEvent).signal, n);
      expect({ rank: rankOf(next.value), quiet: next.context.quietHours }, `${JSON.stringify(from)} + ${JSON.stringify(event)}`).toEqual(want);
      expect(next.status).toBe('active'); // no final state: a signal can always be issued again
    }
  });
});

describe('rainWarning machine — semantics', () => {
  it('starts at none with a zero quiet counter', () => {
    const s = rain(6).getSnapshot();
    expect(s.value).toBe('none');
    expect(s.context).toEqual({ quietHours: 0, cancelAfter: 6 });
  });

  it('a dry hour at none changes nothing', () => {
    expect(observe(hours(3, [0, 0, 0, 0]))).toEqual(observe(rain(3).getSnapshot()));
  });

  it.each([
    [[4], 'red'],
    [[3], 'orange'],
    [[1, 4], 'red'],
    [[2, 3], 'orange'],
    [[1, 2, 3, 4], 'red'],
  ] as const)('upgrades are issued at once and skip levels: %j → %s', (signals, level) => {
    expect(hours(6, [...signals]).value).toBe(level);
  });

  it('an upgrade during a quiet run resets the quiet counter', () => {
    const s = hours(3, [2, 0, 0, 4]);
    expect(s.value).toBe('red');
    expect(s.context.quietHours).toBe(0);
  });

  it('downgrades only after N consecutive quieter hours', () => {
    const a = rain(3);
    a.send({ type: 'HOUR', signal: 4 });
    a.send({ type: 'HOUR', signal: 0 });
    expect(a.getSnapshot().value).toBe('red');
    a.send({ type: 'HOUR', signal: 0 });
    expect(a.getSnapshot().value).toBe('red');
    expect(a.getSnapshot().context.quietHours).toBe(2);
    a.send({ type: 'HOUR', signal: 0 });
    expect(a.getSnapshot().value).toBe('none');
    expect(a.getSnapshot().context.quietHours).toBe(0);
  });

  it('a stronger (or equal) hour in between resets the count', () => {
    expect(hours(3, [4, 0, 0, 4, 0, 0]).value).toBe('red');
    expect(hours(3, [4, 0, 0, 4, 0, 0, 0]).value).toBe('none');
    // an hour at the current level also keeps the signal standing
    expect(hours(3, [3, 1, 1, 3, 1, 1]).value).toBe('orange');
    expect(hours(3, [3, 1, 1, 3, 1, 1, 1]).value).toBe('blue');
  });

  it('lands on the signal of the hour that completes the quiet run (never lower)', () => {
    expect(hours(2, [4, 3, 1]).value).toBe('blue');
    expect(hours(2, [4, 1, 3]).value).toBe('orange');
    expect(hours(2, [4, 0, 2]).value).toBe('yellow');
  });

  it('after a downgrade the quiet run for the new level starts from zero', () => {
    // red →(2 quiet hours)→ orange →(2 more)→ blue
    expect(hours(2, [4, 3, 3]).value).toBe('orange');
    expect(hours(2, [4, 3, 3, 1]).value).toBe('orange');
    expect(hours(2, [4, 3, 3, 1, 1]).value).toBe('blue');
  });

  it('cancelAfterDryHours 1 follows a falling signal hour by hour', () => {
    expect(hours(1, [4, 3]).value).toBe('orange');
    expect(hours(1, [4, 3, 0]).value).toBe('none');
  });

  it('property: matches the reference model on random hour sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 80 }), (n, signals) => {
        const a = rain(n);
        const host = actorInstance(rainWarningMachine, { cancelAfterDryHours: n });
        let ref: RW = { rank: 0, quiet: 0 };
        for (const signal of signals) {
          const before = ref;
          ref = refHour(ref, signal, n);
          a.send({ type: 'HOUR', signal });
          const s = a.getSnapshot();
          expect(rankOf(s.value)).toBe(ref.rank);
          expect(s.context.quietHours).toBe(ref.quiet);
          expect(host.send({ type: 'HOUR', signal })).toBe(before.rank !== ref.rank);
          expect(host.value).toBe(s.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the signal in force is never below the hour just observed, and only drops after N hours below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), (n, signals) => {
        const a = rain(n);
        let below = 0; // consecutive hours strictly below the level in force
        let level = 0;
        for (const signal of signals) {
          below = signal < level ? below + 1 : 0;
          a.send({ type: 'HOUR', signal });
          const next = rankOf(a.getSnapshot().value);
          expect(next).toBeGreaterThanOrEqual(signal);
          if (next < level) {
            expect(below).toBe(n);
            below = 0;
          }
          if (next > level) expect(next).toBe(signal);
          level = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
