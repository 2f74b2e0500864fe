import type { Cited } from './types.ts';

/** National relief response levels, 一级 highest. */
export type ReliefLevel = '一级' | '二级' | '三级' | '四级';

/** Counts of one disaster process in one province (standards-cn C5), as the national plan reads them. */
export interface ReliefMeasures {
  /** 死亡和失踪 (the 2024 plan counts both, C6) */
  deadMissing?: number;
  /** 紧急转移安置和需紧急生活救助人口 */
  relocatedNeedingAid?: number;
  /** 倒塌和严重损坏房屋, rooms (间) */
  collapsedRooms?: number;
  /** the same, households (户) */
  collapsedHouseholds?: number;
  /** drought: people needing government aid */
  droughtAidPeople?: number;
  /** drought: that as a share of the farming and pastoral population, 0–1 */
  droughtAidShare?: number;
}

/**
 * One level's start conditions: the lower bound (以上, inclusive) of each measure; the level
 * starts when any one is reached (C3). Counts are per province and per disaster process.
 */
export interface ReliefLevelRow extends Cited {
  level: ReliefLevel;
  rank: 'I' | 'II' | 'III' | 'IV';
  startAny: Required<ReliefMeasures>;
}

/**
 * Start conditions of the national natural-disaster relief response (国家自然灾害救助应急预案,
 * 国办函〔2024〕11号; standards-cn §3.1), highest first. 一级 is verified in the 2024 text; 二级 and
 * 三级 carry the 2016 values (the 2024 cut-offs are expected to match); 四级 is from memory.
 * These are provincial quantities: a county plan copies the structure with much lower numbers,
 * so county scenarios scale their own ladder (启动条件调整) rather than read these. Pure data.
 */
export const RELIEF_RESPONSE_LEVELS: readonly ReliefLevelRow[] = [
  {
    id: 'NDR-1', level: '一级', rank: 'I', source: 'ndrp2024', flag: 'V',
    url: 'http://www.jianbiaoku.com/webarbs/book/163648/4859532.shtml',
    startAny: { deadMissing: 200, relocatedNeedingAid: 2_000_000, collapsedRooms: 300_000, collapsedHouseholds: 100_000, droughtAidPeople: 4_000_000, droughtAidShare: 0.3 },
  },
  {
    id: 'NDR-2', level: '二级', rank: 'II', source: 'ndrp2024', flag: 'V', note: '2016 values, expected unchanged in 2024',
    url: 'http://guangzhou.baogaosu.com/xinwen/%E8%87%AA%E7%84%B6%E7%81%BE%E5%AE%B3%E6%95%91%E5%8A%A9%E5%BA%94%E6%80%A5%E9%A2%84%E6%A1%88%E6%98%8E%E7%A1%AE%E5%90%AF%E5%8A%A8/45059122/',
    startAny: { deadMissing: 100, relocatedNeedingAid: 1_000_000, collapsedRooms: 200_000, collapsedHouseholds: 70_000, droughtAidPeople: 3_000_000, droughtAidShare: 0.25 },
  },
  {
    id: 'NDR-3', level: '三级', rank: 'III', source: 'ndrp2024', flag: 'P', note: '2016 values; drought figures from memory',
    url: 'http://guangzhou.baogaosu.com/xinwen/%E8%87%AA%E7%84%B6%E7%81%BE%E5%AE%B3%E6%95%91%E5%8A%A9%E5%BA%94%E6%80%A5%E9%A2%84%E6%A1%88%E6%98%8E%E7%A1%AE%E5%90%AF%E5%8A%A8/45059122/',
    startAny: { deadMissing: 50, relocatedNeedingAid: 500_000, collapsedRooms: 100_000, collapsedHouseholds: 30_000, droughtAidPeople: 2_000_000, droughtAidShare: 0.2 },
  },
  {
    id: 'NDR-4', level: '四级', rank: 'IV', source: 'ndrp2024', flag: 'M', note: 'from memory: check before relying on it',
    startAny: { deadMissing: 20, relocatedNeedingAid: 100_000, collapsedRooms: 10_000, collapsedHouseholds: 3_000, droughtAidPeople: 1_000_000, droughtAidShare: 0.15 },
  },
];

/**
 * The national relief response level one disaster process in one province calls for: the
 * highest level any given measure reaches, or null below 四级. Pure; throws a RangeError for a
 * negative or non-finite measure.
 */
export function nationalReliefLevel(m: ReliefMeasures): ReliefLevelRow | null {
  for (const [k, v] of Object.entries(m))
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
      throw new RangeError(`nationalReliefLevel: ${k} must be a finite number ≥ 0, got ${String(v)}`);
  for (const row of RELIEF_RESPONSE_LEVELS)
    if ((Object.keys(row.startAny) as (keyof ReliefMeasures)[]).some((k) => (m[k] ?? -1) >= row.startAny[k])) return row;
  return null;
}
