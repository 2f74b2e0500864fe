import { ALL, STAFF, toPositions, type Audience } from '../drill/audience.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { EvacDecision } from './evacDecision.ts';
import { EVAC_FOG_RULES } from './evacFogRules.ts';
import type { EvacDuty, EvacuationScenario } from './schema.ts';

type Text = { zh: string; en: string };
export type EvacDecisionKind = EvacDecision['kind'];

/**
 * A trainee position in a school drill: one of the scenario's duties (its `roles`, the seven
 * duties of the school's safety leadership group — seed003 L89–L95 in the shipped school), the
 * evacuation duty split per floor (各楼层疏散引导员: each guides the classes of its own floor).
 * `groups` are the room groups it may direct ('all' for the 总指挥); `may` its decision kinds.
 */
export interface EvacDrillPosition {
  id: string;
  name: Text;
  /** the scenario role it holds (call119 / fightFire are placed in this role's name) */
  role: string;
  /** the floor a per-floor guide covers (null: the whole building) */
  floor: string | null;
  groups: string[] | 'all';
  may: EvacDecisionKind[];
}

/**
 * What each duty may decide in a drill. Assumed, after the duties the plan gives each (seed003
 * L89–L95: the 总指挥 orders the evacuation and reports the headcount; 警戒通讯 raises the alarm
 * (119); 消防灭火 fights an incipient fire; 疏散引导 leads the classes by the assigned stairs,
 * low and covered in smoke); 安全检查, 救护 and 后勤保障 act through their tasks and report
 * (they acknowledge injects; no engine decision is theirs).
 */
export const DUTY_DECISIONS: Readonly<Record<EvacDuty, readonly EvacDecisionKind[]>> = {
  command: ['startEvacuation', 'reportHeadcount', 'route', 'lowPosture'],
  evacuation: ['startEvacuation', 'route', 'lowPosture', 'collectBelongings', 'useLift'],
  cordonComms: ['call119'],
  firefighting: ['fightFire'],
  firstAid: [],
  inspection: [],
  logistics: [],
};

/** The drill positions a school scenario implies: every present role, the evacuation duty once per floor with rooms. Pure. */
export function evacDrillPositions(s: EvacuationScenario): EvacDrillPosition[] {
  const nodeFloor = new Map(s.building.nodes.map((n) => [n.id, n.floor]));
  const out: EvacDrillPosition[] = [];
  for (const r of s.roles) {
    if (!r.present) continue;
    const may = [...DUTY_DECISIONS[r.duty]];
    if (r.duty !== 'evacuation') {
      out.push({ id: r.id, name: { zh: `${r.title.zh}（${r.holder.zh}）`, en: `${r.title.en} (${r.holder.en})` }, role: r.id, floor: null, groups: r.duty === 'command' ? 'all' : [], may });
      continue;
    }
    for (const f of s.building.floors) {
      const groups = s.building.rooms.filter((room) => nodeFloor.get(room.node) === f.id).map((room) => room.id);
      if (!groups.length) continue;
      out.push({ id: `${r.id}-${f.id}`, name: { zh: `${f.name.zh}疏散引导员`, en: `Evacuation guide, ${f.name.en}` }, role: r.id, floor: f.id, groups, may });
    }
  }
  return out;
}

const refusal = (code: string, zh: string, en: string) => ({ code, zh, en });

/** Whether a position may take a decision (its kinds, its floor's groups, its own role for 119 and the extinguisher); null when it may. Pure. */
export function evacMayDecide(p: EvacDrillPosition, d: EvacDecision): { code: string; zh: string; en: string } | null {
  if (!p.may.includes(d.kind)) return refusal('notYourDecision', `${p.name.zh}无权下达该类决策`, `${p.name.en} may not take this kind of decision`);
  if ('group' in d && p.groups !== 'all' && (d.group === 'all' || !p.groups.includes(d.group)))
    return refusal('notYourGroup', `${p.name.zh}只能指挥本楼层的班级`, `${p.name.en} directs only the classes on its own floor`);
  if ((d.kind === 'call119' || d.kind === 'fightFire') && d.by !== p.role) return refusal('notYourRole', '只能以本岗位的名义行动', 'you can act only in your own role');
  return null;
}

/**
 * Who sees a building event as it happens in a drill (fog of war per position), from the
 * model's fog rules (EVAC_FOG_RULES): public → everyone; `by` → the position whose decision or
 * call it is; staff → directors and evaluators, except that a floor's guide sees its own classes
 * move (group.state of a group on its floor) and the 总指挥 hears every group reach the
 * assembly point. Pure.
 */
export function evacEventAudience(e: LogEvent, positions: readonly EvacDrillPosition[]): Audience {
  const rule = EVAC_FOG_RULES[e.type] ?? 'staff';
  if (rule === 'public') return ALL;
  if (rule === 'by') {
    const by = e.by;
    const own = positions.filter((p) => p.id === by || (e.type === 'call119' && p.role === by && p.floor === null));
    return own.length ? toPositions(own.map((p) => p.id)) : STAFF;
  }
  if (e.type === 'group.state' && typeof e.group === 'string') {
    const g = e.group;
    const sees = positions.filter((p) => (p.groups !== 'all' && p.groups.includes(g)) || (p.groups === 'all' && e.to === 'atAssembly'));
    if (sees.length) return toPositions(sees.map((p) => p.id));
  }
  return STAFF;
}
