import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canSee } from '../../../engine/drill/audience.ts';
import { evacDefaultInjects, evacDueReleases, judgeEvacInject, type EvacRelease } from '../../../engine/evacuation/evacDrillScript.ts';
import { evacDrillPositions, evacEventAudience, evacMayDecide } from '../../../engine/evacuation/evacDrillPositions.ts';
import { scoreEvacDrill } from '../../../engine/evacuation/evacDrillScore.ts';
import type { TimedEvacDecision } from '../../../engine/evacuation/evacDecision.ts';
import { MODELS } from '../../../engine/model/models.ts';

const r = MODELS.evacuation.load(readFileSync(new URL('../../../scenarios/school-fire-evacuation.yaml', import.meta.url), 'utf8'), 'school-fire-evacuation.yaml', 'zh');
if (!r.ok) throw new Error('school does not load');
const school = r.scenario;
const positions = evacDrillPositions(school);
const trainee = (position: string) => ({ role: 'trainee' as const, position });

describe('school drill: positions, remits and fog from the scenario', () => {
  it('one position per present duty, the evacuation duty once per floor with its own classes', () => {
    const ids = positions.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['commander', 'comms', 'firefighter', 'medic', 'guide-F1', 'guide-F2', 'guide-F3', 'guide-F4']));
    expect(positions.find((p) => p.id === 'commander')!.name.zh).toBe('总指挥（校长（领导小组组长））');
    const f2 = positions.find((p) => p.id === 'guide-F2')!;
    expect(f2.name.zh).toBe('二层疏散引导员');
    expect(f2.groups).not.toBe('all');
    const floorOf = new Map(school.building.nodes.map((n) => [n.id, n.floor]));
    for (const g of f2.groups as string[]) expect(floorOf.get(school.building.rooms.find((x) => x.id === g)!.node)).toBe('F2');
  });

  it('a position decides only within its remit, and says why not', () => {
    const at = (id: string) => positions.find((p) => p.id === id)!;
    const f2Room = (at('guide-F2').groups as string[])[0]!;
    const f3Room = (at('guide-F3').groups as string[])[0]!;
    expect(evacMayDecide(at('guide-F2'), { kind: 'route', group: f2Room, via: school.building.stairs[0]!.id })).toBeNull();
    expect(evacMayDecide(at('guide-F2'), { kind: 'route', group: f3Room, via: school.building.stairs[0]!.id })).toMatchObject({ code: 'notYourGroup' });
    expect(evacMayDecide(at('guide-F2'), { kind: 'startEvacuation', group: 'all' })).toMatchObject({ code: 'notYourGroup' });
    expect(evacMayDecide(at('commander'), { kind: 'startEvacuation', group: 'all' })).toBeNull();
    expect(evacMayDecide(at('comms'), { kind: 'call119', by: 'comms' })).toBeNull();
    expect(evacMayDecide(at('comms'), { kind: 'call119', by: 'commander' })).toMatchObject({ code: 'notYourRole' });
    expect(evacMayDecide(at('medic'), { kind: 'reportHeadcount' })).toMatchObject({ code: 'notYourDecision' });
  });

  it('fog: the alarm is public, the fire is staff-only, a floor guide sees its own classes move, one sees one\'s own decisions', () => {
    const live = MODELS.evacuation.live!.create(school, 4, { mode: 'manual' });
    live.advanceTo(20);
    expect(live.decide({ t: live.now, by: 'commander', decision: { kind: 'startEvacuation', group: 'all' } }).ok).toBe(true);
    live.advanceTo(400);
    const aud = (pred: (e: (typeof live.events)[number]) => boolean) => evacEventAudience(live.events.find(pred)!, positions);
    expect(aud((e) => e.type === 'fire.ignition')).toBe('staff');
    expect(aud((e) => e.type === 'evacuation.declared')).toBe('all');
    const applied = aud((e) => e.type === 'decision.applied');
    expect(canSee(applied, trainee('commander'))).toBe(true);
    expect(canSee(applied, trainee('guide-F1'))).toBe(false);
    const f2Room = (positions.find((p) => p.id === 'guide-F2')!.groups as string[])[0]!;
    const moved = aud((e) => e.type === 'group.state' && e.group === f2Room && e.to !== 'atAssembly');
    expect(canSee(moved, trainee('guide-F2'))).toBe(true);
    expect(canSee(moved, trainee('guide-F3'))).toBe(false);
    for (const e of live.events) expect(typeof evacEventAudience(e, positions)).toBe('string');
  });
});

describe('school drill: the default MSEL and its scoring by content', () => {
  const injects = evacDefaultInjects(school, positions);
  const run = (seed: number, decisions: (alarmS: number) => TimedEvacDecision[]) => {
    const plan = MODELS.evacuation.live!.create(school, seed, { mode: 'manual' });
    plan.advanceTo(school.horizonS);
    const alarmS = plan.events.find((e) => e.type === 'alarm')!.t;
    const live = MODELS.evacuation.live!.create(school, seed, { mode: 'manual' });
    for (const d of decisions(alarmS)) {
      live.advanceTo(d.t);
      expect(live.decide(d).ok).toBe(true);
    }
    live.advanceTo(school.horizonS);
    return { events: live.events, decisions: live.decisions, alarmS };
  };

  it('every inject is addressed to known positions, cites an objective, and goes out without holes', () => {
    const known = new Set(positions.map((p) => p.id));
    for (const inj of injects) {
      for (const p of inj.to) expect(known.has(p), `${inj.id} → ${p}`).toBe(true);
      for (const x of inj.expected) {
        expect(['alarm', 'command', 'evacuation', 'accounting', 'firefighting']).toContain(x.objective);
        for (const p of x.positions ?? []) expect(known.has(p)).toBe(true);
      }
    }
    const { events } = run(2, () => []);
    const due = evacDueReleases(school, injects, events, school.horizonS);
    expect(due.map((d) => d.inject.id)).toEqual(expect.arrayContaining(['inj-alarm', 'inj-fire-found']));
    expect(due.some((d) => d.inject.id === 'inj-missing-pupil')).toBe(false); // the director's
    for (const d of due) expect(`${d.body.zh}${d.body.en}${d.title.zh}`).not.toMatch(/[{}]/);
    expect(due.find((d) => d.inject.id === 'inj-alarm')!.atS).toBe(events.find((e) => e.type === 'alarm')!.t);
  });

  it('the evacuation order: in time met (1), late partly (½), a single class instead of all partly, none not met, cut short not judged', () => {
    const judge = (decisions: (a: number) => TimedEvacDecision[], endS = school.horizonS) => {
      const { events, decisions: ds } = run(2, decisions);
      const rel = evacDueReleases(school, injects, events, school.horizonS).find((d) => d.inject.id === 'inj-alarm')! as EvacRelease;
      return judgeEvacInject(school, rel, positions.map((p) => p.id), ds, [], endS).find((c) => c.expected.id === 'order')!;
    };
    expect(judge((a) => [{ t: a + 20, by: 'commander', decision: { kind: 'startEvacuation', group: 'all' } }])).toMatchObject({ verdict: 'met', credit: 1, by: { position: 'commander' } });
    expect(judge((a) => [{ t: a + 90, by: 'commander', decision: { kind: 'startEvacuation', group: 'all' } }])).toMatchObject({ verdict: 'partly', credit: 0.5 });
    const room = school.building.rooms[0]!.id;
    expect(judge((a) => [{ t: a + 20, by: 'commander', decision: { kind: 'startEvacuation', group: room } }])).toMatchObject({ verdict: 'partly', credit: 0.5 });
    // a guide's order is not the 总指挥's
    expect(judge((a) => [{ t: a + 20, by: 'guide-F1', decision: { kind: 'startEvacuation', group: room } }])).toMatchObject({ verdict: 'not', credit: 0 });
    expect(judge(() => [], 0)).toMatchObject({ verdict: 'open', credit: null });
  });
});

describe('school drill: the whole drill scored', () => {
  it('a drill run by the plan scores met; one where nobody acts scores not met; the missing pupil counts only once released', () => {
    const injects = evacDefaultInjects(school, positions);
    const ids = positions.map((p) => p.id);
    const play = (act: boolean) => {
      const plan = MODELS.evacuation.live!.create(school, 6, { mode: 'manual' });
      plan.advanceTo(school.horizonS);
      const detectedS = plan.events.find((e) => e.type === 'fire.detected')!.t;
      const alarmS = plan.events.find((e) => e.type === 'alarm')!.t;
      const live = MODELS.evacuation.live!.create(school, 6, { mode: 'manual' });
      const plan2: TimedEvacDecision[] = act
        ? [
            { t: detectedS + 10, by: 'comms', decision: { kind: 'call119', by: 'comms' } },
            { t: detectedS + 15, by: 'firefighter', decision: { kind: 'fightFire', by: 'firefighter' } },
            { t: alarmS + 10, by: 'commander', decision: { kind: 'startEvacuation', group: 'all' } },
          ].sort((a, b) => a.t - b.t) as TimedEvacDecision[]
        : [];
      for (const d of plan2) {
        live.advanceTo(d.t);
        expect(live.decide(d).ok).toBe(true);
      }
      live.advanceTo(school.horizonS);
      const acks = act ? ids.filter((p) => p.startsWith('guide-')).map((position) => ({ t: alarmS + 5, position, inject: 'inj-alarm' })) : [];
      return scoreEvacDrill(school, ids, injects, { events: live.events, decisions: live.decisions, acks, manual: [], endS: school.horizonS });
    };
    const good = play(true);
    const order = good.injects.find((j) => j.release.inject.id === 'inj-alarm')!.checks.find((c) => c.expected.id === 'order')!;
    expect(order.verdict).toBe('met');
    expect(good.objectives.find((o) => o.id === 'command')!.conclusion).toBe('met');
    expect(good.objectives.find((o) => o.id === 'accounting')!.conclusion).toBe('notJudged');
    const idle = play(false);
    expect(idle.objectives.find((o) => o.id === 'command')!.conclusion).toBe('notMet');
    expect(idle.conclusion).toBe('notMet');
    expect(good.overall!).toBeGreaterThan(idle.overall ?? 0);
    // the director released the missing pupil at 100 s and nobody reported the headcount
    const missing = scoreEvacDrill(school, ids, injects, { events: [], decisions: [], acks: [], manual: [{ inject: 'inj-missing-pupil', atS: 100 }], endS: school.horizonS });
    expect(missing.injects.map((j) => j.release.inject.id)).toEqual(['inj-missing-pupil']);
    expect(missing.objectives.find((o) => o.id === 'accounting')).toMatchObject({ score: 0, conclusion: 'notMet' });
  });
});
