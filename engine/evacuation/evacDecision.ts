import type { EvacuationScenario } from './schema.ts';

/**
 * What a kiosk visitor or a school drill decides ("what would you do?"), as data. Group ids are
 * room ids (one group per occupied room); role ids and stair ids are the scenario's.
 */
export type EvacDecision =
  /** alert one group now, or 'all': the 总指挥 orders the evacuation (疏散) */
  | { kind: 'startEvacuation'; group: string | 'all' }
  /** walk by this stair from the group's next node on (while it stays passable) */
  | { kind: 'route'; group: string; via: string }
  /** take the lift (a bad idea: it stops when power is cut or smoke reaches it) */
  | { kind: 'useLift'; group: string }
  /** collect bags before leaving: adds the scenario's belongings delay */
  | { kind: 'collectBelongings'; group: string }
  /** 湿毛巾捂口鼻、弯腰低姿: halves the smoke dose from now on */
  | { kind: 'lowPosture'; group: string }
  /** call 119 now (a role id, who places the call) */
  | { kind: 'call119'; by: string }
  /** this role takes an extinguisher to the fire */
  | { kind: 'fightFire'; by: string }
  /** the 总指挥 reports the headcount now (those not yet assembled count as missing) */
  | { kind: 'reportHeadcount' };

/** A decision with when (seconds since ignition) and, optionally, who made it. */
export interface TimedEvacDecision {
  t: number;
  by?: string;
  decision: EvacDecision;
}

/** Why a decision was refused: a stable code and the reason in both languages. */
export interface EvacDecisionError {
  code: string;
  zh: string;
  en: string;
}

/** Modes: 'auto' — the engine follows the plan; 'manual' — evacuation order, 119 call, firefighting and headcount come only from decisions. */
export type EvacMode = 'auto' | 'manual';

const fail = (code: string, zh: string, en: string): EvacDecisionError => ({ code, zh, en });

/**
 * Static check of a decision against the scenario: known kind, groups, roles and stairs, a
 * finite time within the horizon. Dynamic refusals (too late, already done) come from the run.
 * Returns null when the decision is well formed. Pure.
 */
export function checkEvacDecision(s: EvacuationScenario, td: TimedEvacDecision): EvacDecisionError | null {
  if (typeof td.t !== 'number' || !Number.isFinite(td.t) || td.t < 0 || td.t > s.horizonS)
    return fail('badTime', `决策时间无效：${String(td.t)}（应在 0 至 ${s.horizonS} 秒之间）`, `invalid decision time: ${String(td.t)} (must be 0–${s.horizonS} s)`);
  const d = td.decision as EvacDecision | undefined;
  if (d === null || typeof d !== 'object') return fail('badDecision', '决策格式无效', 'malformed decision');
  const group = (id: unknown, allowAll = false): EvacDecisionError | null =>
    (allowAll && id === 'all') || (typeof id === 'string' && s.building.rooms.some((r) => r.id === id))
      ? null
      : fail('unknownGroup', `不存在的疏散小组（房间）："${String(id)}"`, `unknown group (room): "${String(id)}"`);
  const role = (id: unknown): EvacDecisionError | null =>
    typeof id === 'string' && s.roles.some((r) => r.id === id) ? null : fail('unknownRole', `不存在的角色："${String(id)}"`, `unknown role: "${String(id)}"`);
  switch (d.kind) {
    case 'startEvacuation':
      return group(d.group, true);
    case 'route':
      return (
        group(d.group) ??
        (s.building.stairs.some((x) => x.id === d.via) ? null : fail('unknownStair', `不存在的楼梯："${String(d.via)}"`, `unknown stair: "${String(d.via)}"`))
      );
    case 'useLift':
      return group(d.group) ?? (s.building.lift ? null : fail('noLift', '这栋楼没有电梯', 'this building has no lift'));
    case 'collectBelongings':
    case 'lowPosture':
      return group(d.group);
    case 'call119':
    case 'fightFire':
      return role(d.by);
    case 'reportHeadcount':
      return null;
    default:
      return fail('unknownKind', `未知的决策类型："${String((d as { kind?: unknown }).kind)}"`, `unknown decision kind: "${String((d as { kind?: unknown }).kind)}"`);
  }
}
