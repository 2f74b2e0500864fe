import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../../engine/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { buildCoreGraph, coreGraphOf } from '../../../engine/world/coreGraph.ts';
import { LazyTree } from '../../../engine/world/lazyTree.ts';
import { buildRoadGraph, shortestPathTree, type RoadGraph } from '../../../engine/world/roadGraph.ts';

type Link = { from: number; to: number; minutes: number };

/**
 * The lazy tree from `root` read three ways — distances alone node by node in `order` (default:
 * last node first, so spur nodes before the nodes they hang from), arcs alone in `order`, and a
 * node at a time by route (each node's route walked to the root, as planTravel does) — each time
 * on a freshly made tree, then whole; every value Object.is a fresh Dijkstra's.
 */
function expectSameTree(g: RoadGraph, open: Uint8Array, root: number, order?: readonly number[]): void {
  const cg = coreGraphOf(g);
  if (!cg) throw new Error('graph has no core form');
  const want = shortestPathTree(g, open, root);
  const n = g.nodeCount;
  const seq = order ?? Array.from({ length: n }, (_, i) => n - 1 - i);
  const t = tree(g).make(open, root);
  expect(t.source).toBe(root);
  const dist = new Array<number>(n);
  for (const v of seq) dist[v] = t.distTo(v);
  expect(dist, `distances from ${root}`).toStrictEqual(Array.from(want.dist));
  expectWhole(t, want, `after distances, from ${root}`);
  t.make(open, root);
  const prev = new Array<number>(n);
  const via = new Array<number>(n);
  for (const v of seq) {
    prev[v] = t.prevOf(v);
    via[v] = t.linkOf(v);
  }
  expect(prev, `prev from ${root}`).toStrictEqual(Array.from(want.prev));
  expect(via, `viaLink from ${root}`).toStrictEqual(Array.from(want.viaLink));
  expectWhole(t, want, `after arcs, from ${root}`);
  t.make(open, root);
  const wrong: number[] = [];
  for (const v of seq)
    if (t.distTo(v) < Infinity)
      for (let u = v; u !== root; u = t.prevOf(u)) if (t.linkOf(u) !== want.viaLink[u] || !Object.is(t.distTo(u), want.dist[u])) wrong.push(u);
  expect(wrong, `nodes off their routes from ${root}`).toStrictEqual([]);
  expectWhole(t, want, `after routes, from ${root}`);
}

function expectWhole(t: LazyTree, want: ReturnType<typeof shortestPathTree>, what: string): void {
  const got = t.whole();
  // toStrictEqual compares numbers with Object.is: the same doubles, bit for bit
  expect(Array.from(got.dist), `dist ${what}`).toStrictEqual(Array.from(want.dist));
  expect(Array.from(got.prev), `prev ${what}`).toStrictEqual(Array.from(want.prev));
  expect(Array.from(got.viaLink), `viaLink ${what}`).toStrictEqual(Array.from(want.viaLink));
}

/** One lazy tree per graph, made over and over (as the cache reuses trees). */
const trees = new WeakMap<RoadGraph, LazyTree>();
function tree(g: RoadGraph): LazyTree {
  let t = trees.get(g);
  if (!t) trees.set(g, (t = new LazyTree(g, coreGraphOf(g))));
  return t;
}

/** A 6×6 grid of 1- and 2-minute links (many equal routes), parallel links, a self-loop, spurs, chains, lone cycles and lone nodes. */
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
  // two-way ties inside chains: a lone square (root 54: 56 as near by 55 as by 57) and a chain
  // 1–58–6 between two grid nodes as near as each other to many roots
  links.push({ from: 54, to: 55, minutes: 1 }, { from: 55, to: 56, minutes: 1 }, { from: 56, to: 57, minutes: 1 }, { from: 57, to: 54, minutes: 1 });
  links.push({ from: 1, to: 58, minutes: 1 }, { from: 58, to: 6, minutes: 1 });
  return buildRoadGraph(59, links);
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
      fc.property(arbGraph, fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), ({ n, links }, rootSeed, closedSeeds, keys) => {
        const g = buildRoadGraph(n, links);
        const open = new Uint8Array(g.linkCount).fill(1);
        for (const c of closedSeeds) open[c % g.linkCount] = 0;
        // nodes read in a random order
        const order = Array.from({ length: n }, (_, v) => v).sort((a, b) => keys[a]! - keys[b]! || a - b);
        expectSameTree(g, open, rootSeed % n, order);
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
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 10 }), fc.integer({ min: 0, max: g.nodeCount - 1 }), fc.boolean(), (closed, root, ascending) => {
          const open = all.slice();
          for (const l of closed) open[l] = 0;
          expectSameTree(g, open, root, ascending ? Array.from({ length: g.nodeCount }, (_, v) => v) : undefined);
        }),
        { numRuns: 200, seed: 23 },
      );
    }
  });

  it('is remade in place, keeps its own copy of the open links, and is Dijkstra itself on a graph with no core form', () => {
    const g = tieHeavyGraph();
    const all = new Uint8Array(g.linkCount).fill(1);
    const t = new LazyTree(g, buildCoreGraph(g)).make(all, 0);
    const v0 = t.version;
    expect(t.make(all, 40)).toBe(t);
    expect(t.source).toBe(40);
    expect(t.version).toBe(v0 + 1);
    // the caller's links change after the tree is made: the tree does not
    all.fill(0);
    all[0] = 1;
    expect(Array.from(t.whole().dist)).toStrictEqual(Array.from(shortestPathTree(g, new Uint8Array(g.linkCount).fill(1), 40).dist));
    // a link too short to lengthen every route in float64 (canRepair false): no core form
    const odd = buildRoadGraph(4, [
      { from: 0, to: 1, minutes: 1e15 },
      { from: 1, to: 2, minutes: 1e-3 },
      { from: 2, to: 3, minutes: 1 },
      { from: 3, to: 0, minutes: 1 },
    ]);
    expect(coreGraphOf(odd)).toBeNull();
    const open = new Uint8Array(4).fill(1);
    for (let root = 0; root < 4; root++) {
      const got = new LazyTree(odd, null).make(open, root);
      const want = shortestPathTree(odd, open, root);
      for (let v = 0; v < 4; v++) {
        expect(got.distTo(v)).toBe(want.dist[v]);
        expect(got.prevOf(v)).toBe(want.prev[v]);
        expect(got.linkOf(v)).toBe(want.viaLink[v]);
      }
    }
  });
});
