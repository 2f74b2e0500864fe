import type { ApiError, Decision, EventFrame, ResponseLevel, WarningLevel } from '../net/types.ts';

/**
 * Pure views of the drill log as this client received it. Nothing here simulates: each answer
 * is read off records the server sent (engine events, injects, reports, actions).
 */

/** Engine events (`sim` records) with their type, in log order. */
export function simEvents(events: readonly EventFrame[]): EventFrame[] {
  return events.filter((e) => e.kind === 'sim');
}

const simType = (e: EventFrame) => (e.kind === 'sim' ? String(e.data.type) : '');

/** The county response level in force: the latest `response.changed` (none before any). */
export function responseLevel(events: readonly EventFrame[]): ResponseLevel | 'none' | 'ended' {
  for (let i = events.length - 1; i >= 0; i--) if (simType(events[i]!) === 'response.changed') return String(events[i]!.data.to) as ResponseLevel | 'ended';
  return 'none';
}

/** The weather office's rainstorm signal (`warning.changed`), none before any. */
export function weatherSignal(events: readonly EventFrame[]): WarningLevel | 'none' {
  for (let i = events.length - 1; i >= 0; i--) if (simType(events[i]!) === 'warning.changed') return String(events[i]!.data.to) as WarningLevel | 'none';
  return 'none';
}

/** The warning the county itself issued (`warning.issued`), none before any. */
export function countyWarning(events: readonly EventFrame[]): WarningLevel | 'none' {
  for (let i = events.length - 1; i >= 0; i--) if (simType(events[i]!) === 'warning.issued') return String(events[i]!.data.level) as WarningLevel | 'none';
  return 'none';
}

/** A released inject as a player sees it. */
export interface ReleasedInject {
  key: string;
  inject: string;
  t: number;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  channel: string;
  to: string[];
  how: string;
}

/** Injects released so far (to this viewer), oldest first. */
export function releasedInjects(events: readonly EventFrame[]): ReleasedInject[] {
  return events
    .filter((e) => e.kind === 'inject')
    .map((e) => ({
      key: String(e.data.key),
      inject: String(e.data.inject),
      t: e.t,
      title: e.data.title as { zh: string; en: string },
      body: e.data.body as { zh: string; en: string },
      channel: String(e.data.channel),
      to: (e.data.to as string[] | undefined) ?? [],
      how: String(e.data.how ?? ''),
    }));
}

/** Inject keys acknowledged, by position. */
export function acknowledged(events: readonly EventFrame[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of events)
    if (e.kind === 'ack') {
      const key = String(e.data.key);
      if (!out.has(key)) out.set(key, new Set());
      out.get(key)!.add(String(e.data.position));
    }
  return out;
}

/** An intelligence report (情况报告): a slide or a cut as reported, never its counts. */
export interface IntelReport {
  key: string;
  t: number;
  what: 'siteFailed' | 'roadCut' | string;
  site?: string;
  village?: string | null;
  link?: string;
  trunk?: boolean;
  sinceMin: number;
}

export function intelReports(events: readonly EventFrame[]): IntelReport[] {
  return events
    .filter((e) => e.kind === 'intel')
    .map((e) => ({
      key: String(e.data.key),
      t: e.t,
      what: String(e.data.what),
      ...(typeof e.data.site === 'string' ? { site: e.data.site } : {}),
      ...(e.data.village !== undefined ? { village: e.data.village as string | null } : {}),
      ...(typeof e.data.link === 'string' ? { link: e.data.link } : {}),
      ...(typeof e.data.trunk === 'boolean' ? { trunk: e.data.trunk } : {}),
      sinceMin: Number(e.data.sinceMin),
    }));
}

/** A trainee action and what the server made of it. */
export interface ActionRecord {
  t: number;
  clientId: string;
  participant: string;
  position: string;
  decision: Decision;
  result: 'accepted' | 'rejected';
  error: ApiError | null;
}

export function actionRecords(events: readonly EventFrame[]): ActionRecord[] {
  return events
    .filter((e) => e.kind === 'action')
    .map((e) => ({
      t: e.t,
      clientId: String(e.data.clientId),
      participant: String(e.data.participant),
      position: String(e.data.position),
      decision: e.data.decision as Decision,
      result: e.data.result === 'accepted' ? 'accepted' : 'rejected',
      error: (e.data.error as ApiError | undefined) ?? null,
    }));
}

/** What a team is doing, as far as this viewer has been told. */
export type TeamState = 'idle' | 'dispatched' | 'enRoute' | 'onSite' | 'returning' | 'noRoute';

const TEAM_STATE: Record<string, TeamState> = {
  'team.dispatched': 'dispatched',
  'team.departed': 'enRoute',
  'team.rerouted': 'enRoute',
  'team.noRoute': 'noRoute',
  'team.arrived': 'onSite',
  'road.clearing': 'onSite',
  'team.taskDone': 'returning',
  'team.returned': 'idle',
  'team.released': 'idle',
};

/** Each team's latest state from the team events received; teams not mentioned are idle. */
export function teamStates(events: readonly EventFrame[], teams: readonly string[]): Record<string, TeamState> {
  const out: Record<string, TeamState> = Object.fromEntries(teams.map((t) => [t, 'idle' as TeamState]));
  for (const e of events) {
    const s = TEAM_STATE[simType(e)];
    const team = e.data.team;
    if (s && typeof team === 'string' && team in out) out[team] = s;
  }
  return out;
}

/** Shelters opened (`shelter.opened`) so far. */
export function openShelters(events: readonly EventFrame[]): Set<string> {
  return new Set(events.filter((e) => simType(e) === 'shelter.opened').map((e) => String(e.data.shelter)));
}

/** Participants who joined (staff view), by id. */
export function participants(events: readonly EventFrame[]): { id: string; role: string; position: string | null; name: string }[] {
  return events
    .filter((e) => e.kind === 'participant')
    .map((e) => ({ id: String(e.data.id), role: String(e.data.role), position: (e.data.position as string | null) ?? null, name: String(e.data.name ?? '') }));
}

/** Whether the debrief reveal has been published. */
export function revealPublished(events: readonly EventFrame[]): boolean {
  return events.some((e) => e.kind === 'reveal');
}

/** Records whose cursor appears more than once (a resume bug; always empty when all is well). */
export function duplicateCursors(events: readonly EventFrame[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const e of events) {
    if (seen.has(e.cursor)) dup.push(e.cursor);
    seen.add(e.cursor);
  }
  return dup;
}
