/**
 * Plausibility: more reserves never raise the stock-out frequency. Every warehouse's stock is
 * scaled up (×2, ×4) and each variant runs on the same seeds (common random numbers: the same
 * storm or quake, the same failures and demands); a stock-out with more stock where the base had
 * none would be a bug, in any single seed.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped, runSeeds, shippedFiles, withStockScaled } from './helpers.ts';

const TRIALS = 150;
const anyStockout = (r: { outcome: { stock: { stockouts: unknown[] } } }) => r.outcome.stock.stockouts.length > 0;
const shortfall = (r: { outcome: { stock: { shortfall: Record<string, number> } } }) => Object.values(r.outcome.stock.shortfall).reduce((a, b) => a + b, 0);

describe('more reserves never raise the stock-out frequency (same seeds)', () => {
  for (const file of shippedFiles()) {
    it(`${file}: ×1, ×2, ×4 stock over ${TRIALS} seeds`, () => {
      const s = loadShipped(file);
      const runs = [1, 2, 4].map((k) => runSeeds(k === 1 ? s : withStockScaled(s, k), TRIALS));
      const freq = runs.map((rs) => rs.filter(anyStockout).length);
      expect(freq[1]).toBeLessThanOrEqual(freq[0]!);
      expect(freq[2]).toBeLessThanOrEqual(freq[1]!);
      for (let i = 0; i < TRIALS; i++) {
        // seed by seed: no new stock-out, no larger shortfall with more stock
        for (const k of [1, 2]) {
          if (anyStockout(runs[k]![i]!)) expect(anyStockout(runs[k - 1]![i]!), `seed ${i + 1}: stock-out only with more stock`).toBe(true);
          expect(shortfall(runs[k]![i]!)).toBeLessThanOrEqual(shortfall(runs[k - 1]![i]!) + 1e-6);
        }
      }
    });
  }
});
