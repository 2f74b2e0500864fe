import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { findBridges } from '../../../engine/world/bridges.ts';
import { buildRoadGraph, shortestPathTree } from '../../../engine/world/roadGraph.ts';
import { TreeCache } from '../../../engine/world/treeCache.ts';

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
            const got = tr.tree(root).whole();
            const want = shortestPathTree(world.graph, tr.open, root);
            expect(Array.from(got.dist)).toStrictEqual(Array.from(want.dist));
            expect(Array.from(got.viaLink)).toStrictEqual(Array.from(want.viaLink));
            expect(Array.from(got.prev)).toStrictEqual(Array.from(want.prev));
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a small cache that evicts and reuses trees still hands out exact trees (closures, reopenings, recuts)', () => {
    const again = loadScenario(text, 'lezhi.yaml');
    if (!again.ok) throw new Error('lezhi does not load');
    const w2 = compileWorld(again.scenario);
    w2.treeCache = new TreeCache(3);
    const g = w2.graph;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: g.linkCount - 1 }), fc.integer({ min: 0, max: g.nodeCount - 1 })), { maxLength: 40 }),
        (steps) => {
          const tr = new Trial(w2, 1, compiledMachines, false);
          let held: { root: number; tree: ReturnType<Trial['tree']>; open: Uint8Array } | null = null;
          for (const [op, link, root] of steps) {
            if (op === 1) tr.setOpen(link, false);
            else if (op === 2) tr.setOpen(link, true);
            const got = tr.tree(root);
            const want = shortestPathTree(g, tr.open, root);
            // read a few nodes first (the tree fills as it is read), then the whole
            for (let v = root % 7; v < g.nodeCount; v += 29) expect(got.distTo(v)).toBe(want.dist[v]);
            expect(Array.from(got.whole().prev)).toStrictEqual(Array.from(want.prev));
            expect(Array.from(got.whole().dist)).toStrictEqual(Array.from(want.dist));
            // the tree asked for just before is still intact (the contract: valid for `limit` − 1 more trees)
            if (held) expect(Array.from(held.tree.whole().prev)).toStrictEqual(Array.from(shortestPathTree(g, held.open, held.root).prev));
            held = { root, tree: got, open: tr.open.slice() };
            expect(w2.treeCache.size).toBeLessThanOrEqual(3);
          }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
