/**
 * Geometry for the county importer: WGS84 / CGCS2000 longitude–latitude in, kilometres out. Over a
 * county (≤ 100 km) a local equirectangular plane around a reference latitude is good to well
 * under 0.5 %; lengths use the haversine formula on the mean Earth radius. Pure.
 */

/** [longitude °E, latitude °N] */
export type LonLat = [number, number];
/** Local plane, km east and north of the reference point. */
export type XY = [number, number];

/** Mean Earth radius, km (IUGG). */
const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance between two positions, km. Pure. */
export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a polyline, km (sum of its great-circle segments). Pure. */
export function polylineKm(coords: readonly LonLat[]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) km += haversineKm(coords[i - 1]!, coords[i]!);
  return km;
}

/** A local plane around (lon0, lat0): lon/lat ↔ km. */
export interface LocalPlane {
  toXY(p: LonLat): XY;
  toLonLat(p: XY): LonLat;
}

/** Plane tangent at (lon0, lat0): km per degree from the haversine radius. Pure. */
export function localPlane(lon0: number, lat0: number): LocalPlane {
  const kmLat = EARTH_KM * RAD;
  const kmLon = kmLat * Math.cos(lat0 * RAD);
  return {
    toXY: ([lon, lat]) => [(lon - lon0) * kmLon, (lat - lat0) * kmLat],
    toLonLat: ([x, y]) => [lon0 + x / kmLon, lat0 + y / kmLat],
  };
}

/** Straight-line distance in the plane, km. */
export const planeKm = (a: XY, b: XY): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Closest point of segment a–b to p: the parameter t ∈ [0, 1] and the distance, km. Pure. */
export function closestOnSegment(p: XY, a: XY, b: XY): { t: number; km: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return { t, km: Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)) };
}

/**
 * Where segments a–b and c–d cross, as [t on a–b, u on c–d]: both parameters inside (eps, 1 − eps),
 * so a positive `eps` asks for a proper crossing and a tiny negative one counts touching ends and
 * vertices too; undefined when they do not meet or are parallel. Pure.
 */
export function segmentCrossing(a: XY, b: XY, c: XY, d: XY, eps = 1e-9): [number, number] | undefined {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-15) return undefined;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t <= eps || t >= 1 - eps || u <= eps || u >= 1 - eps) return undefined;
  return [t, u];
}

/** Rounds to `d` decimals (positions: 6 decimals ≈ 0.1 m). Pure. */
export function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** A uniform grid over the plane for neighbour look-ups: cell → items. Deterministic (insertion order). */
export class GridIndex<T> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly cellKm: number) {}
  private key(i: number, j: number): string {
    return `${i},${j}`;
  }
  /** Adds an item covering the box [x0, x1] × [y0, y1], km. */
  add(item: T, x0: number, y0: number, x1 = x0, y1 = y0): void {
    const c = this.cellKm;
    for (let i = Math.floor(x0 / c); i <= Math.floor(x1 / c); i++)
      for (let j = Math.floor(y0 / c); j <= Math.floor(y1 / c); j++) {
        const k = this.key(i, j);
        const list = this.cells.get(k);
        if (list) list.push(item);
        else this.cells.set(k, [item]);
      }
  }
  /** Items whose boxes may lie within `r` km of p (each once, in insertion order of first sighting). */
  near(p: XY, r: number): T[] {
    const c = this.cellKm;
    const out: T[] = [];
    const seen = new Set<T>();
    for (let i = Math.floor((p[0] - r) / c); i <= Math.floor((p[0] + r) / c); i++)
      for (let j = Math.floor((p[1] - r) / c); j <= Math.floor((p[1] + r) / c); j++)
        for (const it of this.cells.get(this.key(i, j)) ?? [])
          if (!seen.has(it)) {
            seen.add(it);
            out.push(it);
          }
    return out;
  }
  /** Items whose boxes may meet the box [x0, x1] × [y0, y1] (each once, first-sighting order). */
  inBox(x0: number, y0: number, x1: number, y1: number): T[] {
    const c = this.cellKm;
    const out: T[] = [];
    const seen = new Set<T>();
    for (let i = Math.floor(x0 / c); i <= Math.floor(x1 / c); i++)
      for (let j = Math.floor(y0 / c); j <= Math.floor(y1 / c); j++)
        for (const it of this.cells.get(this.key(i, j)) ?? [])
          if (!seen.has(it)) {
            seen.add(it);
            out.push(it);
          }
    return out;
  }
}
