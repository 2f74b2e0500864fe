import type { EvacDecisionError, TimedEvacDecision } from './evacDecision.ts';
import type { EvacSim } from './evacSim.ts';
import type { GroupRun } from './groupRun.ts';

const fail = (code: string, zh: string, en: string): EvacDecisionError => ({ code, zh, en });
const FINAL = ['atAssembly', 'trappedInLift'];

/**
 * Applies a statically valid decision at the run's current time, or says why it cannot apply
 * now (too late, already done, role absent). An applied decision is logged as
 * `decision.applied` before its effects. Deterministic.
 */
export function applyEvacDecision(sim: EvacSim, td: TimedEvacDecision): EvacDecisionError | null {
  const d = td.decision;
  const group = (id: string): GroupRun => sim.groups.find((g) => g.id === id)!;
  const applied = () => sim.log('decision.applied', { by: td.by ?? null, decision: d });
  const done = (g: GroupRun) =>
    FINAL.includes(g.m.value) ? fail('groupDone', `小组 "${g.id}" 已经结束疏散`, `group "${g.id}" has finished evacuating`) : null;
  switch (d.kind) {
    case 'startEvacuation': {
      if (d.group === 'all') {
        if (sim.evacuationS !== Infinity) return fail('alreadyDeclared', '已经下达过疏散命令', 'the evacuation has already been ordered');
        applied();
        sim.declareEvacuation();
        return null;
      }
      const g = group(d.group);
      if (g.m.value !== 'inRoom') return fail('alreadyAlerted', `小组 "${g.id}" 已经开始疏散`, `group "${g.id}" is already evacuating`);
      applied();
      sim.alert(g, 'order');
      return null;
    }
    case 'route': {
      const g = group(d.group);
      const err = done(g);
      if (err) return err;
      applied();
      g.via = sim.bd.stairIds.indexOf(d.via);
      return null;
    }
    case 'useLift': {
      const g = group(d.group);
      const err = done(g) ?? (g.m.value === 'inLift' ? fail('inLift', `小组 "${g.id}" 已在电梯中`, `group "${g.id}" is already in the lift`) : null);
      if (err) return err;
      applied();
      g.lift = true;
      return null;
    }
    case 'collectBelongings': {
      const g = group(d.group);
      const st = g.m.value;
      if (st !== 'inRoom' && st !== 'preMovement') return fail('tooLate', `小组 "${g.id}" 已离开教室`, `group "${g.id}" has already left the room`);
      if (g.belongings) return fail('already', `小组 "${g.id}" 已在收拾物品`, `group "${g.id}" is already collecting belongings`);
      applied();
      g.belongings = true;
      if (st === 'preMovement') sim.scheduleStart(g, Math.max(g.startAt, sim.now) + sim.draw(sim.s.preMovement.belongingsS, 'group', g.id, 'belongings'));
      return null;
    }
    case 'lowPosture': {
      const g = group(d.group);
      const err = done(g);
      if (err) return err;
      applied();
      g.lowPosture = true;
      return null;
    }
    case 'call119': {
      const role = sim.s.roles.find((r) => r.id === d.by)!;
      if (!role.present) return fail('roleAbsent', `角色 "${role.id}" 本次演练缺席`, `role "${role.id}" is absent in this drill`);
      if (sim.call119S !== Infinity) return fail('alreadyCalled', '已经拨打过119', '119 has already been called');
      applied();
      sim.call119(role.id);
      return null;
    }
    case 'fightFire': {
      const ri = sim.s.roles.findIndex((r) => r.id === d.by);
      const role = sim.s.roles[ri]!;
      if (!role.present) return fail('roleAbsent', `角色 "${role.id}" 本次演练缺席`, `role "${role.id}" is absent in this drill`);
      const task = role.tasks.find((t) => t.kind === 'fightFire') ?? sim.s.roles.flatMap((r) => r.tasks).find((t) => t.kind === 'fightFire');
      if (!task) return fail('noExtinguisher', '预案中没有灭火任务（灭火器位置与用时未定义）', 'the plan has no fightFire task (no extinguisher time defined)');
      if (sim.fireOutS !== Infinity) return fail('fireOut', '火已经扑灭', 'the fire is already out');
      applied();
      const attempt = sim.nextAttempt(ri);
      sim.at(sim.now + sim.draw(task.durationS, 'role', role.id, 'fightDecision', attempt), 1, { k: 'fightReach', role: ri, attempt });
      return null;
    }
    case 'reportHeadcount':
      if (sim.headcount) return fail('alreadyReported', '已经报告过清点人数', 'the headcount has already been reported');
      applied();
      sim.reportHeadcount();
      return null;
  }
}
