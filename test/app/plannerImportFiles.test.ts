/** "新建县域情景": the dropped files sorted into the import's inputs, the command it names, register rows placed on the map (src/app/planner/importFiles.ts, importMarks.ts). */
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../engine/import/importProblem.ts';
import { guessRole, importCommandText, importSources, rowPositions, type DroppedFile } from '../../src/app/planner/importFiles.ts';
import { problemMarks } from '../../src/app/planner/importMarks.ts';
import { importArgsText } from '../../src/import/importCounty.ts';

const file = (name: string): DroppedFile => ({ name, bytes: new Uint8Array(), role: guessRole(name) });

describe('planner import files', () => {
  it('guesses each file’s use from its name, as export-gis and the templates name them or in Chinese', () => {
    const names = ['roads.geojson', '道路.shp', '道路.dbf', '道路.prj', 'villages.xlsx', '村（社区）名册.csv', '地质灾害隐患点.xlsx', 'sites.geojson', '应急物资仓库.xlsx', 'teams.csv', '避难场所.xlsx', 'dem.tif', 'notes.docx', 'other.xlsx'];
    expect(Object.fromEntries(names.map((n) => [n, guessRole(n)]))).toEqual({
      'roads.geojson': 'roads',
      '道路.shp': 'roads',
      '道路.dbf': 'sidecar',
      '道路.prj': 'sidecar',
      'villages.xlsx': 'villages',
      '村（社区）名册.csv': 'villages',
      '地质灾害隐患点.xlsx': 'sites',
      'sites.geojson': 'sites',
      '应急物资仓库.xlsx': 'stores',
      'teams.csv': 'teams',
      '避难场所.xlsx': 'shelters',
      'dem.tif': 'dem',
      'notes.docx': 'ignore',
      'other.xlsx': 'ignore',
    });
  });

  it('needs exactly one road layer and one file per register; a .shp takes the companions of its own name', () => {
    expect(importSources([file('villages.xlsx')])).toEqual({ ok: false, reason: 'noRoads' });
    expect(importSources([file('roads.geojson'), file('道路.shp')])).toEqual({ ok: false, reason: 'twoRoads' });
    expect(importSources([file('roads.geojson'), file('villages.xlsx'), file('村.csv')])).toEqual({ ok: false, reason: 'twice', role: 'villages' });
    const r = importSources([file('道路.shp'), file('道路.DBF'), file('other.dbf'), file('villages.csv'), file('dem.tif')]);
    expect(r.ok && r.args).toEqual({ roads: '道路.shp', villages: 'villages.csv', dem: 'dem.tif' });
    expect(r.ok && Object.keys(r.sources.registers)).toEqual(['villages']);
    expect(importCommandText({ division: '512022', ...(r.ok ? r.args : { roads: '' }), template: 'earthquake' }, 'county-512022.yaml', { bufferM: 300 })).toBe(
      'yanlian import --division 512022 --roads 道路.shp --villages villages.csv --dem dem.tif --template earthquake --buffer 300 --out county-512022.yaml',
    );
    expect(importArgsText({ division: '512022', roads: 'roads.geojson' })).toBe('--division 512022 --roads roads.geojson');
  });

  it('places register rows under a title by 经度/纬度 or one 经纬度 column, and problems by row, feature or point', () => {
    expect([...rowPositions({ file: 'sites.xlsx', rows: [['台账'], ['名称', '经度', '纬度'], ['a', 105.01, '30.2'], ['b', null, 30], ['合计']], merges: [] })]).toEqual([[3, [105.01, 30.2]]]);
    expect([...rowPositions({ file: 'v.csv', rows: [['村名', '经纬度'], ['x', '105.03, 30.28']], merges: [] })]).toEqual([[2, [105.03, 30.28]]]);
    const problems = new ProblemList();
    problems.error('v.csv', 'notANumber', { value: '五十' }, { row: 2, column: '人口' });
    problems.warn('roads.geojson', 'danglingEnd', { lon: 105.04, lat: 30.28, m: 50, snap: 20 }, { feature: 4 });
    problems.warn('roads.geojson', 'disconnected', { nodes: 2, links: 1, features: '4, 6' }, { feature: 4 });
    problems.error('v.csv', 'missingColumn', { column: '人口', aliases: '' }, { row: 1 });
    const marks = problemMarks({ problems, sheets: { villages: { file: 'v.csv', rows: [['村名', '经纬度'], ['x', '105.03, 30.28']], merges: [] } }, graph: { file: 'roads.geojson' } as never });
    expect(marks).toEqual([
      { index: 0, severity: 'error', at: [105.03, 30.28], features: [] },
      { index: 1, severity: 'warning', at: [105.04, 30.28], features: [4] },
      { index: 2, severity: 'warning', features: [4, 6] },
      { index: 3, severity: 'error', features: [] },
    ]);
  });
});
