import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, loadScenario } from '../../../engine/index.ts';
import { peopleInNeed, refreshRates, settleStock } from '../../../engine/sim/drawRates.ts';
import { runUntil } from '../../../engine/sim/kernel.ts';
import { startTrial } from '../../../engine/sim/runTrial.ts';
import type { Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

/**
 * What refreshRates must have chosen, worked out from scratch: per affected village with
 * people in need and daily item, the nearest store (a full tree over the links open now,
 * ties: lower index) holding it, or with no store reachable the best-stocked one; −2 where
 * nobody draws. Then the draw rates, summed over the villages in ascending order.
 */
function expected(tr: Trial): { source: Int32Array; rate: Float64Array } {
  const w = tr.world;
  const nI = w.itemCount;
  const nW = w.warehouseNode.length;
  const items = tr.s.reserves.items;
  const source = tr.drawSource.slice();
  const rate = new Float64Array(tr.drawRate.length);
  const stocked = (i: number, k: number) => tr.stock[i * nI + k]! > 1e-9 * Math.max(1, w.initialStock[i * nI + k]!);
  for (const v of tr.affectedVillages) {
    const people = peopleInNeed(tr, v);
    const dist = shortestPathTree(w.graph, tr.open, w.villageNode[v]!).dist;
    const reachable = w.warehouseNode.some((node) => Number.isFinite(dist[node]!));
    for (let k = 0; k < nI; k++) {
      if (!(people > 0) || !(items[k]!.perPersonPerDay > 0)) {
        source[v * nI + k] = -2;
        continue;
      }
      let best = -1;
      for (let i = 0; i < nW; i++) {
        if (!stocked(i, k)) continue;
        if (reachable) {
          const d = dist[w.warehouseNode[i]!]!;
          if (Number.isFinite(d) && (best < 0 || d < dist[w.warehouseNode[best]!]!)) best = i;
        } else if (best < 0 || tr.stock[i * nI + k]! > tr.stock[best * nI + k]!) best = i;
      }
      source[v * nI + k] = best;
      if (best >= 0) rate[best * nI + k]! += (people * items[k]!.perPersonPerDay) / 1440;
    }
  }
  return { source, rate };
}

const first = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const scenarios: [string, number[]][] = [
  ['lezhi-rainstorm', first(10)],
  ['pinghu-typhoon', first(10)],
  ['shidian-earthquake', first(10)],
  // fire seasons in which a village is struck again after its people went home
  ['shidian-forest-fire', [...first(5), 55, 129, 159, 343, 379, 493, 546, 585, 734, 747]],
];

describe('refreshRates', () => {
  for (const [name, seeds] of scenarios) {
    it(`${name}: the draw sources it keeps from call to call are those chosen from scratch, and so are the rates`, () => {
      const r = loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
      if (!r.ok) throw new Error(`${name} does not load`);
      let checks = 0;
      for (const seed of seeds) {
        const tr = startTrial(r.scenario, seed, compiledMachines, { log: false });
        const step = tr.horizon > 7 * 1440 ? 360 : 30;
        for (let t = step; t <= tr.horizon; t += step) {
          runUntil(tr, t);
          tr.now = t;
          settleStock(tr);
          refreshRates(tr);
          const want = expected(tr);
          expect(Array.from(tr.drawSource), `seed ${seed} minute ${t}`).toEqual(Array.from(want.source));
          // the entries of daily items (the others are never given a rate)
          tr.drawRate.forEach((x, k) => {
            if (r.scenario.reserves.items[k % tr.world.itemCount]!.perPersonPerDay > 0) expect(Object.is(x, want.rate[k]), `seed ${seed} minute ${t} entry ${k}`).toBe(true);
          });
          if (tr.affectedVillages.length > 0) checks++;
        }
      }
      expect(checks).toBeGreaterThan(50);
    });
  }
});
