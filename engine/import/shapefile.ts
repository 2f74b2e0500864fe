/**
 * A polyline ESRI Shapefile as bytes (.shp, .shx, .dbf, .cpg, .prj), for `yanlian export-gis`:
 * longitude–latitude on WGS84/CGCS2000 (the .prj says GCS_WGS_1984), attributes as dBASE III
 * character fields in UTF-8 (the .cpg says so, which the importer and QGIS/ArcGIS read). A field
 * name is at most 10 bytes in dBASE: a longer one takes its alias (e.g. 道路等级 → 等级, which the
 * importer also reads) and, without one, is refused. Numbers are written as their shortest
 * round-trip decimal, so a re-import reads the same value. Pure.
 */

export interface PolylineFeature {
  /** the line's points as [lon, lat] */
  points: readonly (readonly [number, number])[];
  /** one value per field, null for an empty cell */
  values: readonly (string | number | null | undefined)[];
}

export interface ShapefileBytes {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  cpg: string;
  prj: string;
}

/** The geographic coordinate system a GIS reads from the .prj (WGS84, which CGCS2000 matches to centimetres). */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const utf8 = new TextEncoder();
const POLYLINE = 3;
const MAX_FIELD = 254;

function bbox(points: readonly (readonly [number, number])[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return points.length ? [x0, y0, x1, y1] : [0, 0, 0, 0];
}

/** The main-file header (100 bytes) of .shp and .shx. */
function header(lengthBytes: number, box: [number, number, number, number]): Uint8Array {
  const b = new Uint8Array(100);
  const v = new DataView(b.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, lengthBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, POLYLINE, true);
  box.forEach((x, i) => v.setFloat64(36 + 8 * i, x, true));
  return b;
}

/** A field name as dBASE stores it (≤ 10 bytes): the name, else its alias; an error message where neither fits. */
function fieldName(name: string, aliases: Readonly<Record<string, string>>): Uint8Array | string {
  for (const n of [name, aliases[name]]) {
    if (n === undefined) continue;
    const b = utf8.encode(n);
    if (b.length <= 10) return b;
  }
  return `field name "${name}" is longer than 10 bytes and has no alias`;
}

const cell = (x: string | number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

/**
 * The files of one polyline layer. `fields` name the values of each feature, in order; `aliases`
 * give a shorter name for a field whose name is over 10 bytes. Throws only on a programming
 * error (a field name with no alias that fits, a value over 254 bytes).
 */
export function polylineShapefile(fields: readonly string[], features: readonly PolylineFeature[], aliases: Readonly<Record<string, string>> = {}): ShapefileBytes {
  // records: content = type, box, 1 part, n points, part index 0, the points
  const records = features.map((f) => {
    const n = f.points.length;
    const b = new Uint8Array(44 + 4 + 16 * n);
    const v = new DataView(b.buffer);
    v.setInt32(0, POLYLINE, true);
    bbox(f.points).forEach((x, i) => v.setFloat64(4 + 8 * i, x, true));
    v.setInt32(36, 1, true);
    v.setInt32(40, n, true);
    v.setInt32(44, 0, true);
    f.points.forEach(([x, y], i) => {
      v.setFloat64(48 + 16 * i, x, true);
      v.setFloat64(56 + 16 * i, y, true);
    });
    return b;
  });
  const box = bbox(features.flatMap((f) => f.points));
  const shpLen = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(100 + 8 * records.length);
  shp.set(header(shpLen, box), 0);
  shx.set(header(shx.length, box), 0);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let at = 100;
  records.forEach((r, i) => {
    sv.setInt32(at, i + 1, false);
    sv.setInt32(at + 4, r.length / 2, false);
    shp.set(r, at + 8);
    xv.setInt32(100 + 8 * i, at / 2, false);
    xv.setInt32(104 + 8 * i, r.length / 2, false);
    at += 8 + r.length;
  });

  // dBASE III: character fields as wide as their longest value
  const names = fields.map((f) => fieldName(f, aliases));
  const bad = names.find((n): n is string => typeof n === 'string');
  if (bad) throw new Error(bad);
  const values = features.map((f) => fields.map((_, k) => utf8.encode(cell(f.values[k]))));
  const widths = fields.map((_, k) => Math.max(1, ...values.map((row) => row[k]!.length)));
  const tooWide = widths.findIndex((w) => w > MAX_FIELD);
  if (tooWide >= 0) throw new Error(`field "${fields[tooWide]}" has a value over ${MAX_FIELD} bytes`);
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = new Uint8Array(headerLen + recLen * features.length + 1).fill(0x20, headerLen);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  // the last update: a fixed date, so the same scenario gives the same bytes (YY since 1900, MM, DD)
  dbf[1] = 125;
  dbf[2] = 1;
  dbf[3] = 1;
  dv.setUint32(4, features.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  names.forEach((n, i) => {
    const off = 32 + 32 * i;
    dbf.set(n as Uint8Array, off);
    dbf[off + 11] = 0x43; // 'C'
    dbf[off + 16] = widths[i]!;
  });
  dbf[headerLen - 1] = 0x0d;
  values.forEach((row, r) => {
    let off = headerLen + r * recLen + 1; // the deletion flag stays ' '
    row.forEach((b, k) => {
      dbf.set(b, off);
      off += widths[k]!;
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp, shx, dbf, cpg: 'UTF-8', prj: WGS84_PRJ };
}
