import type { Trial } from './trial.ts';

/**
 * Scratch of `routeExists` (single-threaded): per node, the search and side that reached it
 * (2·search from `from`, 2·search + 1 from `to`), and a queue per side.
 */
let seen = new Int32Array(0);
let queueFrom = new Int32Array(0);
let queueTo = new Int32Array(0);
let search = 0;

/**
 * Is there a route from node `from` to node `to` over the links open now (roads are two-way)?
 * Exactly when `planTravel` would find one — it reads the destination's shortest-path tree —
 * but without building that tree: a breadth-first search from both ends at once, one node at
 * a time from the side that has reached fewer, until the sides meet (a route) or one side has
 * run out (no route; its piece of the network is all it searched, and a village or truck cut
 * off is usually on a small piece). What a delivery waiting for a road needs to know first:
 * most retries after a reopening on the earthquake still find their village cut off. Pure
 * apart from the scratch.
 */
export function routeExists(tr: Trial, from: number, to: number): boolean {
  if (from === to) return true;
  const g = tr.world.graph;
  const n = g.nodeCount;
  if (seen.length < n) {
    seen = new Int32Array(n);
    queueFrom = new Int32Array(n);
    queueTo = new Int32Array(n);
    search = 0;
  }
  if (++search >= 0x3fffffff) {
    seen.fill(0);
    search = 1;
  }
  const mineA = 2 * search;
  const mineB = mineA + 1;
  const open = tr.open;
  const offsets = g.offsets;
  const arcLink = g.arcLink;
  const arcTarget = g.arcTarget;
  seen[from] = mineA;
  seen[to] = mineB;
  queueFrom[0] = from;
  queueTo[0] = to;
  let headA = 0;
  let tailA = 1;
  let headB = 0;
  let tailB = 1;
  while (headA < tailA && headB < tailB) {
    const fromSide = tailA <= tailB;
    const u = fromSide ? queueFrom[headA++]! : queueTo[headB++]!;
    const mine = fromSide ? mineA : mineB;
    const theirs = fromSide ? mineB : mineA;
    for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
      if (open[arcLink[k]!] === 0) continue;
      const v = arcTarget[k]!;
      const s = seen[v]!;
      if (s === theirs) return true;
      if (s === mine) continue;
      seen[v] = mine;
      if (fromSide) queueFrom[tailA++] = v;
      else queueTo[tailB++] = v;
    }
  }
  return false;
}
