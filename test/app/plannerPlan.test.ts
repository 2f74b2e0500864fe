import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnyScenario } from '../../engine/model/loadAnyScenario.ts';
import { sourceOf } from '../../engine/scenario/provenance.ts';
import type { Scenario } from '../../engine/scenario/schema/scenario.ts';
import { diffPlans, getAt, setAt } from '../../src/app/planner/planDoc.ts';
import { pushState, redo, startHistory, undo } from '../../src/app/planner/planHistory.ts';
import { planJsonSchema, unitOf } from '../../src/app/planner/planSchema.ts';
import { planSourceUses, planYaml, withPlanSources } from '../../src/app/planner/planSources.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const lezhi = () => parse(readFileSync(`${ROOT}scenarios/lezhi-rainstorm.yaml`, 'utf8')) as Record<string, any>;

describe('plan documents', () => {
  it('setAt copies the path only, removes with undefined, and getAt reads it back', () => {
    const a = { x: { y: [1, 2, 3] }, z: { k: 1 } };
    const b = setAt(a, ['x', 'y', 1], 20) as typeof a;
    expect(b.x.y).toEqual([1, 20, 3]);
    expect(a.x.y).toEqual([1, 2, 3]);
    expect(b.z).toBe(a.z);
    expect(getAt(setAt(a, ['x', 'y', 0], undefined), ['x', 'y'])).toEqual([2, 3]);
    expect(setAt(a, ['z', 'k'], undefined)).toEqual({ x: { y: [1, 2, 3] }, z: {} });
  });

  it('diffPlans matches elements by id: one removal is one change, not a shift', () => {
    const a = { list: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }] };
    const b = { list: [{ id: 'a', n: 1 }, { id: 'c', n: 30 }, { id: 'd', n: 4 }] };
    const d = diffPlans(a, b);
    expect(d.map((c) => [c.kind, c.label, c.path.join('.')])).toEqual([
      ['removed', 'list[b]', 'list.1'],
      ['changed', 'list[c].n', 'list.1.n'],
      ['added', 'list[d]', 'list.2'],
    ]);
    expect(diffPlans(a, a)).toEqual([]);
  });

  it('undo and redo walk the history; a new edit clears redo', () => {
    let h = startHistory({ doc: 1, sources: {} });
    h = pushState(h, { doc: 2, sources: {} });
    h = pushState(h, { doc: 3, sources: {} });
    h = undo(h);
    expect(h.present.doc).toBe(2);
    h = redo(h);
    expect(h.present.doc).toBe(3);
    h = undo(undo(h));
    expect(h.present.doc).toBe(1);
    expect(undo(h)).toBe(h);
    h = pushState(h, { doc: 9, sources: {} });
    expect(h.future).toEqual([]);
    expect(h.past.map((s) => s.doc)).toEqual([1]);
  });
});

describe('edited numbers keep the planner’s source', () => {
  it('a raised township stock cites the planner’s source; the YAML loads and simulate would read the same numbers', () => {
    const orig = lezhi();
    const i = (orig.reserves.warehouses as { tier: string }[]).findIndex((w) => w.tier === 'township');
    const item = Object.keys(orig.reserves.warehouses[i].stock)[0]!;
    const path = ['reserves', 'warehouses', i, 'stock', item];
    const edited = setAt(orig, path, (getAt(orig, path) as number) + 500);
    const w = withPlanSources(orig, edited, { [path.join('.')]: '2026 年储备计划' }, '规划人员修改');
    expect(w.uses).toEqual([{ key: 'planner-1', title: '2026 年储备计划', paths: [path.join('.')] }]);
    expect(planSourceUses(w.doc)).toEqual(w.uses);
    const r = loadAnyScenario(planYaml(w.doc, 'lezhi-rainstorm.yaml'), 'plan.yaml', 'zh');
    expect(r.ok).toBe(true);
    if (!r.ok || r.model !== 'county') return;
    const s = r.scenario as Scenario;
    expect(s.reserves.warehouses[i]!.stock[item]).toBe(orig.reserves.warehouses[i].stock[item] + 500);
    expect(sourceOf(s, path)?.source).toBe('planner-1');
    expect(s.sources['planner-1']?.title).toBe('2026 年储备计划');
    // an untouched number keeps the file's own source
    expect(sourceOf(s, ['horizonHours'])?.source).toBe('assumed');
  });

  it('a bad number is located at its path by the engine’s loader (nothing runs)', () => {
    const orig = lezhi();
    const edited = setAt(orig, ['teams', 0, 'size'], '五十');
    const w = withPlanSources(orig, edited, {}, '规划人员修改');
    const r = loadAnyScenario(planYaml(w.doc, 'x'), 'plan.yaml', 'zh');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.some((p) => p.severity === 'error' && p.path.join('.') === 'teams.0.size')).toBe(true);
  });

  it('the form schema comes from the zod schema: stock by item is a record of integers; lead times are distributions', () => {
    const s = planJsonSchema('county');
    const wh = s.properties!.reserves!.properties!.warehouses!.items!;
    expect((wh.properties!.stock!.additionalProperties as { type: string }).type).toBe('integer');
    expect(wh.properties!.resupplyLeadHours!.oneOf!.length).toBeGreaterThan(3);
    expect(wh.properties!.tier!.enum).toEqual(['county', 'township', 'village', 'agreement']);
    expect(unitOf('resupplyLeadHours')).toEqual({ zh: '小时', en: 'h' });
    expect(planJsonSchema('evacuation').properties!.roles!.type).toBe('array');
  });
});
