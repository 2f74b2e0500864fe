/**
 * The file side of `yanlian import`: reads a road layer (with a shapefile's .dbf, .cpg and .prj
 * beside it), a register or a DEM from disk and hands the bytes to the shared byte readers
 * (src/import/importBytes.ts, which the planner workbench runs in the browser too). A file that
 * cannot be read becomes a located problem, never a throw.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ProblemList } from '../../engine/import/importProblem.ts';
import type { SheetData } from '../../engine/import/registers.ts';
import { errText, readDemBytes, readRoadsBytes, readSheetBytes, type DemRead, type NamedBytes, type RoadsRead, type ShapefileSiblings } from '../import/importBytes.ts';

const named = (path: string): NamedBytes => ({ name: basename(path), bytes: readFileSync(path) });

/** Road features of a .geojson/.json or .shp (+ .dbf, .cpg, .prj beside it, either case). `note` says which attribute encoding was used. */
export async function readRoads(path: string, problems: ProblemList): Promise<RoadsRead | undefined> {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.geojson' || ext === '.json') {
    let main: NamedBytes;
    try {
      main = named(path);
    } catch (e) {
      problems.error(file, 'unreadable', { detail: errText(e) });
      return undefined;
    }
    return readRoadsBytes(main, {}, problems);
  }
  if (ext === '.shp') {
    const base = path.slice(0, -4);
    const sibling = (x: string) => [base + x, base + x.toUpperCase()].find((p) => existsSync(p));
    let main: NamedBytes;
    const siblings: ShapefileSiblings = {};
    try {
      main = named(path);
      for (const k of ['dbf', 'cpg', 'prj'] as const) {
        const p = sibling(`.${k}`);
        if (p) siblings[k] = named(p);
      }
    } catch (e) {
      problems.error(file, 'badShapefile', { detail: errText(e) });
      return undefined;
    }
    return readRoadsBytes(main, siblings, problems);
  }
  return readRoadsBytes({ name: file, bytes: new Uint8Array() }, {}, problems);
}

/** The first worksheet of an .xlsx, a .csv (UTF-8 with or without BOM, or GBK) or a GeoJSON point layer, as rows of cells. */
export async function readSheet(path: string, problems: ProblemList): Promise<SheetData | undefined> {
  let f: NamedBytes;
  try {
    f = named(path);
  } catch (e) {
    problems.error(basename(path), 'unreadable', { detail: errText(e) });
    return undefined;
  }
  return readSheetBytes(f, problems);
}

/** A GeoTIFF DEM in longitude–latitude (EPSG:4326/4490): elevation of the nearest cell, m. */
export async function readDem(path: string, problems: ProblemList): Promise<DemRead | undefined> {
  let f: NamedBytes;
  try {
    f = named(path);
  } catch (e) {
    problems.error(basename(path), 'badTiff', { detail: errText(e) });
    return undefined;
  }
  return readDemBytes(f, problems);
}
