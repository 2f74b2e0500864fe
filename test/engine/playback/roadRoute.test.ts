/**
 * Movers follow the road network (engine/playback/roadRoute.ts): in the Lezhi golden log, every
 * team or relief leg whose route is known passes from node to neighbouring node over links that
 * were open when it set off (never across a cut, never straight over the hills), and the mover's
 * position is always on that path; a unit graph checks the fastest route avoids a closed link.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../../engine/evacuation/index.ts';
import { buildPlayback, countAt, legPos, parsePlaybackLog, stateAfter, type LonLat } from '../../../engine/playback/index.ts';
import { legPath } from '../../../engine/playback/geometry.ts';
import { roadRoute, type RoadGraph } from '../../../engine/playback/roadRoute.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('road routes', () => {
  it('the fastest route avoids a closed link and takes the detour', () => {
    // a square a-b-c-d with a diagonal a-c that is fastest while open
    const pos: LonLat[] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const g: RoadGraph = {
      nodeIds: ['a', 'b', 'c', 'd'],
      index: new Map([['a', 0], ['b', 1], ['c', 2], ['d', 3]]),
      pos,
      adj: [[[1, 'ab', 10], [3, 'ad', 12], [2, 'ac', 5]], [[0, 'ab', 10], [2, 'bc', 10]], [[1, 'bc', 10], [3, 'cd', 12], [0, 'ac', 5]], [[0, 'ad', 12], [2, 'cd', 12]]],
    };
    expect(roadRoute(g, 0, [2], () => false)).toEqual([pos[0], pos[2]]);
    expect(roadRoute(g, 0, [2], (l) => l === 'ac')).toEqual([pos[0], pos[1], pos[2]]);
    expect(roadRoute(g, 0, [2], (l) => l === 'ac' || l === 'ab')).toEqual([pos[0], pos[3], pos[2]]);
    expect(roadRoute(g, 0, [2], (l) => l !== 'cd')).toBeNull();
    expect(roadRoute(g, 0, [0], () => true)).toEqual([pos[0]]);
  });

  it('lezhi seed 1: teams and trucks move from node to neighbouring node over links open when they set off', () => {
    const file = 'scenarios/lezhi-rainstorm.yaml';
    const sc = loadAnyScenario(readFileSync(ROOT + file, 'utf8'), file);
    const log = parsePlaybackLog(readFileSync(`${ROOT}test/golden/lezhi-seed1.jsonl`, 'utf8'));
    if (!sc.ok || sc.model !== 'county' || !log.ok) throw new Error('fixture');
    const s: Scenario = sc.scenario;
    const idx = buildPlayback({ model: 'county', scenario: s }, log.events, 32);
    const nodeAt = new Map(s.roads.nodes.map((n) => [`${n.position[0]},${n.position[1]}`, n.id]));
    const linkOf = new Map<string, string>();
    for (const l of s.roads.links) linkOf.set(`${l.from}|${l.to}`, l.id), linkOf.set(`${l.to}|${l.from}`, l.id);
    let routed = 0;
    let hops = 0;
    const seen = new Set<string>();
    for (let n = 1; n <= idx.events.length; n++) {
      const e = idx.events[n - 1]!;
      if (!/^team\.(departed|rerouted|dispatched|taskDone)$|^delivery\.dispatched$/.test(e.type)) continue;
      const before = stateAfter(idx, n - 1);
      const after = stateAfter(idx, n);
      if (after.model !== 'county' || before.model !== 'county') throw new Error('county');
      const leg = e.type === 'delivery.dispatched' ? after.deliveries[String(e.delivery)]?.leg : after.teams[String(e.team)]?.leg;
      if (!leg?.via || seen.has(JSON.stringify(leg))) continue;
      seen.add(JSON.stringify(leg));
      routed++;
      const ids = leg.via.map((p) => nodeAt.get(`${p[0]},${p[1]}`));
      expect(ids.every((x) => x !== undefined)).toBe(true);
      for (let i = 1; i < ids.length; i++) {
        const link = linkOf.get(`${ids[i - 1]}|${ids[i]}`);
        expect(link, `${e.type} seq ${e.seq}: ${ids[i - 1]} → ${ids[i]} is not a road`).toBeDefined();
        expect(['open', 'reopened']).toContain(before.links[link!]);
        hops++;
      }
      // the mover is on its path at every moment of the leg
      const path = legPath(leg);
      for (const u of [0, 0.25, 0.5, 0.75, 1]) {
        const p = legPos(leg, leg.departT + u * (leg.arriveT - leg.departT));
        const onPath = path.some((a, i) => i > 0 && distToSeg(p, path[i - 1]!, a) < 1e-9);
        expect(onPath || path.length === 1).toBe(true);
      }
    }
    expect(routed).toBeGreaterThan(20);
    expect(hops).toBeGreaterThan(routed);
    expect(countAt(idx, idx.endT)).toBe(idx.events.length);
  });
});

function distToSeg(p: LonLat, a: LonLat, b: LonLat): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const L = dx * dx + dy * dy;
  const u = L === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L));
  return Math.hypot(p[0] - (a[0] + u * dx), p[1] - (a[1] + u * dy));
}

describe('forest fire perimeters (shidian forest fire, seed 5)', () => {
  it('grow as the engine grows them: at containment the drawn ellipse has the area the log gives, and it never shrinks while burning', async () => {
    const { fireShape } = await import('../../../engine/playback/index.ts');
    const file = 'scenarios/shidian-forest-fire.yaml';
    const sc = loadAnyScenario(readFileSync(ROOT + file, 'utf8'), file);
    const log = parsePlaybackLog(readFileSync(`${ROOT}test/golden/shidian-fire-seed5.jsonl`, 'utf8'));
    if (!sc.ok || sc.model !== 'county' || !log.ok) throw new Error('fixture');
    const idx = buildPlayback({ model: 'county', scenario: sc.scenario }, log.events, 32);
    const contained = idx.events.filter((e) => e.type === 'fire.contained' || e.type === 'fire.escaped' || e.type === 'fire.detected');
    expect(contained.length).toBeGreaterThan(2);
    for (const e of contained) {
      // just before the event the growing ellipse already has (to the log's rounding) the area it reports
      const s = stateAfter(idx, countAt(idx, e.t) - (idx.events.filter((x) => x.t === e.t && x.seq >= e.seq).length));
      if (s.model !== 'county') throw new Error('county');
      const f = s.fires[String(e.fire)]!;
      // the log rounds the rate and the ratio to 3 decimals: within 0.2 % (or 0.01 ha)
      expect(Math.abs(fireShape(f, e.t).areaHa - Number(e.areaHa))).toBeLessThanOrEqual(Math.max(0.01, 0.002 * Number(e.areaHa)));
      const a = fireShape(f, e.t - 30).areaHa;
      expect(a).toBeLessThanOrEqual(fireShape(f, e.t).areaHa + 1e-12);
    }
  });
});
