import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario, loadEvacuationScenario, scenarioModelOf } from '../../../engine/evacuation/index.ts';
import { formatProblem } from '../../../engine/scenario/problem.ts';

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
const SCHOOL = 'scenarios/school-fire-evacuation.yaml';
const BROKEN = 'test/fixtures/scenarios/school-broken.yaml';

describe('building scenario loader', () => {
  it('loads the shipped school scenario with no errors and no warnings (every number sourced)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = loadEvacuationScenario(read(SCHOOL), SCHOOL, lang);
      expect(r.ok ? r.warnings.map(formatProblem) : r.problems.map(formatProblem)).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('the shipped scenario has the plan: seven duties, 4 floors × 6 classrooms, a lift, 3 stairs, no personal names', () => {
    const r = loadEvacuationScenario(read(SCHOOL), SCHOOL);
    if (!r.ok) throw new Error('not ok');
    const s = r.scenario;
    expect(new Set(s.roles.map((x) => x.duty)).size).toBe(7);
    expect(s.building.floors).toHaveLength(4);
    expect(s.building.rooms.filter((x) => x.kind !== 'office')).toHaveLength(24);
    expect(s.building.stairs).toHaveLength(3);
    expect(s.building.lift).toBeDefined();
    expect(Object.isFrozen(s.building.rooms)).toBe(true);
    // the seed plan names people (L86–L95): only titles may appear
    expect(read(SCHOOL)).not.toMatch(/平俊彦|徐双宾|徐教才|徐xx/);
  });

  it('reports every problem of the broken fixture, each located FILE:LINE:COL path (zh)', () => {
    const r = loadEvacuationScenario(read(BROKEN), BROKEN);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    const expectLine = (re: RegExp) => expect(lines.some((l) => re.test(l)), `${re} in\n${lines.join('\n')}`).toBe(true);
    expectLine(/school-broken\.yaml:17:\d+ building\.nodes\[1\]\.floor: 引用了不存在的楼层 "F9"/);
    expectLine(/school-broken\.yaml:19:\d+ building\.nodes\[3\]\.id: 重复的 id "C1"/);
    expectLine(/school-broken\.yaml:23:\d+ building\.edges\[1\]\.to: 引用了不存在的通道节点 "GATE"/);
    expectLine(/school-broken\.yaml:23:\d+ building\.edges\[1\]\.stair: 只有楼梯段/);
    expectLine(/school-broken\.yaml:24:\d+ building\.edges\[2\]\.colour: 未知的键 "colour"/);
    expectLine(/school-broken\.yaml:28:\d+ building\.rooms\[1\]\.node: 房间 "R2" 没有通往集合点 "A" 的路线/);
    expectLine(/school-broken\.yaml:33:\d+ preMovement\.unguidedS: triangular 分布的参数顺序错误/);
    expectLine(/school-broken\.yaml:36:\d+ fire\.origins\[0\]\.room: 引用了不存在的房间 "LAB"/);
    expectLine(/school-broken\.yaml:11:\d+ provenance\[0\]\.source: 来源 "nowhere" 未在 sources 中定义/);
    expectLine(/school-broken\.yaml:49:\d+ roles\[0\]\.tasks\[0\]\.kind: fightFire 任务必须写 successProbability/);
  });

  it('English messages with --lang en', () => {
    const r = loadEvacuationScenario(read(BROKEN), BROKEN, 'en');
    if (r.ok) throw new Error('should fail');
    const text = r.problems.map(formatProblem).join('\n');
    expect(text).toMatch(/refers to a floor "F9" that does not exist/);
    expect(text).toMatch(/room "R2" has no route to the assembly point "A" \(without the lift\)/);
    expect(text).toMatch(/unknown key "colour"/);
  });

  it('bad YAML, a missing version, a wrong model: located, never thrown', () => {
    const bad = loadEvacuationScenario('model: evacuation\nschemaVersion: 1\nid: [oops\n', 'x.yaml');
    expect(bad.ok).toBe(false);
    const noVersion = loadEvacuationScenario('model: evacuation\nid: x\n', 'x.yaml');
    if (noVersion.ok) throw new Error('should fail');
    expect(formatProblem(noVersion.problems[0]!)).toMatch(/^x\.yaml:\d+:\d+ schemaVersion: 缺少 schemaVersion/);
    const county = loadEvacuationScenario('schemaVersion: 1\nid: x\n', 'x.yaml', 'en');
    if (county.ok) throw new Error('should fail');
    expect(county.problems[0]!.message).toMatch(/model must be "evacuation"/);
  });

  it('scenarioModelOf and loadAnyScenario pick the engine by the model key', () => {
    expect(scenarioModelOf(read(SCHOOL))).toBe('evacuation');
    expect(scenarioModelOf(read('scenarios/lezhi-rainstorm.yaml'))).toBe('county');
    expect(scenarioModelOf('::: not yaml [')).toBe('county');
    const a = loadAnyScenario(read(SCHOOL), SCHOOL);
    expect(a.ok && a.model).toBe('evacuation');
    const b = loadAnyScenario(read('test/fixtures/scenarios/tiny.yaml'), 'tiny.yaml');
    expect(b.model).toBe('county');
    const c = loadAnyScenario(read(BROKEN), BROKEN);
    expect(c.ok).toBe(false);
    expect(c.model).toBe('evacuation');
  });
});
