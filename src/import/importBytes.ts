/// <reference path="./shpjs.d.ts" />
/**
 * The byte side of the county import, shared by `yanlian import` (src/cli/importReaders.ts reads
 * the files and passes their bytes) and the planner workbench (src/app/planner/, the files a
 * clerk drops): GeoJSON and ESRI Shapefile road layers, xlsx/CSV/GeoJSON-point registers and a
 * GeoTIFF DEM → the plain data the pure importer (engine/import) takes. Bytes in, data out: no
 * Node or DOM API, only web-standard TextDecoder and the parsing packages (loaded on first use).
 * A file that cannot be read becomes a located problem, never a throw.
 */
import type { RoadFeature } from '../../engine/import/roadLines.ts';
import type { LonLat } from '../../engine/import/geo.ts';
import type { ProblemList } from '../../engine/import/importProblem.ts';
import type { Cell, SheetData } from '../../engine/import/registers.ts';

/** A file as the importer sees it: its name (as problems name it, no folder) and its bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The files that travel with a .shp: attributes, their code page, the coordinate system. */
export interface ShapefileSiblings {
  dbf?: NamedBytes;
  cpg?: NamedBytes;
  prj?: NamedBytes;
}

export type RoadsRead = { features: RoadFeature[]; note?: string };
export type DemRead = { file: string; at(p: LonLat): number | undefined };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file in UTF-8 (BOM dropped) or, when it is not valid UTF-8, GBK; and which. Pure. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: strictUtf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

/** An error's system code (ENOENT) or message, as problems quote it. */
export const errText = (e: unknown): string => (e as { code?: string } | null)?.code ?? (e instanceof Error ? e.message : String(e));

/** Lower-case extension with its dot (`.shp`), or '' (none, or a name that only starts with a dot), as Node's extname. */
export function extOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i).toLowerCase() : '';
}

/** Short text files (.prj, .cpg): UTF-8, trimmed. */
const smallText = (f: NamedBytes) => new TextDecoder().decode(f.bytes).trim();

/**
 * Road features of a .geojson/.json, or a .shp with the siblings given (.dbf attributes, .cpg
 * code page, .prj coordinate system). `note` names the attribute encoding used and any
 * reprojection. Other extensions are refused as unsupported.
 */
export async function readRoadsBytes(main: NamedBytes, siblings: ShapefileSiblings, problems: ProblemList): Promise<RoadsRead | undefined> {
  const file = main.name;
  const ext = extOf(file);
  if (ext === '.geojson' || ext === '.json') {
    let doc: unknown;
    try {
      doc = JSON.parse(decodeText(main.bytes).text);
    } catch (e) {
      problems.error(file, e instanceof SyntaxError ? 'badJson' : 'unreadable', { detail: errText(e) });
      return undefined;
    }
    const d = doc as { type?: string; features?: unknown };
    if (d?.type !== 'FeatureCollection' || !Array.isArray(d.features)) {
      problems.error(file, 'badJson', { detail: 'type must be FeatureCollection with features' });
      return undefined;
    }
    return {
      features: d.features.map((f: { geometry?: RoadFeature['geometry']; properties?: Record<string, unknown> }, index: number) => ({ index, geometry: f?.geometry ?? null, properties: f?.properties ?? null })),
    };
  }
  if (ext === '.shp') {
    try {
      const shpjs = await import('shpjs');
      const prj = siblings.prj ? smallText(siblings.prj) : undefined;
      // a projected .prj (e.g. CGCS2000 / 3-degree Gauss-Kruger) is reprojected to longitude–latitude by proj4 (through shpjs); one proj4 cannot read is refused here
      const crs = prj ? /^(?:PROJCS|GEOGCS)\["([^"]*)"/.exec(prj)?.[1] ?? prj.slice(0, 40) : undefined;
      if (prj) {
        const proj4 = (await import('proj4')).default as unknown as (def: string) => unknown;
        try {
          proj4(prj);
        } catch {
          problems.error(siblings.prj!.name, 'badPrj', { name: crs! });
          return undefined;
        }
      }
      const geoms = shpjs.parseShp(main.bytes, prj) as (RoadFeature['geometry'] | null)[];
      let props: Record<string, unknown>[] = [];
      let note: string | undefined;
      if (siblings.dbf) {
        const dbf = siblings.dbf.bytes;
        const cpg = siblings.cpg ? smallText(siblings.cpg) : undefined;
        const encoding = cpg ? normaliseCpg(cpg) : detectDbfEncoding(dbf);
        props = shpjs.parseDbf(dbf, encoding);
        note = `${siblings.dbf.name}: ${encoding === 'gbk' ? 'GBK' : 'UTF-8'} (${cpg ? `.cpg: ${cpg}` : 'detected'})`;
      }
      if (prj && prj.startsWith('PROJCS')) note = `${note ? `${note}; ` : ''}${siblings.prj!.name}: ${crs} → WGS84 (proj4)`;
      return { features: geoms.map((geometry, index) => ({ index, geometry, properties: props[index] ?? null })), ...(note ? { note } : {}) };
    } catch (e) {
      problems.error(file, 'badShapefile', { detail: errText(e) });
      return undefined;
    }
  }
  problems.error(file, 'unsupportedFormat', { allowed: '.geojson .json .shp' });
  return undefined;
}

/** A .cpg code page → a TextDecoder label: 936/GBK/GB2312/GB18030 → gbk, else utf-8. Pure. */
export function normaliseCpg(cpg: string): 'gbk' | 'utf-8' {
  return /^(ansi\s*)?(936|gbk|gb2312|gb18030|cp936)$/i.test(cpg.trim()) ? 'gbk' : 'utf-8';
}

/** The records of a dBASE III file decode as UTF-8, or else they are GBK (the usual Chinese GIS default). Pure. */
export function detectDbfEncoding(dbf: Uint8Array): 'gbk' | 'utf-8' {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLen = view.getUint16(8, true);
  // field names (11 bytes each) and the records are text; the descriptors' binary bytes are not
  // a field name is at most 10 bytes: a tool that cut a UTF-8 name there may have cut its last character in two, so an
  // incomplete sequence at a name's end does not count against UTF-8 (a wrong byte anywhere else does)
  try {
    for (let off = 32; off + 32 <= headerLen && dbf[off] !== 0x0d; off += 32) {
      const name = dbf.subarray(off, off + 11);
      const end = name.indexOf(0);
      strictUtf8.decode(dropCutSequence(name.subarray(0, end < 0 ? 11 : end)));
    }
    strictUtf8.decode(dbf.subarray(headerLen));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** The bytes without a UTF-8 sequence cut short at their end (a lead byte whose continuation bytes are missing). */
function dropCutSequence(b: Uint8Array): Uint8Array {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const x = b[b.length - k]!;
    if ((x & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return need > k ? b.subarray(0, b.length - k) : b;
  }
  return b;
}

/** The first worksheet of an .xlsx, a .csv/.txt (UTF-8 with or without BOM, or GBK), or a GeoJSON point layer, as rows of cells. */
export async function readSheetBytes(f: NamedBytes, problems: ProblemList): Promise<SheetData | undefined> {
  const file = f.name;
  const ext = extOf(file);
  if (ext === '.csv' || ext === '.txt') {
    const Papa = (await import('papaparse')).default;
    const { text } = decodeText(f.bytes);
    const res = Papa.parse<string[]>(text, { skipEmptyLines: false });
    return { file, rows: res.data.map((r) => r.map((c) => (c === '' ? null : c))), merges: [] };
  }
  if (ext === '.geojson' || ext === '.json') return pointLayerSheet(file, f.bytes, problems);
  if (ext === '.xlsx') {
    try {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) return { file, rows: [], merges: [] };
      const rows: Cell[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: Cell[] = [];
        for (let c = 1; c <= ws.columnCount; c++) cells.push(cellValue(row.getCell(c).value));
        rows.push(cells);
      }
      const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is NonNullable<typeof m> => m !== undefined);
      return { file, rows, merges };
    } catch (e) {
      problems.error(file, 'badXlsx', { detail: errText(e) });
      return undefined;
    }
  }
  problems.error(file, 'unsupportedFormat', { allowed: '.xlsx .csv .geojson' });
  return undefined;
}

/** A GeoJSON point layer (as export-gis writes the registers) as a sheet: the properties' names as the header, then 经度, 纬度 from the point; feature k is row k + 2. */
function pointLayerSheet(file: string, bytes: Uint8Array, problems: ProblemList): SheetData | undefined {
  let doc: { type?: string; features?: { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null }[] };
  try {
    doc = JSON.parse(decodeText(bytes).text) as typeof doc;
  } catch (e) {
    problems.error(file, 'badJson', { detail: errText(e) });
    return undefined;
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    problems.error(file, 'badJson', { detail: 'type must be FeatureCollection with features' });
    return undefined;
  }
  const keys = [...new Set(doc.features.flatMap((f) => Object.keys(f?.properties ?? {})))].filter((k) => !['经度', '纬度'].includes(k));
  const rows: Cell[][] = [[...keys, '经度', '纬度']];
  for (const f of doc.features) {
    const p = f?.properties ?? {};
    const c = f?.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
    const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    rows.push([...keys.map((k) => cell(p[k])), cell(c[0] ?? p['经度']), cell(c[1] ?? p['纬度'])]);
  }
  return { file, rows, merges: [] };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if (o.result !== undefined) return cellValue(o.result);
  if (o.text !== undefined) return cellValue(o.text);
  return String(v);
}

const colNumber = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function parseRange(r: string): SheetData['merges'][number] | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r);
  if (!m) return undefined;
  return { left: colNumber(m[1]!), top: Number(m[2]), right: colNumber(m[3]!), bottom: Number(m[4]) };
}

/** A GeoTIFF DEM in longitude–latitude (EPSG:4326/4490): elevation of the nearest cell, m. */
export async function readDemBytes(f: NamedBytes, problems: ProblemList): Promise<DemRead | undefined> {
  const file = f.name;
  try {
    const { fromArrayBuffer } = await import('geotiff');
    const b = f.bytes;
    const tiff = await fromArrayBuffer(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    const img = await tiff.getImage();
    const [x0, y0, x1, y1] = img.getBoundingBox();
    if (x0! < 73 || x1! > 136 || y0! < 3 || y1! > 54) {
      problems.error(file, 'notLonLat', { x: x0!, y: y0! });
      return undefined;
    }
    const w = img.getWidth();
    const h = img.getHeight();
    const band = (await img.readRasters({ samples: [0] }))[0] as ArrayLike<number>;
    const nodata = img.getGDALNoData();
    return {
      file,
      at: ([lon, lat]) => {
        const i = Math.floor(((lon - x0!) / (x1! - x0!)) * w);
        const j = Math.floor(((y1! - lat) / (y1! - y0!)) * h);
        if (i < 0 || j < 0 || i >= w || j >= h) return undefined;
        const v = band[j * w + i]!;
        return v === nodata || !Number.isFinite(v) ? undefined : v;
      },
    };
  } catch (e) {
    problems.error(file, 'badTiff', { detail: errText(e) });
    return undefined;
  }
}
