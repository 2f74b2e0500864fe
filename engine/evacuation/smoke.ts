import type { Building } from './building.ts';

/**
 * When the smoke front reaches each edge, in seconds after ignition, for a fire in node
 * `origin`: the smoke leaves the room at `leaveRoomS`, then spreads along the walking graph at
 * `speedMS`, `upFactor` times faster going up a stair flight and `downFactor` times as fast
 * going down (stack effect). An edge is smoky from the time the front reaches its nearer end.
 * Knock-down is applied by the simulation (the front stops). Pure; Infinity = never.
 */
export function smokeArrival(
  bd: Building,
  origin: number,
  leaveRoomS: number,
  speedMS: number,
  upFactor: number,
  downFactor: number,
): Float64Array {
  const n = bd.nodeIds.length;
  const t = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  t[origin] = leaveRoomS;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && t[i]! < Infinity && (u < 0 || t[i]! < t[u]!)) u = i;
    if (u < 0) break;
    done[u] = 1;
    for (const [e, w] of bd.adj[u]!) {
      if (done[w]) continue;
      const edge = bd.edges[e]!;
      const dz = bd.nodeLevel[w]! - bd.nodeLevel[u]!;
      const factor = edge.kind !== 'stair' || dz === 0 ? 1 : dz > 0 ? upFactor : downFactor;
      const arrive = t[u]! + edge.lengthM / (speedMS * factor);
      if (arrive < t[w]!) t[w] = arrive;
    }
  }
  return Float64Array.from(bd.edges, (e) => Math.min(t[e.a]!, t[e.b]!));
}
