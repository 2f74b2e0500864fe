import { describe, expect, it } from 'vitest';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { runTrial } from '../../../engine/sim/runTrial.ts';
import { xstateMachines } from '../../../engine/sim/trial.ts';

// Issue 13.5: the 暴雨 signal steps down after cancelAfterDryHours hours below its own level
// ('hold', to the signal of that hour — which may still be a lower one), or follows the hourly
// signal ('atOnce', which the trial runs as a wait of one hour).
const signals = [4, 4, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0];
const play = (cancelAfter: number, factory = xstateMachines) => {
  const m = factory.rainWarning({ cancelAfterDryHours: cancelAfter });
  return signals.map((signal) => (m.send({ type: 'HOUR', signal }), m.value));
};

describe('warning downgrade rule', () => {
  it("hold: red stands 6 hours below it, then steps to yellow (the signal that still holds), then is lifted 6 hours after the last yellow hour", () => {
    const hold = play(6);
    expect(hold).toEqual(['red', 'red', 'red', 'red', 'red', 'red', 'red', 'yellow', 'yellow', 'yellow', 'yellow', 'yellow', 'yellow', 'yellow', 'none', 'none']);
    expect(play(6, compiledMachines)).toEqual(hold);
  });

  it('atOnce (a wait of one hour): the signal is the one the rainfall meets, every hour', () => {
    const names = ['none', 'blue', 'yellow', 'orange', 'red'];
    expect(play(1)).toEqual(signals.map((s) => names[s]));
    expect(play(1, compiledMachines)).toEqual(play(1));
  });

  it("a scenario's warnings.downgrade picks the rule: atOnce lifts the signal no later than hold, seed by seed", () => {
    const loaded = loadScenarioFile(new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url).pathname, 'en');
    if (!loaded.ok) throw new Error('tiny.yaml should load');
    const hold = loaded.scenario;
    const atOnce = { ...hold, warnings: { ...hold.warnings, downgrade: 'atOnce' as const } };
    let earlier = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const last = (s: typeof hold) => runTrial(s, seed).outcome.warnings.timeline.findLast((x) => x.level === 'none')?.atHours ?? Infinity;
      const a = last(atOnce);
      const h = last(hold);
      expect(a).toBeLessThanOrEqual(h);
      if (a < h) earlier++;
    }
    expect(earlier).toBeGreaterThan(0);
  });
});
