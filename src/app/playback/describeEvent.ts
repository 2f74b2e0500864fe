import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { describeRecord, type Translate } from '../format/describeRecord.ts';
import { MapNames } from '../format/MapNames.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { EventFrame, MapInfo } from '../net/types.ts';

export type LoadedScenario = { model: 'county'; scenario: Scenario } | { model: 'building'; scenario: EvacuationScenario };

/** The names a county scenario gives its ids, as the drill screens' MapNames reads them. Pure. */
export function countyNames(s: Scenario): MapNames {
  // a road without a name of its own is named after the places at its ends (村—村)
  const placeAt = new Map<string, { zh: string; en: string }>();
  for (const v of s.region.villages) if (!placeAt.has(v.node)) placeAt.set(v.node, v.name);
  for (const tw of s.region.townships) placeAt.set(tw.node, tw.name);
  const linkName = (l: Scenario['roads']['links'][number]) => {
    if (l.name) return l.name;
    const a = placeAt.get(l.from);
    const b = placeAt.get(l.to);
    if (!a || !b) return a ? { zh: `${a.zh}附近道路`, en: `road near ${a.en}` } : b ? { zh: `${b.zh}附近道路`, en: `road near ${b.en}` } : null;
    return { zh: `${a.zh}—${b.zh}道路`, en: `${a.en}–${b.en} road` };
  };
  const map = {
    id: s.id,
    region: { name: s.region.name, townships: s.region.townships, villages: s.region.villages },
    roads: { nodes: s.roads.nodes, links: s.roads.links.map((l) => ({ ...l, name: linkName(l) })) },
    hazardSites: s.hazardSites,
    shelters: s.shelters,
    items: s.reserves.items,
    warehouses: s.reserves.warehouses,
    teams: s.teams,
    positions: [],
    you: null,
  } as unknown as MapInfo;
  return new MapNames(map);
}

/**
 * One readable line per log event, with the scenario's names (never raw ids or JSON): county
 * events through the drill screens' describeRecord (`sim.*` strings), building events and the few
 * county ones without a `sim.*` line through `playback.ev.*`. Pure given `t`.
 */
export function eventDescriber(sc: LoadedScenario, lang: Lang, t: Translate, exists: (key: string) => boolean): (e: LogEvent) => string {
  if (sc.model === 'county') {
    const names = countyNames(sc.scenario);
    return (e) => {
      if (exists(`sim.${e.type}`)) return describeRecord({ type: 'event', cursor: '', t: e.t, at: 0, kind: 'sim', data: e } as EventFrame, names, lang, t);
      if (exists(`playback.ev.${e.type}`)) return t(`playback.ev.${e.type}`, { ...e });
      return t('playback.ev.generic', { type: e.type });
    };
  }
  const b = sc.scenario.building;
  const roomName = new Map(b.rooms.map((r) => [r.id, pickText(r.name, lang)]));
  const floorName = new Map(b.floors.map((f) => [f.id, pickText(f.name, lang)]));
  const nodeFloor = new Map(b.nodes.map((n) => [n.id, n.floor]));
  const roleName = new Map(sc.scenario.roles.map((r) => [r.id, pickText(r.title, lang)]));
  const where = (edgeId: unknown) => {
    const e = b.edges.find((x) => x.id === edgeId);
    if (!e) return '';
    const floor = floorName.get(nodeFloor.get(e.from) ?? '') ?? '';
    const kind = t(`playback.edgeKind.${e.kind}`);
    if (e.kind === 'door') {
      const room = b.rooms.find((r) => r.node === e.from || r.node === e.to);
      if (room) return lang === 'zh' ? `${pickText(room.name, lang)}${kind}` : `the door of ${pickText(room.name, lang)}`;
    }
    return lang === 'zh' ? `${floor}${kind}` : `the ${kind} on ${floor}`;
  };
  const group = (id: unknown) => roomName.get(String(id)) ?? String(id);
  const role = (id: unknown) => roleName.get(String(id)) ?? '';
  return (e) => {
    switch (e.type) {
      case 'fire.ignition':
        return t('playback.ev.fire.ignition', { room: roomName.get(String(e.room)) ?? '' });
      case 'fire.attempt':
        return t('playback.ev.fire.attempt', { role: role(e.role), result: t(`playback.ev.fire.result.${String(e.result)}`) });
      case 'phase':
        return t('playback.ev.phase', { to: t(`playback.building.phases.${String(e.to)}`) });
      case 'smoke.edge':
        return t('playback.ev.smoke.edge', { where: where(e.edge) });
      case 'edge.untenable':
        return t('playback.ev.edge.untenable', { where: where(e.edge) });
      case 'call119':
        return t('playback.ev.call119', { role: role(e.by) || (lang === 'zh' ? '有人' : 'Someone') });
      case 'role.task':
        return t('playback.ev.role.task', { role: role(e.role), task: t(`playback.taskKind.${String(e.task)}`) });
      case 'group.state':
        return t('playback.ev.group.state', { group: group(e.group), to: t(`playback.ev.group.states.${String(e.to)}`) });
      case 'group.edge':
        return t('playback.ev.group.edge', { group: group(e.group), people: e.people, where: where(e.edge) });
      case 'group.reroute':
        return t('playback.ev.group.reroute', { group: group(e.group) });
      default:
        return exists(`playback.ev.${e.type}`) ? t(`playback.ev.${e.type}`, { ...e }) : t('playback.ev.generic', { type: e.type });
    }
  };
}
