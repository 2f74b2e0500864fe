/**
 * `yanlian export-gis FILE --out DIR`: a scenario's roads, villages, hazard sites, stores, teams and
 * shelters as the files `yanlian import` takes — roads.geojson and roads.shp (+ .shx, .dbf, .cpg,
 * .prj) (lines), <register>.geojson (points) and <register>.xlsx — with the importer's column names, so a county can correct its data in QGIS
 * or Excel and import it again. The layers come from the pure engine/import/exportGis.ts; each file
 * is written atomically, and nothing is written when the scenario does not load.
 */
import { join } from 'node:path';
import type { Lang } from '../../engine/index.ts';
import { exportGis, layerGeoJson, type ExportLayer } from '../../engine/import/exportGis.ts';
import type { LonLat } from '../../engine/import/geo.ts';
import { polylineShapefile } from '../../engine/import/shapefile.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { loadOrExit } from './loadOrExit.ts';

export interface ExportGisOptions {
  out?: string;
}

/** One xlsx workbook for a register layer: the header row in bold, then the rows. */
async function layerXlsx(layer: ExportLayer): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(layer.id);
  ws.addRow(layer.headers).font = { bold: true };
  for (const r of layer.rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 14));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function exportGisCommand(file: string, opts: ExportGisOptions, lang: Lang): Promise<void> {
  const zh = lang === 'zh';
  if (!opts.out) throw new CliExit(EXIT.badInput, zh ? '缺少必填选项：--out' : 'missing required option: --out');
  const { scenario } = loadOrExit(file, lang);
  const gis = exportGis(scenario);
  // everything is made before the first file is written
  const files: [string, string | Uint8Array][] = [];
  for (const layer of gis.layers) {
    files.push([`${layer.id}.geojson`, JSON.stringify(layerGeoJson(layer), null, 1) + '\n']);
    if (layer.id !== 'roads') files.push([`${layer.id}.xlsx`, await layerXlsx(layer)]);
    else {
      // the same roads as an ESRI Shapefile (UTF-8 attributes; 道路等级 is 12 bytes, over dBASE's 10: written as 等级)
      const shp = polylineShapefile(layer.headers, layer.rows.map((values, i) => ({ points: layer.geometry[i] as LonLat[], values })), { 道路等级: '等级' });
      files.push(['roads.shp', shp.shp], ['roads.shx', shp.shx], ['roads.dbf', shp.dbf], ['roads.cpg', shp.cpg], ['roads.prj', shp.prj]);
    }
  }
  for (const [name, data] of files) writeFileAtomic(join(opts.out, name), data);
  const count = (id: ExportLayer['id']) => gis.layers.find((l) => l.id === id)!.rows.length;
  process.stdout.write(
    (zh
      ? `已写出 ${opts.out}：${count('roads')} 条路段、${count('villages')} 个村（社区）、${count('sites')} 个隐患点、${count('stores')} 个仓库、${count('teams')} 支队伍、${count('shelters')} 个避难场所（${files.map((f) => f[0]).join('、')}）`
      : `wrote ${opts.out}: ${count('roads')} links, ${count('villages')} villages, ${count('sites')} hazard sites, ${count('stores')} stores, ${count('teams')} teams, ${count('shelters')} shelters (${files.map((f) => f[0]).join(', ')})`) + '\n',
  );
  if (gis.skippedSites.length > 0)
    process.stdout.write((zh ? `未导出 ${gis.skippedSites.length} 个导入不支持类型的隐患点（堤防、危化品、火灾）：${gis.skippedSites.join('、')}` : `left out ${gis.skippedSites.length} hazard sites of kinds the importer does not read (levee, chemical, fire): ${gis.skippedSites.join(', ')}`) + '\n');
  if (gis.crossings.length > 0)
    process.stdout.write(
      (zh
        ? `注意：情景只存节点位置，路段按直线写出；${gis.crossings.length} 对路段的直线相交（如 ${gis.crossings.slice(0, 3).map((c) => c.join('×')).join('、')}）；两条都带 link_id 时重新导入不会在交点连通，可在 GIS 中补画真实线形`
        : `note: the scenario keeps node positions only, so links are written as straight lines; ${gis.crossings.length} pairs of them cross (e.g. ${gis.crossings.slice(0, 3).map((c) => c.join('×')).join(', ')}) (while both keep link_id, import does not join them there); draw their real course in the GIS`) + '\n',
    );
}
