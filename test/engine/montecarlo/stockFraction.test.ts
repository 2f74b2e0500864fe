import { describe, expect, it } from 'vitest';
import { mcLayout, mcMachines, trialSeed, type McLayout } from '../../../engine/montecarlo/index.ts';
import { stockFractions, stockSeriesBuffer, type StockSeriesBuffer } from '../../../engine/montecarlo/stockFraction.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { h3, r3 } from '../../../engine/sim/outcome.ts';
import { finishedTrial } from '../../../engine/sim/runTrial.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The reference: every hour walks every store of every item (the loop trialRow had before stockFraction.ts). */
function everyStore(layout: McLayout, x: StockSeriesBuffer): Float64Array {
  const nI = layout.items.length;
  const H = layout.fanHours;
  const out = new Float64Array(nI * H);
  const level = new Float64Array(layout.warehouseIndex.size * nI);
  const total = new Float64Array(nI);
  const nextOf = new Int32Array(x.n).fill(-1);
  const seen = new Int32Array(level.length).fill(-1);
  for (let i = x.n - 1; i >= 0; i--) {
    const j = x.slot[i]!;
    if (j < 0) continue;
    nextOf[i] = seen[j]!;
    seen[j] = i;
  }
  const lastAt = new Int32Array(level.length).fill(-1);
  let s = 0;
  for (let h = 0; h < H; h++) {
    for (; s < x.n && x.atHours[s]! <= h; s++) {
      const j = x.slot[s]!;
      if (j < 0) continue;
      total[j % nI]! += x.level[s]! - level[j]!;
      level[j] = x.level[s]!;
      lastAt[j] = s;
    }
    for (let k = 0; k < nI; k++) {
      const init = layout.items[k]!.initialTotal;
      let sum = total[k]!;
      if (layout.stockLinear)
        for (let j = k; j < level.length; j += nI) {
          const i = lastAt[j]!;
          const n = i < 0 ? -1 : nextOf[i]!;
          if (n < 0) continue;
          if (x.atHours[n]! > x.atHours[i]!) sum += ((x.level[n]! - x.level[i]!) * (h - x.atHours[i]!)) / (x.atHours[n]! - x.atHours[i]!);
        }
      out[k * H + h] = init > 0 ? sum / init : NaN;
    }
  }
  return out;
}

describe('stockFractions (only the open segments, stand-still hours filled)', () => {
  for (const [file, trials] of [
    ['test/fixtures/scenarios/closed-form.yaml', 30],
    ['scenarios/lezhi-rainstorm.yaml', 30],
    ['scenarios/shidian-earthquake.yaml', 10],
    ['scenarios/shidian-forest-fire.yaml', 8],
  ] as const)
    it(`gives the bytes of walking every store each hour: ${file}`, () => {
      const loaded = loadScenarioFile(`${repo}${file}`, 'en');
      if (!loaded.ok) throw new Error(`${file} should load`);
      const layout = mcLayout(loaded.scenario);
      const nI = layout.items.length;
      for (let i = 0; i < trials; i++) {
        const series = finishedTrial(loaded.scenario, trialSeed(3, i), mcMachines, { log: false }).stockSeries;
        const x = stockSeriesBuffer(series.length);
        series.forEach((p, m) => {
          x.atHours[m] = h3(p.t);
          x.level[m] = r3(p.level);
          x.slot[m] = p.warehouse * nI + p.item;
        });
        const out = new Float64Array(nI * layout.fanHours).fill(-1);
        stockFractions(layout, x, out);
        expect(bytes(out).equals(bytes(everyStore(layout, x))), `trial ${i}`).toBe(true);
      }
    });
});
