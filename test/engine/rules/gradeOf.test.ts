import { describe, expect, it } from 'vitest';
import { GEOHAZARD_GRADES, geohazardGrade, gradeOf } from '../../../engine/rules/index.ts';

describe('gradeOf: national geohazard grading (地质灾害防治条例 §4, standards-cn §2.1)', () => {
  it('grades a threat (险情) by the people threatened, bounds inclusive (C1)', () => {
    expect(gradeOf({ threatenedPeople: 0 }).grade).toBe('小型');
    expect(gradeOf({ threatenedPeople: 99 }).grade).toBe('小型');
    expect(gradeOf({ threatenedPeople: 100 }).grade).toBe('中型');
    expect(gradeOf({ threatenedPeople: 499 }).grade).toBe('中型');
    expect(gradeOf({ threatenedPeople: 500 }).grade).toBe('大型');
    expect(gradeOf({ threatenedPeople: 999 }).grade).toBe('大型');
    expect(gradeOf({ threatenedPeople: 1000 }).grade).toBe('特大型');
  });

  it('grades a disaster (灾情) by dead and missing and by direct loss', () => {
    expect(gradeOf({ deadMissing: 2 }).level).toBe('IV');
    expect(gradeOf({ deadMissing: 3 }).level).toBe('III');
    expect(gradeOf({ deadMissing: 10 }).level).toBe('II');
    expect(gradeOf({ deadMissing: 29 }).level).toBe('II');
    expect(gradeOf({ deadMissing: 30 }).level).toBe('I');
    expect(gradeOf({ directLossYuan: 999_999 }).grade).toBe('小型');
    expect(gradeOf({ directLossYuan: 1e6 }).grade).toBe('中型');
    expect(gradeOf({ directLossYuan: 5e6 }).grade).toBe('大型');
    expect(gradeOf({ directLossYuan: 1e7 }).grade).toBe('特大型');
    expect(gradeOf({ potentialLossYuan: 5e6 }).grade).toBe('中型');
    expect(gradeOf({ potentialLossYuan: 1e8 }).grade).toBe('特大型');
  });

  it('takes the highest grade any one measure reaches (出现下列情况之一, C3)', () => {
    expect(gradeOf({ deadMissing: 2, directLossYuan: 6e6 }).id).toBe('GH-II');
    expect(gradeOf({ threatenedPeople: 20, deadMissing: 31 }).id).toBe('GH-I');
    expect(gradeOf({ threatenedPeople: 150, potentialLossYuan: 0 }).id).toBe('GH-III');
  });

  it('is monotone: more of any measure never lowers the grade', () => {
    const rank = (g: string) => ['小型', '中型', '大型', '特大型'].indexOf(g);
    for (let n = 0; n < 1200; n += 7) expect(rank(gradeOf({ threatenedPeople: n + 7 }).grade)).toBeGreaterThanOrEqual(rank(gradeOf({ threatenedPeople: n }).grade));
    for (let d = 0; d < 40; d++) expect(rank(gradeOf({ deadMissing: d + 1 }).grade)).toBeGreaterThanOrEqual(rank(gradeOf({ deadMissing: d }).grade));
  });

  it('refuses no measure, negative or non-finite measures', () => {
    expect(() => gradeOf({})).toThrow(RangeError);
    expect(() => gradeOf({ threatenedPeople: -1 })).toThrow(RangeError);
    expect(() => gradeOf({ deadMissing: Number.NaN })).toThrow(RangeError);
    expect(() => gradeOf({ directLossYuan: Infinity })).toThrow(RangeError);
  });

  it('keeps the table ordered and cited', () => {
    expect(GEOHAZARD_GRADES.map((r) => r.grade)).toEqual(['特大型', '大型', '中型', '小型']);
    for (let i = 1; i < GEOHAZARD_GRADES.length; i++) {
      const hi = GEOHAZARD_GRADES[i - 1]!;
      const lo = GEOHAZARD_GRADES[i]!;
      expect(hi.threat.threatenedPeople).toBeGreaterThan(lo.threat.threatenedPeople);
      expect(hi.disaster.deadMissing).toBeGreaterThan(lo.disaster.deadMissing);
    }
    expect(geohazardGrade('中型').disaster.deadMissing).toBe(3);
  });
});
