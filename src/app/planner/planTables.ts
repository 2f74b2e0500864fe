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
  kind: 'id' | 'text' | 'int' | 'fraction' | 'tier' | 'list' | 'node' | 'ref';
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
        { head: '所在节点', path: ['node'], kind: 'node' },
        { head: '上级库（编号）', path: ['parent'], kind: 'ref', optional: true },
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
        { head: '驻地节点', path: ['node'], kind: 'node' },
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
        { head: '所在节点', path: ['node'], kind: 'node' },
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

/** A row that added a new element: where it was, its id, and the element its other settings were copied from. */
export interface AddedRow {
  sheet: string;
  row: number;
  id: string;
  /** id of the element of the same tier (or the first element) whose settings the sheet does not hold (lead times, loading, mobilisation) were copied */
  like: string;
}

/** The instructions sheet of the template: read, never applied. */
export const NOTES_SHEET = '填写说明';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Applies sheets read back from a workbook or CSV to the plan: each row updates the element with
 * its 编号, and a row with a new 编号 adds a store, team or shelter — its columns all filled, the
 * settings a sheet does not hold (resupply and loading times, mobilisation, …) copied from the
 * first element of the same tier (the first of the list for shelters) and said so. Every cell is
 * checked first — "储备库!C7：数量应为非负整数，实际为「五十」", nodes must be in the road
 * network, a parent must be a store — and nothing is applied unless every sheet given is valid.
 * Returns the new plan, the paths it changed and the rows it added. Pure.
 */
export function applyTables(
  doc: unknown,
  sheets: readonly SheetIn[],
): { ok: true; doc: unknown; changed: PlanPath[]; added: AddedRow[] } | { ok: false; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const sets: { path: PlanPath; value: unknown }[] = [];
  const added: AddedRow[] = [];
  const all = specs(doc);
  const nodes = new Set(((getAt(doc, ['roads', 'nodes']) as { id: string }[] | undefined) ?? []).map((n) => n.id));
  const storeIds = new Set(((getAt(doc, ['reserves', 'warehouses']) as { id: string }[] | undefined) ?? []).map((w) => w.id));
  // stores added by a sheet may be parents of others in the same file
  for (const sh of sheets) {
    if (sh.sheet.trim() !== SHEETS.stores) continue;
    const i = sh.header.map((h) => h.trim()).indexOf('编号');
    if (i >= 0) for (const r of sh.rows) if ((r[i] ?? '').trim()) storeIds.add((r[i] ?? '').trim());
  }
  for (const sh of sheets) {
    if (sh.sheet.trim() === NOTES_SHEET) continue;
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
    let appended = 0;
    sh.rows.forEach((cells, r) => {
      const row = r + 2;
      if (cells.every((c) => c.trim() === '')) return;
      const at = (c: Col) => colLetter(colAt.get(c)!);
      const id = (cells[colAt.get(idCol)!] ?? '').trim();
      if (id === '') {
        errors.push({ sheet: sh.sheet, row, col: at(idCol), message: '编号不能为空' });
        return;
      }
      if (seen.has(id)) {
        errors.push({ sheet: sh.sheet, row, col: at(idCol), message: `编号「${id}」重复出现` });
        return;
      }
      seen.add(id);
      let index = list.findIndex((el) => el.id === id);
      let element: Record<string, unknown> | null = null;
      if (index < 0) {
        // a new element: every column must be there, the id well formed
        if (!ID_RE.test(id)) {
          errors.push({ sheet: sh.sheet, row, col: at(idCol), message: `新编号「${id}」只能用字母、数字、连字符、下划线和点，且以字母或数字开头` });
          return;
        }
        const missing = spec.cols.filter((c) => !c.optional && !colAt.has(c));
        if (missing.length) {
          errors.push({ sheet: sh.sheet, row, col: at(idCol), message: `新增「${id}」需要填写 ${missing.map((c) => `「${c.head}」`).join('、')} 列` });
          return;
        }
        const tierCol = spec.cols.find((c) => c.kind === 'tier');
        const tierRaw = tierCol ? (cells[colAt.get(tierCol)!] ?? '').trim() : '';
        const tierKey = tierCol ? Object.entries(tierCol.labels!).find(([k, v]) => tierRaw === v || tierRaw === k)?.[0] : undefined;
        const like = (tierKey && list.find((el) => el.tier === tierKey)) || list[0];
        if (!like) {
          errors.push({ sheet: sh.sheet, row, col: at(idCol), message: `预案中没有可参照的一项，无法新增「${id}」` });
          return;
        }
        element = structuredClone(like);
        delete element.stock;
        delete element.parent;
        element.id = id;
        index = list.length + appended++;
        added.push({ sheet: sh.sheet, row, id, like: String(like.id) });
      }
      const draft: { path: PlanPath; value: unknown }[] = [];
      for (const [c, i] of colAt) {
        if (c.kind === 'id') continue;
        const raw = (cells[i] ?? '').trim();
        const where = { sheet: sh.sheet, row, col: at(c) };
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
        } else if (c.kind === 'node') {
          if (!nodes.has(raw)) {
            errors.push({ ...where, message: raw === '' ? `${c.head}不能为空` : `路网中没有节点「${raw}」` });
            continue;
          }
          value = raw;
        } else if (c.kind === 'ref') {
          if (raw !== '' && (!storeIds.has(raw) || raw === id)) {
            errors.push({ ...where, message: raw === id ? '上级库不能是它自己' : `没有编号为「${raw}」的储备库` });
            continue;
          }
          value = raw === '' ? undefined : raw;
        } else {
          if (raw === '') {
            errors.push({ ...where, message: `${c.head}不能为空` });
            continue;
          }
          value = raw;
        }
        draft.push({ path: c.path, value });
      }
      if (element) {
        // a new element is one change: the copied settings with the sheet's cells on top (the English name is the Chinese one until edited)
        let el: unknown = element;
        for (const d of draft) el = setAt(el, d.path, d.value);
        const nm = getAt(el, ['name', 'zh']);
        if (typeof nm === 'string') el = setAt(el, ['name', 'en'], nm);
        sets.push({ path: [...spec.at, index], value: el });
        return;
      }
      for (const d of draft) {
        const path = [...spec.at, index, ...d.path];
        if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(d.value)) sets.push({ path, value: d.value });
      }
    });
  }
  if (errors.length) return { ok: false, errors };
  let next = doc;
  for (const s of sets) next = setAt(next, s.path, s.value);
  return { ok: true, doc: next, changed: sets.map((s) => s.path), added };
}

/** The tables with their heads and no rows, and a 填写说明 sheet saying what each column takes: the blank template. Pure. */
export function templateTables(doc: unknown): PlanTable[] {
  const all = specs(doc);
  if (!Array.isArray(getAt(doc, ['reserves', 'warehouses']))) return [];
  const what = (c: Col): string => {
    if (c.kind === 'id') return '已有编号修改该项；新编号新增一项（字母、数字、连字符）';
    if (c.kind === 'tier' || c.kind === 'list') return `${c.kind === 'list' ? '一项或几项（顿号分隔）' : '之一'}：${Object.values(c.labels!).join('、')}`;
    if (c.kind === 'node') return '路网节点编号（如 n-t101）';
    if (c.kind === 'ref') return '上级储备库的编号；县级库留空';
    if (c.kind === 'fraction') return '0 至 1 之间的数';
    if (c.kind === 'int') return c.optional ? '非负整数；留空表示不储备' : '非负整数';
    return '文字';
  };
  return [
    ...all.map((t) => ({ sheet: t.sheet, header: t.cols.map((c) => c.head), rows: [] })),
    {
      sheet: NOTES_SHEET,
      header: ['工作表', '列', '填写'],
      rows: [
        ...all.flatMap((t) => t.cols.map((c) => [t.sheet, c.head, what(c)])),
        ['（全部）', '', '新增的一行，表格中没有的参数（补货周期、装车时间、动员时间等）取自同层级的第一项，导入后可在表单中修改；有任何错误时不做任何修改'],
      ],
    },
  ];
}

/** A located error as one line: "储备库!C7：…". Pure. */
export const sheetErrorText = (e: SheetError): string => `${e.sheet}!${e.col}${e.row}：${e.message}`;
