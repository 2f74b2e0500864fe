import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { takeNearest } from '../../../engine/sim/storeLoads.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

const text = readFileSync(new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url), 'utf8');
const r = loadScenario(text, 'lezhi.yaml');
if (!r.ok) throw new Error('lezhi does not load');
const world = compileWorld(r.scenario);

/** The walk as first written: every reachable store sorted by (distance, index), or the best-held one when none is. */
function expectedTakes(tr: Trial, village: number, need: number[]): { wh: number; take: number[] }[] {
  const w = tr.world;
  const nI = w.itemCount;
  const nW = w.warehouseNode.length;
  const stock = tr.stock.slice();
  const dist = shortestPathTree(w.graph, tr.open, w.villageNode[village]!).dist;
  const d = (i: number) => dist[w.warehouseNode[i]!]!;
  let stores = Array.from({ length: nW }, (_, i) => i).filter((i) => Number.isFinite(d(i)));
  stores.sort((a, b) => d(a) - d(b) || a - b);
  if (stores.length === 0) {
    let best = -1;
    let bestHeld = 0;
    for (let i = 0; i < nW; i++) {
      let held = 0;
      for (let k = 0; k < nI; k++) held += need[k]! > 0 ? Math.min(1, stock[i * nI + k]! / need[k]!) : 0;
      if (held > bestHeld) (best = i), (bestHeld = held);
    }
    stores = best >= 0 ? [best] : [];
  }
  const left = need.slice();
  const takes: { wh: number; take: number[] }[] = [];
  for (const wh of stores) {
    if (left.every((q) => q <= 1e-9)) break;
    const take = left.map((q, k) => Math.min(q, stock[wh * nI + k]!));
    if (take.every((q) => q <= 0)) continue;
    take.forEach((q, k) => {
      if (q <= 0) return;
      stock[wh * nI + k]! -= q;
      left[k]! -= q;
    });
    takes.push({ wh, take });
  }
  return takes;
}

describe('takeNearest', () => {
  it('takes from the stores in the order of the full sort by (distance, index), whatever the roads and stock', () => {
    const nW = world.warehouseNode.length;
    const nI = world.itemCount;
    let cutOff = 0;
    let several = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: world.graph.linkCount - 1 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: world.villageNode.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: nW * nI, maxLength: nW * nI }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: nI, maxLength: nI }),
        fc.boolean(),
        (closed, village, fill, need, isolate) => {
          const tr = new Trial(world, 1, compiledMachines, false);
          for (const l of closed) tr.setOpen(l, false);
          // every road out of the village closed: no store is reachable
          const g = world.graph;
          const node = world.villageNode[village]!;
          if (isolate) for (let k = g.offsets[node]!; k < g.offsets[node + 1]!; k++) tr.setOpen(g.arcLink[k]!, false);
          fill.forEach((f, k) => (tr.stock[k] = f < 0.2 ? 0 : f * world.initialStock[k]!));
          tr.resupplyPending.fill(1); // no resupply moves stock while it walks
          const want = expectedTakes(tr, village, need);
          if (want.length > 1) several++;
          if (!world.warehouseNode.some((node) => Number.isFinite(shortestPathTree(world.graph, tr.open, world.villageNode[village]!).dist[node]!))) cutOff++;
          takeNearest(tr, village, need.slice(), 10, true);
          expect(tr.deliveries.map((dl) => ({ wh: dl.warehouse, take: dl.quantities }))).toEqual(want);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
    expect(several).toBeGreaterThan(20);
    expect(cutOff).toBeGreaterThan(3);
  });
});
