import type { CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { CountyTerrain } from './countyTerrain.ts';

/** Something on the county map a person can click: a road link, a village, a hazard site, a store or a shelter. */
export type MapPickKind = 'link' | 'village' | 'site' | 'warehouse' | 'shelter';
export interface MapPick {
  kind: MapPickKind;
  id: string;
}

/** A clickable thing where the scene draws it: a point, or a road link's two ends (scene units). */
export type Pickable = { kind: MapPickKind; id: string; at: readonly [number, number, number]; to?: readonly [number, number, number] };

/**
 * Every clickable thing of a county scene, placed exactly where CountyScene draws it (sites beside
 * their village, stores east and shelters west of their road node, links between their nodes).
 * Pure given the terrain.
 */
export function countyPickables(s: Scenario, terrain: CountyTerrain): Pickable[] {
  const at = (x: number, z: number, lift: number): [number, number, number] => [x, terrain.heightAt(x, z) + lift, z];
  const node = new Map(s.roads.nodes.map((n) => [n.id, terrain.project(n.position[0], n.position[1])]));
  const village = new Map(s.region.villages.map((v) => [v.id, terrain.project(v.position[0], v.position[1])]));
  const out: Pickable[] = [];
  for (const v of s.region.villages) {
    const [x, z] = village.get(v.id)!;
    out.push({ kind: 'village', id: v.id, at: at(x, z, 0.1) });
  }
  for (const h of s.hazardSites) {
    const [x, z] = village.get(h.village) ?? [0, 0];
    out.push({ kind: 'site', id: h.id, at: at(x + 0.25, z + 0.25, 0.3) });
  }
  for (const w of s.reserves.warehouses) {
    const [x, z] = node.get(w.node) ?? [0, 0];
    out.push({ kind: 'warehouse', id: w.id, at: at(x + 0.35, z, 0.2) });
  }
  for (const sh of s.shelters) {
    const [x, z] = node.get(sh.node) ?? [0, 0];
    out.push({ kind: 'shelter', id: sh.id, at: at(x - 0.35, z, 0.2) });
  }
  for (const l of s.roads.links) {
    const a = node.get(l.from);
    const b = node.get(l.to);
    if (a && b) out.push({ kind: 'link', id: l.id, at: at(a[0], a[1], 0.08), to: at(b[0], b[1], 0.08) });
  }
  return out;
}

/**
 * The nearest pickable to a screen point (pixels), given each one's screen position: points
 * within `pointPx` first (nearest wins), then road links within `linkPx` of their drawn segment.
 * `project` maps a scene point to screen pixels and whether it is in front of the camera. Pure.
 */
export function nearestPick(
  items: readonly Pickable[],
  px: number,
  py: number,
  project: (p: readonly [number, number, number]) => { x: number; y: number; front: boolean },
  pointPx = 14,
  linkPx = 8,
): MapPick | null {
  let best: { d: number; pick: MapPick } | null = null;
  for (const it of items) {
    if (it.to) continue;
    const p = project(it.at);
    if (!p.front) continue;
    const d = Math.hypot(p.x - px, p.y - py);
    // a hazard site or a store sits on top of its village: prefer it at equal distance
    const w = it.kind === 'village' ? d + 2 : d;
    if (d <= pointPx && (!best || w < best.d)) best = { d: w, pick: { kind: it.kind, id: it.id } };
  }
  if (best) return best.pick;
  for (const it of items) {
    if (!it.to) continue;
    const a = project(it.at);
    const b = project(it.to);
    if (!a.front || !b.front) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy || 1;
    const u = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2));
    const d = Math.hypot(a.x + u * dx - px, a.y + u * dy - py);
    if (d <= linkPx && (!best || d < best.d)) best = { d, pick: { kind: 'link', id: it.id } };
  }
  return best?.pick ?? null;
}

/**
 * What a county scene draws beyond the static map, as sorted keys: road links not open
 * (`link:<id>:<state>`), hazard sites not stable (`site:<id>:<state>`), teams (`team:<id>`),
 * stock bars (`stock:<store>`), shelters with people (`shelter:<id>`), fires burning
 * (`fire:<site>`) and relief trucks on the road (`delivery:<id>`). The e2e tests compare a
 * trainee's with what it was sent. Pure.
 */
export function drawnObjects(s: Scenario, st: CountyState): string[] {
  const out: string[] = [];
  for (const [id, v] of Object.entries(st.links)) if (v !== 'open') out.push(`link:${id}:${v}`);
  for (const [id, v] of Object.entries(st.sites)) if (v !== 'stable') out.push(`site:${id}:${v}`);
  for (const t of s.teams) if (st.teams[t.id]) out.push(`team:${t.id}`);
  for (const w of s.reserves.warehouses) if (Object.values(w.stock ?? {}).some((n) => n > 0)) out.push(`stock:${w.id}`);
  for (const [id, v] of Object.entries(st.shelters)) if (v.people > 0) out.push(`shelter:${id}`);
  const sites = new Set(s.hazardSites.map((h) => h.id));
  for (const f of Object.values(st.fires)) if (f.status !== 'out' && sites.has(f.site)) out.push(`fire:${f.site}`);
  for (const [id, d] of Object.entries(st.deliveries)) if (d.leg) out.push(`delivery:${id}`);
  return out.sort();
}
