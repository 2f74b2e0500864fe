import { canSee, type Viewer } from '../../engine/drill/audience.ts';
import type { DrillConfig } from '../../engine/drill/drillConfig.ts';
import type { DrillRecord } from '../../engine/drill/records.ts';
import type { Scenario } from '../../engine/index.ts';
import type { OpaqueIds } from './opaqueIds.ts';
import type { CursorCodec } from './secrets.ts';

export const isStaff = (v: Viewer) => v.role === 'director' || v.role === 'evaluator';

/** The viewer a participant is: role, position (trainees) and view (observers). Pure. */
export const viewerOf = (p: { role: Viewer['role']; position: string | null; view?: Viewer['view'] }): Viewer => ({ role: p.role, position: p.position, view: p.view ?? null });

/** What turns records into player frames: the resume cursors and the opaque per-position keys. */
export interface FrameCodecs {
  cursors: CursorCodec;
  ids: OpaqueIds;
}

/**
 * The class of views a viewer's frames belong to: `staff`, `p:<position>` for a trainee,
 * `o:public` or `o:players` for an observer. Viewers of one class get byte-identical frames.
 * Pure.
 */
export function viewScope(v: Viewer): string {
  if (isStaff(v)) return 'staff';
  if (v.role === 'trainee') return `p:${v.position ?? ''}`;
  return `o:${v.view ?? 'public'}`;
}

/** Record kinds whose `key` names an inject or a report (and must be opaque to players). */
const KEYED = new Set(['inject', 'intel', 'ack']);

/**
 * The frame a viewer gets for one record, or null if it may not see it. Staff frames carry the
 * plain seq and the audience. Player frames (trainees, observers) carry an opaque cursor, drop
 * the engine's own event number, the `cause` of a conditional inject (an engine seq) and the
 * `fill` ids of one released by hand, and
 * name injects and reports by an opaque key of their position, so nothing in them tells how many
 * hidden events there were. An ad-hoc inject's id (`adhoc-<n>`, a count) becomes that key too.
 */
export function recordFrame(r: DrillRecord, v: Viewer, codecs: FrameCodecs): Record<string, unknown> | null {
  if (!canSee(r.audience, v)) return null;
  if (isStaff(v)) return { type: 'event', seq: r.seq, cursor: String(r.seq), t: r.t, at: r.at, kind: r.kind, audience: r.audience, data: r.data };
  let data = r.data;
  if (r.kind === 'sim') {
    const { seq: _engineSeq, ...rest } = data;
    data = rest;
  } else if (KEYED.has(r.kind) && typeof data.key === 'string') {
    const { cause: _cause, fill: _fill, ...rest } = data;
    const key = codecs.ids.id(viewScope(v), data.key);
    data = { ...rest, key, ...(typeof rest.inject === 'string' && rest.inject.startsWith('adhoc-') ? { inject: key } : {}) };
  }
  return { type: 'event', cursor: codecs.cursors.encode(r.seq), t: r.t, at: r.at, kind: r.kind, data };
}

/** The seq a client's resume cursor stands for (plain numbers from staff only), or null. */
export function decodeCursor(raw: unknown, v: Viewer, cursors: CursorCodec): number | null {
  if (raw === undefined || raw === null || raw === '' || raw === 0 || raw === '0') return 0;
  if (isStaff(v) && (typeof raw === 'number' || (typeof raw === 'string' && /^\d{1,12}$/.test(raw)))) {
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= 0 ? n : null;
  }
  return typeof raw === 'string' ? cursors.decode(raw) : null;
}

/**
 * What a participant may know of the scenario before anything happens: the map (townships,
 * villages, roads, registered hazard sites, shelters, stores) and, for a trainee, the teams and
 * stock of their own position. Never the hazard's distributions, the chain's rules, the seed
 * or another position's resources. Staff get the whole scenario from the script endpoint.
 */
export function publicMap(s: Scenario, config: DrillConfig, v: Viewer): Record<string, unknown> {
  const pos = v.role === 'trainee' ? config.positions.find((p) => p.id === v.position) : undefined;
  const staff = isStaff(v);
  const ownTeams = new Set(pos?.teams ?? []);
  const ownWh = new Set(pos?.warehouses ?? []);
  return {
    id: s.id,
    region: {
      name: s.region.name,
      townships: s.region.townships.map((t) => ({ id: t.id, name: t.name, position: t.position, node: t.node })),
      villages: s.region.villages.map((x) => ({ id: x.id, name: x.name, township: x.township, population: x.population, position: x.position, node: x.node })),
    },
    roads: {
      nodes: s.roads.nodes.map((n) => ({ id: n.id, position: n.position })),
      links: s.roads.links.map((l) => ({ id: l.id, name: l.name ?? null, from: l.from, to: l.to, lengthKm: l.lengthKm, trunk: l.trunk })),
    },
    hazardSites: s.hazardSites.map((h) => ({ id: h.id, name: h.name, kind: h.kind, village: h.village, threatenedPeople: h.threatenedPeople })),
    shelters: s.shelters.map((x) => ({ id: x.id, name: x.name, node: x.node, capacity: x.capacity })),
    items: s.reserves.items.map((i) => ({ id: i.id, name: i.name, unit: i.unit })),
    warehouses: s.reserves.warehouses.map((w) => ({
      id: w.id,
      name: w.name,
      tier: w.tier,
      node: w.node,
      ...(staff || ownWh.has(w.id) ? { stock: w.stock } : {}),
    })),
    teams: s.teams
      .filter((t) => staff || ownTeams.has(t.id))
      .map((t) => ({ id: t.id, name: t.name, tier: t.tier, node: t.node, size: t.size, capabilities: t.capabilities })),
    positions: config.positions.map((p) => ({ id: p.id, name: p.name })),
    you: pos ? { position: pos.id, name: pos.name, may: pos.may, teams: pos.teams, warehouses: pos.warehouses, shelters: pos.shelters, jurisdiction: pos.jurisdiction } : null,
  };
}
