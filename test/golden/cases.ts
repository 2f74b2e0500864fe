/** Fixed-seed runs pinned as golden files (rewritten only by `npm run golden`). */
export const goldenCases: { name: string; scenario: string; seed: number }[] = [
  { name: 'tiny-seed1', scenario: 'test/fixtures/scenarios/tiny.yaml', seed: 1 },
  { name: 'tiny-seed2', scenario: 'test/fixtures/scenarios/tiny.yaml', seed: 2 },
  { name: 'tiny-seed42', scenario: 'test/fixtures/scenarios/tiny.yaml', seed: 42 },
  { name: 'lezhi-seed1', scenario: 'scenarios/lezhi-rainstorm.yaml', seed: 1 },
  { name: 'lezhi-seed2026', scenario: 'scenarios/lezhi-rainstorm.yaml', seed: 2026 },
  { name: 'jingyan-seed1', scenario: 'scenarios/jingyan-rainstorm.yaml', seed: 1 },
  { name: 'shidian-seed1', scenario: 'scenarios/shidian-earthquake.yaml', seed: 1 },
  // seed 1: the 独山港 embankment breaks and floods the chemical park (灾害链); seed 46: the tank fire
  { name: 'pinghu-seed1', scenario: 'scenarios/pinghu-typhoon.yaml', seed: 1 },
  { name: 'pinghu-seed46', scenario: 'scenarios/pinghu-typhoon.yaml', seed: 46 },
  // seed 5: six fires, three held under 1 ha (一般), one escapes and fills its 157 ha compartment (重大, county Ⅲ), one reaches its village (森林城镇交界火) and people are evacuated
  { name: 'shidian-fire-seed5', scenario: 'scenarios/shidian-forest-fire.yaml', seed: 5 },
  // building scenario (model: evacuation): seed 1, fire in the floor-2 office, the brigade puts it out, 379 exposed to smoke
  { name: 'school-seed1', scenario: 'scenarios/school-fire-evacuation.yaml', seed: 1 },
];
