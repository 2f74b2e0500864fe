import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, runTrial } from '../../../engine/index.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { LiveTrial } from '../../../engine/sim/liveTrial.ts';

const text = readFileSync(new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8');
const loaded = loadScenario(text, 'tiny.yaml');
if (!loaded.ok) throw new Error('tiny.yaml does not load');
const s = loaded.scenario;

/** Plays a drill: a commander who reacts to what the log shows, hour by hour. */
function playDrill(seed: number) {
  const live = new LiveTrial(s, seed);
  const refused: string[] = [];
  for (let t = 0; t <= s.horizonHours * 60; t += 30) {
    const fresh = live.advanceTo(t);
    for (const e of fresh) {
      const act = (decision: Parameters<LiveTrial['decide']>[0]['decision']) => {
        const r = live.decide({ t: live.now, by: 'trainee:county', decision });
        if (!r.ok) refused.push(r.error.code);
      };
      if (e.type === 'warning.changed' && e.to === 'orange') {
        act({ kind: 'setResponseLevel', level: 'III' });
        for (const sh of s.shelters) act({ kind: 'openShelter', shelter: sh.id });
        for (const site of s.hazardSites) act({ kind: 'evacuate', site: site.id });
      }
      if (e.type === 'road.cut') act({ kind: 'dispatchTeam', team: s.teams[0]!.id, task: { kind: 'clear', link: String(e.link) } });
      if (e.type === 'relief.requested') {
        const wh = s.reserves.warehouses[0]!;
        act({ kind: 'releaseStock', warehouse: wh.id, village: String(e.village), items: { [s.reserves.items[2]!.id]: 10 } });
      }
    }
  }
  return { live, refused };
}

describe('LiveTrial (a drill run step by step)', () => {
  it('in manual mode the engine takes no decisions by itself', () => {
    const live = new LiveTrial(s, 2);
    live.advanceTo(s.horizonHours * 60);
    const types = new Set(live.events.map((e) => e.type));
    for (const t of ['team.dispatched', 'delivery.dispatched', 'response.changed', 'site.evacuated']) expect(types.has(t), t).toBe(false);
    expect(types.has('warning.changed')).toBe(true); // the met bureau's signal still comes
  });

  it('replaying the accepted decisions gives the identical event log, on both machine paths', () => {
    for (const seed of [1, 2, 42]) {
      const { live } = playDrill(seed);
      const decisions = [...live.decisions];
      expect(decisions.length).toBeGreaterThan(0);
      live.advanceTo(s.horizonHours * 60);
      const replay = runTrial(s, seed, undefined, { mode: 'manual', decisions });
      expect(JSON.stringify(replay.events)).toBe(JSON.stringify(live.events));
      const fast = runTrial(s, seed, compiledMachines, { mode: 'manual', decisions });
      expect(JSON.stringify(fast.events)).toBe(JSON.stringify(live.events));
      expect(replay.outcome).toEqual(live.outcome());
    }
  });

  it('decisions have consequences: a dispatched team clears the road, released stock relieves the village', () => {
    const { live } = playDrill(1);
    live.advanceTo(s.horizonHours * 60);
    const ev = live.events;
    const cut = ev.find((e) => e.type === 'road.cut');
    if (cut) expect(ev.some((e) => e.type === 'road.reopened' && e.link === cut.link)).toBe(true);
    const req = ev.find((e) => e.type === 'relief.requested');
    if (req) expect(ev.some((e) => e.type === 'relief.first' && e.village === req.village)).toBe(true);
    expect(cut ?? req).toBeDefined();
  });

  it('a bad decision is refused with a reason in both languages and changes nothing', () => {
    const live = new LiveTrial(s, 1);
    live.advanceTo(60);
    const before = JSON.stringify(live.events);
    const bad = [
      { kind: 'dispatchTeam', team: 'nobody', task: { kind: 'clear', link: s.roads.links[0]!.id } },
      { kind: 'dispatchTeam', team: s.teams[0]!.id, task: { kind: 'clear', link: s.roads.links[0]!.id } }, // not blocked
      { kind: 'releaseStock', warehouse: s.reserves.warehouses[0]!.id, village: s.region.villages[0]!.id, items: { [s.reserves.items[0]!.id]: 1e9 } },
      { kind: 'setResponseLevel', level: 'ended' },
      { kind: 'situationReport', text: '' },
      { kind: 'frobnicate' },
    ] as const;
    for (const decision of bad) {
      const r = live.decide({ t: 60, by: 'trainee:x', decision: decision as never });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(JSON.stringify(live.events)).toBe(before);
    expect(live.decide({ t: 30, by: 'x', decision: { kind: 'openShelter', shelter: s.shelters[0]!.id } }).ok).toBe(false); // in the past
  });
});
