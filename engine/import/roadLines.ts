import type { LonLat, XY } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
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

/** One line of a feature (a MultiLineString gives several) with the feature's attributes. */
export interface RoadLine {
  feature: number;
  coords: LonLat[];
  cls: RoadClassDefault;
  speed?: number;
  name?: { zh: string; en: string };
  ref?: string;
  /** link_id and length_km attributes (used when the feature is one link) */
  given?: { id?: string; lengthKm?: number };
}

/** A road line with its vertices on the layer's local plane, km. */
export interface PlacedLine extends RoadLine {
  xy: XY[];
}

const isPosition = (p: unknown): p is [number, number] => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/**
 * The layer's lines with their attributes (class, speed, name, route code, link_id and
 * length_km), repeated vertices dropped; located errors for empty and non-line geometries and
 * coordinates that are not longitude/latitude in China, warnings for bad speeds and unknown or
 * missing classes (taken as the default class). Undefined when no line is left.
 */
export function roadLines(features: readonly RoadFeature[], file: string, problems: ProblemList): RoadLine[] | undefined {
  const raw: RoadLine[] = [];
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
  return raw;
}
