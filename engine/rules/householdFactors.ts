import type { Cited } from './types.ts';

/**
 * Factors that turn people into the units the relief plans count damage in (倒塌和严重损坏房屋,
 * rooms 间 and households 户; standards-cn §3.1). Pure data.
 */
export interface HouseholdFactor extends Cited {
  value: number;
}

/**
 * Rooms (间) per household (户): the national relief plan states each housing threshold both
 * ways — 一级 30万间 or 10万户, 二级 20–30万间 or 7–10万户, 四级 1–10万间 or 0.3–3万户 — about
 * 3 rooms a household. Assumed: the plan's own equivalence, not a survey figure.
 */
export const ROOMS_PER_HOUSEHOLD: HouseholdFactor = {
  id: 'HH-ROOMS',
  source: 'ndrp2024',
  flag: 'M',
  note: 'assumed: the ratio of the plan’s 间 and 户 thresholds (30万间 ≈ 10万户)',
  value: 3,
};

/**
 * People per household: assumed 3, a round figure for a rural household (no source in
 * shared/domain). With `ROOMS_PER_HOUSEHOLD` an affected person's home counts as one collapsed
 * or badly damaged room.
 */
export const PEOPLE_PER_HOUSEHOLD: HouseholdFactor = {
  id: 'HH-PEOPLE',
  source: 'ndrp2024',
  flag: 'M',
  note: 'assumed: a rural household of 3; no source in shared/domain',
  value: 3,
};
