import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiledMachines, compileWorld } from '../../../engine/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { Trial } from '../../../engine/sim/trial.ts';
import { coreGraphOf } from '../../../engine/world/coreGraph.ts';
import { LazyTree } from '../../../engine/world/lazyTree.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';
import { chainLinkHash, CORE_KEY_LINKS, CoreStore } from '../../../engine/world/coreStore.ts';
import { TreeCache } from '../../../engine/world/treeCache.ts';

/** A stand-in for a tree whose core's distances are `fill, fill + 1, …` (CoreStore reads only these). */
function fakeTree(width: number, fill: number): LazyTree {
  return {
    coreWidth: width,
    coreDistances(out: Float64Array, at: number) {
      for (let i = 0; i < width; i++) out[at + i] = fill + i;
    },
  } as unknown as LazyTree;
}

const r = loadScenarioFile('scenarios/lezhi-rainstorm.yaml', 'en');
if (!r.ok) throw new Error('lezhi does not load');

describe('CoreStore: the core distances by (closed chain links, root)', () => {
  it('finds exactly the last `limit` entries kept, hash collisions and backward-shift deletions included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        // tiny hashes, so that entries collide and share probe runs; keys of up to 3 links
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 })), { minLength: 1, maxLength: 60 }),
        (limit, ops) => {
          const store = new CoreStore(limit);
          const kept: { hash: number; root: number; links: number[]; fill: number }[] = [];
          const key = (e: { hash: number; root: number; links: number[] }) => `${e.hash}/${e.root}/${e.links.join(',')}`;
          ops.forEach(([hash, root, set], i) => {
            const links = [...set].sort((a, b) => a - b);
            const e = { hash, root, links, fill: 10 * i };
            // a key is kept once (the caller keeps only after a search, i.e. when find missed)
            const live = kept.slice(-limit);
            if (live.some((x) => key(x) === key(e))) return;
            expect(store.find(hash, root, links)).toBe(-1);
            store.keep(hash, root, links, fakeTree(2, e.fill));
            kept.push(e);
            const now = kept.slice(-limit);
            for (const x of kept) {
              const at = store.find(x.hash, x.root, x.links);
              if (now.includes(x)) {
                expect(at, `kept ${key(x)}`).toBeGreaterThanOrEqual(0);
                expect([store.data[at], store.data[at + 1]]).toStrictEqual([x.fill, x.fill + 1]);
              } else if (!now.some((y) => key(y) === key(x))) expect(at, `evicted ${key(x)}`).toBe(-1);
            }
          });
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('tells keys apart by their links and root, not by their hash; keeps no set of more than CORE_KEY_LINKS links', () => {
    const store = new CoreStore(8);
    store.keep(7, 1, [3, 5], fakeTree(1, 100));
    store.keep(7, 1, [3, 6], fakeTree(1, 200));
    store.keep(7, 2, [3, 5], fakeTree(1, 300));
    expect(store.data[store.find(7, 1, [3, 5])]).toBe(100);
    expect(store.data[store.find(7, 1, [3, 6])]).toBe(200);
    expect(store.data[store.find(7, 2, [3, 5])]).toBe(300);
    expect(store.find(7, 1, [3])).toBe(-1);
    expect(store.find(7, 1, [3, 5, 6])).toBe(-1);
    const many = Array.from({ length: CORE_KEY_LINKS + 1 }, (_, i) => i);
    store.keep(9, 1, many, fakeTree(1, 400));
    expect(store.find(9, 1, many)).toBe(-1);
    // a set's hash is the XOR of its links' (so a trial can keep it as links close and open)
    expect(chainLinkHash(3) ^ chainLinkHash(5) ^ chainLinkHash(3)).toBe(chainLinkHash(5));
  });

  it('a tree made from kept core distances equals a fresh Dijkstra when only spur links differ (and when the root is cut off after all)', () => {
    const g = compileWorld(r.scenario).graph;
    const cg = coreGraphOf(g)!;
    const spurLinks = Array.from({ length: g.linkCount }, (_, l) => l).filter((l) => cg.linkChain[l] === -1);
    const chainLinks = Array.from({ length: g.linkCount }, (_, l) => l).filter((l) => cg.linkChain[l]! >= 0);
    const searched = new LazyTree(g, cg);
    const given = new LazyTree(g, cg);
    const core = new Float64Array(cg.coreNodes.length);
    let cutOff = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: g.nodeCount - 1 }),
        fc.uniqueArray(fc.constantFrom(...chainLinks), { maxLength: 4 }),
        fc.uniqueArray(fc.constantFrom(...spurLinks), { maxLength: 6 }),
        fc.uniqueArray(fc.constantFrom(...spurLinks), { maxLength: 6 }),
        (root, chains, spursA, spursB) => {
          const openA = new Uint8Array(g.linkCount).fill(1);
          for (const l of [...chains, ...spursA]) openA[l] = 0;
          searched.make(openA, root);
          if (!searched.searchedCore) return; // the root's way out closed: nothing searched, nothing kept
          searched.coreDistances(core, 0);
          const openB = new Uint8Array(g.linkCount).fill(1);
          for (const l of [...chains, ...spursB]) openB[l] = 0;
          given.make(openB, root, core, 0);
          expect(given.searchedCore).toBe(false);
          const want = shortestPathTree(g, openB, root);
          const got = given.whole();
          if (want.dist.filter(Number.isFinite).length < 10) cutOff++;
          expect(Array.from(got.dist)).toStrictEqual(Array.from(want.dist));
          expect(Array.from(got.prev)).toStrictEqual(Array.from(want.prev));
          expect(Array.from(got.viaLink)).toStrictEqual(Array.from(want.viaLink));
        },
      ),
      { numRuns: 400, seed: 29 },
    );
    expect(cutOff).toBeGreaterThan(0); // some roots had their way out closed in the second set
  });

  it('trials sharing a small store (evicting) get exact trees as chain and spur links close and reopen', () => {
    const w = compileWorld(r.scenario);
    // one whole tree cached: nearly every ask makes a tree, from the store or by a search
    w.treeCache = new TreeCache(1, 40);
    const g = w.graph;
    const cg = coreGraphOf(g)!;
    const chainLinks = Array.from({ length: g.linkCount }, (_, l) => l).filter((l) => cg.linkChain[l]! >= 0);
    const spurLinks = Array.from({ length: g.linkCount }, (_, l) => l).filter((l) => cg.linkChain[l] === -1);
    const roots = [0, 5, 17, 60, 111, 200, 335];
    let fromStore = 0;
    const make = LazyTree.prototype.make;
    LazyTree.prototype.make = function (this: LazyTree, ...a: Parameters<typeof make>) {
      if (a[2]) fromStore++;
      return make.apply(this, a);
    };
    try {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 }), fc.boolean()), { maxLength: 30 }),
          (steps) => {
            const trials = [new Trial(w, 1, compiledMachines, false), new Trial(w, 2, compiledMachines, false)];
            for (const [chain, i, second] of steps) {
              const tr = trials[second ? 1 : 0]!;
              // a few links, so that sets (and keys) come again: closed and reopened in turn
              const link = chain ? chainLinks[(i % 6) * 29]! : spurLinks[(i % 6) * 31]!;
              tr.setOpen(link, tr.open[link] === 0);
              for (const root of roots) {
                const got = tr.tree(root).whole();
                const want = shortestPathTree(g, tr.open, root);
                expect(Array.from(got.dist)).toStrictEqual(Array.from(want.dist));
                expect(Array.from(got.viaLink)).toStrictEqual(Array.from(want.viaLink));
              }
            }
          },
        ),
        { numRuns: 100, seed: 31 },
      );
    } finally {
      LazyTree.prototype.make = make;
    }
    expect(fromStore).toBeGreaterThan(1000);
  });
});
