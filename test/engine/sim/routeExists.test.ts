import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld, loadScenario } from '../../../engine/index.ts';
import { routeExists } from '../../../engine/sim/routeExists.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

const text = readFileSync(new URL('../../../scenarios/shidian-earthquake.yaml', import.meta.url), 'utf8');
const r = loadScenario(text, 'shidian-earthquake.yaml');
if (!r.ok) throw new Error('shidian-earthquake does not load');
const world = compileWorld(r.scenario);

describe('routeExists', () => {
  it('says a route exists exactly where a fresh shortest-path tree reaches, as links close and reopen in two trials taking turns', () => {
    const g = world.graph;
    let cutOff = 0;
    fc.assert(
      fc.property(
        // closing three times as often as opening, so that places get cut off
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: g.linkCount - 1 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: g.nodeCount - 1 }), fc.integer({ min: 0, max: g.nodeCount - 1 })), { minLength: 1, maxLength: 6 }),
        (steps, pairs) => {
          const trials = [new Trial(world, 1, compiledMachines, false), new Trial(world, 2, compiledMachines, false)];
          for (const [second, link, close] of steps) {
            const tr = trials[second ? 1 : 0]!;
            tr.setOpen(link, close === 0);
            for (const [from, to] of pairs) {
              const reached = Number.isFinite(shortestPathTree(g, tr.open, to).dist[from]!);
              if (!reached) cutOff++;
              expect(routeExists(tr, from, to)).toBe(reached);
            }
          }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
    expect(cutOff).toBeGreaterThan(50); // the closures do cut places off
  });
});
