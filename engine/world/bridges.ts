import type { RoadGraph } from './roadGraph.ts';

/**
 * Marks the bridges of the road graph: links whose closure disconnects it (a spur road to a
 * village is the usual case). Iterative Tarjan lowlink over the CSR arrays; parallel links are
 * handled by skipping only the arc we came in on. Pure.
 */
export function findBridges(g: RoadGraph): Uint8Array {
  const n = g.nodeCount;
  const bridge = new Uint8Array(g.linkCount);
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentLink = new Int32Array(n).fill(-1);
  const nextArc = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let s = 0; s < n; s++) {
    if (disc[s] !== -1) continue;
    let top = 0;
    stack[0] = s;
    disc[s] = low[s] = time++;
    nextArc[s] = g.offsets[s]!;
    while (top >= 0) {
      const u = stack[top]!;
      if (nextArc[u]! < g.offsets[u + 1]!) {
        const k = nextArc[u]!++;
        const l = g.arcLink[k]!;
        if (l === parentLink[u]) continue;
        const v = g.arcTarget[k]!;
        if (disc[v] === -1) {
          disc[v] = low[v] = time++;
          parentLink[v] = l;
          nextArc[v] = g.offsets[v]!;
          stack[++top] = v;
        } else if (disc[v]! < low[u]!) low[u] = disc[v]!;
      } else {
        top--;
        if (top >= 0) {
          const p = stack[top]!;
          if (low[u]! < low[p]!) low[p] = low[u]!;
          if (low[u]! > disc[p]!) bridge[parentLink[u]!] = 1;
        }
      }
    }
  }
  return bridge;
}
