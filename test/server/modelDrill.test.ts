/**
 * The drill server asks the model contract what it can host (issue 9): a scenario of a model
 * whose `supports.drill` is false (the building evacuation, so far) is refused with a message
 * naming the model and what to do instead, in both languages, and no drill is created; a county
 * scenario still creates a drill whose engine runs through the contract's live part.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS } from '../../engine/model/models.ts';
import { makeService } from './helpers.ts';

const dbs: { close(): void }[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

const SCHOOL = readFileSync(new URL('../../scenarios/school-fire-evacuation.yaml', import.meta.url), 'utf8');

describe('drill server over the model contract', () => {
  it('refuses a school evacuation scenario clearly (by name or uploaded), creating nothing', async () => {
    const { db, service } = makeService();
    dbs.push(db);
    expect(MODELS.evacuation.supports.drill).toBe(false);
    for (const input of [{ scenario: 'school-fire-evacuation' }, { scenarioText: SCHOOL }]) {
      const r = await service.createDrill({ title: '校园疏散', password: 'pw-123456', seed: 1, ...input });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.status).toBe(400);
      expect(r.error.code).toBe('modelNoDrill');
      expect(r.error.zh).toContain('建筑疏散');
      expect(r.error.zh).toContain('yanlian run');
      expect(r.error.en).toContain('building evacuation');
      expect(r.error.en).not.toMatch(/\{|undefined/);
    }
    expect(service.drills).toHaveLength(0);
  });

  it('a broken county scenario is still reported by its located problems', async () => {
    const { db, service } = makeService();
    dbs.push(db);
    const r = await service.createDrill({ title: 'x', password: 'pw-123456', scenarioText: 'horizonHours: [\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('badScenario');
  });
});
