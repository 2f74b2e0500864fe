import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MultiUndirectedGraph } from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { buildRoadGraph, pathLinks, shortestPathTree, type PathTree, type RoadGraph } from '../../../engine/world/roadGraph.ts';

interface Link {
  from: number;
  to: number;
  minutes: number;
}
interface Case {
  n: number;
  links: Link[];
  open: Uint8Array;
  source: number;
}

// ---------------------------------------------------------------- generators

const minutes = fc.oneof(
  fc.integer({ min: 1, max: 120 }),
  fc.constantFrom(1, 2, 5), // many ties
  fc.double({ min: 0.05, max: 300, noNaN: true, noDefaultInfinity: true }),
);

const linkArb = (n: number) => fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), minutes });

/** A random spanning tree (node i joins some node below it), so most nodes can be reached. */
const treeLinks = (n: number) =>
  fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.tuple(fc.nat(i), minutes))).map((parents) =>
    parents.map(([p, m], i) => ({ from: i + 1, to: p, minutes: m })),
  );

/**
 * Random undirected multigraph with 1–150 links: either sparse random links (usually several
 * parts) or a spanning tree plus random extra links (usually connected, until links are closed);
 * parallel links, self-loops and disconnected parts all occur.
 */
const graphArb = fc.integer({ min: 2, max: 60 }).chain((n) =>
  fc
    .tuple(
      fc.oneof(
        fc.array(linkArb(n), { minLength: 1, maxLength: 130, size: 'max' }),
        fc
          .tuple(treeLinks(n), fc.array(linkArb(n), { maxLength: 130 - (n - 1), size: 'max' }))
          .map(([t, extra]) => [...t, ...extra]),
      ),
      // parallel copies of some links, with their own weights
      fc.array(fc.tuple(fc.nat(), minutes), { maxLength: 20 }),
    )
    .map(([links, dups]) => ({
      n,
      links: [...links, ...dups.map(([i, m]) => ({ ...links[i % links.length]!, minutes: m }))],
    })),
);

const caseArb: fc.Arbitrary<Case> = graphArb.chain(({ n, links }) =>
  fc.record({
    n: fc.constant(n),
    links: fc.constant(links),
    open: fc
      .oneof(
        fc.array(fc.integer({ min: 0, max: 9 }).map((x) => (x < 7 ? 1 : 0)), { minLength: links.length, maxLength: links.length }),
        fc.constant(new Array<number>(links.length).fill(1)),
        fc.array(fc.constantFrom(0, 1), { minLength: links.length, maxLength: links.length }),
      )
      .map((a) => Uint8Array.from(a)),
    source: fc.nat(n - 1),
  }),
);

// ---------------------------------------------------------------- oracles

/** O(V²) Dijkstra over the cheapest open link between each pair; written for this test. */
function naiveDistances(n: number, links: Link[], open: Uint8Array, source: number): number[] {
  const w: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
  links.forEach((l, i) => {
    if (open[i] !== 1) return;
    if (l.minutes < w[l.from]![l.to]!) w[l.from]![l.to] = w[l.to]![l.from] = l.minutes;
  });
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  dist[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    for (let v = 0; v < n; v++) if (!done[v] && dist[u]! + w[u]![v]! < dist[v]!) dist[v] = dist[u]! + w[u]![v]!;
  }
  return dist;
}

function graphologyOf(n: number, links: Link[], open: Uint8Array): MultiUndirectedGraph {
  const g = new MultiUndirectedGraph();
  for (let v = 0; v < n; v++) g.addNode(String(v));
  links.forEach((l, i) => {
    if (open[i] === 1) g.addEdge(String(l.from), String(l.to), { minutes: l.minutes });
  });
  return g;
}

/** Length of a node path, taking the cheapest open link between consecutive nodes. */
function nodePathLength(path: string[], links: Link[], open: Uint8Array): number {
  let total = 0;
  for (let k = 1; k < path.length; k++) {
    const a = Number(path[k - 1]);
    const b = Number(path[k]);
    let best = Infinity;
    links.forEach((l, i) => {
      if (open[i] === 1 && ((l.from === a && l.to === b) || (l.from === b && l.to === a))) best = Math.min(best, l.minutes);
    });
    expect(best, `oracle path uses an open link ${a}–${b}`).toBeLessThan(Infinity);
    total += best;
  }
  return total;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Walks pathLinks from the source; returns the end node and the summed minutes. */
function walk(g: RoadGraph, open: Uint8Array, source: number, path: number[]): { end: number; minutes: number; nodes: number[] } {
  let at = source;
  let total = 0;
  const nodes = [at];
  for (const link of path) {
    expect(open[link], `link ${link} is open`).toBe(1);
    const a = g.linkFrom[link]!;
    const b = g.linkTo[link]!;
    expect(a === at || b === at, `link ${link} (${a}–${b}) leaves node ${at}`).toBe(true);
    at = a === at ? b : a;
    total += g.linkMinutes[link]!;
    nodes.push(at);
  }
  return { end: at, minutes: total, nodes };
}

function treeOf(c: Case): { g: RoadGraph; tree: PathTree } {
  const g = buildRoadGraph(c.n, c.links);
  return { g, tree: shortestPathTree(g, c.open, c.source) };
}

// ---------------------------------------------------------------- tests

describe('buildRoadGraph', () => {
  it('property: CSR holds every link twice (once per end), arcs per node in link order', () => {
    fc.assert(
      fc.property(graphArb, ({ n, links }) => {
        const g = buildRoadGraph(n, links);
        expect(g.nodeCount).toBe(n);
        expect(g.linkCount).toBe(links.length);
        expect(g.offsets.length).toBe(n + 1);
        expect(g.offsets[0]).toBe(0);
        expect(g.offsets[n]).toBe(2 * links.length);
        const arcsOfLink = new Array<number>(links.length).fill(0);
        for (let v = 0; v < n; v++) {
          expect(g.offsets[v + 1]!).toBeGreaterThanOrEqual(g.offsets[v]!);
          let lastLink = -1;
          for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
            const l = links[g.arcLink[k]!]!;
            expect(g.arcLink[k]!).toBeGreaterThanOrEqual(lastLink);
            lastLink = g.arcLink[k]!;
            // arc leaves v towards the other end
            expect(l.from === v ? l.to : l.from).toBe(g.arcTarget[k]);
            expect(l.from === v || l.to === v).toBe(true);
            arcsOfLink[g.arcLink[k]!]!++;
          }
        }
        expect(arcsOfLink.every((c) => c === 2)).toBe(true);
        links.forEach((l, i) => {
          expect(g.linkFrom[i]).toBe(l.from);
          expect(g.linkTo[i]).toBe(l.to);
          expect(g.linkMinutes[i]).toBe(l.minutes);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(graphArb, ({ n, links }) => {
        expect(buildRoadGraph(n, links)).toEqual(buildRoadGraph(n, links));
      }),
      { numRuns: 50 },
    );
  });
});

describe('shortestPathTree', () => {
  it('property: every distance equals an O(V²) Dijkstra written here (exactly)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { tree } = treeOf(c);
        expect(tree.source).toBe(c.source);
        expect(Array.from(tree.dist)).toEqual(naiveDistances(c.n, c.links, c.open, c.source));
      }),
      { numRuns: 400 },
    );
  });

  it('property: every distance equals graphology-shortest-path dijkstra; no route ⇔ absent in the oracle', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const { tree } = treeOf(c);
        const gg = graphologyOf(c.n, c.links, c.open);
        const paths = dijkstra.singleSource(gg, String(c.source), 'minutes');
        for (let v = 0; v < c.n; v++) {
          const p = paths[String(v)];
          if (p === undefined) {
            expect(tree.dist[v], `node ${v} unreachable in the oracle`).toBe(Infinity);
            continue;
          }
          expect(p[0]).toBe(String(c.source));
          expect(p[p.length - 1]).toBe(String(v));
          const len = nodePathLength(p, c.links, c.open);
          expect(close(tree.dist[v]!, len), `node ${v}: ours ${tree.dist[v]} oracle ${len}`).toBe(true);
        }
        // and point to point (bidirectional search) for one target
        const target = pick % c.n;
        const bi = dijkstra.bidirectional(gg, String(c.source), String(target), 'minutes') as string[] | null;
        if (bi === null) expect(tree.dist[target]).toBe(Infinity);
        else expect(close(tree.dist[target]!, nodePathLength(bi, c.links, c.open))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the tree is consistent (prev/viaLink/dist) and no open link can shorten any distance', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { g, tree } = treeOf(c);
        expect(tree.dist[c.source]).toBe(0);
        expect(tree.prev[c.source]).toBe(-1);
        expect(tree.viaLink[c.source]).toBe(-1);
        for (let v = 0; v < c.n; v++) {
          if (v === c.source) continue;
          if (!Number.isFinite(tree.dist[v]!)) {
            expect(tree.dist[v]).toBe(Infinity);
            expect(tree.prev[v]).toBe(-1);
            expect(tree.viaLink[v]).toBe(-1);
            continue;
          }
          const l = tree.viaLink[v]!;
          const u = tree.prev[v]!;
          expect(c.open[l]).toBe(1);
          expect((g.linkFrom[l] === u && g.linkTo[l] === v) || (g.linkFrom[l] === v && g.linkTo[l] === u)).toBe(true);
          expect(tree.dist[v]).toBe(tree.dist[u]! + g.linkMinutes[l]!);
        }
        c.links.forEach((l, i) => {
          if (c.open[i] !== 1) return;
          expect(tree.dist[l.to]!).toBeLessThanOrEqual(tree.dist[l.from]! + l.minutes);
          expect(tree.dist[l.from]!).toBeLessThanOrEqual(tree.dist[l.to]! + l.minutes);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: deterministic — the same input gives the same tree', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = treeOf(c).tree;
        const b = shortestPathTree(buildRoadGraph(c.n, c.links.map((l) => ({ ...l }))), c.open.slice(), c.source);
        expect(b).toEqual(a);
        expect(shortestPathTree(treeOf(c).g, c.open, c.source)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('property: closing a link never shortens any distance; closing a link off the tree changes none', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const { g, tree } = treeOf(c);
        const openLinks = c.links.map((_, i) => i).filter((i) => c.open[i] === 1);
        fc.pre(openLinks.length > 0);
        const cut = openLinks[pick % openLinks.length]!;
        const closed = c.open.slice();
        closed[cut] = 0;
        const after = shortestPathTree(g, closed, c.source);
        for (let v = 0; v < c.n; v++) expect(after.dist[v]!).toBeGreaterThanOrEqual(tree.dist[v]!);
        if (!tree.viaLink.includes(cut)) expect(after.dist).toEqual(tree.dist);
        // and reopening it restores the original tree exactly
        expect(shortestPathTree(g, c.open, c.source)).toEqual(tree);
      }),
      { numRuns: 300 },
    );
  });

  it('property: opening any subset of closed links never lengthens any distance', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { g, tree } = treeOf(c);
        const all = new Uint8Array(c.links.length).fill(1);
        const full = shortestPathTree(g, all, c.source);
        for (let v = 0; v < c.n; v++) expect(full.dist[v]!).toBeLessThanOrEqual(tree.dist[v]!);
      }),
      { numRuns: 200 },
    );
  });

  it('an isolated source reaches nothing but itself', () => {
    const g = buildRoadGraph(4, [{ from: 1, to: 2, minutes: 3 }]);
    const t = shortestPathTree(g, new Uint8Array([1]), 0);
    expect(Array.from(t.dist)).toEqual([0, Infinity, Infinity, Infinity]);
    expect(Array.from(t.prev)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(t.viaLink)).toEqual([-1, -1, -1, -1]);
  });

  it('takes the cheapest of parallel links, and ignores a closed one', () => {
    const links = [
      { from: 0, to: 1, minutes: 10 },
      { from: 1, to: 0, minutes: 4 },
      { from: 0, to: 1, minutes: 7 },
    ];
    const g = buildRoadGraph(2, links);
    expect(shortestPathTree(g, new Uint8Array([1, 1, 1]), 0).dist[1]).toBe(4);
    expect(pathLinks(shortestPathTree(g, new Uint8Array([1, 1, 1]), 0), 1)).toEqual([1]);
    expect(shortestPathTree(g, new Uint8Array([1, 0, 1]), 0).dist[1]).toBe(7);
    expect(shortestPathTree(g, new Uint8Array([0, 0, 0]), 0).dist[1]).toBe(Infinity);
  });

  it('prefers a longer chain of links when it is quicker, and detours around a closed link', () => {
    // 0 —1— 1 —1— 2 —1— 3, plus a direct 0—3 of 5 minutes
    const links = [
      { from: 0, to: 1, minutes: 1 },
      { from: 1, to: 2, minutes: 1 },
      { from: 2, to: 3, minutes: 1 },
      { from: 0, to: 3, minutes: 5 },
    ];
    const g = buildRoadGraph(4, links);
    const t = shortestPathTree(g, new Uint8Array([1, 1, 1, 1]), 0);
    expect(Array.from(t.dist)).toEqual([0, 1, 2, 3]);
    expect(pathLinks(t, 3)).toEqual([0, 1, 2]);
    const cut = shortestPathTree(g, new Uint8Array([1, 0, 1, 1]), 0);
    expect(Array.from(cut.dist)).toEqual([0, 1, 6, 5]);
    expect(pathLinks(cut, 2)).toEqual([3, 2]);
  });

  it('a self-loop is harmless', () => {
    const g = buildRoadGraph(2, [
      { from: 0, to: 0, minutes: 1 },
      { from: 0, to: 1, minutes: 2 },
    ]);
    const t = shortestPathTree(g, new Uint8Array([1, 1]), 0);
    expect(Array.from(t.dist)).toEqual([0, 2]);
    expect(pathLinks(t, 1)).toEqual([1]);
  });
});

describe('pathLinks', () => {
  it('property: a chain of open links from the source to the target summing to its distance; [] when unreachable', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { g, tree } = treeOf(c);
        expect(pathLinks(tree, c.source)).toEqual([]);
        for (let v = 0; v < c.n; v++) {
          const links = pathLinks(tree, v);
          if (!Number.isFinite(tree.dist[v]!)) {
            expect(links).toEqual([]);
            continue;
          }
          const w = walk(g, c.open, c.source, links);
          expect(w.end).toBe(v);
          expect(w.minutes).toBe(tree.dist[v]); // summed in travel order, as the tree does
          expect(new Set(w.nodes).size, 'no node visited twice').toBe(w.nodes.length);
          expect(links.length).toBeLessThan(c.n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: paths are prefix-closed (the path to a node extends the path to its predecessor)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { tree } = treeOf(c);
        for (let v = 0; v < c.n; v++) {
          if (v === c.source || !Number.isFinite(tree.dist[v]!)) continue;
          expect(pathLinks(tree, v)).toEqual([...pathLinks(tree, tree.prev[v]!), tree.viaLink[v]]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
