/**
 * Road layer → road graph, as SUMO's netconvert does for a network: nodes at line ends, at
 * crossings and where an end lies on another road within the snapping tolerance; links are the
 * pieces between nodes, their lengths measured along the geometry (great circle), their speeds
 * from the road class table (roadClass.ts) unless the feature gives one. Reports empty and
 * non-line geometries, projected coordinates, self-crossings (errors), unknown classes, pieces
 * not connected to the main network and dangling ends that nearly meet a road (warnings). Pure.
 */
import { closestOnSegment, GridIndex, localPlane, planeKm, polylineKm, roundTo, segmentCrossing, type LocalPlane, type LonLat, type XY } from './geo.ts';
import { ProblemList } from './importProblem.ts';
import {
  attribute,
  CLASS_ATTRIBUTES,
  DEFAULT_ROAD_CLASS,
  LENGTH_ATTRIBUTES,
  LINK_ID_ATTRIBUTES,
  NAME_ATTRIBUTES,
  NAME_EN_ATTRIBUTES,
  REF_ATTRIBUTES,
  roadClassOf,
  SPEED_ATTRIBUTES,
  type RoadClassDefault,
} from './roadClass.ts';

/** A feature as GeoJSON or shpjs gives it; `index` is its position in the layer (0-based). */
export interface RoadFeature {
  index: number;
  geometry: { type: string; coordinates?: unknown } | null;
  properties: Record<string, unknown> | null;
}

export interface RoadGraphOptions {
  /** file name shown in problems, e.g. roads.shp */
  file: string;
  /** ends and crossings closer than this are one node, metres (default 20) */
  snapM?: number;
  /** a dangling end this close to another road is reported, metres (default 100) */
  danglingM?: number;
}

export interface GraphNode {
  id: string;
  position: LonLat;
}

export interface GraphLink {
  id: string;
  /** from the name attribute; undefined when the feature has none (the scenario names it after the places at its ends) */
  name?: { zh: string; en: string };
  from: string;
  to: string;
  lengthKm: number;
  speedKmh: number;
  trunk: boolean;
  /** feature index in the layer */
  feature: number;
  roadClass: RoadClassDefault;
  /** speed taken from the feature's speed attribute (else the class default) */
  speedFromAttribute: boolean;
  /** length taken from the feature's length_km attribute (a feature that is one link only; else measured) */
  lengthFromAttribute?: boolean;
  /** route code (G318 …) when the feature has one */
  ref?: string;
  coords: LonLat[];
}

export interface RoadGraph {
  file: string;
  snapM: number;
  nodes: GraphNode[];
  links: GraphLink[];
  /** node ids of the largest connected piece */
  mainNodes: ReadonlySet<string>;
  plane: LocalPlane;
  bounds: { minLon: number; maxLon: number; minLat: number; maxLat: number };
  stats: { features: number; links: number; nodes: number; crossings: number; pieces: number; deadEnds: number };
}

interface Line {
  feature: number;
  coords: LonLat[];
  xy: XY[];
  cls: RoadClassDefault;
  speed?: number;
  name?: { zh: string; en: string };
  ref?: string;
  /** link_id and length_km attributes (used when the feature is one link) */
  given?: { id?: string; lengthKm?: number };
}

/** A point on a line: segment index and parameter along it. */
interface Cut {
  seg: number;
  t: number;
  xy: XY;
  lonlat: LonLat;
  node?: number;
}

const isPosition = (p: unknown): p is [number, number] => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** Builds the graph; `problems` gets every located problem. Returns undefined when nothing usable is left. Pure. */
export function buildRoadGraph(features: readonly RoadFeature[], options: RoadGraphOptions, problems: ProblemList): RoadGraph | undefined {
  const file = options.file;
  const snapM = options.snapM ?? 20;
  const snapKm = snapM / 1000;
  const danglingKm = (options.danglingM ?? 100) / 1000;

  // 1. lines, with their attributes; located geometry errors
  const raw: Omit<Line, 'xy'>[] = [];
  const unknownClass = new Map<string, number[]>();
  const noClass: number[] = [];
  for (const f of features) {
    const at = { feature: f.index };
    const g = f.geometry;
    if (!g || g.coordinates === undefined || (Array.isArray(g.coordinates) && g.coordinates.length === 0)) {
      problems.error(file, 'emptyGeometry', {}, at);
      continue;
    }
    let parts: unknown[];
    if (g.type === 'LineString') parts = [g.coordinates];
    else if (g.type === 'MultiLineString' && Array.isArray(g.coordinates)) parts = g.coordinates;
    else {
      problems.error(file, 'notALine', { type: g.type }, at);
      continue;
    }
    const props = f.properties ?? {};
    const classAttr = attribute(props, CLASS_ATTRIBUTES);
    const ref = attribute(props, REF_ATTRIBUTES)?.value;
    let cls = roadClassOf(classAttr?.value, ref);
    if (!cls) {
      if (classAttr) unknownClass.set(classAttr.value, [...(unknownClass.get(classAttr.value) ?? []), f.index]);
      else noClass.push(f.index);
      cls = DEFAULT_ROAD_CLASS;
    }
    let speed: number | undefined;
    const sp = attribute(props, SPEED_ATTRIBUTES);
    if (sp) {
      const v = Number(sp.value.replace(/\s*(km\/h|公里\/小时|千米\/小时)$/i, ''));
      if (Number.isFinite(v) && v >= 1 && v <= 130) speed = v;
      else problems.warn(file, 'badSpeed', { value: sp.value }, { ...at, column: sp.name });
    }
    const zhName = attribute(props, NAME_ATTRIBUTES)?.value;
    const enName = attribute(props, NAME_EN_ATTRIBUTES)?.value;
    const name = zhName ? { zh: zhName, en: enName ?? (ref ? `${ref} ${cls.en}` : `${cls.en} (feature ${f.index})`) } : undefined;
    let bad = false;
    const lines: LonLat[][] = [];
    for (const part of parts) {
      if (!Array.isArray(part)) {
        bad = true;
        problems.error(file, 'emptyGeometry', {}, at);
        break;
      }
      const coords: LonLat[] = [];
      for (const p of part) {
        if (!isPosition(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || p[0] < 73 || p[0] > 136 || p[1] < 3 || p[1] > 54) {
          bad = true;
          problems.error(file, 'notLonLat', { x: isPosition(p) ? p[0] : String(p), y: isPosition(p) ? p[1] : '' }, at);
          break;
        }
        const q: LonLat = [p[0], p[1]];
        const last = coords[coords.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) coords.push(q);
      }
      if (bad) break;
      if (coords.length < 2) {
        if (parts.length === 1) {
          bad = true;
          problems.error(file, part.length === 0 ? 'emptyGeometry' : 'tooShort', {}, at);
        }
        continue;
      }
      lines.push(coords);
    }
    if (bad) continue;
    const givenId = attribute(props, LINK_ID_ATTRIBUTES)?.value;
    const givenKm = Number(attribute(props, LENGTH_ATTRIBUTES)?.value ?? NaN);
    const given = { ...(givenId && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(givenId) ? { id: givenId } : {}), ...(givenKm > 0 && givenKm <= 500 ? { lengthKm: givenKm } : {}) };
    for (const coords of lines) raw.push({ feature: f.index, coords, cls, ...(speed !== undefined ? { speed } : {}), ...(name ? { name } : {}), ...(ref ? { ref } : {}), ...(lines.length === 1 ? { given } : {}) });
  }
  for (const [value, idx] of unknownClass)
    problems.warn(file, 'unknownRoadClass', { value, speed: DEFAULT_ROAD_CLASS.speedKmh, count: idx.length }, { feature: idx[0]! });
  if (noClass.length > 0)
    problems.warn(file, 'noRoadClass', { columns: CLASS_ATTRIBUTES.slice(0, 6).join('/'), speed: DEFAULT_ROAD_CLASS.speedKmh, count: noClass.length }, { feature: noClass[0]! });
  if (raw.length === 0) {
    problems.error(file, 'noRoads');
    return undefined;
  }

  // 2. the local plane around the layer's centre
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const l of raw)
    for (const [lon, lat] of l.coords) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  const plane = localPlane((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const lines: Line[] = raw.map((l) => ({ ...l, xy: l.coords.map((p) => plane.toXY(p)) }));

  // 3. segments on a grid; crossings between lines (split both) and within a line (an error)
  const cell = Math.max(0.25, snapKm * 4);
  const grid = new GridIndex<number>(cell);
  const segs: { line: number; seg: number }[] = [];
  lines.forEach((l, li) =>
    l.xy.slice(1).forEach((b, si) => {
      const a = l.xy[si]!;
      grid.add(segs.length, Math.min(a[0], b[0]) - snapKm, Math.min(a[1], b[1]) - snapKm, Math.max(a[0], b[0]) + snapKm, Math.max(a[1], b[1]) + snapKm);
      segs.push({ line: li, seg: si });
    }),
  );
  const cuts: Cut[][] = lines.map(() => []);
  const cutAt = (li: number, seg: number, t: number): Cut => {
    const l = lines[li]!;
    const a = l.xy[seg]!;
    const b = l.xy[seg + 1]!;
    const xy: XY = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const c: Cut = { seg, t, xy, lonlat: plane.toLonLat(xy) };
    cuts[li]!.push(c);
    return c;
  };
  const crossingPoints = new Set<string>();
  const selfCrossed = new Set<number>();
  segs.forEach((s1, k1) => {
    const l1 = lines[s1.line]!;
    const a = l1.xy[s1.seg]!;
    const b = l1.xy[s1.seg + 1]!;
    for (const k2 of grid.inBox(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
      if (k2 <= k1) continue;
      const s2 = segs[k2]!;
      const l2 = lines[s2.line]!;
      if (s2.line === s1.line && Math.abs(s2.seg - s1.seg) <= 1) continue;
      // two links of an exported graph (both with link_id) were already split at every junction: a crossing is a bridge
      if (s2.line !== s1.line && l1.given?.id && l2.given?.id) continue;
      // between two roads a crossing may pass through a vertex (inclusive); within one road only a proper crossing counts
      const x = segmentCrossing(a, b, l2.xy[s2.seg]!, l2.xy[s2.seg + 1]!, s2.line === s1.line ? 1e-9 : -1e-12);
      if (!x) continue;
      if (s2.line === s1.line) {
        if (!selfCrossed.has(s1.line)) {
          selfCrossed.add(s1.line);
          const p = plane.toLonLat([a[0] + x[0] * (b[0] - a[0]), a[1] + x[0] * (b[1] - a[1])]);
          problems.error(file, 'selfCrossing', { lon: roundTo(p[0], 5), lat: roundTo(p[1], 5) }, { feature: l1.feature });
        }
        continue;
      }
      const c1 = cutAt(s1.line, s1.seg, x[0]);
      cutAt(s2.line, s2.seg, x[1]);
      const atEnd = (line: Line, seg: number, t: number) => (seg === 0 && t <= 1e-9) || (seg === line.xy.length - 2 && t >= 1 - 1e-9);
      if (!atEnd(l1, s1.seg, x[0]) && !atEnd(l2, s2.seg, x[1])) crossingPoints.add(`${Math.round(c1.xy[0] * 1e5)},${Math.round(c1.xy[1] * 1e5)}`);
    }
  });
  if (selfCrossed.size > 0) return undefined;

  // 4. an end within the tolerance of another line (T-junction): cut that line at the closest point
  const ends: { li: number; xy: XY; lonlat: LonLat; first: boolean }[] = [];
  lines.forEach((l, li) => {
    ends.push({ li, xy: l.xy[0]!, lonlat: l.coords[0]!, first: true });
    ends.push({ li, xy: l.xy[l.xy.length - 1]!, lonlat: l.coords[l.coords.length - 1]!, first: false });
  });
  for (const e of ends) {
    let best: { k: number; t: number; km: number } | undefined;
    for (const k of grid.near(e.xy, snapKm)) {
      const s = segs[k]!;
      if (s.line === e.li || (lines[e.li]!.given?.id && lines[s.line]!.given?.id)) continue;
      const l = lines[s.line]!;
      const c = closestOnSegment(e.xy, l.xy[s.seg]!, l.xy[s.seg + 1]!);
      if (c.km <= snapKm && (!best || c.km < best.km)) best = { k, ...c };
    }
    if (!best) continue;
    const s = segs[best.k]!;
    const last = lines[s.line]!.xy.length - 2;
    if ((s.seg === 0 && best.t === 0) || (s.seg === last && best.t === 1)) continue; // its own end: clustering joins them
    cutAt(s.line, s.seg, best.t);
  }

  // 5. nodes: ends and cuts, clustered within the tolerance (union–find over a grid)
  const points: { xy: XY; lonlat: LonLat }[] = [];
  const endNode: [number, number][] = lines.map(() => [0, 0]);
  lines.forEach((l, li) => {
    endNode[li]![0] = points.length;
    points.push({ xy: l.xy[0]!, lonlat: l.coords[0]! });
    cuts[li]!.sort((x, y) => x.seg - y.seg || x.t - y.t);
    for (const c of cuts[li]!) {
      c.node = points.length;
      points.push({ xy: c.xy, lonlat: c.lonlat });
    }
    endNode[li]![1] = points.length;
    points.push({ xy: l.xy[l.xy.length - 1]!, lonlat: l.coords[l.coords.length - 1]! });
  });
  const parent = points.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const pgrid = new GridIndex<number>(Math.max(snapKm, 0.001) * 2);
  points.forEach((p, i) => {
    for (const j of pgrid.near(p.xy, snapKm)) if (planeKm(points[j]!.xy, p.xy) <= snapKm) union(i, j);
    pgrid.add(i, p.xy[0], p.xy[1]);
  });
  const members = new Map<number, number[]>();
  points.forEach((_, i) => {
    const r = find(i);
    members.set(r, [...(members.get(r) ?? []), i]);
  });
  const nodeOf = new Map<number, number>(); // root → node number
  const nodes: GraphNode[] = [];
  const nodeXY: XY[] = [];
  const nodeFor = (pointIndex: number): number => {
    const r = find(pointIndex);
    let n = nodeOf.get(r);
    if (n === undefined) {
      const ms = members.get(r)!;
      const lon = ms.reduce((s, i) => s + points[i]!.lonlat[0], 0) / ms.length;
      const lat = ms.reduce((s, i) => s + points[i]!.lonlat[1], 0) / ms.length;
      n = nodes.length;
      nodeOf.set(r, n);
      const position: LonLat = [roundTo(lon, 6), roundTo(lat, 6)];
      nodes.push({ id: `n${n + 1}`, position });
      nodeXY.push(plane.toXY(position));
    }
    return n;
  };
  const extraNode = (p: LonLat): number => {
    const n = nodes.length;
    const position: LonLat = [roundTo(p[0], 6), roundTo(p[1], 6)];
    nodes.push({ id: `n${n + 1}`, position });
    nodeXY.push(plane.toXY(position));
    return n;
  };

  // 6. links: the pieces of each line between its nodes
  const links: GraphLink[] = [];
  const perFeature = new Map<number, GraphLink[]>();
  const givenOf = new Map<GraphLink, Line['given']>();
  const addLink = (l: Line, from: number, to: number, coords: LonLat[]) => {
    const pts: LonLat[] = [nodes[from]!.position, ...coords.slice(1, -1), nodes[to]!.position];
    const link: GraphLink = {
      id: '',
      ...(l.name ? { name: l.name } : {}),
      from: nodes[from]!.id,
      to: nodes[to]!.id,
      lengthKm: Math.max(0.001, roundTo(polylineKm(pts), 3)),
      speedKmh: l.speed ?? l.cls.speedKmh,
      trunk: l.cls.trunk,
      feature: l.feature,
      roadClass: l.cls,
      speedFromAttribute: l.speed !== undefined,
      ...(l.ref ? { ref: l.ref } : {}),
      coords: pts,
    };
    links.push(link);
    perFeature.set(l.feature, [...(perFeature.get(l.feature) ?? []), link]);
    givenOf.set(link, l.given);
  };
  lines.forEach((l, li) => {
    const stops: { seg: number; t: number; lonlat: LonLat; node: number }[] = [
      { seg: 0, t: 0, lonlat: l.coords[0]!, node: nodeFor(endNode[li]![0]) },
      ...cuts[li]!.map((c) => ({ seg: c.seg, t: c.t, lonlat: c.lonlat, node: nodeFor(c.node!) })),
      { seg: l.coords.length - 2, t: 1, lonlat: l.coords[l.coords.length - 1]!, node: nodeFor(endNode[li]![1]) },
    ];
    for (let k = 1; k < stops.length; k++) {
      const a = stops[k - 1]!;
      const b = stops[k]!;
      // vertices strictly between the two stops
      const inner: LonLat[] = [];
      for (let v = a.seg + 1; v <= b.seg; v++) {
        if (v === a.seg + 1 && a.t >= 1) continue; // a lies on this vertex
        if (v === b.seg && b.t <= 0) continue; // b lies on this vertex
        inner.push(l.coords[v]!);
      }
      const coords: LonLat[] = [a.lonlat, ...inner, b.lonlat];
      if (a.node === b.node) {
        // a piece that starts and ends at one node: drop it when shorter than the tolerance, else split a loop in two
        if (polylineKm(coords) <= 2 * snapKm) continue;
        const mid = Math.floor(coords.length / 2);
        const midPoint: LonLat = coords.length > 2 ? coords[mid]! : [(coords[0]![0] + coords[1]![0]) / 2, (coords[0]![1] + coords[1]![1]) / 2];
        const m = extraNode(midPoint);
        addLink(l, a.node, m, coords.length > 2 ? coords.slice(0, mid + 1) : [coords[0]!, midPoint]);
        addLink(l, m, b.node, coords.length > 2 ? coords.slice(mid) : [midPoint, coords[1]!]);
        continue;
      }
      addLink(l, a.node, b.node, coords);
    }
  });
  for (const [feature, ls] of perFeature) ls.forEach((x, k) => (x.id = ls.length === 1 ? `r${feature}` : `r${feature}-${k + 1}`));
  // a feature that stayed one link keeps its link_id and length_km (export-gis → import); an id is
  // taken when no other feature gives it and no link keeps it as its own id
  const single = [...perFeature.values()].filter((ls) => ls.length === 1).map((ls) => ls[0]!);
  const givenCount = new Map<string, number>();
  for (const l of single) if (givenOf.get(l)?.id) givenCount.set(givenOf.get(l)!.id!, (givenCount.get(givenOf.get(l)!.id!) ?? 0) + 1);
  const takes = new Set(single.filter((l) => givenCount.get(givenOf.get(l)?.id ?? '') === 1));
  for (let changed = true; changed; ) {
    changed = false;
    const kept = new Set(links.filter((l) => !takes.has(l)).map((l) => l.id));
    for (const l of takes) if (kept.has(givenOf.get(l)!.id!)) changed = takes.delete(l);
  }
  for (const l of single) {
    const g = givenOf.get(l);
    if (takes.has(l)) l.id = g!.id!;
    if (g?.lengthKm !== undefined) Object.assign(l, { lengthKm: g.lengthKm, lengthFromAttribute: true });
  }

  // 7. connected pieces: the largest is the main network; the others are reported
  const up = nodes.map((_, i) => i);
  const root = (i: number): number => {
    while (up[i] !== i) {
      up[i] = up[up[i]!]!;
      i = up[i]!;
    }
    return i;
  };
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const degree = nodes.map(() => 0);
  for (const l of links) {
    const a = idx.get(l.from)!;
    const b = idx.get(l.to)!;
    degree[a]!++;
    degree[b]!++;
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) up[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const pieces = new Map<number, { nodes: number[]; links: GraphLink[] }>();
  nodes.forEach((_, i) => {
    const r = root(i);
    const p = pieces.get(r) ?? { nodes: [], links: [] };
    p.nodes.push(i);
    pieces.set(r, p);
  });
  for (const l of links) pieces.get(root(idx.get(l.from)!))!.links.push(l);
  const used = [...pieces.values()].filter((p) => p.links.length > 0).sort((x, y) => y.links.length - x.links.length || x.nodes[0]! - y.nodes[0]!);
  const main = used[0]!;
  for (const p of used.slice(1)) {
    const fs = [...new Set(p.links.map((l) => l.feature))];
    problems.warn(file, 'disconnected', { nodes: p.nodes.length, links: p.links.length, features: fs.slice(0, 8).join(', ') + (fs.length > 8 ? ' …' : '') }, { feature: fs[0]! });
  }

  // 8. dangling ends that nearly meet another road
  const lgrid = new GridIndex<number>(Math.max(0.25, danglingKm * 2));
  const linkXY = links.map((l) => l.coords.map((p) => plane.toXY(p)));
  linkXY.forEach((xy, k) =>
    xy.slice(1).forEach((b, s) => {
      const a = xy[s]!;
      lgrid.add(k, Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    }),
  );
  let deadEnds = 0;
  nodes.forEach((n, i) => {
    if (degree[i] !== 1) return;
    deadEnds++;
    let best = Infinity;
    const feature = links.find((x) => x.from === n.id || x.to === n.id)!.feature;
    for (const k of lgrid.near(nodeXY[i]!, danglingKm)) {
      const l = links[k]!;
      if (l.from === n.id || l.to === n.id) continue;
      const xy = linkXY[k]!;
      for (let s = 1; s < xy.length; s++) {
        const c = closestOnSegment(nodeXY[i]!, xy[s - 1]!, xy[s]!);
        if (c.km < best) best = c.km;
      }
    }
    if (best <= danglingKm && best > snapKm)
      problems.warn(file, 'danglingEnd', { lon: n.position[0], lat: n.position[1], m: Math.round(best * 1000), snap: snapM }, { feature });
  });

  const mainNodes = new Set(main.nodes.map((i) => nodes[i]!.id));
  return {
    file,
    snapM,
    nodes,
    links,
    mainNodes,
    plane,
    bounds: { minLon, maxLon, minLat, maxLat },
    stats: { features: features.length, links: links.length, nodes: nodes.length, crossings: crossingPoints.size, pieces: used.length, deadEnds },
  };
}
