import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getAt } from '../../src/app/planner/planDoc.ts';
import { csvSheet, tableCsv, tablesXlsx, xlsxSheets } from '../../src/app/planner/planSheets.ts';
import { applyTables, colLetter, planTables, sheetErrorText, SHEETS } from '../../src/app/planner/planTables.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const lezhi = () => parse(readFileSync(`${ROOT}scenarios/lezhi-rainstorm.yaml`, 'utf8')) as Record<string, any>;

describe('the plan as spreadsheets', () => {
  it('column letters', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(colLetter)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('exports stores (stock per item), teams and shelters, and reads its own export back with no change', async () => {
    const doc = lezhi();
    const tables = planTables(doc);
    expect(tables.map((t) => t.sheet)).toEqual([SHEETS.stores, SHEETS.teams, SHEETS.shelters]);
    expect(tables[0]!.rows.length).toBe(doc.reserves.warehouses.length);
    expect(tables[0]!.header).toContain('库存·食品（food）'.replace('食品', doc.reserves.items.find((i: any) => i.id === 'food').name.zh));
    const csv = tableCsv(tables[0]!);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').length).toBe(tables[0]!.rows.length + 2);
    const back = csvSheet(csv, tables, 'x');
    expect(back.sheet).toBe(SHEETS.stores);
    const r = applyTables(doc, [back]);
    expect(r.ok && r.changed).toEqual([]);
    const xlsx = await tablesXlsx(tables);
    const sheets = await xlsxSheets(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(tables.map((t) => t.sheet));
    const r2 = applyTables(doc, sheets);
    expect(r2.ok && r2.changed).toEqual([]);
  }, 60_000);

  it('an edited workbook raises one township store’s food stock', async () => {
    const doc = lezhi();
    const tables = planTables(doc);
    const sheets = await xlsxSheets(await tablesXlsx(tables));
    const stores = sheets[0]!;
    const row = doc.reserves.warehouses.findIndex((w: any) => w.tier === 'township');
    const col = stores.header.findIndex((h) => h.endsWith('（food）'));
    stores.rows[row]![col] = '9999';
    const r = applyTables(doc, [stores]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed).toEqual([['reserves', 'warehouses', row, 'stock', 'food']]);
    expect(getAt(r.doc, ['reserves', 'warehouses', row, 'stock', 'food'])).toBe(9999);
  }, 60_000);

  it('a bad sheet gets errors by sheet, row and column, and nothing is applied', () => {
    const doc = lezhi();
    const tables = planTables(doc);
    const stores = csvSheet(tableCsv(tables[0]!), tables, 'x');
    const col = stores.header.findIndex((h) => h.endsWith('（food）'));
    stores.rows[5]![col] = '五十';
    stores.rows[6]![0] = 'wh-nowhere';
    const teams = csvSheet(tableCsv(tables[1]!), tables, 'x');
    teams.rows[0]![2] = '省级';
    const r = applyTables(doc, [stores, teams]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(sheetErrorText)).toEqual([
      `储备库!${colLetter(col)}7：数量应为非负整数，实际为「五十」`,
      '储备库!A8：预案中没有编号为「wh-nowhere」的一项（表格只能修改已有的项）',
      '救援队伍!C2：层级应为 「县级」、「乡镇」、「村」、「专业队伍」 之一，实际为「省级」',
    ]);
  });
});
