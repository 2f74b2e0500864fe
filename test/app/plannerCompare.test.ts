import { describe, expect, it } from 'vitest';
import type { McSummary } from '../../engine/montecarlo/summaryTypes.ts';
import { exceedanceOption, levelsOption, stockFanOption, type ChartWords } from '../../src/app/planner/compareCharts.ts';
import { comparePlans, csvColumns, pairedDiff, verdictsOf } from '../../src/app/planner/planCompare.ts';

const csv = (rows: string[][]) => '\uFEFF' + ['trial,seed,item.food.stockout,target.relief.met,target.relief.worstHours', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

/** 200 trials: stock-out in the first `out` trials, relief met in the rest, worst hours `h(i)`. */
const plan = (out: number, h: (i: number) => number) => csv(Array.from({ length: 200 }, (_, i) => [String(i), '1', i < out ? '1' : '0', i < out ? '0' : '1', String(h(i))]));

describe('plan comparison (paired, common random numbers)', () => {
  it('reads the per-trial CSV by column, in trial order', () => {
    const c = csvColumns(csv([['0', '11', '1', '0', '7'], ['1', '12', '0', '', '']]));
    expect(c.get('item.food.stockout')).toEqual(['1', '0']);
    expect(c.get('target.relief.met')).toEqual(['0', '']);
    expect(() => csvColumns(csv([['1', '11', '1', '0', '3']]))).toThrow();
  });

  it('the paired difference sees a small consistent change that two separate intervals would not', () => {
    const n = 400;
    const a = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '1' : '0'));
    // B fixes 20 of A's stock-outs and breaks none: -5 pp
    const b = a.map((x, i) => (x === '1' && i < 40 ? '0' : x));
    const d = pairedDiff(a, b)!;
    expect(d.n).toBe(n);
    expect(d.mean).toBeCloseTo(-0.05, 10);
    expect(d.ci95[1]).toBeLessThan(0);
    // trials where either side has no value are left out
    expect(pairedDiff(['1', '', '0'], ['0', '1', '0'])!.n).toBe(2);
  });

  it('three plans against a chosen base: fewer stock-outs and more targets met are better, shorter hours too; the same numbers are no difference', () => {
    const A = plan(100, () => 8);
    const B = plan(40, (i) => 8 - (i % 2)); // fewer stock-outs, half an hour faster on average
    const C = plan(100, () => 8); // A again
    const r = comparePlans([A, B, C], 0);
    expect(r.map((x) => x.column)).toEqual(['item.food.stockout', 'target.relief.met', 'target.relief.worstHours']);
    expect(r.map((x) => x.kind)).toEqual(['stockout', 'met', 'hours']);
    expect(r.map((x) => x.verdicts)).toEqual([
      [null, 'better', 'same'],
      [null, 'better', 'same'],
      [null, 'better', 'same'],
    ]);
    expect(r[0]!.values.map((v) => v.estimate)).toEqual([0.5, 0.2, 0.5]);
    expect(r[0]!.diffs[1]!.mean).toBeCloseTo(-0.3, 12);
    expect(r[2]!.values[1]!.estimate).toBeCloseTo(7.5, 12);
    expect(r[2]!.diffs[1]!.mean).toBeCloseTo(-0.5, 12);
    expect(r[0]!.diffs[0]).toBeNull();
    // with B as the base, A and C are worse at all three
    const rb = comparePlans([A, B, C], 1);
    expect(rb.map((x) => x.verdicts)).toEqual([
      ['worse', null, 'worse'],
      ['worse', null, 'worse'],
      ['worse', null, 'worse'],
    ]);
    expect(verdictsOf(rb, 2).worse.map((x) => x.kind)).toEqual(['stockout', 'met', 'hours']);
    expect(verdictsOf(r, 2)).toEqual({ better: [], worse: [] });
  });

  it('refuses fewer than two or more than four plans, and a base that is not one of them', () => {
    const A = plan(1, () => 1);
    expect(() => comparePlans([A], 0)).toThrow();
    expect(() => comparePlans([A, A, A, A, A], 0)).toThrow();
    expect(() => comparePlans([A, A], 2)).toThrow();
    expect(comparePlans([A, A, A, A], 3)).toHaveLength(3);
  });
});

describe('comparison charts (ECharts options, pure)', () => {
  const words: ChartWords = { hours: 'h', probability: 'p', target: (h) => `target ${h}`, stock: (u) => u, level: (l) => `L${l}` };
  const summary = (shift: number): McSummary =>
    ({
      curveStepHours: 0.5,
      horizonHours: 4,
      targets: [{ id: 'relief-6h', hours: 1, applied: 10, exceedance: [1, 0.8, 0.5 - shift, 0.2, 0, 0, 0, 0, 0] }],
      reserves: { items: [{ id: 'food', stockFan: { p10: [100, 80, 60, 40, 20], p50: [100, 90, 80, 70, 60], p90: [100, 95, 90, 85, 80 + shift] } }] },
      responseLevels: [
        { level: 'none', highestProbability: { estimate: 0.5 } },
        { level: 'IV', highestProbability: { estimate: 0.5 - shift } },
      ],
    }) as unknown as McSummary;
  const plans = [
    { label: 'A', color: '#111111', summary: summary(0) },
    { label: 'B', color: '#222222', summary: summary(0.1) },
    { label: 'C', color: '#333333', summary: summary(0.2) },
  ];

  it('exceedance: one line per plan on the hours grid, the target as a marker line on the first', () => {
    const o = exceedanceOption(plans, 'relief-6h', words) as { series: { name: string; data: number[][]; markLine?: { data: { xAxis: number }[] } }[]; xAxis: { max: number } };
    expect(o.series.map((s) => s.name)).toEqual(['A', 'B', 'C']);
    expect(o.series[1]!.data.slice(0, 3)).toEqual([[0, 1], [0.5, 0.8], [1, 0.4]]);
    expect(o.series[0]!.markLine!.data).toEqual([{ xAxis: 1 }]);
    expect(o.series[1]!.markLine).toBeUndefined();
    expect(o.xAxis.max).toBeGreaterThanOrEqual(2);
  });

  it('stock fan: per plan a P10 base, a P10–P90 band stacked on it, and the median', () => {
    const o = stockFanOption(plans, 'food', words, 'kg') as { series: { name: string; stack?: string; data: number[][] }[] };
    expect(o.series).toHaveLength(9);
    const [lo, band, mid] = o.series.slice(3, 6);
    expect(lo!.stack).toBe(band!.stack);
    expect(band!.data[4]![0]).toBe(4);
    expect(band!.data[4]![1]).toBeCloseTo(80.1 - 20, 12);
    expect(mid!.data[2]).toEqual([2, 80]);
    expect(mid!.stack).toBeUndefined();
  });

  it('response levels: one bar series per plan, a category per level', () => {
    const o = levelsOption(plans, words) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(o.xAxis.data).toEqual(['Lnone', 'LIV']);
    expect(o.series.map((s) => s.data[1])).toEqual([0.5, 0.4, 0.3]);
  });
});

describe('the comparison as a workbook', () => {
  it('plans, probabilities and hours with their paired differences and verdicts, then each plan’s summary tables; numbers as numbers', async () => {
    const { readFileSync } = await import('node:fs');
    const { compareTables } = await import('../../src/app/planner/compareTables.ts');
    const { summaryXlsx } = await import('../../src/app/planner/planSheets.ts');
    const summary = JSON.parse(readFileSync(new URL('../../scenarios/expected/lezhi-rainstorm.summary.json', import.meta.url), 'utf8')) as McSummary;
    const A = plan(100, () => 8);
    const B = plan(40, (i) => 8 - (i % 2));
    const C = plan(100, () => 8);
    const rows = comparePlans([A, B, C], 1);
    const plans = ['原计划', '加储', '原计划复本'].map((label, i) => ({ label, file: `p${i}.yaml`, summary }));
    const tables = compareTables(plans, rows, 1, (r) => `${r.kind}:${r.id}`, 'zh');
    const own = ['概况', '物资缺货', '分级缺货', '目标达成', '响应级别', '干线公路', '影响'];
    expect(tables.map((t) => t.sheet)).toEqual(['方案', '概率对比', '时长对比', ...['A', 'B', 'C'].flatMap((l) => own.map((s) => `${l} ${s}`))]);
    expect(tables[0]!.rows).toEqual([['A', '原计划', 'p0.yaml', null], ['B', '加储', 'p1.yaml', '基准'], ['C', '原计划复本', 'p2.yaml', null]]);
    const probs = tables[1]!;
    expect(probs.rows.map((r) => r[0])).toEqual(['stockout:food', 'met:relief']);
    // base B: A and C are compared, each with difference, low, high, verdict after the three plans' estimate/low/high
    expect(probs.header.slice(10)).toEqual(['A − B', '配对 95% 下限', '配对 95% 上限', '结论', 'C − B', '配对 95% 下限', '配对 95% 上限', '结论']);
    const food = rows.find((r) => r.column === 'item.food.stockout')!;
    expect(probs.rows[0]!.slice(1, 4)).toEqual([food.values[0]!.estimate, food.values[0]!.ci95![0], food.values[0]!.ci95![1]]);
    expect(probs.rows[0]!.slice(10)).toEqual([food.diffs[0]!.mean, food.diffs[0]!.ci95[0], food.diffs[0]!.ci95[1], '更差', food.diffs[2]!.mean, food.diffs[2]!.ci95[0], food.diffs[2]!.ci95[1], '更差']);
    expect(tables[2]!.rows.map((r) => r[0])).toEqual(['hours:relief']);
    expect(tables[2]!.formats[1]).toBe('hours');
    const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryXlsx(tables)) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('概率对比')!.getRow(2).getCell(11);
    expect(cell.value).toBe(food.diffs[0]!.mean);
    expect(cell.numFmt).toBe('0.0%');
    expect(compareTables(plans, rows, 1, (r) => r.id, 'en').map((t) => t.sheet).slice(0, 3)).toEqual(['Plans', 'Probabilities', 'Hours']);
  });
});
