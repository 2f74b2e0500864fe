import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { cli, fx } from './importCliSupport.ts';
import { parse } from 'yaml';
import { writeShapefile } from './writeShapefile.ts';

const dir = mkdtempSync(join(tmpdir(), 'yanlian-prj-'));
/** CGCS2000 / 3-degree Gauss-Kruger CM 105E (EPSG:4544) as ArcGIS writes its .prj */
const GK105 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_105E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

function roads(base: string, prj: string) {
  const gk = proj4(GK105);
  const line = (pts: [number, number][]) => [pts.map((p) => gk.forward(p) as [number, number])];
  writeShapefile(
    base,
    [
      { parts: line([[105.0, 30.28], [105.03, 30.28], [105.06, 30.28]]), attributes: { 名称: '县道X101', 道路等级: '县道' } },
      { parts: line([[105.03, 30.25], [105.03, 30.31]]), attributes: { 名称: '', 道路等级: '乡道' } },
    ],
    'gbk',
  );
  writeFileSync(base + '.prj', prj);
}

describe('a projected .prj', { timeout: 120_000 }, () => {
  it('CGCS2000 / Gauss-Kruger is reprojected to longitude–latitude, and the output says so', () => {
    const base = join(dir, 'gk');
    roads(base, GK105);
    const out = join(dir, 'gk.yaml');
    const r = cli('import', '--division', '512022', '--roads', base + '.shp', '--villages', fx('villages.csv'), '--out', out);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('gk.prj: CGCS2000_3_Degree_GK_CM_105E → WGS84 (proj4)');
    const doc = parse(readFileSync(out, 'utf8'));
    // the crossing of the two roads is back at 105.03 °E 30.28 °N (within a metre)
    const crossing = doc.roads.nodes.find((n: { position: number[] }) => Math.abs(n.position[0]! - 105.03) < 1e-5 && Math.abs(n.position[1]! - 30.28) < 1e-5);
    expect(crossing, JSON.stringify(doc.roads.nodes)).toBeDefined();
    expect(doc.roads.links.find((l: { id: string }) => l.id === 'r0-1').lengthKm).toBeCloseTo(2.881, 3);
  });

  it('a coordinate system proj4 cannot read is refused at the .prj, in Chinese or English, and nothing is written', () => {
    const base = join(dir, 'odd');
    roads(base, 'PROJCS["Local_Grid_1985",GEOGCS["x",DATUM["y",SPHEROID["z",6378137.0,298.25]]],PROJECTION["Nonsense_Projection"],UNIT["Meter",1.0]]');
    const out = join(dir, 'odd.yaml');
    const r = cli('import', '--division', '512022', '--roads', base + '.shp', '--villages', fx('villages.csv'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toContain('odd.prj：坐标系“Local_Grid_1985”无法识别：请在 GIS 中另存为 WGS84 或 CGCS2000 经纬度');
    expect(r.out + r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
    const en = cli('--lang', 'en', 'import', '--division', '512022', '--roads', base + '.shp', '--villages', fx('villages.csv'), '--out', out);
    expect(en.out).toContain('odd.prj: coordinate system "Local_Grid_1985" is not understood');
  });
});
