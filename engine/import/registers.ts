/**
 * Registers (名册/台账) as spreadsheets: the header row is found among the first rows (titles above
 * it are allowed), columns are matched by their Chinese or English header, total rows are
 * skipped, merged cells in the data are refused, and every value is checked where it stands
 * (row as Excel numbers it, column as headed). Pure: the shell turns xlsx/CSV into SheetData.
 */
import type { LonLat } from './geo.ts';
import { ProblemList } from './importProblem.ts';

export type Cell = string | number | null;

/** A worksheet: rows[0] is spreadsheet row 1; merges are 1-based inclusive ranges. */
export interface SheetData {
  file: string;
  rows: Cell[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export type FieldType = 'text' | 'number' | 'int' | 'lon' | 'lat' | 'position';

export interface FieldSpec {
  key: string;
  /** the header a template writes (Chinese) and its English twin */
  zh: string;
  en: string;
  /** more headers accepted for this column */
  aliases: readonly string[];
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
}

export interface RegisterSpec {
  id: 'villages' | 'sites' | 'stores' | 'teams' | 'shelters';
  fields: readonly FieldSpec[];
  /** keep columns no field claims (store item quantities) */
  extraColumns?: boolean;
}

export interface RegisterRow {
  /** spreadsheet row, 1-based */
  row: number;
  values: Record<string, string | number | LonLat | undefined>;
  /** header text of each field's column, for messages */
  columns: Record<string, string>;
  /** unclaimed columns: header → raw cell */
  extra: Record<string, Cell>;
}

/** Headers compared without spaces, brackets and units, case-insensitively: "人口（人）" = "人口". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-:：*]/g, '')
    .toLowerCase();
}

const headersOf = (f: FieldSpec) => [f.zh, f.en, ...f.aliases].map(normaliseHeader);

const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

const TOTAL = /^(合\s*计|总\s*计|小\s*计|总数|total|sum|subtotal)$/i;

const colName = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A number from a cell: numbers as they are; text without thousands separators. */
export function parseNumber(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  const s = cellText(c).replace(/[,，\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

export interface RegisterContext {
  /** county bounds for positions, degrees */
  bounds: { minLon: number; maxLon: number; minLat: number; maxLat: number };
}

/** Reads a register; problems are located by file, row and column. Pure. */
export function parseRegister(sheet: SheetData, spec: RegisterSpec, ctx: RegisterContext, problems: ProblemList): RegisterRow[] {
  const file = sheet.file;
  const scan = Math.min(sheet.rows.length, 10);
  let headerRow = -1;
  let colOf = new Map<string, number>();
  let best = 0;
  for (let r = 0; r < scan; r++) {
    const found = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((c, i) => {
      const h = normaliseHeader(cellText(c));
      if (h === '') return;
      const f = spec.fields.find((x) => headersOf(x).includes(h));
      if (f && !found.has(f.key)) found.set(f.key, i);
    });
    if (found.size > best) {
      best = found.size;
      headerRow = r;
      colOf = found;
    }
  }
  const need = spec.fields.filter((f) => f.required).map((f) => f.zh);
  if (headerRow < 0 || best < 2) {
    problems.error(file, 'noHeader', { rows: scan, need: need.join('、') });
    return [];
  }
  const header = (sheet.rows[headerRow] ?? []).map(cellText);
  // duplicates: a second column with a claimed header
  header.forEach((h, i) => {
    const f = spec.fields.find((x) => headersOf(x).includes(normaliseHeader(h)));
    if (f && colOf.get(f.key) !== i) problems.error(file, 'duplicateColumn', { column: h }, { row: headerRow + 1, column: h });
  });
  const hasPos = colOf.has('position') || (colOf.has('lon') && colOf.has('lat'));
  for (const f of spec.fields) {
    if (!f.required || colOf.has(f.key)) continue;
    if ((f.key === 'lon' || f.key === 'lat') && hasPos) continue;
    problems.error(file, 'missingColumn', { column: f.zh, aliases: [f.zh, f.en, ...f.aliases].join('/') }, { row: headerRow + 1 });
  }
  if (problems.items.some((p) => p.file === file && p.severity === 'error')) return [];
  const extraCols = spec.extraColumns
    ? header.map((h, i) => ({ h, i })).filter(({ h, i }) => h !== '' && ![...colOf.values()].includes(i))
    : [];

  // merged cells among the data rows (a merged title above the header is fine)
  const mergedRows = new Set<number>();
  for (const m of sheet.merges) {
    if (m.bottom <= headerRow + 1 || m.bottom === m.top) continue;
    const column = header[m.left - 1] || colName(m.left);
    problems.error(file, 'mergedCells', { range: `${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}` }, { row: m.top, column });
    for (let r = m.top; r <= m.bottom; r++) mergedRows.add(r);
  }

  const out: RegisterRow[] = [];
  const { bounds } = ctx;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    if (cells.every((c) => cellText(c) === '')) continue;
    const first = cells.map(cellText).find((t) => t !== '') ?? '';
    if (TOTAL.test(first)) {
      problems.warn(file, 'totalRow', {}, { row: rowNo });
      continue;
    }
    if (mergedRows.has(rowNo)) continue;
    const values: RegisterRow['values'] = {};
    const columns: Record<string, string> = {};
    let ok = true;
    for (const f of spec.fields) {
      const ci = colOf.get(f.key);
      if (ci === undefined) continue;
      const column = header[ci]!;
      columns[f.key] = column;
      const c = cells[ci] ?? null;
      const text = cellText(c);
      const at = { row: rowNo, column };
      if (text === '') {
        if (f.required && !((f.key === 'lon' || f.key === 'lat') && colOf.has('position') && cellText(cells[colOf.get('position')!] ?? null) !== '')) {
          problems.error(file, 'emptyCell', {}, at);
          ok = false;
        }
        continue;
      }
      if (f.type === 'text') {
        values[f.key] = text;
        continue;
      }
      if (f.type === 'position') {
        const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*[,，;；\s]\s*([-+]?\d+(?:\.\d+)?)\s*$/.exec(text);
        if (!m) {
          problems.error(file, 'badPosition', { value: text }, at);
          ok = false;
          continue;
        }
        const p: LonLat = [Number(m[1]), Number(m[2])];
        if (!inBounds(p[0], bounds.minLon, bounds.maxLon)) {
          problems.error(file, 'outsideCounty', { value: p[0], min: fix2(bounds.minLon), max: fix2(bounds.maxLon) }, at);
          ok = false;
        } else if (!inBounds(p[1], bounds.minLat, bounds.maxLat)) {
          problems.error(file, 'outsideCounty', { value: p[1], min: fix2(bounds.minLat), max: fix2(bounds.maxLat) }, at);
          ok = false;
        } else values[f.key] = p;
        continue;
      }
      const v = parseNumber(c);
      if (v === undefined) {
        problems.error(file, 'notANumber', { value: text }, at);
        ok = false;
        continue;
      }
      if (f.type === 'int' && (!Number.isInteger(v) || v < 0)) {
        problems.error(file, 'notAnInteger', { value: text }, at);
        ok = false;
        continue;
      }
      if (f.type === 'lon' || f.type === 'lat') {
        const [lo, hi] = f.type === 'lon' ? [bounds.minLon, bounds.maxLon] : [bounds.minLat, bounds.maxLat];
        if (!inBounds(v, lo, hi)) {
          problems.error(file, 'outsideCounty', { value: v, min: fix2(lo), max: fix2(hi) }, at);
          ok = false;
          continue;
        }
      }
      if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) {
        problems.error(file, 'outOfRange', { value: v, min: f.min ?? '', max: f.max ?? '' }, at);
        ok = false;
        continue;
      }
      values[f.key] = v;
    }
    if (values.position === undefined && typeof values.lon === 'number' && typeof values.lat === 'number') values.position = [values.lon, values.lat];
    if (values.position !== undefined && !columns.position) columns.position = `${columns.lon ?? ''}/${columns.lat ?? ''}`;
    const extra: Record<string, Cell> = {};
    for (const { h, i } of extraCols) extra[h] = cells[i] ?? null;
    if (ok) out.push({ row: rowNo, values, columns, extra });
  }
  return out;
}

const inBounds = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
const fix2 = (x: number) => x.toFixed(2);
