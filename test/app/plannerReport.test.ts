import { describe, expect, it } from 'vitest';
import { withPlanSourceRows } from '../../src/app/planner/plannerReport.ts';
import { plannerReport } from '../../src/server/plannerRoutes.ts';

describe('the workbench report', () => {
  const page = '<body><section id="x"><dl><dt>a</dt></dl></section><section id="manifest">\n<h2>运行清单</h2>\n<dl class="manifest">\n<dt>场景</dt><dd>x</dd>\n</dl>\n</section></body>';

  it('the planner’s sources become rows at the end of the manifest; an unedited plan’s report is untouched', () => {
    const out = withPlanSourceRows(page, [{ key: 'planner-1', title: '2026 年储备计划 <草案>', paths: ['reserves.warehouses.1.stock.food'] }], 'zh');
    expect(out).toBe(
      page.replace(
        '<dt>场景</dt><dd>x</dd>\n</dl>',
        '<dt>场景</dt><dd>x</dd>\n<dt>规划来源（planner-1）</dt><dd>2026 年储备计划 &lt;草案&gt;：<code>reserves.warehouses.1.stock.food</code></dd>\n</dl>',
      ),
    );
    expect(withPlanSourceRows(page, [], 'zh')).toBe(page);
  });

  it('POST /api/planner/report refuses a malformed body with a zh/en message', async () => {
    const r = await plannerReport({ model: 'county', lang: 'zh', scenarioFile: 'a.yaml', scenarioName: { zh: 'a', en: 'a' }, summary: { format: 'yanlian-evac-summary' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain('无法生成报告');
    const r2 = await plannerReport({ lang: 'fr' });
    expect(r2.ok).toBe(false);
    const r3 = await plannerReport({ model: 'county', lang: 'en', scenarioFile: 'a.yaml', scenarioName: { zh: 'a', en: 'a' }, summary: { format: 'yanlian-mc-summary' } });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.en).toMatch(/^cannot build the report: /);
  });
});
