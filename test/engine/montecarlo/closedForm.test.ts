import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { summarize, Z95 } from '../../../engine/montecarlo/index.ts';
import { runMonteCarlo } from '../../../engine/node/runMonteCarlo.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';

// closed-form.yaml: one site that always fails, affected = round(1000·F), F ~ lognormal(median
// 0.2, sigma 0.5); 3 L each from a 750 L store with no resupply within the horizon.
const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/closed-form.yaml`, 'en');
if (!loaded.ok) throw new Error('closed-form.yaml should load');
const scenario = loaded.scenario;

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
/** P(round(T·F) ≥ k) = P(F ≥ (k − ½)/T), the lognormal tail. */
const tail = (k: number) => 1 - Phi(Math.log((k - 0.5) / 1000 / 0.2) / 0.5);
const N = 10_000;

describe('Monte Carlo against a closed form', () => {
  it('P(stock-out before resupply) and P(shortfall) match the lognormal tail within their 95% intervals', async () => {
    const r = await runMonteCarlo({ scenario, master: 20260711, trials: N, chunkSize: 1000, workers: 1 });
    const s = summarize(scenario, r.layout, r.agg, {
      engineVersion: 'test',
      scenarioSha256: 'x',
      seed: 20260711,
      trialsRequested: N,
      chunkSize: 1000,
      stoppedBy: r.stoppedBy,
      untilSe: null,
    });
    const water = s.reserves.items[0]!;
    for (const [estimate, exact] of [
      [water.stockoutProbability, tail(250)], // the store empties: need 3·affected ≥ 750
      [water.shortfallProbability, tail(251)], // someone goes without: 3·affected > 750
    ] as const) {
      expect(exact).toBeGreaterThan(0.3);
      expect(exact).toBeLessThan(0.34);
      // the estimate lies in the exact value's 95% interval, and the exact value in the estimate's Wilson interval
      expect(Math.abs(estimate.estimate! - exact)).toBeLessThanOrEqual(Z95 * Math.sqrt((exact * (1 - exact)) / N));
      expect(estimate.ci95![0]).toBeLessThanOrEqual(exact);
      expect(estimate.ci95![1]).toBeGreaterThanOrEqual(exact);
      expect(estimate.se).toBeCloseTo(Math.sqrt((exact * (1 - exact)) / N), 3);
    }
    // the only dispatch leaves at the failure, drawn within the hour after the first rain hour (1–2 h)
    expect(water.hoursToStockout.n).toBe(water.stockoutProbability.successes);
    expect(water.hoursToStockout.p99!).toBeLessThanOrEqual(2);
    // shortfall in person-days: E[max(0, 3·affected − 750)]/3 ≥ 0, and zero in most trials
    expect(water.shortfall.unit).toBe('personDays');
    expect(water.shortfall.mean!).toBeGreaterThan(0);
  });
});
