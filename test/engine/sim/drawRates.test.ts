import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { peopleInNeed, refreshRates, settleStock } from '../../../engine/sim/drawRates.ts';
import { endRelief, requestRelief } from '../../../engine/sim/relief.ts';
import { runUntil } from '../../../engine/sim/kernel.ts';
import { startTrial } from '../../../engine/sim/runTrial.ts';
import { Trial } from '../../../engine/sim/trial.ts';
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

/** Whether the trial's sources and daily items' rates are those chosen from scratch (`expected`), bit for bit. */
function matchesScratch(tr: Trial): boolean {
  const want = expected(tr);
  const daily = tr.s.reserves.items.map((it) => it.perPersonPerDay > 0);
  const nI = tr.world.itemCount;
  return want.source.every((x, j) => x === tr.drawSource[j]) && want.rate.every((x, k) => !daily[k % nI] || Object.is(x, tr.drawRate[k]));
}

describe('refreshRates keeps a village\'s sources only while nothing they depend on changed', () => {
  // stores running out and stocked again, roads closing and opening, people coming and going,
  // in any order: after each step the kept sources must be the ones chosen from scratch
  for (const name of ['lezhi-rainstorm', 'shidian-earthquake']) {
    it(`${name}: after stockouts, restocking, road changes and people changes (and the shortfall of those without a source)`, () => {
      const rs = loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
      if (!rs.ok) throw new Error(`${name} does not load`);
      const w = compileWorld(rs.scenario);
      const nK = w.initialStock.length;
      const nV = w.villageNode.length;
      const nL = w.graph.linkCount;
      const nI = w.itemCount;
      const nW = w.warehouseNode.length;
      const step = fc.oneof(
        fc.record({ k: fc.constant('empty' as const), entry: fc.integer({ min: 0, max: nK - 1 }) }),
        fc.record({ k: fc.constant('restock' as const), entry: fc.integer({ min: 0, max: nK - 1 }) }),
        // every store runs out of an item: its need goes unmet
        fc.record({ k: fc.constant('emptyItem' as const), item: fc.integer({ min: 0, max: nI - 1 }) }),
        // the best-stocked store of an item falls without running out (what a cut-off village follows)
        fc.record({ k: fc.constant('level' as const), item: fc.integer({ min: 0, max: nI - 1 }), share: fc.double({ min: 0.01, max: 0.99, noNaN: true }) }),
        fc.record({ k: fc.constant('road' as const), link: fc.integer({ min: 0, max: nL - 1 }), open: fc.boolean() }),
        // every road at an affected village closes or opens: it is cut off from every store, or no longer
        fc.record({ k: fc.constant('roads' as const), pick: fc.nat(), open: fc.boolean() }),
        fc.record({ k: fc.constant('affect' as const), village: fc.integer({ min: 0, max: nV - 1 }), people: fc.integer({ min: 1, max: 500 }) }),
        fc.record({ k: fc.constant('release' as const), pick: fc.nat(), people: fc.integer({ min: 1, max: 500 }) }),
      );
      let kept = 0;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: nV - 1 }), { minLength: 2, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 30 }), (first, steps) => {
          const tr = new Trial(w, 1, compiledMachines, false);
          for (const v of first) requestRelief(tr, v, 100);
          for (const s of steps) {
            tr.now += 10;
            // the need of every village × daily item without a source, summed over the villages in order
            const shortfall = tr.shortfall.slice();
            for (const v of tr.affectedVillages)
              for (let k = 0; k < nI; k++) {
                const perDay = rs.scenario.reserves.items[k]!.perPersonPerDay;
                if (perDay > 0 && tr.drawSource[v * nI + k] === -1 && peopleInNeed(tr, v) > 0) shortfall[k]! += (peopleInNeed(tr, v) * perDay * 10) / 1440;
              }
            settleStock(tr);
            if (!shortfall.every((x, k) => Object.is(x, tr.shortfall[k]))) return false;
            if (s.k === 'empty') tr.stock[s.entry] = 0;
            else if (s.k === 'restock') tr.stock[s.entry] = w.initialStock[s.entry]!;
            else if (s.k === 'emptyItem') for (let i = 0; i < nW; i++) tr.stock[i * nI + s.item] = 0;
            else if (s.k === 'level') {
              let best = 0;
              for (let i = 1; i < nW; i++) if (tr.stock[i * nI + s.item]! > tr.stock[best * nI + s.item]!) best = i;
              tr.stock[best * nI + s.item]! *= s.share;
            } else if (s.k === 'roads') {
              const node = w.villageNode[tr.affectedVillages[s.pick % tr.affectedVillages.length]!]!;
              for (let a = w.graph.offsets[node]!; a < w.graph.offsets[node + 1]!; a++) tr.setOpen(w.graph.arcLink[a]!, s.open);
            }
            else if (s.k === 'road') tr.setOpen(s.link, s.open);
            else if (s.k === 'affect') requestRelief(tr, s.village, s.people);
            else if (tr.affectedVillages.length > 0) endRelief(tr, tr.affectedVillages[s.pick % tr.affectedVillages.length]!, s.people);
            const before = tr.drawSource.slice();
            refreshRates(tr);
            if (!matchesScratch(tr)) return false;
            if (before.every((x, j) => x === tr.drawSource[j])) kept++;
          }
          return true;
        }),
        { numRuns: 150, seed: 5 },
      );
      expect(kept).toBeGreaterThan(200);
    });
  }
});
