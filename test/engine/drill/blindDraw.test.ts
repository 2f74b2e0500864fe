import { describe, expect, it } from 'vitest';
import { commitmentOf, drawSchedule, failingSites, verifyCommitment } from '../../../engine/drill/blindDraw.ts';
import { completeConfig } from '../../../engine/drill/drillConfig.ts';
import { runTrial } from '../../../engine/index.ts';
import { config, tiny } from './helpers.ts';

describe('双盲 draw', () => {
  const s = tiny();

  it('draws within the bounds, deterministically from the drill seed', () => {
    const c = config(s, {
      blind: {
        startWindow: { from: '2025-07-10T08:00:00+08:00', to: '2025-07-10T18:00:00+08:00' },
        failures: { min: 2, include: ['gh2'] },
      } as never,
    });
    const a = drawSchedule(s, c, 42);
    const b = drawSchedule(s, c, 42);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error('no draw');
    expect(a.schedule.failingSites).toEqual(expect.arrayContaining(['gh1', 'gh2']));
    expect(failingSites(s, a.schedule.engineSeed)).toEqual(a.schedule.failingSites);
    const start = a.schedule.startAtMs!;
    expect(start).toBeGreaterThanOrEqual(Date.parse('2025-07-10T08:00:00+08:00'));
    expect(start).toBeLessThanOrEqual(Date.parse('2025-07-10T18:00:00+08:00'));
    expect(drawSchedule(s, c, 43)).not.toEqual(a);
  });

  it('says so when no draw meets the bounds', () => {
    const c = config(s, { blind: { failures: { min: 3 }, maxDraws: 5 } as never });
    expect(drawSchedule(s, c, 1)).toEqual({ ok: false, draws: 5 });
  });

  it('inject probability and jitter are drawn per inject', () => {
    const c = config(s, {});
    const injects = c.injects.map((i) => (i.id === 'inj-duty-call' ? { ...i, trigger: { kind: 'at' as const, offsetMin: 120 }, blind: { probability: 1, jitterMin: 60 } } : { ...i, blind: { probability: 0, jitterMin: 0 } }));
    const blind = config(s, { injects, blind: {} as never });
    const d = drawSchedule(s, blind, 7);
    if (!d.ok) throw new Error('no draw');
    const duty = d.schedule.injects.find((i) => i.id === 'inj-duty-call')!;
    expect(duty.fires).toBe(true);
    expect(duty.offsetMin).toBeGreaterThanOrEqual(60);
    expect(duty.offsetMin).toBeLessThanOrEqual(180);
    expect(d.schedule.injects.filter((i) => i.id !== 'inj-duty-call').every((i) => !i.fires)).toBe(true);
  });

  it('which sites fail does not depend on the decisions taken', () => {
    const seed = 1;
    const decisions = [
      { t: 100, by: 'county-eb', decision: { kind: 'issueWarning' as const, level: 'orange' as const } },
      { t: 130, by: 'county-eb', decision: { kind: 'evacuate' as const, site: 'gh1' } },
      { t: 140, by: 'county-eb', decision: { kind: 'evacuate' as const, site: 'gh2' } },
    ];
    const withD = runTrial(s, seed, undefined, { mode: 'manual', decisions }).events.filter((e) => e.type === 'site.failed' || e.type === 'road.cut');
    const without = runTrial(s, seed, undefined, { mode: 'manual' }).events.filter((e) => e.type === 'site.failed' || e.type === 'road.cut');
    expect(withD.map((e) => [e.type, e.t, e.site ?? e.link])).toEqual(without.map((e) => [e.type, e.t, e.site ?? e.link]));
  });

  it('a commitment binds every field of the reveal', () => {
    const c = config(s);
    const d = drawSchedule(s, c, 9);
    if (!d.ok) throw new Error('no draw');
    const reveal = { v: 1 as const, scenarioSha256: 'a'.repeat(64), configSha256: 'b'.repeat(64), drillSeed: 9, schedule: d.schedule, salt: 'c'.repeat(64) };
    const commitment = commitmentOf(reveal);
    expect(verifyCommitment(commitment, reveal).ok).toBe(true);
    for (const bad of [{ ...reveal, salt: 'd'.repeat(64) }, { ...reveal, schedule: { ...d.schedule, failingSites: [] } }, { ...reveal, drillSeed: 10 }])
      expect(verifyCommitment(commitment, bad).commitmentMatches).toBe(false);
  });
});

describe('drill config', () => {
  const s = tiny();
  it('fills positions, MSEL and objectives from the scenario', () => {
    const c = config(s);
    expect(c.positions.map((p) => p.id)).toEqual(['county-eb', 'twp-ta', 'twp-tb']);
    expect(c.injects.length).toBeGreaterThan(2);
    expect(c.reportDelayMin).toBe(20);
  });
  it('reports unknown references with their path', () => {
    const r = completeConfig(s, { positions: [{ id: 'x', name: { zh: '某岗' }, jurisdiction: ['nowhere'], teams: ['ghost'], may: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['positions.0.teams.0', 'positions.0.jurisdiction.0']));
    expect(completeConfig(s, { speed: 3 } as never).ok).toBe(false);
  });
});
