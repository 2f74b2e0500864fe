import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { storeDistances } from '../../../engine/sim/storeDistances.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { lastSearch, nearestTargets } from '../../../engine/world/nearestTargets.ts';
import { buildRoadGraph, shortestPathTree, type RoadGraph } from '../../../engine/world/roadGraph.ts';

const text = readFileSync(new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url), 'utf8');
const r = loadScenario(text, 'lezhi.yaml');
if (!r.ok) throw new Error('lezhi does not load');
const world = compileWorld(r.scenario);

/**
 * What a stopped search promises, checked against a full Dijkstra: every distance it reports
 * is the tree's, bit for bit; every target nearer than the bound is reported; and each wanted
 * group's nearest member (with its ties) is nearer than the bound unless the search ran out.
 */
function checkSearch(g: RoadGraph, open: Uint8Array, source: number, targets: Int32Array, member: Uint8Array, wanted: Uint8Array): number {
  const out = new Float64Array(targets.length);
  const bound = nearestTargets(g, open, source, targets, member, wanted, out);
  const full = shortestPathTree(g, open, source).dist;
  // the settled nodes: exactly those nearer than the bound, each at the tree's distance
  const s = lastSearch();
  const settled = Array.from(s.nodes.subarray(0, s.count));
  expect(new Set(settled).size).toBe(settled.length);
  expect(settled.sort((a, b) => a - b)).toEqual(Array.from({ length: g.nodeCount }, (_, v) => v).filter((v) => full[v]! < bound));
  for (const v of settled) expect(Object.is(s.stamp[v] === s.gen ? s.dist[v] : Infinity, full[v])).toBe(true);
  targets.forEach((node, t) => {
    if (out[t] !== Infinity) expect(Object.is(out[t], full[node]), `target ${t}`).toBe(true);
    if (full[node]! < bound) expect(out[t], `target ${t} below the bound`).toBe(full[node]);
  });
  if (bound !== Infinity)
    for (let k = 0; k < wanted.length; k++) {
      if (wanted[k] !== 1) continue;
      let best = Infinity;
      targets.forEach((node, t) => {
        if (member[t * wanted.length + k] === 1) best = Math.min(best, full[node]!);
      });
      expect(best < bound, `group ${k}`).toBe(true);
    }
  return bound;
}

describe('nearest targets (a Dijkstra stopped early)', () => {
  it('on Lezhi with any closed links: the distances it settles are the full tree’s, and it settles what was asked', () => {
    const g = world.graph;
    const nW = world.warehouseNode.length;
    let stopped = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: g.nodeCount - 1 }),
        fc.uint8Array({ minLength: nW * 3, maxLength: nW * 3, min: 0, max: 1 }),
        fc.uint8Array({ minLength: 3, maxLength: 3, min: 0, max: 1 }),
        (closed, source, member, wanted) => {
          const open = new Uint8Array(g.linkCount).fill(1);
          for (const l of closed) open[l] = 0;
          if (checkSearch(g, open, source, world.warehouseNode, member, wanted) !== Infinity) stopped++;
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    expect(stopped).toBeGreaterThan(100); // it does stop early
  });

  it('ties: targets sharing a node or a distance are all settled before it stops', () => {
    // a ring of 1-minute links with parallel links: equal routes both ways
    const links: { from: number; to: number; minutes: number }[] = [];
    for (let v = 0; v < 8; v++) links.push({ from: v, to: (v + 1) % 8, minutes: 1 });
    links.push({ from: 2, to: 3, minutes: 1 });
    const g = buildRoadGraph(8, links);
    const open = new Uint8Array(g.linkCount).fill(1);
    const targets = Int32Array.from([2, 6, 6, 4, 0]);
    const member = Uint8Array.from([1, 1, 1, 0, 1]); // one group
    const out = new Float64Array(targets.length);
    const bound = nearestTargets(g, open, 0, targets, member, Uint8Array.of(1), out);
    // the source itself is a member: found at 0, stops at the next distance
    expect(out[4]).toBe(0);
    expect(bound).toBe(1);
    const out2 = new Float64Array(targets.length);
    const b2 = nearestTargets(g, open, 0, targets, Uint8Array.from([1, 1, 1, 0, 0]), Uint8Array.of(1), out2);
    // nodes 2 and 6 are both 2 minutes away (either way round the ring): both settled, node 4
    // (4 minutes) not; the source, a target outside the group, is reported too
    expect(Array.from(out2)).toEqual([2, 2, 2, Infinity, 0]);
    expect(b2).toBe(3);
    for (let s = 0; s < 8; s++) checkSearch(g, open, s, targets, Uint8Array.from([0, 1, 1, 0, 0]), Uint8Array.of(1));
  });

  it('a trial’s store distances equal its village trees’ where refreshRates reads them, however the stock and roads change', () => {
    const nW = world.warehouseNode.length;
    const nI = world.itemCount;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: world.graph.linkCount - 1 }), fc.boolean(), fc.uint8Array({ minLength: nW * nI, maxLength: nW * nI, min: 0, max: 1 })), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: world.villageNode.length - 1 }),
        (steps, village) => {
          const tr = new Trial(world, 1, compiledMachines, false);
          const wanted = Uint8Array.from(r.scenario.reserves.items, (it) => (it.perPersonPerDay > 0 ? 1 : 0));
          for (const [link, close, stocked] of steps) {
            tr.setOpen(link, !close);
            const d = storeDistances(tr, village, stocked, wanted);
            const tree = tr.tree(world.villageNode[village]!);
            for (let k = 0; k < nI; k++) {
              if (wanted[k] !== 1) continue;
              // the nearest stocked store and its distance, as refreshRates picks it
              const pick = (dist: (i: number) => number) => {
                let best = -1;
                for (let i = 0; i < nW; i++)
                  if (stocked[i * nI + k] === 1 && Number.isFinite(dist(i)) && (best < 0 || dist(i) < dist(best))) best = i;
                return best;
              };
              expect(pick((i) => d[i]!)).toBe(pick((i) => tree.distTo(world.warehouseNode[i]!)));
            }
            const reach = (dist: (i: number) => number) => Array.from({ length: nW }, (_, i) => i).some((i) => Number.isFinite(dist(i)));
            expect(reach((i) => d[i]!)).toBe(reach((i) => tree.distTo(world.warehouseNode[i]!)));
            for (let i = 0; i < nW; i++) if (d[i] !== Infinity) expect(d[i]).toBe(tree.distTo(world.warehouseNode[i]!));
          }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
