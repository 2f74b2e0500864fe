import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { storeRow, storeRowsOf } from '../../../engine/sim/storeDistances.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

const text = readFileSync(new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url), 'utf8');
const r = loadScenario(text, 'lezhi.yaml');
if (!r.ok) throw new Error('lezhi does not load');
const world = compileWorld(r.scenario);

describe('storeRow', () => {
  it('its order picks the store the full scan of refreshRates picked, however the stock and roads change', () => {
    const nW = world.warehouseNode.length;
    const nI = world.itemCount;
    const wanted = Uint8Array.from(r.scenario.reserves.items, (it) => (it.perPersonPerDay > 0 ? 1 : 0));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: world.graph.linkCount - 1 }), fc.boolean(), fc.uint8Array({ minLength: nW * nI, maxLength: nW * nI, min: 0, max: 1 })), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: world.villageNode.length - 1 }), { minLength: 1, maxLength: 4 }),
        (steps, villages) => {
          const tr = new Trial(world, 1, compiledMachines, false);
          for (const [link, close, stocked] of steps) {
            tr.setOpen(link, !close);
            for (const v of villages) {
              const rows = storeRowsOf(tr);
              const row = storeRow(tr, rows, v, stocked, wanted);
              const d = rows.dist.subarray(row * nW, (row + 1) * nW);
              // the order: exactly the finite distances, by (distance, index)
              const finite = Array.from({ length: nW }, (_, i) => i).filter((i) => Number.isFinite(d[i]!));
              finite.sort((a, b) => d[a]! - d[b]! || a - b);
              expect(Array.from(rows.order.subarray(row * nW, row * nW + rows.count[row]!))).toEqual(finite);
              for (let k = 0; k < nI; k++) {
                if (wanted[k] !== 1) continue;
                // the scan refreshRates made before: the strictly nearer finite stocked store, in index order
                let best = -1;
                for (let i = 0; i < nW; i++)
                  if (stocked[i * nI + k] === 1 && Number.isFinite(d[i]!) && (best < 0 || d[i]! < d[best]!)) best = i;
                expect(rows.nearestStocked(row, stocked, nI, k)).toBe(best);
              }
            }
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  // rows are kept across road changes unless a change could move them (markSensitive): after
  // every step each row must still hold what a fresh full Dijkstra gives, bit for bit
  for (const name of ['lezhi-rainstorm', 'shidian-earthquake']) {
    it(`${name}: rows kept across road changes equal fresh trees below their bound`, () => {
      const rs = loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
      if (!rs.ok) throw new Error(`${name} does not load`);
      const w = compileWorld(rs.scenario);
      const g = w.graph;
      const nW = w.warehouseNode.length;
      const nI = w.itemCount;
      const wanted = Uint8Array.from(rs.scenario.reserves.items, (it) => (it.perPersonPerDay > 0 ? 1 : 0));
      let kept = 0;
      fc.assert(
        fc.property(
          // mostly a few links toggled over and over, so that routes close and reopen
          fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: g.linkCount - 1 }), fc.boolean(), fc.uint8Array({ minLength: nW * nI, maxLength: nW * nI, min: 0, max: 1 })), { minLength: 1, maxLength: 25 }),
          fc.array(fc.integer({ min: 0, max: w.villageNode.length - 1 }), { minLength: 1, maxLength: 5 }),
          fc.array(fc.integer({ min: 0, max: g.linkCount - 1 }), { minLength: 16, maxLength: 16 }),
          (steps, villages, few) => {
            const tr = new Trial(w, 1, compiledMachines, false);
            let stocked = new Uint8Array(nW * nI).fill(1);
            for (const [pick, any, close, flags] of steps) {
              const link = pick < 12 ? few[pick]! : any;
              tr.setOpen(link, !close);
              if (pick % 3 === 0) stocked = flags;
              for (const v of villages) {
                const rows = storeRowsOf(tr);
                const searchedBefore = rows.state[rows.row(v)] === 0;
                const row = storeRow(tr, rows, v, stocked, wanted);
                if (searchedBefore && rows.state[row] === 0) kept++;
                const full = shortestPathTree(g, tr.open, w.villageNode[v]!).dist;
                const bound = rows.state[row] === 0 ? rows.bound[row]! : Infinity;
                for (let i = 0; i < nW; i++) {
                  const d = rows.dist[row * nW + i]!;
                  const t = full[w.warehouseNode[i]!]!;
                  if (d !== Infinity || t < bound) expect(Object.is(d, t), `store ${i}: ${d} vs ${t} (bound ${bound})`).toBe(true);
                }
                for (let k = 0; k < nI; k++) {
                  if (wanted[k] !== 1) continue;
                  let best = -1;
                  for (let i = 0; i < nW; i++) {
                    const t = full[w.warehouseNode[i]!]!;
                    if (stocked[i * nI + k] === 1 && Number.isFinite(t) && (best < 0 || t < full[w.warehouseNode[best]!]!)) best = i;
                  }
                  expect(rows.nearestStocked(row, stocked, nI, k)).toBe(best);
                }
              }
            }
          },
        ),
        { numRuns: 150, seed: 13 },
      );
      expect(kept).toBeGreaterThan(100); // rows do outlive road changes
    });
  }
});
