import type { Cited } from './types.ts';

/** 地质灾害分级: 特大型 (Ⅰ级) > 大型 (Ⅱ级) > 中型 (Ⅲ级) > 小型 (Ⅳ级). */
export type GeohazardGrade = '特大型' | '大型' | '中型' | '小型';
export type GradeLevel = 'I' | 'II' | 'III' | 'IV';

/**
 * One grade's lower bounds (以上, inclusive: standards-cn C1); a grade holds when any one
 * measure reaches its bound (出现下列情况之一, C3). 险情 (a threat): people threatened, who must
 * be relocated, and the potential loss; 灾情 (a realised disaster): dead and missing, and the
 * direct loss. Money in yuan.
 */
export interface GeohazardGradeRow extends Cited {
  grade: GeohazardGrade;
  level: GradeLevel;
  threat: { threatenedPeople: number; potentialLossYuan: number };
  disaster: { deadMissing: number; directLossYuan: number };
}

const url = 'https://www.longli.gov.cn/zwgk/zfgb/2015/d2q/zfbwj/201511/t20151123_5878011.html';
const note2015 = 'dead counted with missing (2015 地质灾害速报制度, same cut-offs)';

/**
 * The national grading of geological hazards (地质灾害防治条例 2003 §4; 国家突发地质灾害应急预案
 * 2006; standards-cn §2.1), highest grade first. 小型 is everything below 中型 (bounds 0). Pure data.
 */
export const GEOHAZARD_GRADES: readonly GeohazardGradeRow[] = [
  { id: 'GH-I', grade: '特大型', level: 'I', threat: { threatenedPeople: 1000, potentialLossYuan: 1e8 }, disaster: { deadMissing: 30, directLossYuan: 1e7 }, source: 'gh2003', url: 'https://juduo.cc/club/3662654.html', flag: 'V', note: note2015 },
  { id: 'GH-II', grade: '大型', level: 'II', threat: { threatenedPeople: 500, potentialLossYuan: 5e7 }, disaster: { deadMissing: 10, directLossYuan: 5e6 }, source: 'gh2003', url, flag: 'V', note: note2015 },
  { id: 'GH-III', grade: '中型', level: 'III', threat: { threatenedPeople: 100, potentialLossYuan: 5e6 }, disaster: { deadMissing: 3, directLossYuan: 1e6 }, source: 'gh2003', url, flag: 'V', note: note2015 },
  { id: 'GH-IV', grade: '小型', level: 'IV', threat: { threatenedPeople: 0, potentialLossYuan: 0 }, disaster: { deadMissing: 0, directLossYuan: 0 }, source: 'gh2003', url, flag: 'V', note: 'everything below 中型' },
];

/** What is known of one geohazard; give at least one measure (people, or yuan). */
export interface GeohazardMeasures {
  /** 险情: people threatened (受威胁、需搬迁转移) */
  threatenedPeople?: number;
  /** 险情: potential economic loss, yuan */
  potentialLossYuan?: number;
  /** 灾情: dead and missing */
  deadMissing?: number;
  /** 灾情: direct economic loss, yuan */
  directLossYuan?: number;
}

/**
 * The grade of a geological hazard (险情 or 灾情): the highest grade any one given measure
 * reaches (bounds inclusive, standards-cn C1/C3). Pure; independent of the rest of yanlian.
 * Throws a RangeError when no measure is given or one is negative or not a finite number.
 *
 *   gradeOf({ threatenedPeople: 120 })            → 中型 (GH-III)
 *   gradeOf({ deadMissing: 2, directLossYuan: 6e6 }) → 大型 (GH-II, by the loss)
 */
export function gradeOf(m: GeohazardMeasures): GeohazardGradeRow {
  const given = Object.entries(m).filter(([, v]) => v !== undefined) as [keyof GeohazardMeasures, number][];
  if (given.length === 0) throw new RangeError('gradeOf: give at least one measure');
  for (const [k, v] of given)
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`gradeOf: ${k} must be a finite number ≥ 0, got ${String(v)}`);
  for (const row of GEOHAZARD_GRADES) {
    const reaches =
      (m.threatenedPeople ?? -1) >= row.threat.threatenedPeople ||
      (m.potentialLossYuan ?? -1) >= row.threat.potentialLossYuan ||
      (m.deadMissing ?? -1) >= row.disaster.deadMissing ||
      (m.directLossYuan ?? -1) >= row.disaster.directLossYuan;
    if (reaches) return row;
  }
  return GEOHAZARD_GRADES[GEOHAZARD_GRADES.length - 1]!;
}

/** The row of a grade; pure. */
export function geohazardGrade(grade: GeohazardGrade): GeohazardGradeRow {
  return GEOHAZARD_GRADES.find((r) => r.grade === grade)!;
}
