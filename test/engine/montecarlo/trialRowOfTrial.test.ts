import { describe, expect, it } from 'vitest';
import { csvRow, mcLayout, mcMachines, trialRow, trialSeed } from '../../../engine/montecarlo/index.ts';
import { trialRowOfTrial } from '../../../engine/montecarlo/trialRowOfTrial.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { buildOutcome } from '../../../engine/sim/outcome.ts';
import { finishedTrial } from '../../../engine/sim/runTrial.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

// rate and daily-lump consumption, rainstorms with stock-outs and trunk cuts, a fire season
const CASES: [string, number][] = [
  ['test/fixtures/scenarios/tiny.yaml', 40],
  ['test/fixtures/scenarios/closed-form.yaml', 40],
  ['scenarios/lezhi-rainstorm.yaml', 60],
  ['scenarios/pinghu-typhoon.yaml', 40], // trial 36: two stock-outs of one item
  ['scenarios/shidian-forest-fire.yaml', 8],
];

describe('trialRowOfTrial (the Monte Carlo row read from the trial)', () => {
  for (const [file, trials] of CASES)
    it(`is the row trialRow makes from the outcome, bit for bit: ${file}`, () => {
      const loaded = loadScenarioFile(`${repo}${file}`, 'en');
      if (!loaded.ok) throw new Error(`${file} should load`);
      const layout = mcLayout(loaded.scenario);
      for (let i = 0; i < trials; i++) {
        const tr = finishedTrial(loaded.scenario, trialSeed(17, i), mcMachines, { log: false });
        const ref = trialRow(layout, i, buildOutcome(tr));
        const row = trialRowOfTrial(layout, i, tr);
        expect({ ...row, stockFraction: null }).toStrictEqual({ ...ref, stockFraction: null });
        expect(bytes(row.stockFraction).equals(bytes(ref.stockFraction)), `stock fractions of trial ${i}`).toBe(true);
        expect(csvRow(row)).toBe(csvRow(ref));
      }
    });
});
