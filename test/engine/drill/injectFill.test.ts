import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeConfig, defaultInjects } from '../../../engine/drill/drillConfig.ts';
import { DrillSession } from '../../../engine/drill/drillSession.ts';
import { slotsOf } from '../../../engine/drill/injectSlots.ts';
import type { NewRecord } from '../../../engine/drill/records.ts';
import { sha256 } from '../../../engine/drill/sha256.ts';
import { loadScenario, type Scenario } from '../../../engine/index.ts';
import { SALT, tiny } from './helpers.ts';

/**
 * No inject goes out with holes: every inject of every shipped county scenario's default MSEL,
 * released every way it can be (scheduled, on its event, by hand before its event with and
 * without names picked, by hand after its event while it waits for its delay), and no
 * `{placeholder}` is in any record (records are what every client is sent, filtered).
 */
const SHIPPED = ['lezhi-rainstorm', 'jingyan-rainstorm', 'shidian-earthquake', 'pinghu-typhoon', 'shidian-forest-fire'];
const HOLE = /\{(site|village|link|township)\}/;
const MIN = 60_000;

function load(name: string): { s: Scenario; text: string } {
  const text = readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8');
  const r = loadScenario(text, `${name}.yaml`);
  if (!r.ok) throw new Error(`${name} does not load`);
  return { s: r.scenario, text };
}

function session(s: Scenario, text: string, seed = 1): DrillSession {
  const c = completeConfig(s, {});
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return DrillSession.create({ scenario: s, scenarioSha256: sha256(text), config: c.config, drillSeed: seed }, 3600);
}

const holes = (records: readonly NewRecord[]) => records.filter((r) => HOLE.test(JSON.stringify(r.data)));

describe.each(SHIPPED)('%s: injects never go out with holes', (name) => {
  const { s, text } = load(name);
  // at most three days of drill: what the default MSEL is about (the fire season runs 120 days)
  const until = Math.min(s.horizonHours, 72) * 60;

  it('scheduled and conditional releases, and by hand while a conditional one waits for its delay', () => {
    const d = session(s, text);
    const out: NewRecord[] = [];
    let wall = 0;
    out.push(...d.control('brief', wall, { salt: SALT }).records, ...d.control('start', wall).records);
    let byHand = 0;
    while (d.simNow(wall) < until && d.phase === 'running') {
      wall += 1000; // one simulated hour a step at 3600×
      out.push(...d.tick(wall));
      // a conditional inject whose event has happened waits for its delay: release it now
      for (const u of d.upcoming()) {
        if (!u.key.startsWith('inject:') || byHand > 0) continue;
        const r = d.release(u.key.slice('inject:'.length), wall, 'dir');
        expect(r.ok, JSON.stringify(r)).toBe(true);
        out.push(...r.records);
        byHand++;
      }
    }
    expect(out.filter((r) => r.kind === 'inject').length).toBeGreaterThan(0);
    if (name === 'lezhi-rainstorm') expect(byHand).toBe(1);
    expect(holes(out)).toEqual([]);
  });

  it('by hand before the event: refused with a reason unless the names are picked, then filled', () => {
    const d = session(s, text);
    const out: NewRecord[] = [];
    out.push(...d.control('brief', 0, { salt: SALT }).records, ...d.control('start', 0).records);
    const site = s.hazardSites[0]!;
    const link = s.roads.links[0]!;
    for (const inj of defaultInjects(s)) {
      if (d.isReleased(inj.id)) continue;
      const slots = slotsOf(inj);
      const bare = d.release(inj.id, 0, 'dir');
      if (slots.length) {
        expect(bare).toMatchObject({ ok: false, error: { code: 'fillNeeded' } });
        if (!bare.ok) expect(bare.error.zh).toMatch(/请先选择/);
        out.push(...bare.records);
        const fill = { site: site.id, link: link.id };
        const r = d.release(inj.id, 0, 'dir', fill);
        expect(r.ok).toBe(true);
        out.push(...r.records);
        const rec = r.records.find((x) => x.kind === 'inject')!;
        if (slots.includes('site')) expect(JSON.stringify(rec.data)).toContain(site.name.zh);
      } else {
        expect(bare.ok).toBe(true);
        out.push(...bare.records);
      }
    }
    expect(holes(out)).toEqual([]);
  });
});

describe('release fills', () => {
  it('refuses ids the scenario lacks, and an ad-hoc inject with placeholders but no names', () => {
    const s = tiny();
    const d = session(s, 'tiny');
    d.control('brief', 0, { salt: SALT });
    d.control('start', 0);
    expect(d.release('inj-slide-report', MIN, 'dir', { site: 'nope' })).toMatchObject({ ok: false, error: { code: 'badFill' } });
    expect(d.release('inj-slide-report', MIN, 'dir', { colour: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'badFill' } });
    const inj = { id: 'x', title: { zh: '{village}来电' }, body: { zh: '{village}请求支援' }, channel: 'phone' as const, to: [], trigger: { kind: 'manual' as const }, expected: [] };
    expect(d.adhoc(inj, MIN, 'dir')).toMatchObject({ ok: false, error: { code: 'fillNeeded' } });
    const ok = d.adhoc(inj, MIN, 'dir', { village: s.region.villages[0]!.id });
    expect(ok.ok).toBe(true);
    expect(JSON.stringify(ok.records)).toContain(`${s.region.villages[0]!.name.zh}来电`);
  });

  it('a config whose scheduled inject has a placeholder, or whose event cannot fill one, is refused', () => {
    const s = tiny();
    const base = { title: { zh: '报告' }, channel: 'phone', to: [], expected: [] };
    const c1 = completeConfig(s, { injects: [{ ...base, id: 'a', body: { zh: '{site}发生滑坡' }, trigger: { kind: 'at', offsetMin: 10 } }] });
    expect(c1.ok).toBe(false);
    const c2 = completeConfig(s, { injects: [{ ...base, id: 'b', body: { zh: '{link}中断' }, trigger: { kind: 'on', event: 'site.failed' } }] });
    expect(c2.ok).toBe(false);
    const c3 = completeConfig(s, { injects: [{ ...base, id: 'c', body: { zh: '{link}中断' }, trigger: { kind: 'on', event: 'road.cut' } }] });
    expect(c3.ok).toBe(true);
  });
});
