import { describe, expect, it } from 'vitest';
import { summarize, type StopReason } from '../../../engine/montecarlo/index.ts';
import { runMonteCarlo } from '../../../engine/node/runMonteCarlo.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/tiny.yaml`, 'en');
if (!loaded.ok) throw new Error('tiny.yaml should load');
const scenario = loaded.scenario;
const TRIALS = 20;

async function summaryJson(workers: number, chunkSize: number, untilSe: number | null = null, trials = TRIALS) {
  const csv: string[] = [];
  const r = await runMonteCarlo({ scenario, master: 77, trials, chunkSize, workers, withCsv: true, untilSe, onChunk: (x) => csv.push(x.csv!) });
  const s = summarize(scenario, r.layout, r.agg, {
    engineVersion: 'test',
    scenarioSha256: 'x',
    seed: 77,
    trialsRequested: trials,
    chunkSize,
    stoppedBy: r.stoppedBy as StopReason,
    untilSe,
  });
  return { json: JSON.stringify(s), csv: csv.join(''), trials: r.trials, stoppedBy: r.stoppedBy };
}

describe('Monte Carlo determinism', () => {
  it('the summary and the CSV rows are bit-identical for 1, 2 and 4 workers and any chunk size', async () => {
    const base = await summaryJson(1, 1);
    expect(base.trials).toBe(TRIALS);
    expect(JSON.parse(base.json).trials).toBe(TRIALS);
    for (const [workers, chunk] of [
      [1, 7],
      [1, TRIALS],
      [2, 3],
      [4, 5],
    ] as const) {
      const other = await summaryJson(workers, chunk);
      expect(other.json, `workers ${workers}, chunk ${chunk}`).toBe(base.json);
      expect(other.csv, `workers ${workers}, chunk ${chunk}`).toBe(base.csv);
    }
  });

  it('--until-se stops at the same chunk whatever the worker count', async () => {
    const one = await summaryJson(1, 4, 0.2, 200);
    const two = await summaryJson(2, 4, 0.2, 200);
    expect(one.stoppedBy).toBe('untilSe');
    expect(one.trials).toBeLessThan(200);
    expect(one.trials % 4).toBe(0);
    expect(two.trials).toBe(one.trials);
    expect(two.json).toBe(one.json);
    expect(JSON.parse(one.json).headline.maxSe).toBeLessThanOrEqual(0.2);
  });
});
