/**
 * The files a clerk drops on "新建县域情景", sorted into what `yanlian import` takes: one road layer
 * (.geojson/.json, or .shp with its .dbf/.cpg/.prj of the same base name), the five registers, an
 * optional DEM. Roles are guessed from the file name (the names export-gis and the templates
 * write, and the usual Chinese words) and can be changed by hand. Pure, except the readers it
 * hands on (src/import/importBytes.ts).
 */
import type { LonLat } from '../../../engine/import/geo.ts';
import { REGISTERS } from '../../../engine/import/registerSpecs.ts';
import { normaliseHeader, parseNumber, type SheetData } from '../../../engine/import/registers.ts';
import { extOf, readDemBytes, readRoadsBytes, readSheetBytes, type NamedBytes, type ShapefileSiblings } from '../../import/importBytes.ts';
import { importArgsText, REGISTER_KEYS, type ImportArgs, type ImportSources, type RegisterKey } from '../../import/importCounty.ts';

/** What a dropped file is: an input of the import, a shapefile's companion, or left out. */
export type FileRole = 'roads' | RegisterKey | 'dem' | 'sidecar' | 'ignore';
export const FILE_ROLES: readonly FileRole[] = ['roads', ...REGISTER_KEYS, 'dem', 'sidecar', 'ignore'];

export interface DroppedFile extends NamedBytes {
  role: FileRole;
}

const SIDECARS = new Set(['.dbf', '.cpg', '.prj', '.shx', '.sbn', '.sbx', '.qmd', '.xml']);
const WORDS: [RegisterKey | 'roads', RegExp][] = [
  ['roads', /road|道路|路网|公路|交通/i],
  ['villages', /village|村|社区|人口/i],
  ['sites', /site|hazard|隐患|灾害|地灾|滑坡/i],
  ['stores', /store|warehouse|仓库|物资|储备/i],
  ['teams', /team|队伍|救援队|力量/i],
  ['shelters', /shelter|避难|避险|安置/i],
];

/** The role a file's name suggests (villages.xlsx → villages; 道路.shp → roads; dem.tif → dem). Pure. */
export function guessRole(name: string): FileRole {
  const ext = extOf(name);
  if (SIDECARS.has(ext)) return 'sidecar';
  if (ext === '.tif' || ext === '.tiff') return 'dem';
  if (ext === '.shp') return 'roads';
  const word = WORDS.find(([, re]) => re.test(name))?.[0];
  if (ext === '.geojson' || ext === '.json') return word ?? 'roads';
  if (ext === '.xlsx' || ext === '.csv' || ext === '.txt') return word && word !== 'roads' ? word : 'ignore';
  return 'ignore';
}

export type SourcesResult = { ok: true; sources: ImportSources; args: Omit<ImportArgs, 'division' | 'template'> } | { ok: false; reason: 'noRoads' | 'twoRoads' | 'twice'; role?: FileRole };

const stem = (name: string) => name.slice(0, name.length - extOf(name).length).toLowerCase();

/**
 * The import's inputs from the dropped files: exactly one road layer and at most one file per
 * register and DEM; a .shp takes the companions of its own base name. Pure.
 */
export function importSources(files: readonly DroppedFile[]): SourcesResult {
  const of = (role: FileRole) => files.filter((f) => f.role === role);
  const roads = of('roads');
  if (roads.length === 0) return { ok: false, reason: 'noRoads' };
  if (roads.length > 1) return { ok: false, reason: 'twoRoads' };
  for (const r of [...REGISTER_KEYS, 'dem'] as const) if (of(r).length > 1) return { ok: false, reason: 'twice', role: r };
  const main = roads[0]!;
  const siblings: ShapefileSiblings = {};
  if (extOf(main.name) === '.shp')
    for (const k of ['dbf', 'cpg', 'prj'] as const) {
      const f = files.find((x) => x.role === 'sidecar' && stem(x.name) === stem(main.name) && extOf(x.name) === `.${k}`);
      if (f) siblings[k] = f;
    }
  const registers: ImportSources['registers'] = {};
  const args: Omit<ImportArgs, 'division' | 'template'> = { roads: main.name };
  for (const k of REGISTER_KEYS) {
    const f = of(k)[0];
    if (!f) continue;
    registers[k] = (p) => readSheetBytes(f, p);
    args[k] = f.name;
  }
  const dem = of('dem')[0];
  if (dem) args.dem = dem.name;
  return {
    ok: true,
    args,
    sources: { roads: { file: main.name, read: (p) => readRoadsBytes(main, siblings, p) }, registers, ...(dem ? { dem: (p) => readDemBytes(dem, p) } : {}) },
  };
}

/** The `yanlian import` command that writes the same YAML from the same files in one folder. Pure. */
export function importCommandText(args: ImportArgs, out: string, o: { snapM?: number; bufferM?: number }): string {
  const extra = [...(o.snapM !== undefined ? ['--snap', String(o.snapM)] : []), ...(o.bufferM !== undefined ? ['--buffer', String(o.bufferM)] : [])];
  return ['yanlian import', importArgsText(args), ...extra, '--out', out].join(' ');
}

const LON_HEADERS = ['lon', 'lat', 'position'].map((k) => {
  const f = REGISTERS.villages.fields.find((x) => x.key === k)!;
  return new Set([f.zh, f.en, ...f.aliases].map(normaliseHeader));
});

/**
 * Where each data row of a register lies, for the map: row (1-based, as problems name it) →
 * longitude–latitude, from the 经度/纬度 or 经纬度 columns under the header (first 10 rows
 * searched). A row whose position does not read is left out. Pure.
 */
export function rowPositions(sheet: SheetData): Map<number, LonLat> {
  const out = new Map<number, LonLat>();
  const [lonH, latH, posH] = LON_HEADERS as [Set<string>, Set<string>, Set<string>];
  for (let r = 0; r < Math.min(10, sheet.rows.length); r++) {
    const heads = (sheet.rows[r] ?? []).map((c) => normaliseHeader(c === null ? '' : String(c).trim()));
    const lon = heads.findIndex((h) => lonH.has(h));
    const lat = heads.findIndex((h) => latH.has(h));
    const pos = heads.findIndex((h) => posH.has(h));
    if ((lon < 0 || lat < 0) && pos < 0) continue;
    for (let i = r + 1; i < sheet.rows.length; i++) {
      const row = sheet.rows[i] ?? [];
      let p: [number | undefined, number | undefined] = [undefined, undefined];
      if (lon >= 0 && lat >= 0) p = [parseNumber(row[lon] ?? null), parseNumber(row[lat] ?? null)];
      else {
        const m = /^\s*([-+\d.]+)\s*[,，\s]\s*([-+\d.]+)\s*$/.exec(String(row[pos] ?? ''));
        if (m) p = [Number(m[1]), Number(m[2])];
      }
      if (p[0] !== undefined && p[1] !== undefined && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.set(i + 1, [p[0], p[1]]);
    }
    break;
  }
  return out;
}
