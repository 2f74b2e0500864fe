import type { Cited } from './types.ts';

/** 森林火灾等级 (森林防火条例 art. 40): 一般 < 较大 < 重大 < 特别重大. */
export type ForestFireGrade = '一般' | '较大' | '重大' | '特别重大';

/**
 * One grade's lower bounds (以上, inclusive), of which any one suffices (…或者…): burned forest
 * area in hectares (受害森林面积), deaths and injuries. 一般 is everything below 较大 (bounds 0),
 * though the regulation words its area bound as 1 公顷以下 (area < 1 ha).
 */
export interface ForestFireGradeRow extends Cited {
  grade: ForestFireGrade;
  /** 0 一般 … 3 特别重大 */
  rank: 0 | 1 | 2 | 3;
  en: string;
  areaHa: number;
  deaths: number;
  injuries: number;
}

/**
 * The national grading of forest fires (森林防火条例, 国务院令第541号, 2008, art. 40), highest
 * grade first. Pure data. Area is the burned forest area (受害森林面积), hectares.
 */
export const FOREST_FIRE_GRADES: readonly ForestFireGradeRow[] = [
  { id: 'FF-I', grade: '特别重大', rank: 3, en: 'particularly serious', areaHa: 1000, deaths: 30, injuries: 100, source: 'ffr2008', flag: 'M' },
  { id: 'FF-II', grade: '重大', rank: 2, en: 'serious', areaHa: 100, deaths: 10, injuries: 50, source: 'ffr2008', flag: 'M' },
  { id: 'FF-III', grade: '较大', rank: 1, en: 'large', areaHa: 1, deaths: 3, injuries: 10, source: 'ffr2008', flag: 'M' },
  { id: 'FF-IV', grade: '一般', rank: 0, en: 'ordinary', areaHa: 0, deaths: 0, injuries: 0, source: 'ffr2008', flag: 'M', note: 'everything below 较大 (受害森林面积在1公顷以下)' },
];

/**
 * The grade of a forest fire from its burned area (ha) and, optionally, deaths and injuries:
 * the highest grade any one measure reaches (bounds inclusive). Pure. Throws a RangeError on a
 * negative or non-finite measure.
 *
 *   forestFireGradeOf(0.4)   → 一般 (FF-IV)
 *   forestFireGradeOf(250)   → 重大 (FF-II)
 */
export function forestFireGradeOf(areaHa: number, deaths = 0, injuries = 0): ForestFireGradeRow {
  for (const [k, v] of [['areaHa', areaHa], ['deaths', deaths], ['injuries', injuries]] as const)
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`forestFireGradeOf: ${k} must be a finite number ≥ 0, got ${String(v)}`);
  for (const row of FOREST_FIRE_GRADES) if (areaHa >= row.areaHa || deaths >= row.deaths || injuries >= row.injuries) return row;
  return FOREST_FIRE_GRADES[FOREST_FIRE_GRADES.length - 1]!;
}

/**
 * The national 24-hour extinguishing target (24小时扑灭率, fires out within 24 h of being found)
 * of the 全国森林防火规划（2016—2025年）: at least 95%. Pure data.
 */
export const FIRE_OUT_24H_TARGET: Cited & { hours: number; rate: number } = {
  id: 'FF-24h',
  hours: 24,
  rate: 0.95,
  source: 'ffplan2016',
  flag: 'M',
  note: '森林火灾24小时扑灭率 ≥ 95% (planning target; quoted from memory)',
};
