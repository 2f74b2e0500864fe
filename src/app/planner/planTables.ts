import { getAt, setAt, type PlanPath } from './planDoc.ts';

/** A table of the plan as a sheet: its name, column heads and rows of cells. */
export interface PlanTable {
  sheet: string;
  header: string[];
  rows: (string | number)[][];
}

/** A sheet as read back (every cell as text). */
export interface SheetIn {
  sheet: string;
  header: string[];
  rows: string[][];
}

/** A located problem in a sheet: sheet name, 1-based row (the header is row 1) and column letter. */
export interface SheetError {
  sheet: string;
  row: number;
  col: string;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A column's spreadsheet letter (0 → A, 26 → AA). Pure. */
export function colLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const SHEETS = { stores: '储备库', teams: '救援队伍', shelters: '避难场所' } as const;

const TIERS: Record<string, string> = { county: '县级库', township: '乡镇库', village: '村储备点', agreement: '协议代储' };
const TEAM_TIERS: Record<string, string> = { county: '县级', township: '乡镇', village: '村', professional: '专业队伍' };
const CAPS: Record<string, string> = { clearing: '抢通', rescue: '救援', fireSuppression: '扑火' };

interface Col {
  head: string;
  /** path inside the element */
  path: string[];
  kind: 'id' | 'text' | 'int' | 'fraction' | 'tier' | 'list';
  labels?: Record<string, string>;
  optional?: boolean;
}

interface TableSpec {
  sheet: string;
  /** the list in the plan */
  at: PlanPath;
  cols: Col[];
}

/** The county plan's tables: stores with their stock per item, teams, shelters. Pure. */
function specs(doc: unknown): TableSpec[] {
  const items = (getAt(doc, ['reserves', 'items']) as { id: string; name: { zh: string } }[] | undefined) ?? [];
  return [
    {
      sheet: SHEETS.stores,
      at: ['reserves', 'warehouses'],
      cols: [
        { head: '编号', path: ['id'], kind: 'id' },
        { head: '名称', path: ['name', 'zh'], kind: 'text' },
        { head: '层级', path: ['tier'], kind: 'tier', labels: TIERS },
        { head: '补货点（初始库存比例）', path: ['reorderFraction'], kind: 'fraction' },
        ...items.map((it): Col => ({ head: `库存·${it.name.zh}（${it.id}）`, path: ['stock', it.id], kind: 'int', optional: true })),
      ],
    },
    {
      sheet: SHEETS.teams,
      at: ['teams'],
      cols: [
        { head: '编号', path: ['id'], kind: 'id' },
        { head: '名称', path: ['name', 'zh'], kind: 'text' },
        { head: '层级', path: ['tier'], kind: 'tier', labels: TEAM_TIERS },
        { head: '人数', path: ['size'], kind: 'int' },
        { head: '能力（顿号分隔）', path: ['capabilities'], kind: 'list', labels: CAPS },
      ],
    },
    {
      sheet: SHEETS.shelters,
      at: ['shelters'],
      cols: [
        { head: '编号', path: ['id'], kind: 'id' },
        { head: '名称', path: ['name', 'zh'], kind: 'text' },
        { head: '容纳人数', path: ['capacity'], kind: 'int' },
      ],
    },
  ];
}

/** The plan's stores, teams and shelters as tables (a building plan has none). Pure. */
export function planTables(doc: unknown): PlanTable[] {
  if (!Array.isArray(getAt(doc, ['reserves', 'warehouses']))) return [];
  return specs(doc).map((t) => {
    const list = (getAt(doc, t.at) as unknown[] | undefined) ?? [];
    return {
      sheet: t.sheet,
      header: t.cols.map((c) => c.head),
      rows: list.map((el) =>
        t.cols.map((c) => {
          const v = getAt(el, c.path);
          if (c.kind === 'tier') return c.labels?.[String(v)] ?? String(v ?? '');
          if (c.kind === 'list') return Array.isArray(v) ? v.map((x) => c.labels?.[String(x)] ?? String(x)).join('、') : '';
          return typeof v === 'number' || typeof v === 'string' ? v : '';
        }),
      ),
    };
  });
}

/**
 * Applies sheets read back from a workbook or CSV to the plan: each row updates the element with
 * its 编号 (rows are matched by id; unknown ids and missing sheets' columns are errors). Every
 * cell is checked first — "储备库!C7：数量应为非负整数，实际为「五十」" — and nothing is applied
 * unless every sheet given is valid. Returns the new plan and the paths it changed. Pure.
 */
export function applyTables(doc: unknown, sheets: readonly SheetIn[]): { ok: true; doc: unknown; changed: PlanPath[] } | { ok: false; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const sets: { path: PlanPath; value: unknown }[] = [];
  const all = specs(doc);
  for (const sh of sheets) {
    const spec = all.find((s) => s.sheet === sh.sheet.trim());
    if (!spec) {
      errors.push({ sheet: sh.sheet, row: 1, col: 'A', message: `未知的工作表，应为 ${all.map((s) => `「${s.sheet}」`).join('、')} 之一` });
      continue;
    }
    const list = (getAt(doc, spec.at) as Record<string, unknown>[] | undefined) ?? [];
    const header = sh.header.map((h) => h.trim());
    const colAt = new Map<Col, number>();
    for (const c of spec.cols) {
      const i = header.indexOf(c.head);
      if (i >= 0) colAt.set(c, i);
      else if (c.kind === 'id') errors.push({ sheet: sh.sheet, row: 1, col: colLetter(header.length), message: `缺少「${c.head}」列` });
    }
    header.forEach((h, i) => h !== '' && !spec.cols.some((c) => c.head === h) && errors.push({ sheet: sh.sheet, row: 1, col: colLetter(i), message: `未知的列「${h}」` }));
    const idCol = spec.cols[0]!;
    if (!colAt.has(idCol)) continue;
    const seen = new Set<string>();
    sh.rows.forEach((cells, r) => {
      const row = r + 2;
      if (cells.every((c) => c.trim() === '')) return;
      const at = (c: Col) => colLetter(colAt.get(c)!);
      const id = (cells[colAt.get(idCol)!] ?? '').trim();
      const index = list.findIndex((el) => el.id === id);
      if (index < 0) {
        errors.push({ sheet: sh.sheet, row, col: at(idCol), message: id === '' ? '编号不能为空' : `预案中没有编号为「${id}」的一项（表格只能修改已有的项）` });
        return;
      }
      if (seen.has(id)) errors.push({ sheet: sh.sheet, row, col: at(idCol), message: `编号「${id}」重复出现` });
      seen.add(id);
      for (const [c, i] of colAt) {
        if (c.kind === 'id') continue;
        const raw = (cells[i] ?? '').trim();
        const where = { sheet: sh.sheet, row, col: at(c) };
        const path = [...spec.at, index, ...c.path];
        let value: unknown;
        if (c.kind === 'int') {
          if (raw === '' && c.optional) value = undefined;
          else if (!/^\d+$/.test(raw) || Number(raw) > 1e8) {
            errors.push({ ...where, message: `${c.head.startsWith('库存') ? '数量' : c.head}应为非负整数，实际为「${raw}」` });
            continue;
          } else value = Number(raw);
        } else if (c.kind === 'fraction') {
          const n = Number(raw);
          if (raw === '' || !Number.isFinite(n) || n < 0 || n > 1) {
            errors.push({ ...where, message: `${c.head}应为 0 至 1 之间的数，实际为「${raw}」` });
            continue;
          }
          value = n;
        } else if (c.kind === 'tier') {
          const key = Object.entries(c.labels!).find(([k, v]) => raw === v || raw === k)?.[0];
          if (!key) {
            errors.push({ ...where, message: `层级应为 ${Object.values(c.labels!).map((v) => `「${v}」`).join('、')} 之一，实际为「${raw}」` });
            continue;
          }
          value = key;
        } else if (c.kind === 'list') {
          const parts = raw.split(/[、,，;；\s]+/).filter(Boolean);
          const keys = parts.map((p) => Object.entries(c.labels!).find(([k, v]) => p === v || p === k)?.[0]);
          const bad = parts.find((_, k) => !keys[k]);
          if (bad !== undefined || parts.length === 0) {
            errors.push({ ...where, message: `能力应为 ${Object.values(c.labels!).map((v) => `「${v}」`).join('、')} 中的一项或几项，实际为「${raw}」` });
            continue;
          }
          value = keys;
        } else {
          if (raw === '') {
            errors.push({ ...where, message: `${c.head}不能为空` });
            continue;
          }
          value = raw;
        }
        const before = getAt(doc, path);
        if (JSON.stringify(before) !== JSON.stringify(value)) sets.push({ path, value });
      }
    });
  }
  if (errors.length) return { ok: false, errors };
  let next = doc;
  for (const s of sets) next = setAt(next, s.path, s.value);
  return { ok: true, doc: next, changed: sets.map((s) => s.path) };
}

/** A located error as one line: "储备库!C7：…". Pure. */
export const sheetErrorText = (e: SheetError): string => `${e.sheet}!${e.col}${e.row}：${e.message}`;
