import type { Cited } from './types.ts';

/** A relief store size by the emergency-relocated population it serves (建标121-2009, standards-cn R-3). */
export interface StoreSize extends Cited {
  tier: 'province' | 'city' | 'county';
  /** planned 紧急转移安置 people, lower and upper bound */
  people: [number, number];
  /** building area, m² (where known) */
  areaM2?: [number, number];
}

/** 救灾物资储备库建设标准 (建标121-2009) store classes for local tiers. Pure data. */
export const STORE_SIZES: readonly StoreSize[] = [
  { id: 'R-3.province', tier: 'province', people: [120_000, 200_000], source: 'jianbiao121', url: 'http://www.renrendoc.com/paper/328990797.html', flag: 'V' },
  { id: 'R-3.city', tier: 'city', people: [40_000, 60_000], areaM2: [2900, 4100], source: 'jianbiao121', url: 'http://www.renrendoc.com/paper/328990797.html', flag: 'V' },
  { id: 'R-3.county', tier: 'county', people: [5_000, 7_000], areaM2: [630, 800], source: 'jianbiao121', url: 'http://www.renrendoc.com/paper/328990797.html', flag: 'V' },
];
