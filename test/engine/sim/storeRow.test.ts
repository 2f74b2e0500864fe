import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { storeRow, storeRowsOf } from '../../../engine/sim/storeDistances.ts';
import { Trial } from '../../../engine/sim/trial.ts';

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
});
