import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { ROOMS_PER_HOUSEHOLD, PEOPLE_PER_HOUSEHOLD } from '../../../engine/rules/index.ts';
import { runTrial } from '../../../engine/sim/runTrial.ts';

// Issue 13.3: the trial tracks 紧急转移安置人数 and 倒塌和严重损坏房屋, and ladders may test them.
const loaded = loadScenarioFile(new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url).pathname, 'en');
if (!loaded.ok) throw new Error('tiny.yaml should load');
const tiny = loaded.scenario;

describe('relocated people and damaged rooms', () => {
  it('relocated = people evacuated or admitted to shelters; damaged rooms = the homes of the affected per failure', () => {
    let some = 0;
    for (let seed = 1; seed <= 15; seed++) {
      const { events, outcome } = runTrial(tiny, seed);
      const admitted = events.filter((e) => e.type === 'shelter.admitted').reduce((a, e) => a + (e as unknown as { people: number }).people, 0);
      const overflow = events.filter((e) => e.type === 'shelter.overflow').reduce((a, e) => a + (e as unknown as { people: number }).people, 0);
      expect(outcome.totals.relocatedPeople).toBe(admitted + overflow);
      const rooms = events
        .filter((e) => e.type === 'site.failed')
        .reduce((a, e) => a + Math.round(((e as unknown as { affected: number }).affected / PEOPLE_PER_HOUSEHOLD.value) * ROOMS_PER_HOUSEHOLD.value), 0);
      expect(outcome.totals.damagedRooms).toBe(rooms);
      if (outcome.totals.relocatedPeople > 0 && rooms > 0) some++;
    }
    expect(some).toBeGreaterThan(0);
  });

  it('a ladder may start a level on relocated people or damaged rooms', () => {
    for (const metric of ['relocatedPeople', 'damagedRooms'] as const) {
      const s = structuredClone(tiny);
      s.response.levels = [{ level: 'IV', startAny: [{ metric, op: '>=', value: 1 }] }];
      for (let seed = 1; seed <= 10; seed++) {
        const { events, outcome } = runTrial(s, seed);
        const hit = outcome.totals[metric] >= 1;
        expect(outcome.response.highest === 'IV', `seed ${seed} ${metric}`).toBe(hit);
        if (!hit) continue;
        // it starts at the assessment after the first move or failure, not before
        const first = events.find((e) => (metric === 'relocatedPeople' ? e.type === 'shelter.admitted' || e.type === 'shelter.overflow' : e.type === 'site.failed' && (e as unknown as { affected: number }).affected > 0))!;
        expect(outcome.response.timeline[0]!.atHours).toBeGreaterThanOrEqual(first.t / 60 - 5e-4); // outcome hours are rounded to 0.001
      }
    }
  });
});
