import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listPlans, PlannerDb, runsOf, RUNS_KEPT, savePlan, saveRun } from '../../src/app/planner/planStore.ts';

const plan = { name: '2026 年储备计划', file: 'lezhi-rainstorm.yaml', originalText: 'id: x\n', model: 'county' as const, docJson: '{"a":1}', sources: { 'a': '2026 年储备计划' }, changes: 1 };

describe('plans and runs saved in the browser (IndexedDB via Dexie; fake-indexeddb here)', () => {
  it('a saved plan is there after the database is opened again (a reload); the same name replaces it', async () => {
    const name = `t-${Math.random()}`;
    const db = new PlannerDb(name);
    const id = await savePlan(db, plan, new Date('2026-01-01T00:00:00Z'));
    await savePlan(db, { ...plan, name: '另一个' }, new Date('2026-01-02T00:00:00Z'));
    db.close();
    const again = new PlannerDb(name);
    const list = await listPlans(again);
    expect(list.map((p) => p.name)).toEqual(['另一个', '2026 年储备计划']);
    expect(list[1]).toMatchObject({ ...plan, id, savedAt: '2026-01-01T00:00:00.000Z' });
    expect(await savePlan(again, { ...plan, docJson: '{"a":2}' }, new Date('2026-01-03T00:00:00Z'))).toBe(id);
    expect((await listPlans(again)).map((p) => [p.name, p.docJson])).toEqual([
      ['2026 年储备计划', '{"a":2}'],
      ['另一个', '{"a":1}'],
    ]);
    again.close();
  });

  it('runs are kept per plan, newest first, at most RUNS_KEPT', async () => {
    const db = new PlannerDb(`r-${Math.random()}`);
    for (let i = 0; i < RUNS_KEPT + 3; i++)
      await saveRun(db, { scenarioSha256: 'abc', file: 'f.yaml', trials: 100 + i, seed: 1, partial: false, summaryJson: `{"i":${i}}` }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    await saveRun(db, { scenarioSha256: 'other', file: 'g.yaml', trials: 5, seed: 1, partial: true, summaryJson: '{}' });
    const runs = await runsOf(db, 'abc');
    expect(runs.length).toBe(RUNS_KEPT);
    expect(runs[0]!.trials).toBe(100 + RUNS_KEPT + 2);
    expect(runs.at(-1)!.trials).toBe(103);
    expect((await runsOf(db, 'other')).length).toBe(1);
    db.close();
  });
});
