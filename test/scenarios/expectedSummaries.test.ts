import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvacMcSummary } from '../../engine/evacuation/montecarlo/index.ts';
import { expectedCases, expectedSummary } from '../../scripts/expectedSummary.ts';

/**
 * The checked-in Monte Carlo summaries (scenarios/expected/, rewritten only by
 * `npx tsx scripts/update-expected.ts`) are reproduced exactly, and make sense.
 */
describe('expected Monte Carlo summaries of the shipped scenarios', () => {
  for (const c of expectedCases) {
    it(`${c.name}: reproduced byte for byte, and plausible`, async () => {
      const text = readFileSync(new URL(`../../scenarios/expected/${c.name}.summary.json`, import.meta.url), 'utf8');
      const now = await expectedSummary(c.file);
      expect(JSON.stringify(now, null, 2) + '\n').toBe(text);
      const s = JSON.parse(text);
      expect(s.trials).toBe(1000);
      expect(s.partial).toBe(false);
      if (s.model === 'evacuation') return plausibleEvacuation(s);
      for (const t of s.targets) {
        const p = t.metProbability;
        if (p.n === 0) continue;
        expect(p.estimate).toBeGreaterThanOrEqual(0);
        expect(p.estimate).toBeLessThanOrEqual(1);
        expect(p.ci95[0]).toBeLessThanOrEqual(p.estimate);
        expect(p.ci95[1]).toBeGreaterThanOrEqual(p.estimate);
        // quantiles are ordered
        const h = t.achievedHours;
        if (h.p50 !== null && h.p90 !== null) expect(h.p50).toBeLessThanOrEqual(h.p90);
        if (h.p90 !== null && h.p99 !== null) expect(h.p90).toBeLessThanOrEqual(h.p99);
        // the exceedance curve never rises
        for (let i = 1; i < t.exceedance.length; i++) expect(t.exceedance[i]).toBeLessThanOrEqual(t.exceedance[i - 1] + 1e-12);
      }
      for (const item of s.reserves.items) {
        const p = item.stockoutProbability;
        expect(p.estimate).toBeGreaterThanOrEqual(0);
        expect(p.estimate).toBeLessThanOrEqual(1);
      }
    }, 180_000);
  }
});

/** A building scenario's summary: probabilities in [0, 1] inside their intervals, ordered quantiles. */
function plausibleEvacuation(s: EvacMcSummary): void {
  const probs = [s.assembly.everyoneProbability, s.exposure.anyProbability, s.fire.knockedDownProbability, s.fire.outByBrigadeProbability, ...s.targets.map((t) => t.metProbability)];
  for (const p of probs) {
    expect(p.estimate).toBeGreaterThanOrEqual(0);
    expect(p.estimate).toBeLessThanOrEqual(1);
    expect(p.ci95![0]).toBeLessThanOrEqual(p.estimate!);
    expect(p.ci95![1]).toBeGreaterThanOrEqual(p.estimate!);
  }
  for (const q of [s.assembly.fromAlarmS, s.assembly.fromIgnitionS, s.call119, s.headcount]) {
    const xs = [q.p50, q.p90, q.p95, q.p99].filter((x): x is number => x !== null);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]!);
  }
  // the alarm comes after ignition, so the same last arrival is later counted from ignition
  expect(s.assembly.fromIgnitionS.p50!).toBeGreaterThan(s.assembly.fromAlarmS.p50!);
  // the fire is put out by the 灭火 role or the brigade, not both
  expect(s.fire.knockedDownProbability.successes + s.fire.outByBrigadeProbability.successes).toBeLessThanOrEqual(s.trials);
}
