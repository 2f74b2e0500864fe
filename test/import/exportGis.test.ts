import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, fx, repo } from './importCliSupport.ts';
import { parse } from 'yaml';
import { checkProvenance } from '../../engine/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'yanlian-export-'));
const reimport = (from: string, out: string, ext: { villages: string; sites: string; stores: string; teams: string; shelters: string }, roads = 'roads.geojson') =>
  cli('import', '--division', '512022', '--roads', join(from, roads), ...(['villages', 'sites', 'stores', 'teams', 'shelters'] as const).flatMap((k) => [`--${k}`, join(from, `${k}.${ext[k]}`)]), '--out', out);

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The geography and registers of a scenario with node ids replaced by positions (ids are the importer's own). */
function canon(s: Doc, withLinkSusceptibility: boolean) {
  const pos = new Map<string, string>(s.roads.nodes.map((n: Doc) => [n.id, n.position.join(',')]));
  const villageCode = new Map<string, string>(s.region.villages.map((v: Doc) => [v.id, v.code]));
  const storeName = new Map<string, string>(s.reserves.warehouses.map((w: Doc) => [w.id, w.name.zh]));
  return {
    nodes: [...pos.values()].sort(),
    links: s.roads.links.map((l: Doc) => [l.id, l.name.zh, l.name.en, [pos.get(l.from), pos.get(l.to)].sort(), l.lengthKm, l.speedKmh, l.trunk, withLinkSusceptibility ? l.susceptibility : null]).sort(),
    villages: s.region.villages.map((v: Doc) => [v.code, v.name, v.population, v.position, v.elevationM, pos.get(v.node)]),
    sites: s.hazardSites.filter((h: Doc) => ['landslide', 'collapse', 'debrisFlow', 'waterlogging'].includes(h.kind)).map((h: Doc) => [h.id, h.name, h.kind, villageCode.get(h.village), h.threatenedPeople, h.susceptibility, h.cuts]),
    stores: s.reserves.warehouses.map((w: Doc) => [w.name, w.tier, pos.get(w.node), w.stock, w.parent ? storeName.get(w.parent) : null]),
    teams: s.teams.map((t: Doc) => [t.name, t.tier, pos.get(t.node), t.size, t.capabilities]),
    shelters: s.shelters.map((h: Doc) => [h.name, pos.get(h.node), h.capacity]),
  };
}

describe('yanlian export-gis → import', { timeout: 300_000 }, () => {
  const first = join(dir, 'county.yaml');
  let exported: ReturnType<typeof cli>;
  beforeAll(() => {
    const r = cli('import', '--division', '512022', '--roads', fx('roads.geojson'), ...['villages', 'sites', 'stores', 'teams', 'shelters'].flatMap((k) => [`--${k}`, fx(`${k}.csv`)]), '--out', first);
    expect(r.code, r.out + r.err).toBe(0);
    exported = cli('export-gis', first, '--out', join(dir, 'gis'));
  }, 300_000);

  it('writes roads as lines and each register as points and a workbook, with the importer’s column names', () => {
    expect(exported.code, exported.out + exported.err).toBe(0);
    expect(exported.out).toContain('10 条路段、6 个村（社区）、2 个隐患点、2 个仓库、2 支队伍、2 个避难场所');
    const roads = JSON.parse(readFileSync(join(dir, 'gis/roads.geojson'), 'utf8'));
    expect(roads.features).toHaveLength(10);
    expect(roads.features[0].geometry.type).toBe('LineString');
    expect(Object.keys(roads.features[0].properties)).toEqual(['link_id', '名称', 'name_en', '道路等级', '速度', 'length_km']);
    const sites = JSON.parse(readFileSync(join(dir, 'gis/sites.geojson'), 'utf8'));
    expect(sites.features[0].geometry.type).toBe('Point');
    expect(sites.features[0].properties).toMatchObject({ 编号: 'GH001', 类型: '滑坡', 威胁人数: 120 });
    for (const k of ['villages', 'sites', 'stores', 'teams', 'shelters']) expect(existsSync(join(dir, `gis/${k}.xlsx`)), k).toBe(true);
    for (const x of ['shp', 'shx', 'dbf', 'cpg', 'prj']) expect(existsSync(join(dir, `gis/roads.${x}`)), x).toBe(true);
    expect(readFileSync(join(dir, 'gis/roads.cpg'), 'utf8')).toBe('UTF-8');
  });

  it('the roads as a Shapefile import back to the same scenario as the GeoJSON (UTF-8 names, ids, lengths and speeds)', () => {
    const ext = { villages: 'xlsx', sites: 'xlsx', stores: 'xlsx', teams: 'xlsx', shelters: 'xlsx' };
    const viaJson = join(dir, 'via-geojson.yaml');
    const viaShp = join(dir, 'via-shp.yaml');
    expect(reimport(join(dir, 'gis'), viaJson, ext).code).toBe(0);
    const r = reimport(join(dir, 'gis'), viaShp, ext, 'roads.shp');
    expect(r.code, r.out + r.err).toBe(0);
    const strip = ({ description, sources, provenance, ...rest }: Doc) => (void description, void sources, void provenance, rest);
    const a = parse(readFileSync(viaJson, 'utf8'));
    const b = parse(readFileSync(viaShp, 'utf8'));
    expect(strip(b)).toEqual(strip(a));
    expect(b.roads.links.some((l: Doc) => /[\u4e00-\u9fff]/.test(l.name.zh))).toBe(true);
  });

  it('imports back to the same scenario: graph, ids, names and every number (from .xlsx and from .geojson points)', () => {
    const a = parse(readFileSync(first, 'utf8'));
    for (const [name, ext] of [
      ['xlsx', { villages: 'xlsx', sites: 'xlsx', stores: 'xlsx', teams: 'xlsx', shelters: 'xlsx' }],
      ['geojson', { villages: 'geojson', sites: 'geojson', stores: 'geojson', teams: 'geojson', shelters: 'geojson' }],
    ] as const) {
      const out = join(dir, `again-${name}.yaml`);
      const r = reimport(join(dir, 'gis'), out, ext);
      expect(r.code, r.out + r.err).toBe(0);
      const b = parse(readFileSync(out, 'utf8'));
      expect(checkProvenance(b).uncovered).toEqual([]);
      // everything but the words about where it came from
      const strip = ({ description, sources, provenance, ...rest }: Doc) => (void description, void sources, void provenance, rest);
      expect(strip(b), name).toEqual(strip(a));
      // the re-import cites the exported columns: the cuts, lengths and elevations as data, not as the template's assumption
      expect(b.provenance.find((p: Doc) => p.paths.includes('hazardSites.*.cuts.*.probability')).source).toBe('sites');
      expect(b.provenance.find((p: Doc) => p.paths.includes('region.**.elevationM')).source).toBe('villages');
    }
  });

  it('a shipped county (乐至) comes back with the same graph and registers, its straight-line crossings not joined', () => {
    const r = cli('export-gis', join(repo, 'scenarios/lezhi-rainstorm.yaml'), '--out', join(dir, 'lezhi'));
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/\d+ 对路段的直线相交/); // the scenario keeps node positions only: said, not hidden
    const out = join(dir, 'lezhi.yaml');
    const back = reimport(join(dir, 'lezhi'), out, { villages: 'xlsx', sites: 'xlsx', stores: 'xlsx', teams: 'xlsx', shelters: 'xlsx' });
    expect(back.code, back.out + back.err).toBe(0);
    expect(back.out).toContain('交叉 0 处');
    const shipped = parse(readFileSync(join(repo, 'scenarios/lezhi-rainstorm.yaml'), 'utf8'));
    // link susceptibility: the shipped file sets it per corridor; an import derives it from the sites near each link
    expect(canon(parse(readFileSync(out, 'utf8')), false)).toEqual(canon(shipped, false));
  });

  it('a scenario that does not load is refused with its problems and nothing is written', () => {
    const r = cli('export-gis', fx('villages.csv'), '--out', join(dir, 'bad'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });
});
