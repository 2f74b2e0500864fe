import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../../engine/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { CoreDistances } from '../../../engine/world/coreDistances.ts';
import { buildCoreGraph, coreGraphOf, coreTree } from '../../../engine/world/coreGraph.ts';
import { buildRoadGraph, shortestPathTree, type RoadGraph } from '../../../engine/world/roadGraph.ts';

type Link = { from: number; to: number; minutes: number };

function expectSameTree(g: RoadGraph, open: Uint8Array, root: number): void {
  const cg = coreGraphOf(g);
  if (!cg) throw new Error('graph has no core form');
  const got = coreTree(g, cg, open, root);
  const want = shortestPathTree(g, open, root);
  // Object.is per element: the same doubles, bit for bit
  expect(Array.from(got.dist), `dist from ${root}`).toStrictEqual(Array.from(want.dist));
  expect(Array.from(got.prev), `prev from ${root}`).toStrictEqual(Array.from(want.prev));
  expect(Array.from(got.viaLink), `viaLink from ${root}`).toStrictEqual(Array.from(want.viaLink));
  expect(got.source).toBe(root);
  // node by node (CoreDistances), in an order that visits spur nodes before the nodes above them
  const q = points.from(g, cg, open, root);
  const each = Array.from({ length: g.nodeCount }, (_, i) => g.nodeCount - 1 - i).map((v) => q.to(v));
  expect(each.reverse(), `point distances from ${root}`).toStrictEqual(Array.from(want.dist));
}

const points = new CoreDistances();

/** A 6×6 grid of 1- and 2-minute links (many equal routes), parallel links, a self-loop, spurs, chains, a lone cycle and lone nodes. */
function tieHeavyGraph(): RoadGraph {
  const links: Link[] = [];
  const id = (x: number, y: number) => 6 * y + x;
  for (let y = 0; y < 6; y++)
    for (let x = 0; x < 6; x++) {
      if (x < 5) links.push({ from: id(x, y), to: id(x + 1, y), minutes: 1 + ((x * y) % 2) });
      if (y < 5) links.push({ from: id(x, y + 1), to: id(x, y), minutes: 1 + ((x + y) % 2) });
      if ((x + 2 * y) % 7 === 0 && x < 5) links.push({ from: id(x + 1, y), to: id(x, y), minutes: 1 });
    }
  links.push({ from: 3, to: 3, minutes: 1 }); // self-loop
  // a spur tree hanging from 0: 36–37–38, 37–39
  links.push({ from: 0, to: 36, minutes: 0.5 }, { from: 36, to: 37, minutes: 0.1 }, { from: 37, to: 38, minutes: 2 }, { from: 39, to: 37, minutes: 0.3 });
  // a chain of degree-2 nodes from 35 to 30 (40, 41, 42) and one from 5 back to 5 (43, 44)
  links.push({ from: 35, to: 40, minutes: 0.7 }, { from: 40, to: 41, minutes: 0.1 }, { from: 41, to: 42, minutes: 0.2 }, { from: 42, to: 30, minutes: 1.1 });
  links.push({ from: 5, to: 43, minutes: 1 }, { from: 43, to: 44, minutes: 1 }, { from: 44, to: 5, minutes: 1 });
  // a spur hanging from a chain's interior node (41–45) and a spur on a spur's end with a parallel pair (38=46)
  links.push({ from: 41, to: 45, minutes: 0.25 }, { from: 38, to: 46, minutes: 1 }, { from: 46, to: 38, minutes: 1 });
  // a cycle on its own (47, 48, 49) and a tree on its own (50–51–52); 53 alone
  links.push({ from: 47, to: 48, minutes: 1 }, { from: 48, to: 49, minutes: 1 }, { from: 49, to: 47, minutes: 2 }, { from: 50, to: 51, minutes: 1 }, { from: 51, to: 52, minutes: 1 });
  return buildRoadGraph(54, links);
}

/** A random connected-ish graph with small integer weights (ties) and many nodes of degree 1 or 2. */
const arbGraph = fc
  .integer({ min: 2, max: 40 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      links: fc.array(fc.record({ from: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: n - 1 }), minutes: fc.constantFrom(1, 2, 3, 0.5, 0.1, 0.7) }), {
        minLength: 1,
        maxLength: 2 * n,
      }),
    }),
  );

describe('shortest-path trees on the core graph (engine/world/coreGraph.ts)', () => {
  it('fold a county onto a few dozen core nodes; every node is core, a chain interior or a spur', () => {
    const r = loadScenarioFile('scenarios/lezhi-rainstorm.yaml', 'en');
    if (!r.ok) throw new Error('lezhi does not load');
    const g = compileWorld(r.scenario).graph;
    const cg = buildCoreGraph(g);
    const core = cg.isCore.reduce((a, b) => a + b, 0);
    const spur = cg.removed.reduce((a, b) => a + b, 0);
    const interior = Array.from(cg.nodeChain).filter((c) => c >= 0).length;
    expect(core + spur + interior).toBe(g.nodeCount);
    expect(core).toBeLessThan(g.nodeCount / 4);
    // each 2-core link is on exactly one chain
    const onChains = new Set(cg.chainLinks);
    expect(onChains.size).toBe(cg.chainLinks.length);
  });

  it('equals a fresh Dijkstra, ties included, for any root and closed links (grid with spurs, chains, parallel links, a self-loop, lone parts)', () => {
    const g = tieHeavyGraph();
    const all = new Uint8Array(g.linkCount).fill(1);
    for (let root = 0; root < g.nodeCount; root++) expectSameTree(g, all, root);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 12 }), fc.integer({ min: 0, max: g.nodeCount - 1 }), (closed, root) => {
        const open = all.slice();
        for (const l of closed) open[l] = 0;
        expectSameTree(g, open, root);
      }),
      { numRuns: 1500, seed: 3 },
    );
  });

  it('equals a fresh Dijkstra on random graphs with small integer weights', () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), ({ n, links }, rootSeed, closedSeeds) => {
        const g = buildRoadGraph(n, links);
        const open = new Uint8Array(g.linkCount).fill(1);
        for (const c of closedSeeds) open[c % g.linkCount] = 0;
        expectSameTree(g, open, rootSeed % n);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('equals a fresh Dijkstra on every shipped county, closed links drawn at random', () => {
    for (const name of ['lezhi-rainstorm', 'jingyan-rainstorm', 'pinghu-typhoon', 'shidian-earthquake']) {
      const r = loadScenarioFile(`scenarios/${name}.yaml`, 'en');
      if (!r.ok) throw new Error(`${name} does not load`);
      const g = compileWorld(r.scenario).graph;
      const all = new Uint8Array(g.linkCount).fill(1);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 10 }), fc.integer({ min: 0, max: g.nodeCount - 1 }), (closed, root) => {
          const open = all.slice();
          for (const l of closed) open[l] = 0;
          expectSameTree(g, open, root);
        }),
        { numRuns: 200, seed: 23 },
      );
    }
  });

  it('overwrites a given tree in place', () => {
    const g = tieHeavyGraph();
    const cg = buildCoreGraph(g);
    const all = new Uint8Array(g.linkCount).fill(1);
    const t = coreTree(g, cg, all, 0);
    const again = coreTree(g, cg, all, 40, t);
    expect(again).toBe(t);
    expect(t.source).toBe(40);
    expect(Array.from(t.dist)).toStrictEqual(Array.from(shortestPathTree(g, all, 40).dist));
  });
});
