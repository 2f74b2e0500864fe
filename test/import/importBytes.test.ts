/**
 * The shared byte readers (src/import/importBytes.ts): what `yanlian import` reads from disk and the
 * planner workbench reads from dropped files — bytes in, data out, every unreadable input a
 * located problem. The file wrappers (src/cli/importReaders.ts) give the same result from a path.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportProblem, ProblemList } from '../../engine/import/importProblem.ts';
import { decodeText, detectDbfEncoding, extOf, normaliseCpg, readDemBytes, readRoadsBytes, readSheetBytes } from '../../src/import/importBytes.ts';
import { readRoads, readSheet } from '../../src/cli/importReaders.ts';
import { encodeGbk, writeShapefile } from './writeShapefile.ts';
import { fx } from './importCliSupport.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const zh = (p: ProblemList) => p.items.map((x) => formatImportProblem(x, 'zh'));

describe('shared import byte readers', () => {
  it('decodes UTF-8 (BOM dropped) and falls back to GBK, saying which', () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...enc('乐至')))).toEqual({ text: '乐至', encoding: 'UTF-8' });
    expect(decodeText(encodeGbk('村道,人口'))).toEqual({ text: '村道,人口', encoding: 'GBK' });
    expect(normaliseCpg(' 936 ')).toBe('gbk');
    expect(normaliseCpg('UTF-8')).toBe('utf-8');
    expect([extOf('路网.SHP'), extOf('a/b.geojson'), extOf('.csv'), extOf('roads')]).toEqual(['.shp', '.geojson', '', '']);
  });

  it('reads a GeoJSON road layer from bytes as the CLI reads it from its file', async () => {
    const bytes = readFileSync(fx('roads.geojson'));
    const p = new ProblemList();
    const r = await readRoadsBytes({ name: 'roads.geojson', bytes }, {}, p);
    const q = new ProblemList();
    expect(r).toEqual(await readRoads(fx('roads.geojson'), q));
    expect(r!.features).toHaveLength(7);
    expect(r!.features[4]!.index).toBe(4);
    expect([p.items, q.items]).toEqual([[], []]);
  });

  it('refuses what is not a FeatureCollection, bad JSON and other file types, by file', async () => {
    const p = new ProblemList();
    expect(await readRoadsBytes({ name: 'one.geojson', bytes: enc('{"type":"Feature","geometry":null}') }, {}, p)).toBeUndefined();
    expect(await readRoadsBytes({ name: 'bad.json', bytes: enc('{"type":') }, {}, p)).toBeUndefined();
    expect(await readRoadsBytes({ name: 'roads.kml', bytes: enc('<kml/>') }, {}, p)).toBeUndefined();
    expect(await readSheetBytes({ name: 'sites.xls', bytes: enc('') }, p)).toBeUndefined();
    const lines = zh(p);
    expect(lines[0]).toBe('one.geojson：不是有效的 GeoJSON：type must be FeatureCollection with features');
    expect(lines[1]).toMatch(/^bad\.json：不是有效的 GeoJSON：/);
    expect(lines.slice(2)).toEqual(['roads.kml：不支持的文件类型（可用：.geojson .json .shp）', 'sites.xls：不支持的文件类型（可用：.xlsx .csv .geojson）']);
    // a path the CLI cannot open is the same kind of problem
    const q = new ProblemList();
    await readSheet('/nonexistent/villages.csv', q);
    expect(zh(q)).toEqual(['villages.csv：无法读取：ENOENT']);
  });

  it('reads a shapefile from its .shp, .dbf and .cpg bytes: GBK attributes detected or named by the .cpg', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-bytes-'));
    const features = [{ parts: [[[105.0, 30.28], [105.03, 30.28]]] as [number, number][][], attributes: { 名称: '乐至大道', 等级: '县道' } }];
    writeShapefile(join(dir, 'gbk'), features, 'gbk');
    const shp = { name: 'gbk.shp', bytes: readFileSync(join(dir, 'gbk.shp')) };
    const dbf = { name: 'gbk.dbf', bytes: readFileSync(join(dir, 'gbk.dbf')) };
    expect(detectDbfEncoding(dbf.bytes)).toBe('gbk');
    const p = new ProblemList();
    const r = await readRoadsBytes(shp, { dbf }, p);
    expect(p.items).toEqual([]);
    expect(r!.note).toBe('gbk.dbf: GBK (detected)');
    expect(r!.features[0]!.properties).toMatchObject({ 名称: '乐至大道', 等级: '县道' });
    expect((r!.features[0]!.geometry as { coordinates: unknown }).coordinates).toEqual([[105.0, 30.28], [105.03, 30.28]]);
    const named = await readRoadsBytes(shp, { dbf, cpg: { name: 'gbk.cpg', bytes: enc('936\n') } }, p);
    expect(named!.note).toBe('gbk.dbf: GBK (.cpg: 936)');
    // the same from the path, the siblings found beside it
    expect(await readRoads(join(dir, 'gbk.shp'), new ProblemList())).toEqual(r);
  });

  it('takes a UTF-8 .dbf without .cpg as UTF-8 even where a field name was cut mid-character at dBASE’s 10 bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-bytes-'));
    // 道路等级 is 12 bytes in UTF-8: the writer keeps 10, cutting 级 in two (as tools that count bytes do)
    writeShapefile(join(dir, 'u8'), [{ parts: [[[105.0, 30.28], [105.03, 30.28]]], attributes: { 名称: '乐至大道', 道路等级: '县道' } }], 'utf-8');
    const dbf = { name: 'u8.dbf', bytes: readFileSync(join(dir, 'u8.dbf')) };
    expect(detectDbfEncoding(dbf.bytes)).toBe('utf-8');
    const p = new ProblemList();
    const r = await readRoadsBytes({ name: 'u8.shp', bytes: readFileSync(join(dir, 'u8.shp')) }, { dbf }, p);
    expect(r!.note).toBe('u8.dbf: UTF-8 (detected)');
    expect(r!.features[0]!.properties).toMatchObject({ 名称: '乐至大道' });
    // GBK bytes are still GBK
    writeShapefile(join(dir, 'g'), [{ parts: [[[105.0, 30.28], [105.03, 30.28]]], attributes: { 名称: '乐至大道' } }], 'gbk');
    expect(detectDbfEncoding(readFileSync(join(dir, 'g.dbf')))).toBe('gbk');
  });

  it('reads a CSV register (UTF-8 BOM or GBK), an xlsx workbook with its merges, and a GeoJSON point layer', async () => {
    const p = new ProblemList();
    const csv = await readSheetBytes({ name: 'villages.csv', bytes: encodeGbk('村（社区）,人口\n西郊社区,6000\n') }, p);
    expect(csv).toEqual({ file: 'villages.csv', rows: [['村（社区）', '人口'], ['西郊社区', '6000'], [null]], merges: [] });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('sites');
    ws.addRow(['乐至县隐患点台账']);
    ws.mergeCells('A1:C1');
    ws.addRow(['名称', '威胁人数', '经度']);
    ws.addRow(['后山滑坡', 50, 105.01]);
    const xlsx = await readSheetBytes({ name: 'sites.xlsx', bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) }, p);
    // ExcelJS gives every cell of a merge the master's value; the merge itself is reported for the register parser
    expect(xlsx!.rows).toEqual([['乐至县隐患点台账', '乐至县隐患点台账', '乐至县隐患点台账'], ['名称', '威胁人数', '经度'], ['后山滑坡', 50, 105.01]]);
    expect(xlsx!.merges).toEqual([{ left: 1, top: 1, right: 3, bottom: 1 }]);
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '天池中学', 容纳人数: 1500 }, geometry: { type: 'Point', coordinates: [105.0, 30.28] } }] };
    const layer = await readSheetBytes({ name: 'shelters.geojson', bytes: enc(JSON.stringify(points)) }, p);
    expect(layer!.rows).toEqual([['名称', '容纳人数', '经度', '纬度'], ['天池中学', 1500, 105.0, 30.28]]);
    expect(p.items).toEqual([]);
  });

  it('a DEM that is not a GeoTIFF is a located problem', async () => {
    const p = new ProblemList();
    expect(await readDemBytes({ name: 'dem.tif', bytes: enc('not a tiff') }, p)).toBeUndefined();
    expect(zh(p)[0]).toMatch(/^dem\.tif：不是可读的 GeoTIFF：/);
  });
});
