import { describe, expect, it } from 'vitest';
import { mcLayout, mcMachines, trialSeed } from '../../../engine/montecarlo/index.ts';
import { trialRowOfTrial } from '../../../engine/montecarlo/trialRowOfTrial.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { buildOutcome } from '../../../engine/sim/outcome.ts';
import { finishedTrial } from '../../../engine/sim/runTrial.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { TrialArena } from '../../../engine/sim/trialArena.ts';
import { openingStockSeries, TrialArrays } from '../../../engine/sim/trialArrays.ts';
import type { LazyTree } from '../../../engine/world/lazyTree.ts';
import { compileWorld } from '../../../engine/world/world.ts';

const repo = new URL('../../..', import.meta.url).pathname;

function load(file: string) {
  const loaded = loadScenarioFile(`${repo}${file}`, 'en');
  if (!loaded.ok) throw new Error(`${file} should load`);
  return loaded.scenario;
}

// rate and daily-lump consumption, a rainstorm with cuts and stock-outs, an earthquake, a fire season
const CASES: [string, number][] = [
  ['test/fixtures/scenarios/tiny.yaml', 20],
  ['test/fixtures/scenarios/closed-form.yaml', 20],
  ['scenarios/lezhi-rainstorm.yaml', 24],
  ['scenarios/shidian-earthquake.yaml', 6],
  ['scenarios/shidian-forest-fire.yaml', 4],
];

describe('TrialArena (Monte Carlo trials reusing one set of arrays)', () => {
  for (const [file, trials] of CASES)
    it(`a trial on the arena after others is the fresh trial, bit for bit: ${file}`, () => {
      const scenario = load(file);
      const layout = mcLayout(scenario);
      const arena = TrialArena.of(compileWorld(scenario));
      // backwards, so each trial starts on what a different one left behind than in runChunk
      for (let i = trials - 1; i >= 0; i--) {
        const seed = trialSeed(5, i);
        const fresh = finishedTrial(scenario, seed, mcMachines, { log: false });
        const ref = buildOutcome(fresh);
        const refRow = structuredClone(trialRowOfTrial(layout, i, fresh));
        const reused = finishedTrial(scenario, seed, mcMachines, { log: false, arena });
        expect(buildOutcome(reused), `outcome of trial ${i}`).toStrictEqual(ref);
        expect(structuredClone(trialRowOfTrial(layout, i, reused)), `row of trial ${i}`).toStrictEqual(refRow);
      }
    });

  it('takes back every array, the tree memo and the stock series as a fresh trial has them', () => {
    const world = compileWorld(load('scenarios/lezhi-rainstorm.yaml'));
    const arena = TrialArena.of(world);
    const a = arena.take();
    a.bytes.fill(0xa5);
    arena.memoTree[7] = {} as LazyTree;
    arena.stockSeries.push({ t: 60, warehouse: 0, item: 0, level: -1 });
    arena.stockSeries[0] = { t: 5, warehouse: 0, item: 0, level: -1 };
    const b = arena.take();
    expect(b).toBe(a);
    expect(Buffer.from(b.bytes).equals(Buffer.from(new TrialArrays(world, true).bytes))).toBe(true);
    expect(arena.memoTree.every((t) => t === undefined)).toBe(true);
    expect(arena.stockSeries).toStrictEqual(openingStockSeries(world));
  });

  it('serves only its own world and engine-deciding trials', () => {
    const world = compileWorld(load('test/fixtures/scenarios/tiny.yaml'));
    const other = TrialArena.of(compileWorld(load('test/fixtures/scenarios/closed-form.yaml')));
    expect(() => new Trial(world, 1, mcMachines, false, 'manual', undefined, TrialArena.of(world))).toThrow(RangeError);
    expect(() => new Trial(world, 1, mcMachines, false, 'auto', undefined, other)).toThrow(RangeError);
  });
});
