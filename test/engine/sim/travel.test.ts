import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld } from '../../../engine/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { entryOf, planTravel } from '../../../engine/sim/travel.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

const r = loadScenarioFile('scenarios/lezhi-rainstorm.yaml', 'en');
if (!r.ok) throw new Error('lezhi does not load');
const world = compileWorld(r.scenario);
const g = world.graph;

describe('journeys (engine/sim/travel.ts)', () => {
  it('follow a fresh Dijkstra tree link by link, and enter each link where and when that route does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: g.nodeCount - 1 }), fc.integer({ min: 0, max: g.nodeCount - 1 })), { minLength: 1, maxLength: 6 }),
        (closed, trips) => {
          const tr = new Trial(world, 1, compiledMachines, false);
          for (const l of closed) tr.setOpen(l, false);
          for (const [from, dest] of trips) {
            const travel = planTravel(tr, from, dest, 0);
            const tree = shortestPathTree(g, tr.open, dest);
            if (!Number.isFinite(tree.dist[from]!)) {
              expect(travel).toBeNull();
              continue;
            }
            // the route as the tree gives it: links, the node each is entered from, minutes at entry
            const links: number[] = [];
            const nodes: number[] = [];
            const minutes: number[] = [];
            let m = 0;
            for (let v = from; v !== dest; v = tree.prev[v]!) {
              links.push(tree.viaLink[v]!);
              nodes.push(v);
              minutes.push(m);
              m += g.linkMinutes[tree.viaLink[v]!]!;
            }
            expect(travel!.links).toStrictEqual(links);
            expect(travel!.totalMinutes).toBe(m);
            expect(travel!.from).toBe(from);
            for (let i = 0; i < links.length; i++) expect(entryOf(tr, travel!, i)).toStrictEqual({ node: nodes[i], minutes: minutes[i] });
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('from a node to itself: no links, 0 minutes, as the tree gives, and no tree asked for (cut off or not)', () => {
    const tr = new Trial(world, 1, compiledMachines, false);
    for (let l = 0; l < g.linkCount; l += 3) tr.setOpen(l, false);
    let asked = 0;
    const tree = tr.tree.bind(tr);
    tr.tree = (root: number) => (asked++, tree(root));
    for (let v = 0; v < g.nodeCount; v += 7) {
      const travel = planTravel(tr, v, v, 4);
      expect(travel).toStrictEqual({ from: v, dest: v, departT: tr.now, links: [], totalMinutes: 0, leg: 4 });
      expect(shortestPathTree(g, tr.open, v).dist[v]).toBe(0);
    }
    expect(asked).toBe(0);
  });
});
