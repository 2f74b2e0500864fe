import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeArrayBuffer } from 'geotiff';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProvenance } from '../../engine/index.ts';
import { writeShapefile } from './writeShapefile.ts';

const repo = new URL('../..', import.meta.url).pathname;
const fx = (f: string) => join(repo, 'test/fixtures/import', f);
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const dir = mkdtempSync(join(tmpdir(), 'yanlian-import-'));
const registers = ['--villages', fx('villages.csv'), '--sites', fx('sites.csv'), '--stores', fx('stores.csv'), '--teams', fx('teams.csv'), '--shelters', fx('shelters.csv')];

/** A register workbook: a merged title row over the header, the rows, and whatever `edit` adds. */
async function xlsx(path: string, rows: (string | number | null)[][], edit?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.addRow(['乐至县地质灾害隐患点台账']);
  ws.mergeCells('A1:I1');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  await wb.xlsx.writeFile(path);
}

// each case spawns the CLI a few times; under a loaded machine that takes tens of seconds
describe('yanlian import', { timeout: 240_000 }, () => {
  const out = join(dir, 'county.yaml');
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    first = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), ...registers, '--out', out);
  }, 240_000);

  it('writes a scenario that validates with every number sourced, and says what it built', () => {
    expect(first.code, first.out + first.err).toBe(0);
    expect(first.out).toContain('路网：7 条要素 → 13 个节点、10 条路段');
    expect(first.out).toContain('villages.csv 第 8 行：合计行，已跳过（警告）');
    expect(first.out).toContain('roads.geojson 要素 4：悬挂端点');
    const doc = parse(readFileSync(out, 'utf8'));
    expect(checkProvenance(doc).uncovered).toEqual([]);
    expect(doc.region.villages.map((v: { code: string }) => v.code)).toContain('512022101208'); // 磨盘村, found by name
    // the total row (8) is skipped: the six villages are rows 2–7, in order
    expect(doc.provenance.find((p: { paths: string[] }) => p.paths.includes('region.villages.*.population')).note).toMatch(/^villages\.csv 第 2–7 行, in order/);
    expect(doc.provenance.find((p: { paths: string[] }) => p.paths.includes('hazardSites.*.threatenedPeople')).note).toMatch(/^sites\.csv 第 2–3 行/);
    expect(doc.shelters[1].capacity).toBe(1200); // 1,800 m² at 1.5 m² per person
    expect(doc.reserves.warehouses[1].parent).toBe(doc.reserves.warehouses[0].id);
    const v = cli('validate', out);
    expect(v.code, v.out).toBe(0);
  });

  it('is deterministic: the same files give the same bytes', () => {
    const again = join(dir, 'again.yaml');
    expect(cli('import', '--division', '512022', '--roads', fx('roads.geojson'), ...registers, '--out', again).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('runs end to end: run --seed 1 and simulate --trials 200', () => {
    const r = cli('run', out, '--seed', '1', '--json');
    expect(r.code, r.err).toBe(0);
    const json = join(dir, 'summary.json');
    const s = cli('simulate', out, '--trials', '200', '--seed', '1', '--json', json);
    expect(s.code, s.err).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).trials).toBe(200);
  });

  it('reads a GBK shapefile without a .cpg, says so, and locates an empty geometry', () => {
    const base = join(dir, 'roads');
    const roads = (withNull: boolean) =>
      writeShapefile(
        base,
        [
          { parts: [[[105.0, 30.28], [105.03, 30.28], [105.06, 30.28]]], attributes: { 名称: '县道X101', 道路等级: '县道' } },
          ...(withNull ? [{ parts: null, attributes: { 名称: '', 道路等级: '村道' } }] : []),
          { parts: [[[105.03, 30.25], [105.03, 30.31]]], attributes: { 名称: '', 道路等级: '乡道' } },
        ],
        'gbk',
      );
    roads(true);
    const bad = cli('import', '--division', '512022', '--roads', base + '.shp', '--villages', fx('villages.csv'), '--out', join(dir, 'shp.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('roads.shp 要素 1：几何为空');
    expect(bad.err).toContain('未写出');
    expect(existsSync(join(dir, 'shp.yaml'))).toBe(false);
    noStack(bad.out + bad.err);
    roads(false);
    const ok = cli('import', '--division', '512022', '--roads', base + '.shp', '--villages', fx('villages.csv'), '--out', join(dir, 'shp.yaml'));
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain('属性编码 roads.dbf: GBK (detected)');
    expect(readFileSync(join(dir, 'shp.yaml'), 'utf8')).toContain('县道X101');
  });

  it('reads xlsx registers (title row above the header) and refuses merged cells, a site outside the county and unknown villages, writing nothing', async () => {
    const sites = join(dir, 'sites.xlsx');
    const head = ['编号', '名称', '类型', '规模等级', '威胁人数', '威胁财产（万元）', '所在村', '经度', '纬度'];
    await xlsx(sites, [head, ['GH001', '石佛社区后山滑坡', '滑坡', '中型', 120, 300, '石佛社区', 105.045, 30.2805], ['GH002', '香炉沟崩塌', '崩塌', '小型', 40, 50, '香炉沟村', 105.031, 30.27]]);
    const ok = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', sites, '--out', join(dir, 'x.yaml'));
    expect(ok.code, ok.out).toBe(0);
    expect(parse(readFileSync(join(dir, 'x.yaml'), 'utf8')).hazardSites.map((s: { id: string }) => s.id)).toEqual(['GH001', 'GH002']);

    const badSites = join(dir, 'bad-sites.xlsx');
    await xlsx(badSites, [head, ['GH001', '滑坡一', '滑坡', '中型', 120, 300, '石佛社区', 118.9, 30.28], ['GH002', '滑坡二', '滑坡', '中型', 20, 1, '不存在村', 105.03, 30.27], ['GH003', '滑坡三', '滑坡', '小型', 10, 1, '石佛社区', 105.03, 30.27], ['GH004', '滑坡四', '滑坡', '小型', 10, 1, '石佛社区', 105.03, 30.27], ['合计', null, null, null, 160]], (ws) => ws.mergeCells('D5:D6'));
    const target = join(dir, 'bad.yaml');
    const bad = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', badSites, '--out', target);
    expect(bad.code).toBe(2);
    const lines = bad.out.trim().split('\n');
    expect(lines).toContain('bad-sites.xlsx 第 3 行 经度：118.9 不在本县范围内（104.98–105.13）');
    expect(lines).toContain('bad-sites.xlsx 第 5 行 规模等级：合并单元格 D5:D6：请取消合并并逐行填写');
    expect(lines).toContain('bad-sites.xlsx 第 7 行：合计行，已跳过（警告）');
    expect(lines).toContain('bad-sites.xlsx 第 4 行 所在村：“不存在村”不是 乐至县（村表） 的村（社区）');
    expect(existsSync(target)).toBe(false);
    noStack(bad.out + bad.err);
    const en = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', badSites, '--out', target, '--lang', 'en');
    expect(en.out).toContain('bad-sites.xlsx row 3, 经度: 118.9 is outside the county (104.98–105.13)');
    expect(en.err).toContain('import failed');
  });

  it('samples elevations from a GeoTIFF DEM and cites it', () => {
    // 20 × 20 cells of 0.0075° from 104.98 °E, 30.39 °N; 8-bit values 100 + 5·column + row
    const values = Array.from({ length: 400 }, (_, k) => 100 + (k % 20) * 5 + Math.floor(k / 20));
    const tif = writeArrayBuffer(values, { width: 20, height: 20, ModelPixelScale: [0.0075, 0.0075, 0], ModelTiepoint: [0, 0, 0, 104.98, 30.39, 0], GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2 });
    writeFileSync(join(dir, 'dem.tif'), Buffer.from(tif as ArrayBuffer));
    const r = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--dem', join(dir, 'dem.tif'), '--out', join(dir, 'dem.yaml'));
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).not.toContain('未提供 DEM');
    const doc = parse(readFileSync(join(dir, 'dem.yaml'), 'utf8'));
    // 西郊社区 at 105.001, 30.281: column 2, row 14
    expect(doc.region.villages[0].elevationM).toBe(100 + 2 * 5 + 14);
    expect(doc.sources.dem.file).toBe('dem.tif');
    expect(readFileSync(join(dir, 'dem.yaml'), 'utf8')).not.toMatch(/&a\d|\*a\d/); // no YAML anchors
  });

  it('refuses an unknown county and a missing villages register; writes the five templates', () => {
    const u = cli('import', '--division', '110101', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--out', join(dir, 'u.yaml'));
    expect(u.code).toBe(2);
    expect(u.err).toContain('区划代码 110101 没有区划表');
    const nv = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--out', join(dir, 'nv.yaml'));
    expect(nv.code).toBe(2);
    expect(nv.out).toContain('必须提供 --villages');
    const t = cli('import', '--templates', join(dir, 'templates'));
    expect(t.code, t.err).toBe(0);
    for (const f of ['villages', 'sites', 'stores', 'teams', 'shelters']) expect(existsSync(join(dir, 'templates', `${f}.xlsx`))).toBe(true);
  });

  it('imports a register written from its own template', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'templates', 'villages.xlsx'));
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const row: Record<string, string | number> = { 区划代码: '512022101001', 人口: 3000, 经度: 105.06, 纬度: 30.281 };
    ws.addRow(headers.map((h) => row[h] ?? null));
    const path = join(dir, 'villages-from-template.xlsx');
    await wb.xlsx.writeFile(path);
    copyFileSync(path, join(dir, 'v.xlsx'));
    const r = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', join(dir, 'v.xlsx'), '--out', join(dir, 'tpl.yaml'));
    expect(r.code, r.out + r.err).toBe(0);
    expect(parse(readFileSync(join(dir, 'tpl.yaml'), 'utf8')).region.villages).toHaveLength(1);
  });
});
