/**
 * `yanlian import --template fire-season`: the sites register holds forest compartments (类型 林区)
 * with their columns (林区面积, 可燃物系数, 坡度, 进山时间, 距村距离), the hazard side comes from the
 * shipped 施甸 fire season with its citations. The shipped fire season exported by export-gis
 * (roads as a Shapefile, registers as xlsx) imports back with the same compartments and hazard,
 * validates with every number sourced, and its Monte Carlo burns; rows that do not fit the
 * template get located errors and nothing is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProvenance } from '../../engine/index.ts';
import { cli, fx, repo } from './importCliSupport.ts';

const dir = mkdtempSync(join(tmpdir(), 'yanlian-fire-import-'));
const gis = join(dir, 'gis');
const registers = (from: string, sites = join(from, 'sites.xlsx')) => ['--villages', join(from, 'villages.xlsx'), '--sites', sites, '--stores', join(from, 'stores.xlsx'), '--teams', join(from, 'teams.xlsx'), '--shelters', join(from, 'shelters.xlsx')];

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A scenario's compartments, each village by its division code (the importer's village ids are its own). */
const compartments = (s: Doc) => {
  const code = new Map(s.region.villages.map((v: Doc) => [v.id, v.code]));
  return s.hazardSites.filter((h: Doc) => h.kind === 'forest').map((h: Doc) => [h.id, h.name, code.get(h.village), h.threatenedPeople, h.susceptibility, h.cuts, h.forest]);
};

describe('import --template fire-season', { timeout: 300_000 }, () => {
  const out = join(dir, 'again.yaml');
  let imported: ReturnType<typeof cli>;
  beforeAll(() => {
    const e = cli('export-gis', join(repo, 'scenarios/shidian-forest-fire.yaml'), '--out', gis);
    expect(e.code, e.out + e.err).toBe(0);
    imported = cli('import', '--division', '530521', '--roads', join(gis, 'roads.shp'), ...registers(gis), '--template', 'fire-season', '--out', out);
  }, 300_000);

  it('the shipped fire season comes back with the same compartments and hazard, every number sourced', () => {
    expect(imported.code, imported.out + imported.err).toBe(0);
    expect(imported.out).toContain('0 条警告');
    const shipped = parse(readFileSync(join(repo, 'scenarios/shidian-forest-fire.yaml'), 'utf8'));
    const back = parse(readFileSync(out, 'utf8'));
    expect(compartments(back)).toHaveLength(30);
    expect(compartments(back)).toEqual(compartments(shipped));
    expect(back.hazard).toEqual(shipped.hazard);
    expect(back.horizonHours).toBe(shipped.horizonHours);
    expect(checkProvenance(back).uncovered).toEqual([]);
    // the compartment numbers cite the register's columns, not the template
    const cite = (path: string) => back.provenance.find((p: Doc) => p.paths.includes(path));
    expect(cite('hazardSites.*.forest.areaHa').source).toBe('sites');
    expect(cite('hazardSites.*.forest.fuelFactor').source).toBe('sites');
    expect(cite('hazardSites.*.forest.walkInHours.mode').source).toBe('sites');
    expect(back.teams.filter((t: Doc) => t.capabilities.includes('fireSuppression')).length).toBeGreaterThan(10);
  });

  it('its Monte Carlo runs the fire model: fires, burned area, the 24 h target', () => {
    const json = join(dir, 'mc.json');
    const r = cli('simulate', out, '--trials', '20', '--seed', '3', '--json', json);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('森林火灾');
    const fire = JSON.parse(readFileSync(json, 'utf8')).fire;
    expect(fire.firesPerSeason.mean).toBeGreaterThan(0);
    expect(fire.burnedHa.mean).toBeGreaterThan(0);
    expect(fire.shareOutWithin24h.n).toBeGreaterThan(0);
  });

  it('a row giving only 进山时间 gets a third to three times it; empty columns take the template’s values, cited as assumed', () => {
    const csv = join(dir, 'sites-short.csv');
    const v = parse(readFileSync(out, 'utf8')).region.villages[0];
    writeFileSync(csv, ['编号,名称,类型,威胁人数,所在村,经度,纬度,林区面积,进山时间,距村距离', `LQ1,甲林区,林区,80,${v.code},${v.position[0]},${v.position[1]},120,0.6,500`].join('\n'));
    const o = join(dir, 'short.yaml');
    const r = cli('import', '--division', '530521', '--roads', join(gis, 'roads.shp'), ...registers(gis, csv), '--template', 'fire-season', '--out', o);
    expect(r.code, r.out + r.err).toBe(0);
    const b = parse(readFileSync(o, 'utf8'));
    expect(b.hazardSites).toHaveLength(1);
    expect(b.hazardSites[0].forest).toEqual({ areaHa: 120, fuelFactor: 0.2, slopeDeg: 15, walkInHours: { dist: 'triangular', min: 0.2, mode: 0.6, max: 1.8 }, wuiDistanceM: 500 });
    expect(checkProvenance(b).uncovered).toEqual([]);
    const cite = (path: string) => b.provenance.find((p: Doc) => p.paths.includes(path));
    expect(cite('hazardSites.*.forest.fuelFactor').source).toBe('assumed');
    expect(cite('hazardSites.*.forest.walkInHours.min').source).toBe('assumed');
    expect(cite('hazardSites.*.forest.walkInHours.mode').source).toBe('sites');
  });

  it('a geological register under fire-season, a 林区 under rainstorm, and a compartment without its area are located errors; nothing is written', () => {
    const o1 = join(dir, 'bad1.yaml');
    const r1 = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', fx('sites.csv'), '--template', 'fire-season', '--out', o1);
    expect(r1.code).not.toBe(0);
    expect(r1.out + r1.err).toMatch(/sites\.csv 第 2 行 类型：“滑坡”无法识别（可填：林区、林班、小班/);
    expect(r1.out + r1.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(o1)).toBe(false);

    const forestCsv = join(dir, 'forest-in-rain.csv');
    writeFileSync(forestCsv, readFileSync(fx('sites.csv'), 'utf8').replace(',滑坡,', ',林区,'));
    const o2 = join(dir, 'bad2.yaml');
    const r2 = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', forestCsv, '--out', o2);
    expect(r2.code).not.toBe(0);
    expect(r2.out + r2.err).toContain('林区须用 --template fire-season');
    expect(existsSync(o2)).toBe(false);

    const noArea = join(dir, 'no-area.csv');
    writeFileSync(noArea, readFileSync(fx('sites.csv'), 'utf8').replace(/,滑坡,|,崩塌,/g, ',林区,'));
    const o4 = join(dir, 'bad4.yaml');
    const r4 = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), '--villages', fx('villages.csv'), '--sites', noArea, '--template', 'fire-season', '--out', o4);
    expect(r4.code).not.toBe(0);
    expect(r4.out + r4.err).toMatch(/no-area\.csv 第 2 行.*缺少必填列“林区面积”/);
    expect(existsSync(o4)).toBe(false);
  });
});
