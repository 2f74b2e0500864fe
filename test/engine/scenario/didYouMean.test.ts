import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { editDistance, keysAt, nearest, zhTypeWords } from '../../../engine/scenario/parseLocated.ts';
import { ScenarioV1 } from '../../../engine/scenario/schema/scenario.ts';

describe('did you mean', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('strat', 'start')).toBe(1);
    expect(editDistance('horizonHour', 'horizonHours')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('suggests the nearest allowed key within 2, nothing further or for tiny keys', () => {
    expect(nearest('strat', ['start', 'sources'])).toBe('start');
    expect(nearest('Populaton', ['population', 'name'])).toBe('population');
    expect(nearest('colour', ['color', 'kind'])).toBe('color');
    expect(nearest('mayor', ['id', 'name', 'node'])).toBeUndefined();
    expect(nearest('a', ['b'])).toBeUndefined();
  });

  it('finds the allowed keys through arrays, optionals and unions of the real schema', () => {
    expect(keysAt(ScenarioV1, [])).toContain('horizonHours');
    expect(keysAt(ScenarioV1, ['region', 'villages', 3])).toEqual(expect.arrayContaining(['id', 'name', 'population']));
    const U = z.strictObject({ a: z.array(z.union([z.strictObject({ x: z.number() }), z.strictObject({ y: z.number() }).optional()])) });
    expect(keysAt(U, ['a', 0]).sort()).toEqual(['x', 'y']);
    expect(keysAt(U, ['nope'])).toEqual([]);
  });

  it('zod’s Chinese messages without English type words', () => {
    expect(zhTypeWords('无效输入：期望 数字，实际接收 string')).toBe('无效输入：期望 数字，实际接收 文本（字符串）');
    expect(zhTypeWords('无效输入：期望 boolean，实际接收 数字')).toBe('无效输入：期望 布尔值（true 或 false），实际接收 数字');
    expect(zhTypeWords('无效输入：期望 string，实际接收 undefined')).toBe('缺少此项（应为文本（字符串））');
    expect(zhTypeWords('无效输入：期望 object，实际接收 空值(null)')).toBe('无效输入：期望 对象（映射），实际接收 空值(null)');
  });
});
