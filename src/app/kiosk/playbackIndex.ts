import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { along, type BuildingLayout, type Pt } from './buildingLayout.ts';

/** One edge a group walked: head enters/leaves, tail enters/leaves (seconds since ignition). */
export interface EdgeStep {
  edge: string;
  from: string;
  to: string;
  enterS: number;
  exitS: number;
  tailInS: number;
  tailOutS: number;
}

export interface GroupTrack {
  id: string;
  room: string;
  people: number;
  steps: EdgeStep[];
  /** when it reached the assembly point, or null */
  arrivedS: number | null;
  /** its spot at the assembly point */
  slotIndex: number;
}

/**
 * What the playback needs from an evacuation log (pure): each group's edges, when each edge got
 * smoke and became untenable, the fire's room and when it went out, and the run's events worth
 * a caption. The animation reads it at a time ref; React does not re-render per frame.
 */
export interface PlaybackIndex {
  groups: GroupTrack[];
  smokeS: Map<string, number>;
  untenableS: Map<string, number>;
  fireRoom: string | null;
  fireOutS: number | null;
  endS: number;
}

export function playbackIndex(log: readonly LogEvent[], rooms: readonly { id: string; node: string; occupants: unknown }[]): PlaybackIndex {
  const tracks = new Map<string, GroupTrack>();
  const roomNode = new Map(rooms.map((r) => [r.id, r.node]));
  rooms.forEach((r) => tracks.set(r.id, { id: r.id, room: r.node, people: 0, steps: [], arrivedS: null, slotIndex: 0 }));
  const smokeS = new Map<string, number>();
  const untenableS = new Map<string, number>();
  let fireRoom: string | null = null;
  let fireOutS: number | null = null;
  let endS = 0;
  for (const e of log) {
    endS = Math.max(endS, e.t);
    if (e.type === 'group.edge') {
      const g = tracks.get(String(e.group));
      if (!g) continue;
      g.people = Number(e.people) || g.people;
      g.steps.push({ edge: String(e.edge), from: String(e.from), to: String(e.to), enterS: Number(e.enterS), exitS: Number(e.exitS), tailInS: Number(e.tailInS), tailOutS: Number(e.tailOutS) });
    } else if (e.type === 'group.state' && e.to === 'atAssembly') {
      const g = tracks.get(String(e.group));
      if (g) g.arrivedS = e.t;
    } else if (e.type === 'smoke.edge' && !smokeS.has(String(e.edge))) smokeS.set(String(e.edge), e.t);
    else if (e.type === 'edge.untenable' && !untenableS.has(String(e.edge))) untenableS.set(String(e.edge), e.t);
    else if (e.type === 'fire.ignition') fireRoom = String(e.room);
    else if (e.type === 'fire.out') fireOutS = e.t;
  }
  const groups = [...tracks.values()];
  [...groups].sort((a, b) => (a.arrivedS ?? Infinity) - (b.arrivedS ?? Infinity)).forEach((g, i) => (g.slotIndex = i));
  for (const g of groups) if (!g.room) g.room = roomNode.get(g.id) ?? g.id;
  return { groups, smokeS, untenableS, fireRoom, fireOutS, endS };
}

/**
 * Where a group's head and tail are at second `t` (pure): in its room before its first edge;
 * interpolated along the edge the head (tail) is walking; at the node it is waiting at between
 * edges; at its spot on the playground once assembled.
 */
export function groupAt(g: GroupTrack, layout: BuildingLayout, t: number): { head: Pt; tail: Pt; moving: boolean; assembled: boolean } {
  const home = layout.nodes.get(g.room) ?? { x: 0, y: 0 };
  if (g.arrivedS !== null && t >= g.arrivedS) {
    const p = layout.slot(g.slotIndex);
    return { head: p, tail: p, moving: false, assembled: true };
  }
  const end = (s: EdgeStep, which: 'enter' | 'tail'): Pt | null => {
    const path = layout.edges.get(s.edge);
    if (!path) return null;
    const [a, b] = which === 'enter' ? [s.enterS, s.exitS] : [s.tailInS, s.tailOutS];
    if (t < a) return null;
    const reversed = layout.nodes.get(s.from) !== path[0];
    const f = b > a ? Math.min(1, (t - a) / (b - a)) : 1;
    return along(path, reversed ? 1 - f : f);
  };
  let head: Pt = home;
  let tail: Pt = home;
  let moving = false;
  for (const s of g.steps) {
    const h = end(s, 'enter');
    if (h) {
      head = h;
      moving = t < s.exitS;
    }
    const tl = end(s, 'tail');
    if (tl) tail = tl;
  }
  return { head, tail, moving, assembled: false };
}
