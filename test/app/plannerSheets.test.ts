import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getAt } from '../../src/app/planner/planDoc.ts';
import { csvSheet, tableCsv, tablesXlsx, xlsxSheets } from '../../src/app/planner/planSheets.ts';
import { applyTables, colLetter, NOTES_SHEET, planTables, sheetErrorText, SHEETS, templateTables } from '../../src/app/planner/planTables.ts';
import { summaryXlsx } from '../../src/app/planner/planSheets.ts';
import { summaryTables } from '../../src/app/planner/summaryTables.ts';

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
  }, 180_000);

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
  }, 180_000);

  it('a bad sheet gets errors by sheet, row and column, and nothing is applied', () => {
    const doc = lezhi();
    const tables = planTables(doc);
    const stores = csvSheet(tableCsv(tables[0]!), tables, 'x');
    const col = stores.header.findIndex((h) => h.endsWith('（food）'));
    stores.rows[5]![col] = '五十';
    stores.rows[6]![0] = 'wh 新库';
    const node = stores.header.indexOf('所在节点');
    stores.rows[7]![node] = 'n-nowhere';
    const teams = csvSheet(tableCsv(tables[1]!), tables, 'x');
    teams.rows[0]![2] = '省级';
    const r = applyTables(doc, [stores, teams]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(sheetErrorText)).toEqual([
      `储备库!${colLetter(col)}7：数量应为非负整数，实际为「五十」`,
      '储备库!A8：新编号「wh 新库」只能用字母、数字、连字符、下划线和点，且以字母或数字开头',
      `储备库!${colLetter(node)}9：路网中没有节点「n-nowhere」`,
      '救援队伍!C2：层级应为 「县级」、「乡镇」、「村」、「专业队伍」 之一，实际为「省级」',
    ]);
  });

  it('the blank template, filled in, adds a village store, a team and a shelter; settings the sheet lacks come from one of the same tier', async () => {
    const doc = lezhi();
    const tpl = templateTables(doc);
    expect(tpl.map((t) => t.sheet)).toEqual([SHEETS.stores, SHEETS.teams, SHEETS.shelters, NOTES_SHEET]);
    expect(tpl.slice(0, 3).every((t) => t.rows.length === 0)).toBe(true);
    const sheets = await xlsxSheets(await tablesXlsx(tpl));
    const [stores, teams, shelters] = sheets;
    const cell = (sh: typeof stores, head: string, v: string, row: string[]) => (row[sh!.header.indexOf(head)] = v);
    const row = (sh: typeof stores, cells: Record<string, string>) => {
      const r = sh!.header.map(() => '');
      for (const [h, v] of Object.entries(cells)) cell(sh, h, v, r);
      sh!.rows.push(r);
    };
    const food = stores!.header.find((h) => h.endsWith('（food）'))!;
    const village = doc.reserves.warehouses.find((w: any) => w.tier === 'village');
    row(stores, { 编号: 'wh-new-1', 名称: '新建村储备点', 层级: '村储备点', 所在节点: village.node, '上级库（编号）': village.parent, '补货点（初始库存比例）': '0.25', [food]: '120' });
    row(teams, { 编号: 'team-new-1', 名称: '新建抢险队', 层级: '乡镇', 驻地节点: 'n-t101', 人数: '20', '能力（顿号分隔）': '抢通、救援' });
    row(shelters, { 编号: 'sh-new-1', 名称: '新建避难场所', 所在节点: 'n-t101', 容纳人数: '800' });
    const r = applyTables(doc, sheets);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added.map((a) => [a.sheet, a.row, a.id, a.like])).toEqual([
      [SHEETS.stores, 2, 'wh-new-1', village.id],
      [SHEETS.teams, 2, 'team-new-1', doc.teams.find((t: any) => t.tier === 'township').id],
      [SHEETS.shelters, 2, 'sh-new-1', doc.shelters[0].id],
    ]);
    const n = doc.reserves.warehouses.length;
    expect(r.changed).toEqual([['reserves', 'warehouses', n], ['teams', doc.teams.length], ['shelters', doc.shelters.length]]);
    const wh = getAt(r.doc, ['reserves', 'warehouses', n]) as any;
    expect(wh).toMatchObject({ id: 'wh-new-1', tier: 'village', node: village.node, parent: village.parent, reorderFraction: 0.25, stock: { food: 120 }, name: { zh: '新建村储备点', en: '新建村储备点' } });
    expect(wh.resupplyLeadHours).toEqual(village.resupplyLeadHours);
    // the engine's loader accepts the plan with the three added
    const { loadAnyScenario } = await import('../../engine/evacuation/loadAnyScenario.ts');
    const { stringify } = await import('yaml');
    const loaded = loadAnyScenario(stringify(r.doc), 'plan.yaml', 'zh');
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message)).toEqual([]);
  }, 180_000);

  it('a new row missing a column or naming a parent that is no store is refused at its cell, and nothing is added', () => {
    const doc = lezhi();
    const [stores] = planTables(doc);
    const head = stores!.header;
    const sheet = { sheet: SHEETS.stores, header: head.filter((h) => h !== '所在节点'), rows: [head.filter((h) => h !== '所在节点').map((h) => (h === '编号' ? 'wh-x' : h === '层级' ? '乡镇库' : h === '名称' ? 'x' : h === '补货点（初始库存比例）' ? '0.3' : ''))] };
    const r = applyTables(doc, [sheet]);
    expect(!r.ok && r.errors.map(sheetErrorText)).toEqual(['储备库!A2：新增「wh-x」需要填写 「所在节点」 列']);
    const full = { sheet: SHEETS.stores, header: head, rows: [head.map((h) => (h === '编号' ? 'wh-y' : h === '层级' ? '乡镇库' : h === '名称' ? 'y' : h === '所在节点' ? 'n-t101' : h === '上级库（编号）' ? 'wh-none' : h === '补货点（初始库存比例）' ? '0.3' : ''))] };
    const r2 = applyTables(doc, [full]);
    expect(!r2.ok && r2.errors.map(sheetErrorText)).toEqual([`储备库!${colLetter(head.indexOf('上级库（编号）'))}2：没有编号为「wh-none」的储备库`]);
  });
});

describe('the summary as a workbook', () => {
  it('a sheet per table, Chinese heads, numbers as numbers with percent formats', async () => {
    const { readFileSync: rf } = await import('node:fs');
    const s = JSON.parse(rf(`${ROOT}scenarios/expected/lezhi-rainstorm.summary.json`, 'utf8'));
    const tables = summaryTables(s, 'zh');
    expect(tables.map((t) => t.sheet)).toEqual(['概况', '物资缺货', '分级缺货', '目标达成', '响应级别', '干线公路', '影响']);
    const bytes = await summaryXlsx(tables);
    const ExcelJS = ((await import('exceljs')) as any).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet('物资缺货');
    expect(ws.getRow(1).getCell(4).value).toBe('缺货概率');
    const food = s.reserves.items.findIndex((i: any) => i.id === 'food');
    const p = ws.getRow(food + 2).getCell(4);
    expect(typeof p.value).toBe('number');
    expect(p.value).toBe(s.reserves.items[food].stockoutProbability.estimate);
    expect(p.numFmt).toBe('0.0%');
    expect(wb.getWorksheet('目标达成').getRow(2).getCell(2).value).toBe(s.targets[0].hours);
    expect(summaryTables(s, 'en')[1]!.header[3]).toBe('P(stock-out)');
  }, 180_000);
});
