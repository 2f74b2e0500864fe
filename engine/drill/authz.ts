import type { Decision } from '../sim/decision.ts';
import type { Role } from './audience.ts';
import type { DrillConfig, Position } from './drillConfig.ts';

/** Every operation a participant can ask of the server. */
export type Operation =
  | 'read' // drill summary and the events its role may see
  | 'control' // lifecycle and clock: brief, start, pause, resume, end, debrief, speed
  | 'readScript' // the MSEL (unless the director blinded themself)
  | 'releaseInject'
  | 'act' // trainee decisions
  | 'ack' // acknowledge an inject
  | 'note' // evaluator notes
  | 'report' // the after-action report and evaluation
  | 'whatIf'
  | 'manageParticipants';

/** Which role may do what (导调 directs, 评估 evaluates, 演练人员 act, 观摩 watch). */
export const PERMISSIONS: Record<Role, readonly Operation[]> = {
  director: ['read', 'control', 'readScript', 'releaseInject', 'note', 'report', 'whatIf', 'manageParticipants'],
  evaluator: ['read', 'readScript', 'note', 'report', 'whatIf'],
  trainee: ['read', 'act', 'ack'],
  observer: ['read'],
};

/** Whether a role may perform an operation. Pure. */
export function may(role: Role, op: Operation): boolean {
  return PERMISSIONS[role].includes(op);
}

export interface Refusal {
  code: string;
  zh: string;
  en: string;
}

const refuse = (code: string, zh: string, en: string): Refusal => ({ code, zh, en });

/**
 * Whether a trainee at `position` may take this decision: the kind must be in its remit and
 * any team, store or shelter it commits must be its own; evacuations are limited to its
 * jurisdiction. Engine-level validity (is the road blocked? is the team free?) is checked by
 * the engine afterwards. Pure; returns null when allowed.
 */
export function positionMayDecide(
  position: Position,
  d: Decision,
  siteTownship: (site: string) => string | undefined,
): Refusal | null {
  if (!position.may.includes(d.kind))
    return refuse('notYourRemit', `岗位“${position.name.zh}”无权执行此项决策（${d.kind}）`, `position "${position.name.en ?? position.name.zh}" may not decide ${d.kind}`);
  const own = (list: readonly string[], id: string, zhWhat: string, enWhat: string) =>
    list.includes(id) ? null : refuse('notYourResource', `${zhWhat} ${id} 不归本岗位调度`, `${enWhat} ${id} is not under this position's command`);
  switch (d.kind) {
    case 'dispatchTeam':
      return own(position.teams, d.team, '队伍', 'team');
    case 'releaseStock':
    case 'requestResupply':
      return own(position.warehouses, d.warehouse, '仓库', 'warehouse');
    case 'openShelter':
      return own(position.shelters, d.shelter, '避难场所', 'shelter');
    case 'evacuate': {
      if (position.jurisdiction === 'county') return null;
      const tw = siteTownship(d.site);
      return tw !== undefined && position.jurisdiction.includes(tw)
        ? null
        : refuse('notYourArea', `隐患点 ${d.site} 不在本岗位辖区内`, `hazard site ${d.site} is outside this position's area`);
    }
    default:
      return null;
  }
}

/** The position record of a trainee, if the config has it. Pure. */
export function findPosition(config: DrillConfig, id: string | null | undefined): Position | undefined {
  return id ? config.positions.find((p) => p.id === id) : undefined;
}
