import type { DocPath } from '../scenario/problem.ts';
import type { EvacMessageKey } from './messages.ts';

/** A cross-reference problem, located by document path; the loader renders and locates it. */
export interface EvacSemanticProblem {
  path: DocPath;
  key: EvacMessageKey;
  params: Record<string, string | number>;
  severity: 'error' | 'warning';
}

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter((v): v is Obj => v !== null && typeof v === 'object') : []);
const obj = (x: unknown): Obj => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

const DUTIES = ['command', 'inspection', 'cordonComms', 'firefighting', 'firstAid', 'logistics', 'evacuation'];

/**
 * Cross-reference checks of a building scenario: duplicate ids, dangling node/floor/stair/room
 * references, node kinds, stair fields, a room with no route to the assembly point (the lift
 * does not count), sources named in provenance, and duties nobody holds (warning). Runs on the
 * raw document too (defensively), so one pass reports every problem. Pure.
 */
export function checkEvacSemantics(doc: unknown): EvacSemanticProblem[] {
  const out: EvacSemanticProblem[] = [];
  const err = (path: DocPath, key: EvacMessageKey, params: Record<string, string | number> = {}) =>
    out.push({ path, key, params, severity: 'error' });
  const d = obj(doc);
  const b = obj(d.building);

  const ids = (list: Obj[], base: DocPath): Map<string, Obj> => {
    const seen = new Map<string, Obj>();
    const first = new Map<string, string>();
    list.forEach((x, i) => {
      const id = str(x.id);
      if (id === undefined) return;
      const where = [...base, i].map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);
      if (first.has(id)) err([...base, i, 'id'], 'duplicateId', { id, first: first.get(id)! });
      else {
        first.set(id, where);
        seen.set(id, x);
      }
    });
    return seen;
  };
  const floors = ids(arr(b.floors), ['building', 'floors']);
  const nodes = ids(arr(b.nodes), ['building', 'nodes']);
  const edges = ids(arr(b.edges), ['building', 'edges']);
  const stairs = ids(arr(b.stairs), ['building', 'stairs']);
  const rooms = ids(arr(b.rooms), ['building', 'rooms']);
  const roles = ids(arr(d.roles), ['roles']);
  ids(arr(d.targets), ['targets']);

  const ref = (value: unknown, set: Map<string, Obj>, path: DocPath, kind: string): Obj | undefined => {
    const id = str(value);
    if (id === undefined) return undefined;
    const hit = set.get(id);
    if (!hit) err(path, 'danglingRef', { kind, id });
    return hit;
  };
  const kindIs = (n: Obj | undefined, want: string, path: DocPath) => {
    if (n && n.kind !== want) err(path, 'nodeKind', { id: String(n.id), want, got: String(n.kind) });
  };

  arr(b.nodes).forEach((n, i) => ref(n.floor, floors, ['building', 'nodes', i, 'floor'], 'floor'));
  arr(b.edges).forEach((e, i) => {
    const p: DocPath = ['building', 'edges', i];
    ref(e.from, nodes, [...p, 'from'], 'node');
    ref(e.to, nodes, [...p, 'to'], 'node');
    if (str(e.from) !== undefined && e.from === e.to) err([...p, 'to'], 'selfLoop', { id: String(e.id) });
    if (e.kind === 'stair') {
      if (e.stair === undefined) err([...p, 'kind'], 'stairWithout');
      else ref(e.stair, stairs, [...p, 'stair'], 'stair');
    } else {
      if (e.stair !== undefined) err([...p, 'stair'], 'stairOnNonStair');
      if (e.tread !== undefined) err([...p, 'tread'], 'stairOnNonStair');
    }
  });
  arr(b.rooms).forEach((r, i) => r.stair !== undefined && ref(r.stair, stairs, ['building', 'rooms', i, 'stair'], 'stair'));
  arr(b.rooms).forEach((r, i) => kindIs(ref(r.node, nodes, ['building', 'rooms', i, 'node'], 'node'), 'room', ['building', 'rooms', i, 'node']));
  kindIs(ref(b.assembly, nodes, ['building', 'assembly'], 'node'), 'assembly', ['building', 'assembly']);
  const lift = obj(b.lift);
  (Array.isArray(lift.stops) ? lift.stops : []).forEach((s: unknown, i: number) => {
    const n = ref(s, nodes, ['building', 'lift', 'stops', i], 'node');
    if (n && n.kind !== 'lift') err(['building', 'lift', 'stops', i], 'liftStopKind', { id: String(n.id) });
  });
  arr(obj(d.fire).origins).forEach((o, i) => ref(o.room, rooms, ['fire', 'origins', i, 'room'], 'room'));

  // every room reaches the assembly point on foot (locked exits count: someone opens them)
  const assembly = str(b.assembly);
  if (assembly !== undefined && nodes.has(assembly)) {
    const adj = new Map<string, string[]>();
    for (const e of edges.values()) {
      const a = str(e.from);
      const z = str(e.to);
      if (a === undefined || z === undefined || !nodes.has(a) || !nodes.has(z)) continue;
      (adj.get(a) ?? adj.set(a, []).get(a)!).push(z);
      (adj.get(z) ?? adj.set(z, []).get(z)!).push(a);
    }
    const reach = new Set([assembly]);
    const stack = [assembly];
    while (stack.length > 0) for (const w of adj.get(stack.pop()!) ?? []) if (!reach.has(w) && nodes.get(w)?.kind !== 'lift') (reach.add(w), stack.push(w));
    arr(b.rooms).forEach((r, i) => {
      const n = str(r.node);
      if (n !== undefined && nodes.has(n) && !reach.has(n)) err(['building', 'rooms', i, 'node'], 'noPath', { room: String(r.id), assembly });
    });
  }

  const sources = obj(d.sources);
  arr(d.provenance).forEach((p, i) => {
    const s = str(p.source);
    if (s !== undefined && s !== 'assumed' && !(s in sources)) err(['provenance', i, 'source'], 'unknownSource', { id: s });
  });

  arr(d.roles).forEach((r, i) =>
    arr(r.tasks).forEach((t, k) => {
      const p: DocPath = ['roles', i, 'tasks', k];
      if (t.kind === 'fightFire' && t.successProbability === undefined) err([...p, 'kind'], 'fightNeedsP');
      if (t.kind !== 'fightFire' && t.successProbability !== undefined) err([...p, 'successProbability'], 'successOnlyFight');
    }),
  );
  if (Array.isArray(d.roles)) {
    const held = new Set([...roles.values()].map((r) => r.duty));
    for (const duty of DUTIES) if (!held.has(duty)) out.push({ path: ['roles'], key: 'dutyMissing', params: { duty }, severity: 'warning' });
  }
  return out;
}
