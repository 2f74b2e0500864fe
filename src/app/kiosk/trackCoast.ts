/**
 * The map behind the typhoon track inset (TyphoonTrackInset.tsx): its box, and the mainland
 * coast from 江苏 to 福建 as one schematic polygon of land. Assumed: traced by hand from general
 * maps to about ±15 km, for orientation only (islands such as 舟山 and 崇明 are left out; 舟山 is a
 * named dot). Nothing is computed from it.
 */
/** The final approach (24–26 July): the first two bulletins and the track after 26 July 17:00 run off the edge. */
export const TRACK_BOX = { west: 119.6, east: 124.4, south: 27.6, north: 31.8 } as const;
/** The inset's drawing size, px. */
export const INSET_W = 260;
export const INSET_H = 230;

/** [lon, lat] of the land polygon, clockwise from the box's north-west corner. */
const RAW: readonly (readonly [number, number])[] = [
  [117.6, 32.8], [120.9, 32.8], [121.3, 32.3], [121.9, 31.75], [121.95, 31.2], [121.97, 30.87], [121.5, 30.8], [121.3, 30.7],
  [121.08, 30.58], [120.95, 30.5], [120.9, 30.38], [120.5, 30.3], [120.6, 30.25], [121.2, 30.33], [121.72, 29.97], [121.9, 29.9],
  [121.95, 29.45], [121.95, 29.2], [121.6, 29.0], [121.5, 28.65], [121.6, 28.35], [121.25, 28.1], [120.85, 27.9], [120.6, 27.4],
  [120.3, 27.2], [120.1, 26.9], [119.8, 26.4], [119.65, 26.1], [119.6, 25.4], [117.6, 25.4],
];

export const COAST: readonly { lat: number; lon: number }[] = RAW.map(([lon, lat]) => ({ lon, lat }));

/** Plan coordinates of the inset: equirectangular over TRACK_BOX, scaled by cos(latitude). Pure. */
export function insetXY(lat: number, lon: number): [number, number] {
  const { west, east, south, north } = TRACK_BOX;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const sx = INSET_W / ((east - west) * k);
  const sy = INSET_H / (north - south);
  const s = Math.min(sx, sy);
  const ox = (INSET_W - (east - west) * k * s) / 2;
  const oy = (INSET_H - (north - south) * s) / 2;
  return [ox + (lon - west) * k * s, oy + (north - lat) * s];
}
