import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mcMachines } from '../../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { entryOf, planTravel } from '../../../engine/sim/travel.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { compileWorld } from '../../../engine/world/world.ts';

const repo = new URL('../../..', import.meta.url).pathname;

describe('planTravel / entryOf (a journey keeps its links only)', () => {
  for (const file of ['scenarios/lezhi-rainstorm.yaml', 'scenarios/pinghu-typhoon.yaml'])
    it(`property: the entry node and minutes of every link are those the tree walk gave, to the bit: ${file}`, () => {
      const loaded = loadScenarioFile(`${repo}${file}`, 'en');
      if (!loaded.ok) throw new Error(`${file} should load`);
      const world = compileWorld(loaded.scenario);
      const g = world.graph;
      const nodeArb = fc.integer({ min: 0, max: g.nodeCount - 1 });
      fc.assert(
        fc.property(nodeArb, nodeArb, fc.uniqueArray(fc.integer({ min: 0, max: g.linkCount - 1 }), { maxLength: 12 }), (from, dest, closed) => {
          const tr = new Trial(world, 1, mcMachines, false, 'auto');
          for (const l of closed) tr.setOpen(l, false);
          const tv = planTravel(tr, from, dest, 3);
          const tree = tr.tree(dest);
          if (!Number.isFinite(tree.dist[from]!)) {
            expect(tv).toBeNull();
            return;
          }
          // the three arrays a journey used to carry, built as planTravel built them
          const nodes: number[] = [];
          const minutes: number[] = [];
          let m = 0;
          for (let v = from; v !== dest; v = tree.prev[v]!) {
            nodes.push(v);
            minutes.push(m);
            m += g.linkMinutes[tree.viaLink[v]!]!;
          }
          expect(tv).not.toBeNull();
          expect(tv!.links.length).toBe(nodes.length);
          expect(Object.is(tv!.totalMinutes, m)).toBe(true);
          for (let i = 0; i < nodes.length; i++) {
            const e = entryOf(tr, tv!, i);
            expect(e.node).toBe(nodes[i]);
            expect(Object.is(e.minutes, minutes[i])).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
});
