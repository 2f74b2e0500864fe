import Papa from 'papaparse';
import type { PlanTable, SheetIn } from './planTables.ts';
import type { CellFormat, SummaryTable } from './summaryTables.ts';

/** CSV as Excel and WPS open it: UTF-8 with a byte-order mark, CRLF line ends. Pure. */
export function tableCsv(t: PlanTable): string {
  return '\uFEFF' + Papa.unparse([t.header, ...t.rows.map((r) => r.map(String))], { newline: '\r\n' }) + '\r\n';
}

/**
 * A CSV file read back as a sheet: which of the plan's tables it is comes from its header (the
 * table whose column heads it shares most), so a renamed file still imports. Pure.
 */
export function csvSheet(text: string, tables: readonly PlanTable[], fallbackName: string): SheetIn {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const score = (t: PlanTable) => t.header.filter((h) => header.map((x) => x.trim()).includes(h)).length;
  const best = [...tables].sort((a, b) => score(b) - score(a))[0];
  return { sheet: best && score(best) > 1 ? best.sheet : fallbackName, header, rows };
}

/** exceljs, loaded on first use (about 1 MB: the workbench's first paint does not wait for it). */
async function excel(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  return mod.default ?? mod;
}

/** The tables as an .xlsx workbook, one worksheet each, the header bold and frozen. */
export async function tablesXlsx(tables: readonly PlanTable[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yanlian 规划工作台';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = Math.max(10, Math.min(40, t.header[i]!.length * 2 + 4))));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An .xlsx workbook read back: every worksheet as a sheet of text cells (as Excel shows them). */
export async function xlsxSheets(bytes: Uint8Array): Promise<SheetIn[]> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: width }, (_, i) => row.getCell(i + 1).text ?? '');
    });
    const all = Array.from({ length: rows.length }, (_, i) => rows[i] ?? Array.from({ length: width }, () => ''));
    const [header = [], ...body] = all;
    return { sheet: ws.name, header, rows: body };
  });
}

const NUM_FMT: Record<CellFormat, string | undefined> = { pct: '0.0%', hours: '0.00', int: '0', plain: undefined };

/** The summary's tables (summaryTables.ts) as an .xlsx workbook: a sheet per table, the header bold and frozen, numbers as numbers with their format. */
export async function summaryXlsx(tables: readonly SummaryTable[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'yanlian 规划工作台';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? Math.max(12, Math.min(48, Math.max(...t.rows.map((r) => String(r[0] ?? '').length)) * 2)) : Math.max(10, Math.min(28, t.header[i]!.length * 2 + 2));
      const f = NUM_FMT[t.formats[i] ?? 'plain'];
      if (f) c.numFmt = f;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
