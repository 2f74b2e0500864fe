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

  it('takes back every array, the tree memo, the stock series and the agenda as a fresh trial has them', () => {
    const world = compileWorld(load('scenarios/lezhi-rainstorm.yaml'));
    const arena = TrialArena.of(world);
    const a = arena.take();
    a.bytes.fill(0xa5);
    arena.memoTree[7] = {} as LazyTree;
    arena.stockSeries.push({ t: 60, warehouse: 0, item: 0, level: -1 });
    arena.stockSeries[0] = { t: 5, warehouse: 0, item: 0, level: -1 };
    arena.queue.push(90, 3, { k: 'loaded', delivery: 0 });
    const b = arena.take();
    expect(b).toBe(a);
    expect(Buffer.from(b.bytes).equals(Buffer.from(new TrialArrays(world, true).bytes))).toBe(true);
    expect(arena.memoTree.every((t) => t === undefined)).toBe(true);
    expect(arena.stockSeries).toStrictEqual(openingStockSeries(world));
    expect(arena.queue.size).toBe(0);
  });

  it("lends its statechart rows and team slots emptied: a trial after one that used them starts as a fresh trial", () => {
    const world = compileWorld(load('scenarios/lezhi-rainstorm.yaml'));
    const arena = TrialArena.of(world);
    arena.take();
    const used = new Trial(world, 5, mcMachines, false, 'auto', undefined, arena);
    for (let l = 0; l < used.links.length; l += 3) used.links.get(l).send({ type: 'CUT' });
    used.sites.get(0).send({ type: 'CALM' });
    used.teams.get(0).send({ type: 'DISPATCH' });
    used.teamTask[0] = { kind: 'clear', link: 1 };
    used.teamTravel[0] = { from: 0, dest: 1, departT: 0, links: [2], totalMinutes: 3, leg: 0 };
    const before = used.teamRng(0, 'mobilise', 1).next();
    arena.take();
    const next = new Trial(world, 5, mcMachines, false, 'auto', undefined, arena);
    const fresh = new Trial(world, 5, mcMachines, false, 'auto');
    for (const row of ['links', 'sites', 'teams'] as const)
      for (let i = 0; i < fresh[row].length; i++) expect(next[row].value(i), `${row} ${i}`).toBe(fresh[row].value(i));
    expect(next.teamTask).toStrictEqual(fresh.teamTask);
    expect(next.teamTravel).toStrictEqual(fresh.teamTravel);
    expect(next.teamRng(0, 'mobilise', 1).next()).toBe(before);
  });

  it('serves only its own world and engine-deciding trials', () => {
    const world = compileWorld(load('test/fixtures/scenarios/tiny.yaml'));
    const other = TrialArena.of(compileWorld(load('test/fixtures/scenarios/closed-form.yaml')));
    expect(() => new Trial(world, 1, mcMachines, false, 'manual', undefined, TrialArena.of(world))).toThrow(RangeError);
    expect(() => new Trial(world, 1, mcMachines, false, 'auto', undefined, other)).toThrow(RangeError);
  });
});
