import { describe, expect, it } from 'vitest';
import { runEvacuation, type TimedEvacDecision } from '../../../engine/evacuation/index.ts';
import { school } from './school.ts';

const s = school();

describe('runEvacuation on the school scenario', () => {
  it('is deterministic: the same seed gives a byte-identical log and outcome', () => {
    const a = runEvacuation(s, 7);
    const b = runEvacuation(s, 7);
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(JSON.stringify(b.outcome)).toBe(JSON.stringify(a.outcome));
    expect(JSON.stringify(runEvacuation(s, 8).log)).not.toBe(JSON.stringify(a.log));
  });

  it('live XState actors and compiled tables give the identical log; keepLog:false the identical outcome', () => {
    for (const seed of [1, 2, 3]) {
      const a = runEvacuation(s, seed, { machines: 'xstate' });
      const b = runEvacuation(s, seed, { machines: 'compiled' });
      expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
      const c = runEvacuation(s, seed, { keepLog: false });
      expect(c.log).toEqual([]);
      expect(JSON.stringify(c.outcome)).toBe(JSON.stringify(a.outcome));
    }
  });

  it('the log is ordered and carries what a playback needs (each group’s edge entries with times)', () => {
    const { log, outcome } = runEvacuation(s, 1);
    for (let i = 1; i < log.length; i++) {
      expect(log[i]!.seq).toBe(i + 1);
      expect(log[i]!.t).toBeGreaterThanOrEqual(log[i - 1]!.t);
    }
    const edges = log.filter((e) => e.type === 'group.edge');
    for (const g of outcome.groups) {
      const mine = edges.filter((e) => e.group === g.id);
      expect(mine.map((e) => e.edge)).toEqual(g.route);
      for (const e of mine) expect((e.exitS as number) >= (e.enterS as number) && (e.tailOutS as number) >= (e.exitS as number)).toBe(true);
    }
    expect(log[0]!.type).toBe('fire.ignition');
  });

  it('in auto mode everyone is accounted for, 119 is called, the fire goes out and the drill ends all clear', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const o = runEvacuation(s, seed).outcome;
      expect(o.totals.people).toBeGreaterThan(1100);
      expect(o.totals.assembled + o.totals.trappedInLift + o.totals.notEvacuated).toBe(o.totals.people);
      expect(o.call119S).not.toBeNull();
      expect(o.fire.outS).not.toBeNull();
      expect(o.headcount.reportedS).not.toBeNull();
      expect(o.phase).toBe('allClear');
      expect(o.targets.map((t) => t.id)).toEqual(['assembled', 'headcount', 'call119', 'noExposure']);
    }
  });

  it('decisions are recorded and replay byte for byte', () => {
    const decisions: TimedEvacDecision[] = [
      { t: 100, by: 'visitor', decision: { kind: 'startEvacuation', group: 'F4-R1' } },
      { t: 100, decision: { kind: 'collectBelongings', group: 'F4-R1' } },
      { t: 150, decision: { kind: 'route', group: 'F3-R6', via: 'SW' } },
      { t: 150, decision: { kind: 'lowPosture', group: 'F2-R3' } },
    ];
    const a = runEvacuation(s, 3, { decisions });
    const b = runEvacuation(s, 3, { decisions: structuredClone(decisions) });
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(a.log.filter((e) => e.type === 'decision.applied')).toHaveLength(4);
    expect(a.outcome.groups.find((g) => g.id === 'F3-R6')!.stairs[0]).toBe('SW');
    expect(a.outcome.groups.find((g) => g.id === 'F4-R1')!.belongings).toBe(true);
  });

  it('refuses bad decisions with zh/en reasons and carries on', () => {
    const { outcome, log } = runEvacuation(s, 1, {
      decisions: [
        { t: 10, decision: { kind: 'startEvacuation', group: 'F9-R9' } },
        { t: 10, decision: { kind: 'route', group: 'F1-R1', via: 'NORTH' } },
        { t: 10, decision: { kind: 'call119', by: 'janitor' } },
        { t: 1e9, decision: { kind: 'reportHeadcount' } },
        { t: 1700, decision: { kind: 'collectBelongings', group: 'F1-R1' } },
      ],
    });
    expect(outcome.refusedDecisions.map((r) => r.error.code)).toEqual(['unknownGroup', 'unknownStair', 'unknownRole', 'tooLate', 'badTime']);
    expect(outcome.refusedDecisions[0]!.error.zh).toContain('F9-R9');
    expect(outcome.refusedDecisions[0]!.error.en).toContain('unknown group');
    expect(log.filter((e) => e.type === 'decision.refused')).toHaveLength(5);
  });

  it('manual mode: nothing is ordered until decided; decisions drive the evacuation, 119 and the headcount', () => {
    const idle = runEvacuation(s, 2, { mode: 'manual' }).outcome;
    expect(idle.evacuationDeclaredS).toBeNull();
    expect(idle.call119S).toBeNull();
    expect(idle.headcount.reportedS).toBeNull();
    expect(idle.totals.assembled).toBeLessThan(idle.totals.people);
    const driven = runEvacuation(s, 2, {
      mode: 'manual',
      decisions: [
        { t: 130, decision: { kind: 'startEvacuation', group: 'all' } },
        { t: 140, decision: { kind: 'call119', by: 'comms' } },
        { t: 1200, decision: { kind: 'reportHeadcount' } },
      ],
    }).outcome;
    expect(driven.evacuationDeclaredS).toBe(130);
    expect(driven.call119S).toBe(140);
    expect(driven.headcount.reportedS).toBe(1200);
    expect(driven.headcount.counted).toBe(driven.totals.assembled);
  });

  it('a headcount reported too early counts people as missing', () => {
    const o = runEvacuation(s, 2, { mode: 'manual', decisions: [
      { t: 130, decision: { kind: 'startEvacuation', group: 'all' } },
      { t: 200, decision: { kind: 'reportHeadcount' } },
    ] }).outcome;
    expect(o.headcount.missing).toBeGreaterThan(0);
    expect(o.phase).not.toBe('allClear');
  });

  it('a class that takes the lift is trapped when the power is cut', () => {
    const o = runEvacuation(s, 1, { decisions: [{ t: 0, decision: { kind: 'useLift', group: 'F4-R3' } }] }).outcome;
    const g = o.groups.find((x) => x.id === 'F4-R3')!;
    expect(g.usedLift).toBe(true);
    expect(g.state).toBe('trappedInLift');
    expect(o.totals.trappedInLift).toBe(46);
  });

  it('low posture halves the smoke dose of the same walk', () => {
    const seed = [1, 2, 3, 4, 5, 6].find((k) => runEvacuation(s, k).outcome.groups.some((g) => g.smokeS > 20 && g.state === 'atAssembly'))!;
    const base = runEvacuation(s, seed).outcome;
    const g = base.groups.find((x) => x.smokeS > 20 && x.state === 'atAssembly')!;
    const low = runEvacuation(s, seed, { decisions: [{ t: 0, decision: { kind: 'lowPosture', group: g.id } }] }).outcome;
    expect(low.groups.find((x) => x.id === g.id)!.smokeS).toBeCloseTo(g.smokeS / 2, 2);
  });

  it('an extinguisher at an incipient fire can knock it down; smoke then stops spreading', () => {
    const outs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => runEvacuation(s, k).outcome);
    const knocked = outs.filter((o) => o.fire.knockedDown);
    expect(knocked.length).toBeGreaterThan(0);
    for (const o of knocked) expect(o.fire.knockedDownS!).toBeLessThanOrEqual(s.fire.incipientS);
    expect(outs.some((o) => o.fire.by === 'brigade')).toBe(true);
  });
});
