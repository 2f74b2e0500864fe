import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  addTrial,
  createAggregate,
  histogramQuantile,
  mcLayout,
  mcMachines,
  summarize,
  trialRow,
  trialSeed,
} from '../../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { runTrial, type TrialOutcome } from '../../../engine/index.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/tiny.yaml`, 'en');
if (!loaded.ok) throw new Error('tiny.yaml should load');
const scenario = loaded.scenario;
const N = 240;
const MASTER = 2026;

// raw per-trial outcomes, read straight from each TrialOutcome (not through trialRow)
const layout = mcLayout(scenario);
const agg = createAggregate(layout);
const outcomes: TrialOutcome[] = [];
for (let i = 0; i < N; i++) {
  const { outcome } = runTrial(scenario, trialSeed(MASTER, i), mcMachines, { log: false });
  outcomes.push(outcome);
  addTrial(layout, agg, trialRow(layout, i, outcome));
}
const HALF_MINUTE = 1 / 120;
const PS = [0.5, 0.9, 0.99];

function expectWithin(off: number, raw: number[], tolerance: (q: number) => number) {
  expect(raw.length).toBeGreaterThan(10);
  for (const p of PS) {
    const exact = quantile(raw, p);
    const fromHistogram = histogramQuantile(agg.counts, off, layout.hourBins, p);
    expect(Math.abs(fromHistogram - exact), `p${p * 100}: ${fromHistogram} vs ${exact}`).toBeLessThanOrEqual(tolerance(exact));
  }
}

describe('Monte Carlo quantiles against simple-statistics on the raw per-trial outcomes', () => {
  it('hours to first relief (target relief-6h, worst case per trial): within half a 1-minute bin', () => {
    const t = layout.targets.findIndex((x) => x.id === 'relief-6h');
    const raw = outcomes.flatMap((o) => (o.targets[t]!.cases > 0 && o.targets[t]!.worstHours !== null ? [o.targets[t]!.worstHours!] : []));
    expect(raw.length).toBe(agg.counts[layout.targets[t]!.off.applied]); // none censored in tiny
    expectWithin(layout.targets[t]!.off.hours, raw, () => HALF_MINUTE + 1e-9);
  });

  it('hours to the first stock-out of each item: within half a bin', () => {
    // consumed at a rate, tiny's daily items (food, water) seldom run out; the once-only ones do
    const often = layout.items.filter((it) => agg.counts[it.off.stockout]! > 10);
    expect(often.map((it) => it.id)).toEqual(['tent', 'quilt']);
    for (const it of often) {
      const raw = outcomes.flatMap((o) => {
        const hs = o.stock.stockouts.filter((x) => x.item === it.id).map((x) => x.atHours);
        return hs.length > 0 ? [Math.min(...hs)] : [];
      });
      expect(raw.length).toBe(agg.counts[it.off.stockout]);
      expectWithin(it.off.stockoutHours, raw, () => HALF_MINUTE + 1e-9);
    }
  });

  it('hours until response level IV or higher: within half a bin', () => {
    const raw = outcomes.flatMap((o) => (o.response.timeline.length > 0 ? [o.response.timeline[0]!.atHours] : []));
    expectWithin(layout.off.atLeastHours[0]!, raw, () => HALF_MINUTE + 1e-9);
  });

  it('affected people (geometric bins): within 1% of the value', () => {
    const raw = outcomes.map((o) => o.totals.affectedPeople);
    for (const p of PS) {
      const exact = quantile(raw, p);
      const q = histogramQuantile(agg.counts, layout.off.affectedHist, layout.amountBins, p);
      expect(Math.abs(q - exact)).toBeLessThanOrEqual(0.01 * exact + 1e-9);
    }
  });

  it('the summary reports those quantiles, exact means, and a stock fan that starts at the initial stock', () => {
    const s = summarize(scenario, layout, agg, {
      engineVersion: 'test',
      scenarioSha256: 'x',
      seed: MASTER,
      trialsRequested: N,
      chunkSize: N,
      stoppedBy: 'trials',
      untilSe: null,
    });
    expect(s.trials).toBe(N);
    const mean = outcomes.reduce((a, o) => a + o.totals.affectedPeople, 0) / N;
    expect(s.impact.affectedPeople.mean).toBeCloseTo(mean, 3);
    const water = s.reserves.items.find((x) => x.id === 'water')!;
    expect(water.stockFan.p50[0]).toBe(water.initialStock);
    expect(water.stockFan.p50).toHaveLength(49);
    const shortfallMean = outcomes.reduce((a, o) => a + o.stock.shortfall.water! / 3, 0) / N;
    expect(water.shortfall.unit).toBe('personDays');
    expect(water.shortfall.mean).toBeCloseTo(shortfallMean, 2);
    const relief = s.targets.find((t) => t.id === 'relief-6h')!;
    const raw = outcomes.flatMap((o) => (o.targets[0]!.cases > 0 ? [o.targets[0]!.worstHours!] : []));
    expect(Math.abs(relief.achievedHours.p90! - quantile(raw, 0.9))).toBeLessThanOrEqual(HALF_MINUTE + 0.0005 + 1e-9);
    // exceedance at t = 0 is 1 when every case took some time; the curve never increases
    expect(relief.exceedance.every((p, i) => i === 0 || p <= relief.exceedance[i - 1]!)).toBe(true);
  });
});
