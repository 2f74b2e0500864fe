import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { hazardTables } from '../../../engine/sim/hazardTables.ts';
import { runUntil } from '../../../engine/sim/kernel.ts';
import { buildOutcome } from '../../../engine/sim/outcome.ts';
import { finishedTrial, startTrial } from '../../../engine/sim/runTrial.ts';
import { finishStock } from '../../../engine/sim/relief.ts';

function scenario(name: string) {
  const r = loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}

describe('the hourly clock of a rainless season', () => {
  it('is rainless for the fire season and the earthquake only', () => {
    const rainless = (name: string) => {
      const tr = startTrial(scenario(name), 1, compiledMachines, { log: false });
      return hazardTables(tr.world).rainless;
    };
    expect(rainless('shidian-forest-fire')).toBe(true);
    expect(rainless('shidian-earthquake')).toBe(true);
    expect(rainless('lezhi-rainstorm')).toBe(false);
    expect(rainless('pinghu-typhoon')).toBe(false);
  });

  it('stops at the tick that ends the response, and the trial is the one whose clock ran on to the horizon', () => {
    const s = scenario('shidian-forest-fire');
    let stopped = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const a = finishedTrial(s, seed, compiledMachines, { log: true });
      const end = a.responseTimeline.find((x) => x.level === 'ended');
      if (end) {
        expect(a.lastHour * 60).toBe(end.t);
        stopped++;
      }
      // the same trial with the clock put back after every hour: ticks run on to the horizon
      const b = startTrial(s, seed, compiledMachines, { log: true });
      const hours = b.lastHour;
      for (let h = 0; h <= hours; h++) {
        runUntil(b, Math.min(h * 60, b.horizon));
        b.lastHour = hours;
      }
      runUntil(b, b.horizon);
      b.now = b.horizon;
      finishStock(b);
      expect(b.nextHour).toBe(hours + 1);
      expect(JSON.stringify(b.log.events)).toBe(JSON.stringify(a.log.events));
      expect(JSON.stringify(buildOutcome(b))).toBe(JSON.stringify(buildOutcome(a)));
    }
    expect(stopped).toBeGreaterThan(0);
  });
});
