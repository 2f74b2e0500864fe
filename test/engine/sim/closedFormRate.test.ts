import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { mcMachines, proportion, trialSeed, Z95 } from '../../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { runUntil } from '../../../engine/sim/kernel.ts';
import { runTrial, startTrial, type TrialResult } from '../../../engine/sim/runTrial.ts';

// Relief consumed at a rate (issue 13) against closed forms. closed-form-36h.yaml: one store of
// 890 L on the village's node, one site that always fails in the first rain hour affecting
// A = round(1000·F) people, 3 L each a day, so the store is drawn at r = 3·A/24 L/h; it asks for
// resupply below 0.9 of its stock and the goods take 36 h.
const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/closed-form-36h.yaml`, 'en');
if (!loaded.ok) throw new Error('closed-form-36h.yaml should load');
const base = loaded.scenario;

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
const variant = (edit: (s: Scenario) => void): Scenario => {
  const s = structuredClone(base);
  edit(s);
  return s;
};
const withHorizon = (s: Scenario, hours: number): Scenario => ({ ...structuredClone(s), horizonHours: hours });
const run = (s: Scenario, i: number): TrialResult => runTrial(s, trialSeed(20261207, i), mcMachines);
/** the first stock-out came before the first resupply arrived (or with none arriving) */
function outBeforeResupply(r: TrialResult): boolean {
  const out = r.outcome.stock.stockouts[0];
  if (!out) return false;
  const arrived = r.events.find((e) => e.type === 'resupply.arrived');
  return !arrived || out.atHours < arrived.t / 60;
}
/** hours since the scenario start when the village was affected (the draws start then), unrounded */
const affectedAt = (r: TrialResult) => r.events.find((e) => e.type === 'relief.requested')!.t / 60;
/** the estimate lies in the exact value's 95% interval, and the exact value in the estimate's Wilson interval */
function expectInInterval(hits: number, n: number, exact: number) {
  const p = proportion(hits, n);
  expect(Math.abs(p.estimate! - exact), `${p.estimate} vs exact ${exact}`).toBeLessThanOrEqual(Z95 * Math.sqrt((exact * (1 - exact)) / n));
  expect(p.ci95![0]).toBeLessThanOrEqual(exact);
  expect(p.ci95![1]).toBeGreaterThanOrEqual(exact);
}

describe('relief consumed at a rate: closed forms', () => {
  it("issue 13's 36 h resupply: P(out before the resupply) = P(round(1000·F) ≥ 179) ≈ 0.59 within its interval; the daily lump is far off", () => {
    // runs out at 890/r, asks at 89/r, resupply at 89/r + 36: out first iff 801/r < 36 h, i.e. A > 178
    const exact = 1 - Phi(Math.log(0.1785 / 0.2) / 0.5);
    expect(exact).toBeCloseTo(0.5899, 3);
    const N = 3000;
    let rate = 0;
    let lump = 0;
    const lumpScenario = variant((s) => (s.reserves.consumption = 'dailyLump'));
    for (let i = 0; i < N; i++) {
      if (outBeforeResupply(run(base, i))) rate++;
      if (outBeforeResupply(run(lumpScenario, i))) lump++;
    }
    expectInInterval(rate, N, exact);
    // a day's need taken at once empties the store on the second day whenever 6·A ≥ 890
    expect(lump / N).toBeGreaterThan(exact + 0.1);
  });

  it('a constant rate and a random lead time: P(out before the resupply) = P(L > 801/r)', () => {
    // A = 200 always: r = 25 L/h, out before the resupply iff the lead time L > 801/25 = 32.04 h
    const s = variant((x) => {
      x.chain.consequences.affectedFraction = { dist: 'fixed', value: 0.2 };
      x.reserves.warehouses[0]!.resupplyLeadHours = { dist: 'lognormal', median: 36, sigma: 0.3, max: 720 };
    });
    const exact = 1 - Phi(Math.log(32.04 / 36) / 0.3);
    expect(exact).toBeGreaterThan(0.6);
    expect(exact).toBeLessThan(0.7);
    const N = 8000;
    let hits = 0;
    for (let i = 0; i < N; i++) if (outBeforeResupply(run(s, i))) hits++;
    expectInInterval(hits, N, exact);
  });

  it('two deliveries: the store falls linearly at people × ration ÷ 24 per hour, the trucks carry the goods', () => {
    // A = 200, r = 25 L/h over a 36 h horizon: a truck at the failure and one a day later, each
    // with a day's 600 L; the resupply (asked at 3.56 h) lands after the horizon; no stock-out
    const s = variant((x) => {
      x.horizonHours = 36;
      x.chain.consequences.affectedFraction = { dist: 'fixed', value: 0.2 };
    });
    for (let i = 0; i < 5; i++) {
      const r = run(s, i);
      const t0 = affectedAt(r);
      const trucks = r.events.filter((e) => e.type === 'delivery.dispatched');
      expect(trucks.map((e) => e.t / 60 - t0)).toEqual([expect.closeTo(0, 6), expect.closeTo(24, 6)]);
      for (const e of trucks) expect((e as unknown as { items: Record<string, number> }).items.water).toBe(600);
      expect(r.outcome.totals.deliveries).toBe(2);
      expect(r.outcome.stock.stockouts).toEqual([]);
      // every point of the series lies on 890 − 25·(t − t0) (levels and hours are rounded to 0.001)
      for (const x of r.outcome.stock.series)
        expect(Math.abs(x.level - (x.atHours <= t0 ? 890 : 890 - 25 * (x.atHours - t0)))).toBeLessThanOrEqual(0.03);
      const last = r.outcome.stock.series.at(-1)!;
      expect(last.atHours).toBe(36);
      expect(r.outcome.stock.shortfall.water).toBe(0);
    }
  });

  it('≥ at the boundary: a store that empties exactly at the horizon ran out; 0.6 s earlier it had not', () => {
    // no resupply within reach; the horizon is set where 890 L at 600/1440 L a minute end
    const probe = variant((x) => {
      x.chain.consequences.affectedFraction = { dist: 'fixed', value: 0.2 };
      x.reserves.warehouses[0]!.resupplyLeadHours = { dist: 'fixed', value: 700 };
    });
    for (let i = 0; i < 5; i++) {
      const tr = startTrial(probe, trialSeed(20261207, i), mcMachines, { log: false });
      runUntil(tr, tr.horizon);
      const outAt = (tr.villageAffectedAt[0]! + 890 / (600 / 1440)) / 60; // hours, unrounded
      const exact = run(withHorizon(probe, outAt), i);
      expect(exact.outcome.stock.stockouts.length).toBe(1);
      expect(exact.outcome.stock.stockouts[0]!.atHours).toBeCloseTo(outAt, 3);
      expect(exact.outcome.stock.shortfall.water).toBe(0);
      // 1/6000 h (0.6 s) earlier: 25/6000 L ≈ 0.0042 L left — far more than the 1e-9 relative tolerance
      const before = run(withHorizon(probe, outAt - 1 / 6000), i);
      expect(before.outcome.stock.stockouts).toEqual([]);
      expect(before.outcome.stock.series.at(-1)!.level).toBeCloseTo(25 / 6000, 3);
      // 0.6 s later: the need went unmet for 0.6 s, 25/6000 L of shortfall
      const after = run(withHorizon(probe, outAt + 1 / 6000), i);
      expect(after.outcome.stock.stockouts.length).toBe(1);
      expect(Math.abs(after.outcome.stock.shortfall.water! - 25 / 6000)).toBeLessThanOrEqual(1e-3 / 2);
    }
  });

  it('the daily lump keeps ≥ vs >: 250 people empty 750 L with nothing short, 251 leave 3 L short', () => {
    const lump = (people: number) =>
      variant((x) => {
        x.horizonHours = 12;
        x.reserves.consumption = 'dailyLump';
        x.chain.consequences.affectedFraction = { dist: 'fixed', value: people / 1000 };
        x.reserves.warehouses[0]!.stock = { water: 750 };
        x.reserves.warehouses[0]!.resupplyLeadHours = { dist: 'fixed', value: 100 };
      });
    const at = run(lump(250), 0);
    expect(at.outcome.stock.stockouts.length).toBe(1);
    expect(at.outcome.stock.shortfall.water).toBe(0);
    const over = run(lump(251), 0);
    expect(over.outcome.stock.stockouts.length).toBe(1);
    expect(over.outcome.stock.shortfall.water).toBe(3);
  });
});
