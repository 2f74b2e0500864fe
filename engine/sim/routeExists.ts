import type { Trial } from './trial.ts';

/**
 * Scratch of `routeExists` (single-threaded): the component of each node over the links open
 * in the trial and routing epoch it was made for, and a stack for making it.
 */
let component = new Int32Array(0);
let stack = new Int32Array(0);
let madeFor: Trial | null = null;
let madeInEpoch = -1;

/**
 * Is there a route from node `from` to node `to` over the links open now (roads are two-way)?
 * Exactly when `planTravel` would find one — it reads the destination's shortest-path tree —
 * but without building that tree: the open network's components, labelled once per routing
 * epoch (a graph search, no heap) and shared by every question until a link changes. What a
 * delivery waiting for a road needs to know first: most retries after a reopening still find
 * their village cut off. Pure apart from the scratch.
 */
export function routeExists(tr: Trial, from: number, to: number): boolean {
  if (madeFor !== tr || madeInEpoch !== tr.routingEpoch) label(tr);
  return component[from] === component[to];
}

function label(tr: Trial): void {
  const g = tr.world.graph;
  const n = g.nodeCount;
  if (component.length < n) {
    component = new Int32Array(n);
    stack = new Int32Array(n);
  }
  component.fill(-1, 0, n);
  const open = tr.open;
  const offsets = g.offsets;
  const arcLink = g.arcLink;
  const arcTarget = g.arcTarget;
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    component[s] = s;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const u = stack[--top]!;
      for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k++) {
        if (open[arcLink[k]!] === 0) continue;
        const v = arcTarget[k]!;
        if (component[v] !== -1) continue;
        component[v] = s;
        stack[top++] = v;
      }
    }
  }
  madeFor = tr;
  madeInEpoch = tr.routingEpoch;
}
