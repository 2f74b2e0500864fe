import { nearestTargets } from '../world/nearestTargets.ts';
import type { Trial } from './trial.ts';

/**
 * Consumption 'rate': travel minutes from `village` to each store over the links open now, as
 * `refreshRates` reads them: exact where it matters (each one equals the village's
 * shortest-path tree's distance, bit for bit) and Infinity beyond what it needs. With every
 * link open that is the intact tree's; otherwise a Dijkstra from the village stopped once, for
 * every daily item (`wanted`), the nearest store holding it (`stocked`, store-major like the
 * stock) and every store as near are settled (`nearestTargets`), kept per village until a link
 * closes or opens, and searched again deeper when stock running out asks beyond it. This spares
 * building and caching a whole tree per affected village after every road change.
 */
export function storeDistances(tr: Trial, village: number, stocked: Uint8Array, wanted: Uint8Array): Float64Array {
  const w = tr.world;
  const nW = w.warehouseNode.length;
  let d = tr.storeDist[village];
  if (!d) {
    d = new Float64Array(nW);
    tr.storeDist[village] = d;
    tr.storeEpoch[village] = -1;
  }
  if (tr.closedLinks === 0) {
    if (tr.storeEpoch[village] !== -2) {
      const dist = tr.tree(w.villageNode[village]!).dist;
      for (let i = 0; i < nW; i++) d[i] = dist[w.warehouseNode[i]!]!;
      tr.storeEpoch[village] = -2;
    }
    return d;
  }
  if (tr.storeEpoch[village] === tr.routingEpoch && covers(d, tr.storeBound[village]!, stocked, wanted)) return d;
  tr.storeBound[village] = nearestTargets(w.graph, tr.open, w.villageNode[village]!, w.warehouseNode, stocked, wanted, d);
  tr.storeEpoch[village] = tr.routingEpoch;
  return d;
}

/** Do distances known below `bound` settle every wanted item's nearest stocked store (and its ties)? */
function covers(d: Float64Array, bound: number, stocked: Uint8Array, wanted: Uint8Array): boolean {
  if (bound === Infinity) return true;
  const nI = wanted.length;
  for (let k = 0; k < nI; k++) {
    if (wanted[k] !== 1) continue;
    let best = Infinity;
    for (let i = 0; i < d.length; i++) if (stocked[i * nI + k] === 1 && d[i]! < best) best = d[i]!;
    if (!(best < bound)) return false;
  }
  return true;
}
