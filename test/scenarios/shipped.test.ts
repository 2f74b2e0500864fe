/**
 * Every shipped scenario loads with zero problems and zero warnings (every number has a source),
 * uses the real divisions it was built from, and — where it leaves them out — gets the national
 * rules from the loader's resolve step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, sourceOf } from '../../engine/index.ts';
import { RAINSTORM_SIGNALS } from '../../engine/rules/index.ts';
import { loadAnyScenario } from '../../engine/evacuation/index.ts';
import { SCENARIO_DIR, shippedBuildingFiles, shippedFiles } from './helpers.ts';

/** What each scenario must hold (counts checked against the seed plans by scripts/build-divisions.ts). */
const expected: Record<string, { data: string; townships: number; villages: number; kinds: string[] }> = {
  'lezhi-rainstorm.yaml': { data: 'lezhi', townships: 21, villages: 315, kinds: ['landslide', 'collapse'] },
  'jingyan-rainstorm.yaml': { data: 'jingyan', townships: 15, villages: 119, kinds: ['landslide', 'collapse'] },
  'shidian-earthquake.yaml': { data: 'shidian', townships: 13, villages: 139, kinds: ['landslide', 'collapse', 'debrisFlow'] },
  'pinghu-typhoon.yaml': { data: 'pinghu', townships: 9, villages: 136, kinds: ['waterlogging', 'levee', 'chemical', 'fire'] },
  'shidian-forest-fire.yaml': { data: 'shidian', townships: 13, villages: 139, kinds: ['forest'] },
};

describe('shipped scenarios', () => {
  it('are the ones listed here', () => {
    expect(shippedFiles()).toEqual(Object.keys(expected).sort());
  });

  for (const file of shippedFiles()) {
    describe(file, () => {
      const text = readFileSync(SCENARIO_DIR + file, 'utf8');
      const r = loadScenario(text, file, 'en');

      it('validates with zero problems and zero warnings', () => {
        if (!r.ok) expect.fail(r.problems.map((p) => `${p.line}:${p.col} ${p.path.join('.')}: ${p.message}`).join('\n'));
        expect(r.warnings.map((p) => `${p.line}:${p.col} ${p.path.join('.')}: ${p.message}`)).toEqual([]);
      });

      it('uses the real names and codes of its divisions', () => {
        if (!r.ok) return;
        const e = expected[file]!;
        const data = JSON.parse(readFileSync(`${SCENARIO_DIR}data/${e.data}-divisions.json`, 'utf8')) as {
          county: { code: string; zh: string };
          townships: { code: string; zh: string }[];
          villages: { code: string; zh: string }[];
        };
        const s = r.scenario;
        expect(s.region.code).toBe(data.county.code);
        expect(s.region.townships.length).toBe(e.townships);
        expect(s.region.villages.length).toBe(e.villages);
        expect(s.region.townships.map((t) => [t.code, t.name.zh])).toEqual(data.townships.map((t) => [t.code, t.zh]));
        expect(s.region.villages.map((v) => [v.code, v.name.zh])).toEqual(data.villages.map((v) => [v.code, v.zh]));
        expect([...new Set(s.hazardSites.map((h) => h.kind))].sort()).toEqual([...e.kinds].sort());
      });

      it('says where its 暴雨 signals and relief limit come from', () => {
        if (!r.ok) return;
        const s = r.scenario;
        expect(s.warnings.rainstorm.length).toBeGreaterThan(0);
        const src = sourceOf(s, ['warnings', 'rainstorm', 0, 'thresholdMm']);
        expect(src?.source).toBe('cma2007');
        const relief = s.targets.findIndex((t) => t.kind === 'reliefWithin');
        expect(relief).toBeGreaterThanOrEqual(0);
        expect(sourceOf(s, ['targets', relief, 'hours'])).toBeDefined();
      });
    });
  }

  describe('building scenarios (model: evacuation)', () => {
    it('are the ones listed here', () => {
      expect(shippedBuildingFiles()).toEqual(['school-fire-evacuation.yaml']);
    });
    for (const file of shippedBuildingFiles()) {
      it(`${file} validates with the building loader: zero problems and zero warnings`, () => {
        const r = loadAnyScenario(readFileSync(SCENARIO_DIR + file, 'utf8'), file, 'en');
        expect(r.model).toBe('evacuation');
        if (!r.ok) expect.fail(r.problems.map((p) => `${p.line}:${p.col} ${p.path.join('.')}: ${p.message}`).join('\n'));
        expect(r.warnings.map((p) => `${p.line}:${p.col} ${p.path.join('.')}: ${p.message}`)).toEqual([]);
      });
    }
  });

  it('井研 and 平湖 take the national 暴雨 signals and the national 10 h relief limit from engine/rules', () => {
    for (const file of ['jingyan-rainstorm.yaml', 'pinghu-typhoon.yaml', 'shidian-earthquake.yaml']) {
      const text = readFileSync(SCENARIO_DIR + file, 'utf8');
      expect(text).not.toMatch(/^ {2}rainstorm:/m); // left to the national rules
      const r = loadScenario(text, file, 'en');
      if (!r.ok) throw new Error(file);
      expect(r.scenario.warnings.rainstorm).toEqual(RAINSTORM_SIGNALS.map(({ level, windowHours, thresholdMm }) => ({ level, windowHours, thresholdMm })));
      expect(sourceOf(r.scenario, ['warnings', 'rainstorm', 3, 'thresholdMm'])?.note).toMatch(/National default/);
    }
    for (const file of ['jingyan-rainstorm.yaml', 'pinghu-typhoon.yaml']) {
      const r = loadScenario(readFileSync(SCENARIO_DIR + file, 'utf8'), file, 'en');
      if (!r.ok) throw new Error(file);
      const i = r.scenario.targets.findIndex((t) => t.kind === 'reliefWithin');
      expect(r.scenario.targets[i]!.hours).toBe(10);
      expect(sourceOf(r.scenario, ['targets', i, 'hours'])?.source).toBe('ndrr2022');
    }
  });
});
