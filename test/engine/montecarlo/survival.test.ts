import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { addTrial, createAggregate, mcLayout, mcMachines, mergeAggregate, summarize, trialRow, trialSeed } from '../../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { runTrial } from '../../../engine/sim/runTrial.ts';

// Survival curves and unconditional stock-out hours (issue 13) against the raw per-trial
// first stock-outs of closed-form-36h.yaml (one county store; about 3 trials in 4 run out).
const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/closed-form-36h.yaml`, 'en');
if (!loaded.ok) throw new Error('closed-form-36h.yaml should load');
const s = loaded.scenario;
const layout = mcLayout(s);
const N = 400;
const raw: (number | null)[] = [];
const halves = [createAggregate(layout), createAggregate(layout)];
for (let i = 0; i < N; i++) {
  const { outcome } = runTrial(s, trialSeed(7, i), mcMachines, { log: false });
  raw.push(outcome.stock.stockouts[0]?.atHours ?? null);
  addTrial(layout, halves[i % 2]!, trialRow(layout, i, outcome));
}
const agg = createAggregate(layout);
mergeAggregate(agg, halves[1]!);
mergeAggregate(agg, halves[0]!);
const meta = { engineVersion: 't', scenarioSha256: 'x', seed: 7, trialsRequested: N, chunkSize: 1, stoppedBy: 'trials' as const, untilSe: null };
const m = summarize(s, layout, agg, meta);
const water = m.reserves.items[0]!;
const tier = water.tiers[0]!;

describe('stock survival per tier and unconditional stock-out hours', () => {
  it('P(stock remains at t) is the share of trials not yet run out, at every grid point (1-minute bins)', () => {
    expect(tier.survivalByHour.length).toBe(Math.floor(m.horizonHours / m.curveStepHours) + 1);
    tier.survivalByHour.forEach((p, i) => {
      const t = i * m.curveStepHours;
      // a first stock-out within half a minute of t may fall either side of the bin edge
      const surely = raw.filter((x) => x !== null && x <= t - 1 / 120).length;
      const maybe = raw.filter((x) => x !== null && x <= t + 1 / 120).length;
      expect(1 - p).toBeGreaterThanOrEqual(surely / N - 1e-9);
      expect(1 - p).toBeLessThanOrEqual(maybe / N + 1e-9);
    });
    expect(tier.survivalByHour[0]).toBe(1);
    expect(tier.survivalByHour.at(-1)).toBeCloseTo(1 - tier.stockoutProbability.estimate!, 9);
  });

  it('unconditional percentiles count the trials that never ran out as after the horizon; the conditional ones leave them out', () => {
    const ran = raw.filter((x): x is number => x !== null);
    const all = raw.map((x) => x ?? Infinity).sort((a, b) => a - b);
    for (const p of [0.5, 0.9] as const) {
      const key = p === 0.5 ? 'p50' : 'p90';
      const exactAll = quantile(all, p);
      const u = water.hoursToStockoutUnconditional[key];
      if (Number.isFinite(exactAll)) expect(Math.abs(u! - exactAll)).toBeLessThanOrEqual(1 / 120 + 1e-9);
      else expect(u).toBeNull();
      expect(Math.abs(water.hoursToStockout[key]! - quantile(ran, p))).toBeLessThanOrEqual(1 / 120 + 1e-9);
    }
    expect(water.hoursToStockout.conditionalOn).toBe('stockout');
    expect(water.hoursToStockout.n).toBe(ran.length);
    expect(water.hoursToStockoutUnconditional.n).toBe(N);
    // with about a quarter of the trials never running out, the conditional median is the earlier one
    expect(water.hoursToStockoutUnconditional.p50!).toBeGreaterThan(water.hoursToStockout.p50!);
  });
});
