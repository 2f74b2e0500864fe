import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { findBridges } from '../../../engine/world/bridges.ts';
import { buildRoadGraph, shortestPathTree } from '../../../engine/world/roadGraph.ts';

const text = readFileSync(new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url), 'utf8');
const r = loadScenario(text, 'lezhi.yaml');
if (!r.ok) throw new Error('lezhi does not load');
const world = compileWorld(r.scenario);

describe('shared shortest-path trees', () => {
  it('bridges: closing a bridge disconnects, closing a non-bridge does not', () => {
    const g = world.graph;
    const reach = (open: Uint8Array) => shortestPathTree(g, open, 0).dist.filter(Number.isFinite).length;
    const all = new Uint8Array(g.linkCount).fill(1);
    const full = reach(all);
    for (let l = 0; l < g.linkCount; l += 7) {
      const open = all.slice();
      open[l] = 0;
      expect(reach(open) < full, `link ${l}`).toBe(world.bridge[l] === 1);
    }
    // parallel links are never bridges
    const tiny = buildRoadGraph(3, [
      { from: 0, to: 1, minutes: 1 },
      { from: 0, to: 1, minutes: 2 },
      { from: 1, to: 2, minutes: 1 },
    ]);
    expect([...findBridges(tiny)]).toEqual([0, 0, 1]);
  });

  it('a cached or derived tree equals a fresh Dijkstra for any set of closed links', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: world.graph.linkCount - 1 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: world.graph.nodeCount - 1 }), { minLength: 1, maxLength: 5 }),
        (closed, roots) => {
          const tr = new Trial(world, 1, compiledMachines, false);
          for (const l of closed) tr.setOpen(l, false);
          for (const root of roots) {
            const got = tr.tree(root);
            const want = shortestPathTree(world.graph, tr.open, root);
            expect(Array.from(got.dist)).toEqual(Array.from(want.dist));
            expect(Array.from(got.viaLink)).toEqual(Array.from(want.viaLink));
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
