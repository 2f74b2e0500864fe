import { describe, expect, it } from 'vitest';
import { formatImportProblem, ProblemList } from '../../engine/import/importProblem.ts';
import { REGISTERS } from '../../engine/import/registerSpecs.ts';
import { parseRegister, type SheetData } from '../../engine/import/registers.ts';

const ctx = { bounds: { minLon: 104.85, maxLon: 105.32, minLat: 30.0, maxLat: 30.5 } };
const parse = (sheet: SheetData, spec = REGISTERS.sites) => {
  const problems = new ProblemList();
  const rows = parseRegister(sheet, spec, ctx, problems);
  return { rows, zh: problems.items.map((p) => formatImportProblem(p, 'zh')), en: problems.items.map((p) => formatImportProblem(p, 'en')) };
};
const header = ['编号', '名称', '类型', '规模等级', '威胁人数', '威胁财产（万元）', '经度', '纬度'];
const site = (n: number, lon: number) => [`GH${n}`, `滑坡${n}`, '滑坡', '小型', 20 + n, 10, lon, 30.2];

describe('parseRegister', () => {
  it('finds the header under a title, reads Chinese headers with units, and skips the total row', () => {
    const { rows, zh } = parse({ file: 'sites.xlsx', rows: [['乐至县地质灾害隐患点台账（2025）'], [], header, site(1, 105.0), site(2, 105.1), ['合计', null, null, null, 43]], merges: [{ top: 1, left: 1, bottom: 1, right: 8 }] });
    expect(rows.map((r) => [r.row, r.values.code, r.values.people, r.values.position])).toEqual([
      [4, 'GH1', 21, [105.0, 30.2]],
      [5, 'GH2', 22, [105.1, 30.2]],
    ]);
    expect(zh).toEqual(['sites.xlsx 第 6 行：合计行，已跳过（警告）']);
  });

  it('accepts English headers and a single 经纬度 column', () => {
    const { rows, zh } = parse({ file: 'sites.csv', rows: [['id', 'name', 'kind', 'threatened_people', '经纬度'], ['A1', 'slide', 'landslide', '1,200', '105.01, 30.21']], merges: [] });
    expect(zh).toEqual([]);
    expect(rows[0]!.values).toMatchObject({ code: 'A1', people: 1200, position: [105.01, 30.21] });
  });

  it('says which row and column is wrong, in Chinese and English', () => {
    const rows = [header, site(1, 105.0)];
    rows[14 - 1] = site(13, 118.9);
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    rows.push(['GH9', '坡', '滑坡', '巨型', '约30', 1, 105, 30.2]);
    const { zh, en } = parse({ file: 'sites.xlsx', rows, merges: [] });
    expect(zh).toEqual(['sites.xlsx 第 14 行 经度：118.9 不在本县范围内（104.85–105.32）', 'sites.xlsx 第 15 行 威胁人数：“约30”不是数字']);
    expect(en[0]).toBe('sites.xlsx row 14, 经度: 118.9 is outside the county (104.85–105.32)');
  });

  it('refuses merged cells among the data and a missing required column', () => {
    const merged = parse({ file: 'villages.xlsx', rows: [['村（社区）', '乡镇', '人口', '经度', '纬度'], ['西郊社区', '天池街道', 6000, 105.0, 30.28], ['黄岭铺村', null, 900, 105.01, 30.3]], merges: [{ top: 2, left: 2, bottom: 3, right: 2 }] }, REGISTERS.villages);
    expect(merged.zh).toEqual(['villages.xlsx 第 2 行 乡镇：合并单元格 B2:B3：请取消合并并逐行填写']);
    expect(merged.rows).toEqual([]);
    const missing = parse({ file: 'villages.csv', rows: [['村（社区）', '经度', '纬度'], ['西郊社区', 105.0, 30.28]], merges: [] }, REGISTERS.villages);
    expect(missing.zh).toEqual(['villages.csv 第 1 行：缺少必填列“人口”（可写作：人口/population/常住人口/户籍人口/总人口/人数）']);
  });
});
