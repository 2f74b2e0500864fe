import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../engine/import/buildRoadGraph.ts';
import type { RoadFeature } from '../../engine/import/roadLines.ts';
import { haversineKm } from '../../engine/import/geo.ts';
import { formatImportProblem, ProblemList } from '../../engine/import/importProblem.ts';

const line = (index: number, coords: number[][], properties: Record<string, unknown> = {}): RoadFeature => ({ index, geometry: { type: 'LineString', coordinates: coords }, properties });
const build = (fs: RoadFeature[], snapM = 20) => {
  const problems = new ProblemList();
  const g = buildRoadGraph(fs, { file: 'roads.geojson', snapM }, problems);
  return { g, problems, text: problems.items.map((p) => formatImportProblem(p, 'zh')) };
};

describe('buildRoadGraph', () => {
  it('splits two roads where they cross and measures pieces along the geometry', () => {
    const { g, problems } = build([line(0, [[105.0, 30.28], [105.06, 30.28]], { 道路等级: '县道' }), line(1, [[105.03, 30.25], [105.03, 30.31]], { 道路等级: '乡道' })]);
    expect(problems.items).toEqual([]);
    expect(g!.nodes).toHaveLength(5);
    expect(g!.links.map((l) => l.id)).toEqual(['r0-1', 'r0-2', 'r1-1', 'r1-2']);
    const centre = g!.nodes.find((n) => Math.abs(n.position[0] - 105.03) < 1e-6 && Math.abs(n.position[1] - 30.28) < 1e-6);
    expect(centre).toBeDefined();
    expect(g!.links.filter((l) => l.from === centre!.id || l.to === centre!.id)).toHaveLength(4);
    // the two halves of the county road add up to its great-circle length
    const total = g!.links.filter((l) => l.feature === 0).reduce((s, l) => s + l.lengthKm, 0);
    expect(total).toBeCloseTo(haversineKm([105.0, 30.28], [105.06, 30.28]), 2);
    expect(g!.links.find((l) => l.id === 'r0-1')).toMatchObject({ speedKmh: 50, trunk: true });
    expect(g!.links.find((l) => l.id === 'r1-1')).toMatchObject({ speedKmh: 40, trunk: false });
    expect(g!.stats.crossings).toBe(1);
  });

  it('joins an end within the snapping tolerance to the middle of another road (T-junction), not one beyond it', () => {
    // 105.0301 is about 10 m east of the road at 105.03; 105.0305 about 48 m
    const near = build([line(0, [[105.03, 30.25], [105.03, 30.31]]), line(1, [[105.0301, 30.28], [105.05, 30.28]])]);
    expect(near.g!.nodes).toHaveLength(4);
    expect(near.g!.links).toHaveLength(3);
    expect(near.problems.items.filter((p) => p.key === 'disconnected')).toEqual([]);
    const far = build([line(0, [[105.03, 30.25], [105.03, 30.31]]), line(1, [[105.0305, 30.28], [105.05, 30.28]])]);
    expect(far.g!.links).toHaveLength(2);
    expect(far.text).toContain('roads.geojson 要素 1：路网有一块与主网不连通：2 个节点、1 条路段（要素 1）（警告）');
    expect(far.text.some((t) => /^roads\.geojson 要素 1：悬挂端点.*距另一条道路仅 48 m 但未连接（捕捉容差 20 m）/.test(t))).toBe(true);
  });

  it('takes speed from a speed attribute, class from OSM highway or a GB/T 917 route code, and reports unknown classes once', () => {
    const { g, text } = build([
      line(0, [[105.0, 30.28], [105.01, 30.28]], { highway: 'primary' }),
      line(1, [[105.01, 30.28], [105.02, 30.28]], { 路线编号: 'G318' }),
      line(2, [[105.02, 30.28], [105.03, 30.28]], { 道路等级: '村道', 速度: '25' }),
      line(3, [[105.03, 30.28], [105.04, 30.28]], { 道路等级: '林道' }),
      line(4, [[105.04, 30.28], [105.05, 30.28]], { 道路等级: '林道' }),
    ]);
    expect(g!.links.map((l) => [l.speedKmh, l.trunk])).toEqual([[60, true], [70, true], [25, false], [30, false], [30, false]]);
    expect(g!.links[2]!.speedFromAttribute).toBe(true);
    expect(text).toEqual(['roads.geojson 要素 3：道路等级“林道”无法识别，按 30 km/h 村道处理（共 2 条要素）（警告）']);
  });

  it('locates empty geometries, points, projected coordinates and self-crossing roads as errors', () => {
    const { g, problems } = build([
      line(0, [[105.0, 30.28], [105.06, 30.28]]),
      { index: 1, geometry: null, properties: {} },
      { index: 2, geometry: { type: 'Point', coordinates: [105, 30] }, properties: {} },
      line(3, [[395000, 3350000], [396000, 3351000]]),
      line(4, [[105.0, 30.3], [105.02, 30.3], [105.02, 30.32], [105.01, 30.29]]),
    ]);
    expect(g).toBeUndefined();
    expect(problems.items.filter((p) => p.severity === 'error').map((p) => formatImportProblem(p, 'zh'))).toEqual([
      'roads.geojson 要素 1：几何为空',
      'roads.geojson 要素 2：几何类型为 Point，道路须为 LineString 或 MultiLineString',
      'roads.geojson 要素 3：坐标 (395000, 3350000) 不是经纬度（须为 WGS84/CGCS2000 经度 73–136、纬度 3–54；投影坐标请先转换）',
      'roads.geojson 要素 4：道路自相交（约在 105.01333, 30.3）：请检查数字化错误或拆分为两条要素',
    ]);
  });

  it('splits a closed loop road so no link starts and ends at one node, and is deterministic', () => {
    const fs = [line(0, [[105.0, 30.28], [105.01, 30.28], [105.01, 30.29], [105.0, 30.29], [105.0, 30.28]])];
    const a = build(fs).g!;
    expect(a.links.every((l) => l.from !== l.to)).toBe(true);
    expect(a.links).toHaveLength(2);
    expect(JSON.stringify(build(fs).g!.links)).toBe(JSON.stringify(a.links));
  });
});
