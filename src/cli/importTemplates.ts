/**
 * `yanlian import --templates DIR`: one empty register workbook per kind (villages.xlsx, sites.xlsx,
 * stores.xlsx, teams.xlsx, shelters.xlsx). Sheet 1 has the Chinese headers the importer reads;
 * sheet 2 (说明) lists each column's English header, type, whether it is required and the other
 * headers accepted. Each file is written atomically.
 */
import { join } from 'node:path';
import { REGISTERS } from '../../engine/import/registerSpecs.ts';
import type { ImportTemplate } from '../../engine/import/rainstormTemplate.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';

const TYPE_ZH = { text: '文本', number: '数字', int: '整数', lon: '经度（度）', lat: '纬度（度）', position: '“经度,纬度”' } as const;

export async function writeImportTemplates(dir: string, template: ImportTemplate): Promise<string[]> {
  const ExcelJS = (await import('exceljs')).default;
  const written: string[] = [];
  for (const spec of Object.values(REGISTERS)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(spec.id);
    const fields = spec.fields.filter((f) => f.key !== 'position');
    const headers = [...fields.map((f) => f.zh), ...(spec.extraColumns ? template.items.map((it) => it.name.zh.replace(/[（(][^）)]*[）)]/g, '')) : [])];
    ws.addRow(headers).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 14));
    const notes = wb.addWorksheet('说明');
    notes.addRow(['列（中文）', 'column (English)', '类型 type', '必填 required', '也接受 also accepted']).font = { bold: true };
    for (const f of spec.fields) notes.addRow([f.zh, f.en, TYPE_ZH[f.type], f.required ? '是 yes' : '', f.aliases.join('、')]);
    if (spec.extraColumns) for (const it of template.items) notes.addRow([it.name.zh, it.id, `${TYPE_ZH.int}（${it.unit.zh}）`, '', (template.itemAliases[it.id] ?? []).join('、')]);
    const path = join(dir, `${spec.id}.xlsx`);
    writeFileAtomic(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    written.push(path);
  }
  return written;
}
