/**
 * Writes a polyline ESRI Shapefile (.shp, .shx, .dbf) byte by byte, for tests: there is no GIS
 * tool here. Attributes are character fields, encoded in GBK or UTF-8 (GBK through an encoding
 * table inverted from the platform's GBK decoder). A null geometry is a null shape record.
 */
import { writeFileSync } from 'node:fs';

let gbkTable: Map<string, number[]> | undefined;
/** GBK bytes of a string (ASCII as is). */
export function encodeGbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

export interface ShpFeature {
  /** parts of [lon, lat]; null for a null shape */
  parts: [number, number][][] | null;
  attributes: Record<string, string>;
}

export function writeShapefile(base: string, features: ShpFeature[], encoding: 'gbk' | 'utf-8', cpg?: string): void {
  const enc = (s: string) => (encoding === 'gbk' ? encodeGbk(s) : new TextEncoder().encode(s));
  const all = features.flatMap((f) => f.parts?.flat() ?? []);
  const box = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
  const contents = features.map((f) => {
    if (!f.parts) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(0, 0);
      return b;
    }
    const pts = f.parts.flat();
    const b = Buffer.alloc(44 + 4 * f.parts.length + 16 * pts.length);
    b.writeInt32LE(3, 0);
    [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(f.parts.length, 36);
    b.writeInt32LE(pts.length, 40);
    let start = 0;
    f.parts.forEach((p, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += p.length;
    });
    pts.forEach((p, i) => {
      b.writeDoubleLE(p[0], 44 + 4 * f.parts!.length + 16 * i);
      b.writeDoubleLE(p[1], 44 + 4 * f.parts!.length + 16 * i + 8);
    });
    return b;
  });
  const header = (words: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(words, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(3, 32);
    box.forEach((v, i) => h.writeDoubleLE(v, 36 + 8 * i));
    return h;
  };
  const shpLen = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shp = [header(shpLen / 2)];
  const shx = [header((100 + 8 * contents.length) / 2)];
  let offset = 100;
  contents.forEach((c, i) => {
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(i + 1, 0);
    rh.writeInt32BE(c.length / 2, 4);
    shp.push(rh, c);
    const xr = Buffer.alloc(8);
    xr.writeInt32BE(offset / 2, 0);
    xr.writeInt32BE(c.length / 2, 4);
    shx.push(xr);
    offset += 8 + c.length;
  });
  writeFileSync(base + '.shp', Buffer.concat(shp));
  writeFileSync(base + '.shx', Buffer.concat(shx));
  // dBASE III: character fields wide enough for the longest value
  const names = [...new Set(features.flatMap((f) => Object.keys(f.attributes)))];
  const widths = names.map((n) => Math.max(1, ...features.map((f) => enc(f.attributes[n] ?? '').length)));
  const headerLen = 32 + 32 * names.length + 1;
  const recLen = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = Buffer.alloc(headerLen + recLen * features.length + 1, 0x20);
  dbf.fill(0, 0, headerLen);
  dbf[0] = 0x03;
  dbf[1] = 125;
  dbf[2] = 1;
  dbf[3] = 1;
  dbf.writeUInt32LE(features.length, 4);
  dbf.writeUInt16LE(headerLen, 8);
  dbf.writeUInt16LE(recLen, 10);
  names.forEach((n, i) => {
    const off = 32 + 32 * i;
    Buffer.from(enc(n)).copy(dbf, off, 0, 10);
    dbf[off + 11] = 'C'.charCodeAt(0);
    dbf[off + 16] = widths[i]!;
  });
  dbf[headerLen - 1] = 0x0d;
  features.forEach((f, r) => {
    let off = headerLen + r * recLen + 1;
    names.forEach((n, i) => {
      Buffer.from(enc(f.attributes[n] ?? '')).copy(dbf, off);
      off += widths[i]!;
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  writeFileSync(base + '.dbf', dbf);
  if (cpg) writeFileSync(base + '.cpg', cpg);
}
