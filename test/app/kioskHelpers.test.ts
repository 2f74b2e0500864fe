import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvacuationScenario } from '../../engine/evacuation/index.ts';
import { along, buildingLayout } from '../../src/app/kiosk/buildingLayout.ts';
import { homeGroupOf, KIOSK_ROLES, kioskRole, QUESTION_OPTIONS } from '../../src/app/kiosk/kioskRoles.ts';
import { groupResult, mmss, reviewChoices } from '../../src/app/kiosk/kioskSummary.ts';
import { groupAt, playbackIndex } from '../../src/app/kiosk/playbackIndex.ts';
import { movePoint, runPlan, runVisitor, stairStatuses, type KioskContext } from '../../src/app/kiosk/visitorRun.ts';
import { en } from '../../src/app/i18n/en.ts';
import { zhCN } from '../../src/app/i18n/zhCN.ts';

const loaded = loadEvacuationScenario(readFileSync(new URL('../../scenarios/school-fire-evacuation.yaml', import.meta.url), 'utf8'), 'school-fire-evacuation.yaml');
if (!loaded.ok) throw new Error('school scenario does not load');
const scenario = loaded.scenario;
const SEED = 1;
const plan = runPlan(scenario, SEED);
const ctx = (id: string): KioskContext => ({ scenario, seed: SEED, role: kioskRole(id)!, plan: plan.outcome, planLog: plan.log });

describe('kiosk roles and questions', () => {
  it('offers a pupil and the seven duties of the plan, each with questions and texts in both languages', () => {
    expect(KIOSK_ROLES.map((r) => r.id).sort()).toEqual(['command', 'cordonComms', 'evacuation', 'firefighting', 'firstAid', 'inspection', 'logistics', 'student']);
    for (const r of KIOSK_ROLES) {
      expect(r.questions.length).toBeGreaterThan(0);
      for (const cat of [zhCN, en]) {
        expect(cat.kiosk.role[r.id].name, r.id).toBeTruthy();
        for (const q of r.questions) {
          expect(cat.kiosk.q[q].title, q).toBeTruthy();
          expect(cat.kiosk.explain[q], q).toBeTruthy();
          if (q !== 'stair') for (const o of QUESTION_OPTIONS[q].options) expect((cat.kiosk.q[q] as Record<string, string>)[o], `${q}.${o}`).toBeTruthy();
        }
      }
    }
  });

  it('puts the pupil in a floor-3 classroom and the office duties in their offices', () => {
    expect(homeGroupOf(scenario, kioskRole('student')!)).toMatch(/^F3-R\d$/);
    expect(homeGroupOf(scenario, kioskRole('firstAid')!)).toBe('F1-OF');
    expect(homeGroupOf(scenario, kioskRole('command')!)).toBeNull();
  });
});

describe('the visitor run (pure engine in the browser)', () => {
  it('the right answers as a pupil are at least as good as the plan, and the lift and bags are worse', () => {
    const right = runVisitor(ctx('student'), { leave: 'now', lift: 'stairs', stair: scenario.building.rooms.find((r) => r.id === homeGroupOf(scenario, kioskRole('student')!))!.stair, posture: 'low' });
    expect(right.mode).toBe('auto');
    expect(right.outcome.refusedDecisions).toEqual([]);
    const me = homeGroupOf(scenario, kioskRole('student')!);
    const mine = groupResult(right.outcome, me)!;
    const planMine = groupResult(plan.outcome, me)!;
    expect(mine.arrivedAfterAlarmS).not.toBeNull();
    expect(mine.arrivedAfterAlarmS!).toBeLessThanOrEqual(planMine.arrivedAfterAlarmS! + 1e-9);
    const bags = runVisitor(ctx('student'), { leave: 'belongings', lift: 'stairs', posture: 'low' });
    expect(groupResult(bags.outcome, me)!.arrivedAfterAlarmS!).toBeGreaterThan(mine.arrivedAfterAlarmS!);
    const lift = runVisitor(ctx('student'), { leave: 'now', lift: 'lift', posture: 'upright' });
    const g = lift.outcome.groups.find((x) => x.id === me)!;
    expect(g.usedLift || g.state === 'trappedInLift').toBe(true);
  });

  it('the same answers give the same log (deterministic)', () => {
    const a = runVisitor(ctx('student'), { leave: 'now', lift: 'stairs', stair: 'SW', posture: 'low' });
    const b = runVisitor(ctx('student'), { leave: 'now', lift: 'stairs', stair: 'SW', posture: 'low' });
    expect(JSON.stringify(a.log)).toBe(JSON.stringify(b.log));
    expect(a.outcome.groups.find((x) => x.id === homeGroupOf(scenario, kioskRole('student')!))!.stairs).toContain('SW');
  });

  it('the manual duties: calling 119 at once is not later than the plan; never calling means no fire brigade', () => {
    const now = runVisitor(ctx('cordonComms'), { call119: 'now', say119: 'full' });
    expect(now.mode).toBe('manual');
    expect(now.outcome.refusedDecisions).toEqual([]);
    expect(now.outcome.call119S).not.toBeNull();
    expect(now.outcome.evacuationDeclaredS).toBe(plan.outcome.evacuationDeclaredS);
    expect(now.outcome.headcount.reportedS).not.toBeNull();
    // the other duties act as in the plan: the same extinguisher attempt, order and headcount
    expect(now.outcome.fire.knockedDown).toBe(plan.outcome.fire.knockedDown);
    expect(now.log.find((e) => e.type === 'fire.attempt')?.t).toBe(plan.log.find((e) => e.type === 'fire.attempt')?.t);
    const fighter = runVisitor(ctx('firefighting'), { fight: 'fight' });
    expect(fighter.log.find((e) => e.type === 'fire.attempt')).toEqual({ ...plan.log.find((e) => e.type === 'fire.attempt'), seq: expect.any(Number) });
    expect(fighter.outcome.allAssembledS!).toBeCloseTo(plan.outcome.allAssembledS!, 1);
    const none = runVisitor(ctx('cordonComms'), { call119: 'none', say119: 'hangup' });
    expect(none.outcome.call119S).toBeNull();
    expect(none.outcome.fire.brigadeAtFireS).toBeNull();
  });

  it('the 总指挥: waiting to check delays everyone; an early headcount misses people', () => {
    const good = runVisitor(ctx('command'), { declare: 'now', headcount: 'verify' });
    const slow = runVisitor(ctx('command'), { declare: 'check', headcount: 'early' });
    expect(good.outcome.evacuationDeclaredS!).toBeLessThan(slow.outcome.evacuationDeclaredS!);
    expect(good.outcome.headcount.missing).toBe(0);
    expect(slow.outcome.headcount.missing).toBeGreaterThan(0);
  });

  it('the stair question sees the smoke of that moment; the review prefers the least smoky stair', () => {
    const { t, log } = movePoint(ctx('student'), { leave: 'now' });
    const me = homeGroupOf(scenario, kioskRole('student')!)!;
    const st = stairStatuses(scenario, log, t, me);
    expect(st.map((s) => s.id)).toEqual(['SW', 'SM', 'SE']);
    expect(st.filter((s) => s.plan)).toHaveLength(1);
    const late = stairStatuses(scenario, log, 1500, me);
    expect(late.some((s) => s.status !== 'clear')).toBe(true);
    const fake = [
      { id: 'SW', status: 'clear' as const, plan: false },
      { id: 'SM', status: 'smoke' as const, plan: true },
      { id: 'SE', status: 'blocked' as const, plan: false },
    ];
    const r = reviewChoices(kioskRole('student')!, { leave: 'belongings', stair: 'SM', lift: 'stairs' }, fake);
    expect(r.map((x) => [x.question, x.right, x.rightAnswer])).toEqual([
      ['leave', false, 'now'],
      ['lift', true, 'stairs'],
      ['stair', false, 'SW'],
    ]);
  });
});

describe('playback geometry', () => {
  const layout = buildingLayout(scenario);
  it('lays every node and edge out inside the drawing, top floor on top', () => {
    for (const [id, p] of layout.nodes) {
      expect(p.x, id).toBeGreaterThanOrEqual(0);
      expect(p.x, id).toBeLessThanOrEqual(layout.width);
      expect(p.y, id).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.size).toBe(scenario.building.edges.length);
    expect(layout.nodes.get('F4-C1')!.y).toBeLessThan(layout.nodes.get('F1-C1')!.y);
    expect(along([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], 0.75)).toEqual({ x: 10, y: 5 });
  });

  it('a group starts in its room, walks its edges and ends on the playground', () => {
    const idx = playbackIndex(plan.log, scenario.building.rooms);
    const g = idx.groups.find((x) => x.id === 'F3-R3')!;
    expect(g.steps.length).toBeGreaterThan(3);
    expect(groupAt(g, layout, 0).head).toEqual(layout.nodes.get('F3-R3'));
    const s = g.steps[1]!;
    const mid = groupAt(g, layout, (s.enterS + s.exitS) / 2);
    expect(mid.moving).toBe(true);
    const end = groupAt(g, layout, idx.endS);
    expect(end.assembled).toBe(true);
    expect(end.head.y).toBeGreaterThan(layout.assembly.y);
    expect(idx.fireRoom).toBe(plan.outcome.originRoom);
    expect(idx.smokeS.size).toBeGreaterThan(0);
  });

  it('formats minutes and seconds', () => {
    expect(mmss(125.4)).toBe('2:05');
    expect(mmss(null)).toBe('—');
  });
});
