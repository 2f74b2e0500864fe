/**
 * Each shipped scenario's trials exercise the chain it is meant to model, read from the event
 * logs of a block of seeds: 平湖's chemical park fails only through the embankment trigger;
 * 施甸's slopes fail with the main shock and the aftershocks; the rainstorm counties fail slopes
 * only once it rains, under the warnings, and cut roads.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent, TrialResult } from '../../engine/index.ts';
import { loadShipped, runSeeds } from './helpers.ts';

const TRIALS = 150;
const ev = (r: TrialResult, type: string) => r.events.filter((e) => e.type === type) as (LogEvent & Record<string, unknown>)[];

describe('平湖: typhoon rain → waterlogging and a levee emergency → the chemical park (灾害链)', () => {
  const s = loadShipped('pinghu-typhoon.yaml');
  const runs = runSeeds(s, TRIALS, { log: true });
  const failedIn = (r: TrialResult, site: string) => ev(r, 'site.failed').find((e) => e.site === site);

  it('the chemical park never fails by itself: every failure follows the embankment trigger', () => {
    let parkFailures = 0;
    for (const r of runs) {
      const park = failedIn(r, 'chem-dushangang');
      const trig = ev(r, 'chain.triggered').filter((e) => e.to === 'chem-dushangang');
      expect(trig.every((e) => e.from === 'lv-dushangang')).toBe(true);
      if (!park) continue;
      parkFailures++;
      const levee = failedIn(r, 'lv-dushangang');
      expect(levee, `seed ${r.outcome.seed}: park failed without the embankment`).toBeDefined();
      expect(trig.length).toBe(1);
      expect(trig[0]!.t).toBe(levee!.t);
      expect(park.t).toBeGreaterThanOrEqual(levee!.t);
    }
    const leveeFailures = runs.filter((r) => failedIn(r, 'lv-dushangang')).length;
    expect(parkFailures).toBeGreaterThan(0);
    expect(leveeFailures).toBeGreaterThan(parkFailures); // the trigger fires with P 0.6
    expect(leveeFailures).toBeLessThan(TRIALS / 2); // a levee emergency is not every typhoon
  });

  it('waterlogging cuts trunk roads; the tank fire (the lightning chain) happens, rarely', () => {
    expect(runs.filter((r) => r.outcome.totals.trunkCuts > 0).length).toBeGreaterThan(TRIALS / 2);
    const fires = runs.filter((r) => failedIn(r, 'fire-zhapu-tank')).length;
    expect(fires).toBeGreaterThan(0);
    expect(fires).toBeLessThan(TRIALS / 5);
    // nothing floods before the rain has fallen
    for (const r of runs) {
      const firstRain = ev(r, 'rain.hour')[0];
      for (const f of ev(r, 'site.failed')) expect(firstRain && f.t >= firstRain.t).toBeTruthy();
    }
  });
});

describe('施甸: earthquake and aftershocks → landslides, rockfalls, debris flows → road cuts', () => {
  const s = loadShipped('shidian-earthquake.yaml');
  const runs = runSeeds(s, TRIALS, { log: true });

  it('every trial has a main shock of M ≥ 6, failures and no rain; most have aftershocks', () => {
    for (const r of runs) {
      const main = ev(r, 'quake.mainshock');
      expect(main.length).toBe(1);
      expect(main[0]!.magnitude as number).toBeGreaterThanOrEqual(6);
      expect(ev(r, 'rain.hour').length).toBe(0);
      expect(r.outcome.warnings.highest).toBe('none');
      expect(r.outcome.totals.failedSites).toBeGreaterThan(0);
      for (const f of ev(r, 'site.failed')) expect(f.t).toBeGreaterThanOrEqual(main[0]!.t);
    }
    expect(runs.filter((r) => ev(r, 'quake.aftershock').length > 0).length).toBeGreaterThan(TRIALS / 2);
  });

  it('aftershocks fail further slopes, every kind of site fails somewhere, and trunk roads are cut', () => {
    let afterAftershock = 0;
    const kinds = new Set<string>();
    const kindOf = new Map(s.hazardSites.map((h) => [h.id, h.kind]));
    for (const r of runs) {
      const shocks = ev(r, 'quake.aftershock').map((e) => e.t);
      for (const f of ev(r, 'site.failed')) {
        kinds.add(kindOf.get(f.site as string)!);
        if (shocks.some((t) => f.t >= t && f.t <= t + 10)) afterAftershock++;
      }
    }
    expect(afterAftershock).toBeGreaterThan(0);
    expect([...kinds].sort()).toEqual(['collapse', 'debrisFlow', 'landslide']);
    expect(runs.filter((r) => r.outcome.totals.trunkCuts > 0).length).toBeGreaterThan(TRIALS / 2);
    // the relief target is the plan's 10 h
    expect(runs[0]!.outcome.targets.find((t) => t.kind === 'reliefWithin')!.hours).toBe(10);
  });
});

describe('乐至 and 井研: rainstorm → warnings → landslides → road cuts', () => {
  for (const file of ['lezhi-rainstorm.yaml', 'jingyan-rainstorm.yaml']) {
    it(`${file}: slopes fail only once it rains, under the 暴雨 signals, and cut roads`, () => {
      const runs = runSeeds(loadShipped(file), TRIALS, { log: true });
      for (const r of runs) {
        const firstRain = ev(r, 'rain.hour')[0];
        for (const f of ev(r, 'site.failed')) expect(firstRain && f.t >= firstRain.t).toBeTruthy();
      }
      expect(runs.filter((r) => r.outcome.warnings.highest === 'orange' || r.outcome.warnings.highest === 'red').length).toBeGreaterThan(TRIALS / 2);
      expect(runs.filter((r) => ev(r, 'site.evacuated').length > 0).length).toBeGreaterThan(0);
      expect(runs.filter((r) => r.outcome.totals.failedSites > 0).length).toBeGreaterThan(0.8 * TRIALS);
      expect(runs.filter((r) => r.outcome.totals.trunkCuts > 0).length).toBeGreaterThan(TRIALS / 4);
    });
  }
});
