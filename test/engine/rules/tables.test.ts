import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RAINSTORM_WARNINGS,
  DEFAULT_RELIEF_HOURS,
  GEOHAZARD_GRADES,
  RAINSTORM_SIGNALS,
  RELIEF_RESPONSE_LEVELS,
  RULE_SOURCES,
  STORE_SIZES,
  TIME_LIMITS,
  nationalReliefLevel,
  timeLimit,
  type Cited,
} from '../../../engine/rules/index.ts';

const allRows: Cited[] = [...RAINSTORM_SIGNALS, ...GEOHAZARD_GRADES, ...RELIEF_RESPONSE_LEVELS, ...TIME_LIMITS, ...STORE_SIZES];

describe('national rule tables (engine/rules)', () => {
  it('every row names a known source document and a V/P/M flag; verified rows say where', () => {
    const ids = new Set<string>();
    for (const r of allRows) {
      expect(r.source in RULE_SOURCES, `${r.id}: source ${r.source}`).toBe(true);
      expect(['V', 'P', 'M']).toContain(r.flag);
      if (r.flag === 'V') expect(r.url, `${r.id} is flagged V but has no URL`).toMatch(/^https?:\/\//);
      expect(ids.has(r.id), `duplicate row id ${r.id}`).toBe(false);
      ids.add(r.id);
    }
  });

  it('暴雨 signals: 12 h/6 h/3 h ≥ 50 mm, 3 h ≥ 100 mm, each harder to reach than the one below', () => {
    expect(RAINSTORM_SIGNALS.map((s) => [s.id, s.level, s.windowHours, s.thresholdMm])).toEqual([
      ['RS-B', 'blue', 12, 50],
      ['RS-Y', 'yellow', 6, 50],
      ['RS-O', 'orange', 3, 50],
      ['RS-R', 'red', 3, 100],
    ]);
    for (let i = 1; i < RAINSTORM_SIGNALS.length; i++) {
      const lo = RAINSTORM_SIGNALS[i - 1]!;
      const hi = RAINSTORM_SIGNALS[i]!;
      expect(hi.thresholdMm / hi.windowHours).toBeGreaterThan(lo.thresholdMm / lo.windowHours);
    }
  });

  it('relief response: levels start at 20/50/100/200 dead or missing; any criterion starts a level', () => {
    expect(RELIEF_RESPONSE_LEVELS.map((r) => r.startAny.deadMissing)).toEqual([200, 100, 50, 20]);
    expect(nationalReliefLevel({ deadMissing: 19 })).toBeNull();
    expect(nationalReliefLevel({ deadMissing: 20 })?.level).toBe('四级');
    expect(nationalReliefLevel({ deadMissing: 199 })?.level).toBe('二级');
    expect(nationalReliefLevel({ deadMissing: 200 })?.level).toBe('一级');
    expect(nationalReliefLevel({ deadMissing: 5, relocatedNeedingAid: 1_200_000 })?.level).toBe('二级');
    expect(nationalReliefLevel({ droughtAidShare: 0.3 })?.rank).toBe('I');
    expect(nationalReliefLevel({})).toBeNull();
    expect(() => nationalReliefLevel({ collapsedRooms: -5 })).toThrow(RangeError);
    // each level's bounds are below the level above it
    for (let i = 1; i < RELIEF_RESPONSE_LEVELS.length; i++)
      for (const k of Object.keys(RELIEF_RESPONSE_LEVELS[i]!.startAny) as (keyof (typeof RELIEF_RESPONSE_LEVELS)[number]['startAny'])[])
        expect(RELIEF_RESPONSE_LEVELS[i]!.startAny[k]).toBeLessThan(RELIEF_RESPONSE_LEVELS[i - 1]!.startAny[k]);
  });

  it('time limits: reporting within 1 h / 2 h, relief within 10 h, first goods 6/8/10 h, geohazard reports 4/12 h', () => {
    expect(timeLimit('T-1').deadlineHours).toBe(1);
    expect(timeLimit('T-2').deadlineHours).toBe(2);
    expect(timeLimit('T-9').deadlineHours).toBe(10);
    expect(['T-10.county', 'T-10.city', 'T-10.province'].map((id) => timeLimit(id).deadlineHours)).toEqual([6, 8, 10]);
    expect(timeLimit('GR-1').deadlineHours).toBe(4);
    expect(timeLimit('GR-2').deadlineHours).toBe(12);
    expect(() => timeLimit('T-99')).toThrow(RangeError);
    for (const r of TIME_LIMITS) {
      const kinds = [r.deadlineHours, r.cycleHours, r.workingDays].filter((x) => x !== undefined);
      expect(kinds.length, r.id).toBe(1);
      expect(kinds[0]!).toBeGreaterThan(0);
      expect(r.actor.zh.length * r.actor.en.length * r.action.zh.length * r.action.en.length).toBeGreaterThan(0);
    }
  });

  it('the loader defaults come from these tables', () => {
    expect(DEFAULT_RAINSTORM_WARNINGS.value).toEqual(RAINSTORM_SIGNALS.map(({ level, windowHours, thresholdMm }) => ({ level, windowHours, thresholdMm })));
    expect(DEFAULT_RAINSTORM_WARNINGS.source).toBe('cma2007');
    expect(DEFAULT_RELIEF_HOURS.value).toBe(10);
    expect(DEFAULT_RELIEF_HOURS.rows).toEqual(['T-9']);
    expect(STORE_SIZES.find((s) => s.tier === 'county')!.people).toEqual([5000, 7000]);
  });
});
