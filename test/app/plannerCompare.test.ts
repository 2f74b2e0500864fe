import { describe, expect, it } from 'vitest';
import { compareRuns, csvColumns, pairedDiff } from '../../src/app/planner/planCompare.ts';

const csv = (rows: string[][]) => '\uFEFF' + ['trial,seed,item.food.stockout,target.relief.met', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';

describe('plan comparison (paired, common random numbers)', () => {
  it('reads the per-trial CSV by column, in trial order', () => {
    const c = csvColumns(csv([['0', '11', '1', '0'], ['1', '12', '0', '']]));
    expect(c.get('item.food.stockout')).toEqual(['1', '0']);
    expect(c.get('target.relief.met')).toEqual(['0', '']);
    expect(() => csvColumns(csv([['1', '11', '1', '0']]))).toThrow();
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

  it('says which plan is better: fewer stock-outs, more targets met; the same numbers are no difference', () => {
    const rowsA = Array.from({ length: 200 }, (_, i) => [String(i), '1', i < 100 ? '1' : '0', i < 100 ? '0' : '1']);
    const rowsB = rowsA.map((r, i) => [r[0]!, r[1]!, i < 40 ? '1' : '0', i < 40 ? '0' : '1']);
    const r = compareRuns(csv(rowsA), csv(rowsB));
    expect(r.map((x) => [x.column, x.better])).toEqual([
      ['item.food.stockout', 'B'],
      ['target.relief.met', 'B'],
    ]);
    expect(r[0]!.a.estimate).toBe(0.5);
    expect(r[0]!.b.estimate).toBe(0.2);
    expect(compareRuns(csv(rowsA), csv(rowsA)).every((x) => x.better === 'same')).toBe(true);
    expect(compareRuns(csv(rowsB), csv(rowsA)).map((x) => x.better)).toEqual(['A', 'A']);
  });
});
