/**
 * Geometry of a synthetic county: local km east/north of the county centre, the county as an
 * ellipse, and the conversions to the lon/lat the scenario format stores. Pure.
 */
import { clamp, round } from './rand.ts';

/** A point in local km: [east, north] of the county centre. */
export type XY = [number, number];

export interface Geo {
  lon0: number;
  lat0: number;
  /** ellipse semi-axes, km (east–west, north–south) */
  ax: number;
  ay: number;
  /** km per degree of longitude at lat0, and of latitude */
  kmLon: number;
  kmLat: number;
}
export function makeGeo(lon0: number, lat0: number, ax: number, ay: number): Geo {
  return { lon0, lat0, ax, ay, kmLon: 111.32 * Math.cos((lat0 * Math.PI) / 180), kmLat: 110.57 };
}
/** Local km → [lon, lat], 4 decimals (about 10 m). */
export const toLonLat = (g: Geo, [x, y]: XY): [number, number] => [round(g.lon0 + x / g.kmLon, 4), round(g.lat0 + y / g.kmLat, 4)];
export const fromLonLat = (g: Geo, [lon, lat]: [number, number]): XY => [(lon - g.lon0) * g.kmLon, (lat - g.lat0) * g.kmLat];
/** Straight-line distance, km. */
export const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Inside the county ellipse, shrunk by `scale`. */
export const inCounty = (g: Geo, [x, y]: XY, scale = 1) => (x / (g.ax * scale)) ** 2 + (y / (g.ay * scale)) ** 2 <= 1;

/** Distance (km) from p to the segment a–b. */
export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);
  return dist(p, [a[0] + t * dx, a[1] + t * dy]);
}

/** Relief (m) within `r` km of p under an elevation function: a stand-in for slope steepness. */
export function relief(elev: (p: XY) => number, p: XY, r = 0.8): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    const e = elev([p[0] + r * Math.cos(a), p[1] + r * Math.sin(a)]);
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
  }
  return hi - lo;
}
