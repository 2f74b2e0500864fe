import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODELS, MODEL_IDS } from '../../../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import type { TimedEvacDecision } from '../../../engine/evacuation/evacDecision.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';

function load<K extends ModelId>(id: K, path: string): ScenarioOf<K> {
  const r = MODELS[id].load(readFileSync(new URL(path, import.meta.url), 'utf8'), path.split('/').pop()!, 'en');
  if (!r.ok) throw new Error(`${path} does not load: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.scenario;
}
const tiny = load('county', '../../fixtures/scenarios/tiny.yaml');
const school = load('evacuation', '../../../scenarios/school-fire-evacuation.yaml');
const strip = (evs: readonly LogEvent[]) => JSON.stringify(evs);

describe('the model contract: live', () => {
  it('every model declares its live part and capabilities consistently', () => {
    for (const id of MODEL_IDS) {
      const m = MODELS[id];
      expect(m.supports.live, id).toBe(m.live !== null);
      if (m.supports.drill) expect(m.supports.live, id).toBe(true);
    }
    expect(MODELS.county.supports).toMatchObject({ live: true, drill: true });
    expect(MODELS.evacuation.supports).toMatchObject({ live: true, drill: false });
  });

  it('every event type a model logs has a fog rule (who may see it in a drill)', () => {
    for (const id of MODEL_IDS) {
      const live = MODELS[id].live!;
      const missing = MODELS[id].playback.vocabulary.filter((type) => live.fogRules[type] === undefined);
      expect(missing, id).toEqual([]);
    }
  });

  it('county: a paced trial with decisions logs exactly what a batch run of the same decisions logs', () => {
    const live = MODELS.county.live!.create(tiny, 7);
    expect(live.horizon).toBe(MODELS.county.live!.horizon(tiny));
    for (let t = 0; t <= live.horizon; t += 45) {
      live.advanceTo(t);
      if (t === 90) expect(live.decide({ t, by: 'p', decision: { kind: 'setResponseLevel', level: 'III' } }).ok).toBe(true);
      if (t === 135) expect(live.decide({ t, by: 'p', decision: { kind: 'openShelter', shelter: 'no-such-shelter' } }).ok).toBe(false);
    }
    live.advanceTo(live.horizon);
    expect(live.decisions).toHaveLength(1);
    const batch = MODELS.county.run(tiny, 7, { played: { mode: 'manual', decisions: [...live.decisions] } });
    expect(strip(live.events)).toBe(strip(batch.events));
    expect(JSON.stringify(live.outcome())).toBe(JSON.stringify(batch.outcome));
  });

  it('evacuation: a paced school drill with decisions logs exactly what a batch run of the same decisions logs', () => {
    const room = school.building.rooms[0]!.id;
    const stair = school.building.stairs.at(-1)!.id;
    const role = school.roles[0]!.id;
    const plan: TimedEvacDecision[] = [
      { t: 0, by: 'trainer', decision: { kind: 'call119', by: role } },
      { t: 30, by: 'trainer', decision: { kind: 'startEvacuation', group: 'all' } },
      { t: 30, by: 'trainer', decision: { kind: 'route', group: room, via: stair } },
      { t: 95.5, by: 'trainer', decision: { kind: 'lowPosture', group: room } },
      { t: 200, by: 'trainer', decision: { kind: 'reportHeadcount' } },
    ];
    const live = MODELS.evacuation.live!.create(school, 11);
    let next = 0;
    for (let t = 0; t <= live.horizon; t += 7.25) {
      while (next < plan.length && plan[next]!.t <= t) {
        const r = live.decide({ ...plan[next]!, t: Math.max(plan[next]!.t, live.now) });
        expect(r.ok, JSON.stringify(plan[next])).toBe(true);
        next++;
      }
      live.advanceTo(t);
    }
    live.advanceTo(live.horizon);
    expect(live.now).toBe(live.horizon);
    const batch = MODELS.evacuation.run(school, 11, { played: { mode: 'manual', decisions: [...live.decisions] } });
    expect(live.events.length).toBeGreaterThan(50);
    expect(strip(live.events)).toBe(strip(batch.events));
    expect(JSON.stringify(live.outcome())).toBe(JSON.stringify(batch.outcome));
    expect(live.events.some((e) => e.type === 'evacuation.declared')).toBe(true);
  });

  it('evacuation: a decision the scenario cannot take, or one in the past, is refused at once and changes nothing', () => {
    const live = MODELS.evacuation.live!.create(school, 3);
    live.advanceTo(60);
    const before = strip(live.events);
    const unknown = live.decide({ t: 60, by: 'x', decision: { kind: 'route', group: 'no-such-room', via: 'x' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownGroup' } });
    expect(live.decide({ t: 10, by: 'x', decision: { kind: 'reportHeadcount' } })).toMatchObject({ ok: false, error: { code: 'badTime' } });
    expect(live.decisions).toHaveLength(0);
    expect(strip(live.events)).toBe(before);
  });

  it('the decision schemas check shape and say which field is wrong, in both languages', () => {
    expect(MODELS.evacuation.live!.parseDecision({ kind: 'startEvacuation', group: 'all' })).toEqual({ ok: true, decision: { kind: 'startEvacuation', group: 'all' } });
    const bad = MODELS.evacuation.live!.parseDecision({ kind: 'route', group: 'r1' });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.en).toContain('via');
    expect(MODELS.evacuation.live!.parseDecision({ kind: 'issueWarning', level: 'red' }).ok).toBe(false);
    expect(MODELS.county.live!.parseDecision({ kind: 'issueWarning', level: 'red' }).ok).toBe(true);
    expect(MODELS.county.live!.parseDecision({ kind: 'reportHeadcount' }).ok).toBe(false);
  });
});
