import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';

/** A point in the drawing, SVG user units. */
export interface Pt {
  x: number;
  y: number;
}

/**
 * A 2D side elevation (立面示意图) of a building scenario for the kiosk: one band per floor (top
 * floor on top), rooms as boxes above their floor's corridor line, stairs as switchback flights
 * between landings, the lift as a shaft, ground exits on the ground line and the assembly point
 * (操场) below. x follows the plan's x metres; the plan's depth (y) is not drawn. Pure.
 */
export interface BuildingLayout {
  width: number;
  height: number;
  floors: { id: string; level: number; top: number; corridorY: number; name: { zh: string; en: string } }[];
  rooms: { id: string; node: string; kind: string; x: number; y: number; w: number; h: number; name: { zh: string; en: string } }[];
  /** node id → point */
  nodes: Map<string, Pt>;
  /** edge id → polyline (from → to) */
  edges: Map<string, Pt[]>;
  edgeKind: Map<string, string>;
  groundY: number;
  assembly: { x: number; y: number; w: number; h: number };
  lift: { x: number; top: number; bottom: number } | null;
  /** the spot of the i-th group at the assembly point */
  slot(i: number): Pt;
}

const W = 1000;
const PAD = 80;
const TOP = 48;
const BAND = 118;
const ROOM_GAP = 3;

/** Lays a building out as a side elevation. Unknown or odd geometry degrades to straight lines. */
export function buildingLayout(s: EvacuationScenario): BuildingLayout {
  const b = s.building;
  const byId = new Map(b.nodes.map((n) => [n.id, n]));
  const inside = b.nodes.filter((n) => n.kind !== 'assembly');
  const xs = inside.map((n) => n.position[0]);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const k = (W - 2 * PAD) / Math.max(1, maxX - minX);
  const sx = (x: number) => PAD + (x - minX) * k;
  const levels = [...b.floors].sort((a, c) => c.level - a.level);
  const floors = levels.map((f, i) => {
    const top = TOP + i * BAND;
    return { id: f.id, level: f.level, top, corridorY: top + BAND - 20, name: f.name };
  });
  const floorOf = new Map(floors.map((f) => [f.id, f]));
  const groundY = TOP + floors.length * BAND;
  const assembly = { x: PAD, y: groundY + 46, w: W - 2 * PAD, h: 96 };
  const liftDx = 16;

  const nodes = new Map<string, Pt>();
  for (const n of b.nodes) {
    const f = floorOf.get(n.floor);
    const x = sx(n.position[0]);
    if (n.kind === 'assembly') nodes.set(n.id, { x: assembly.x + assembly.w / 2, y: assembly.y + assembly.h / 2 });
    else if (n.kind === 'exit') nodes.set(n.id, { x, y: groundY });
    else if (!f) nodes.set(n.id, { x, y: groundY });
    else if (n.kind === 'room') nodes.set(n.id, { x, y: f.top + (f.corridorY - 18 - f.top) / 2 + 6 });
    else if (n.kind === 'lift') nodes.set(n.id, { x: x + liftDx, y: f.corridorY });
    else nodes.set(n.id, { x, y: f.corridorY });
  }

  // room boxes: as wide as the spacing of neighbouring room nodes on the floor allows
  const roomXs = b.rooms.map((r) => byId.get(r.node)?.position[0] ?? 0).sort((a, c) => a - c);
  let bay = Infinity;
  for (let i = 1; i < roomXs.length; i++) if (roomXs[i]! - roomXs[i - 1]! > 0.5) bay = Math.min(bay, roomXs[i]! - roomXs[i - 1]!);
  const boxW = Number.isFinite(bay) ? bay * k - 2 * ROOM_GAP : 60;
  const rooms = b.rooms.map((r) => {
    const n = byId.get(r.node);
    const f = floorOf.get(n?.floor ?? '');
    const p = nodes.get(r.node) ?? { x: 0, y: 0 };
    const top = (f?.top ?? 0) + 8;
    return { id: r.id, node: r.node, kind: r.kind, x: p.x - boxW / 2, y: top, w: boxW, h: (f?.corridorY ?? top + 60) - 18 - top, name: r.name };
  });

  const edges = new Map<string, Pt[]>();
  const edgeKind = new Map<string, string>();
  for (const e of b.edges) {
    const a = nodes.get(e.from);
    const c = nodes.get(e.to);
    if (!a || !c) continue;
    edgeKind.set(e.id, e.kind);
    if (e.kind === 'stair') edges.set(e.id, [a, { x: Math.max(a.x, c.x) + 18, y: (a.y + c.y) / 2 }, c]);
    else if (e.kind === 'outdoor') edges.set(e.id, [a, { x: a.x, y: assembly.y }, c]);
    else edges.set(e.id, [a, c]);
  }

  const liftNodes = b.lift ? b.lift.stops.map((id) => nodes.get(id)).filter((p): p is Pt => !!p) : [];
  const lift = liftNodes.length ? { x: liftNodes[0]!.x, top: Math.min(...liftNodes.map((p) => p.y)) - 40, bottom: Math.max(...liftNodes.map((p) => p.y)) } : null;
  const cols = 20;
  const slot = (i: number): Pt => ({ x: assembly.x + 30 + (i % cols) * ((assembly.w - 60) / (cols - 1)), y: assembly.y + 22 + Math.floor(i / cols) * 26 });
  return { width: W, height: assembly.y + assembly.h + 12, floors, rooms, nodes, edges, edgeKind, groundY, assembly, lift, slot };
}

/** The point a fraction `f` (0…1) of the way along a polyline, by length. Pure. */
export function along(path: readonly Pt[], f: number): Pt {
  if (path.length === 0) return { x: 0, y: 0 };
  if (path.length === 1 || f <= 0) return path[0]!;
  const seg: number[] = [];
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const d = Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y);
    seg.push(d);
    total += d;
  }
  if (f >= 1 || total === 0) return path[path.length - 1]!;
  let left = f * total;
  for (let i = 0; i < seg.length; i++) {
    if (left <= seg[i]! || i === seg.length - 1) {
      const a = path[i]!;
      const c = path[i + 1]!;
      const u = seg[i]! === 0 ? 1 : Math.min(1, left / seg[i]!);
      return { x: a.x + (c.x - a.x) * u, y: a.y + (c.y - a.y) * u };
    }
    left -= seg[i]!;
  }
  return path[path.length - 1]!;
}

/** SVG path data of a polyline. */
export const pathData = (p: readonly Pt[]): string => p.map((q, i) => `${i ? 'L' : 'M'}${q.x.toFixed(1)} ${q.y.toFixed(1)}`).join(' ');
