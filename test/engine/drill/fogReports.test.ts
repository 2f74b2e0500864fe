import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canSee } from '../../../engine/drill/audience.ts';
import { completeConfig, type DrillConfig } from '../../../engine/drill/drillConfig.ts';
import { DrillSession } from '../../../engine/drill/drillSession.ts';
import { Fog } from '../../../engine/drill/fog.ts';
import { FOG_RULES } from '../../../engine/drill/fogRules.ts';
import { GENESIS_HASH, sealRecords } from '../../../engine/drill/hashChain.ts';
import type { NewRecord } from '../../../engine/drill/records.ts';
import { sha256 } from '../../../engine/drill/sha256.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { loadScenario, type Scenario } from '../../../engine/index.ts';
import { config as tinyConfig, tiny } from './helpers.ts';

/**
 * Fog of war on the default scenario (乐至): what each trainee position receives, and when,
 * against what it has been told by then. A slide (site.failed) reaches a position only as a
 * report `reportDelayMin` after it happened, and nothing derived from it — the people taken
 * into a shelter, the relief a village needs, the people without shelter — reaches anyone
 * earlier, or with a number the report does not carry.
 */

const LEZHI = new URL('../../../scenarios/lezhi-rainstorm.yaml', import.meta.url).pathname;
const text = readFileSync(LEZHI, 'utf8');
const SALT = 'ab'.repeat(32);

function lezhi(): { s: Scenario; config: DrillConfig } {
  const r = loadScenario(text, 'lezhi-rainstorm.yaml');
  if (!r.ok) throw new Error('lezhi-rainstorm.yaml does not load');
  const c = completeConfig(r.scenario, {});
  if (!c.ok) throw new Error(JSON.stringify(c.problems));
  return { s: r.scenario, config: c.config };
}

/** Events the engine logs in onSiteFail, in the same minute, right after the slide. */
const CASCADE = new Set(['shelter.admitted', 'shelter.overflow', 'road.cut', 'relief.requested', 'chain.triggered']);

interface Slide {
  seq: number;
  t: number;
  site: string;
  village: string;
  /** seqs of the shelter, overflow and relief events it set off (ground truth, with counts) */
  derived: Set<number>;
  shelters: Set<string>;
}

/** The slides of a ground-truth log and what each set off (the oracle of this test). */
function slidesOf(s: Scenario, events: readonly LogEvent[]): Slide[] {
  const village = new Map(s.hazardSites.map((x) => [x.id, x.village]));
  const out: Slide[] = [];
  let open: Slide | null = null;
  for (const e of events) {
    if (e.type === 'site.failed') {
      open = { seq: e.seq, t: e.t, site: String(e.site), village: village.get(String(e.site))!, derived: new Set(), shelters: new Set() };
      out.push(open);
      continue;
    }
    if (open && e.t === open.t && CASCADE.has(e.type)) {
      if (e.type !== 'road.cut' && e.type !== 'chain.triggered') open.derived.add(e.seq);
      if (e.type === 'shelter.admitted') open.shelters.add(String(e.shelter));
      continue;
    }
    open = null;
  }
  return out;
}

/**
 * Drill 1 of the default scenario at 3600×, ticked every 6 simulated minutes, with trainees
 * who open the county-town central shelter (twp-t002's) and two townships' own (so slides
 * send people both to a shelter of their own township and to one of another), and one
 * township that evacuates a site before any slide (an evacuation is no secret).
 */
function drill(stopAtMin = Infinity) {
  const { s, config } = lezhi();
  const session = DrillSession.create({ scenario: s, scenarioSha256: sha256(text), config, drillSeed: 1 }, 3600);
  const log: NewRecord[] = [];
  let wall = 1_000_000;
  const push = (r: { records: NewRecord[] }) => log.push(...r.records);
  push(session.control('brief', wall, { salt: SALT, by: 'dir' }));
  push(session.control('start', wall, { by: 'dir' }));
  wall += 100;
  log.push(...session.tick(wall));
  let c = 0;
  const act = (pos: string, d: unknown) => {
    const r = session.act(`u-${pos}`, pos, d, wall, `c${c++}`);
    push(r);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  };
  act('twp-t002', { kind: 'openShelter', shelter: 'sh-central' });
  act('twp-t116', { kind: 'openShelter', shelter: 'sh-t116' });
  act('twp-t112', { kind: 'openShelter', shelter: 'sh-t112' });
  act('twp-t101', { kind: 'evacuate', site: s.hazardSites.find((x) => s.region.villages.find((v) => v.id === x.village)?.township === 't101')!.id });
  while (session.phase === 'running' && session.state.engineNow < stopAtMin) {
    wall += 100;
    log.push(...session.tick(wall));
  }
  return { s, config, session, log, wall };
}

/** Ids a record names: sites, villages, shelters (its own fields, or an intel report's). */
function mentions(r: NewRecord): { sites: string[]; villages: string[]; shelters: string[] } {
  const d = r.data;
  const ids = (x: unknown) => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : []);
  return {
    sites: [...ids(d.site), ...(d.task === 'rescue' ? ids(d.target) : [])],
    villages: ids(d.village),
    shelters: [...ids(d.shelter), ...ids(d.shelters)],
  };
}

describe('fog of war on the default scenario: slides reach trainees only as reports', () => {
  const run = drill();
  const { s, config, session, log } = run;
  const delay = config.reportDelayMin;
  const slides = slidesOf(s, session.engineEvents);
  const siteVillage = new Map(s.hazardSites.map((x) => [x.id, x.village]));
  const villageTownship = new Map(s.region.villages.map((v) => [v.id, v.township]));
  const hasJurisdiction = (p: DrillConfig['positions'][number], village: string | undefined) =>
    p.jurisdiction === 'county' || (village !== undefined && p.jurisdiction.includes(villageTownship.get(village)!));

  it('the drill has slides, with people sent to a shelter of their own township and to one of another', () => {
    expect(slides.length).toBeGreaterThan(5);
    const owner = (sh: string) => config.positions.find((p) => p.shelters.includes(sh))!;
    const crossed = slides.filter((x) => [...x.shelters].some((sh) => !hasJurisdiction(owner(sh), x.village)));
    const own = slides.filter((x) => [...x.shelters].some((sh) => hasJurisdiction(owner(sh), x.village)));
    expect(crossed.length).toBeGreaterThan(0);
    expect(own.length).toBeGreaterThan(0);
  });

  for (const p of config.positions) {
    it(`${p.id}: nothing about a slide before its report, and no counts`, () => {
      const viewer = { role: 'trainee' as const, position: p.id };
      const seen = log.filter((r) => canSee(r.audience, viewer));
      /** when this position was told of each slide (its report), by site */
      const told = new Map<string, number>();
      const problems: string[] = [];
      for (const r of seen) {
        if (r.kind === 'intel' && r.data.what === 'siteFailed' && typeof r.data.site === 'string' && !told.has(r.data.site)) told.set(r.data.site, r.t);
        // a ground-truth event set off by a slide never reaches a trainee as it is: it carries the counts
        if (r.kind === 'sim' && slides.some((x) => x.derived.has(Number(r.data.seq))))
          problems.push(`${r.t} sim ${String(r.data.type)} ${JSON.stringify(r.data)}: set off by a slide, with its counts`);
        // reports carry names and times, never a number of people
        if (r.kind === 'intel')
          for (const [k, v] of Object.entries(r.data)) if (typeof v === 'number' && k !== 'sinceMin') problems.push(`${r.t} intel ${String(r.data.what)} carries ${k}=${v}`);
        // nothing names a slide's site, village or the shelters its people went to before this position is told of it
        const m = mentions(r);
        for (const x of slides) {
          if (r.t < x.t) continue;
          const about = m.sites.includes(x.site) || m.villages.includes(x.village) || (r.t === x.t && m.shelters.some((sh) => x.shelters.has(sh)));
          if (!about) continue;
          const at = told.get(x.site);
          if (at === undefined || at > r.t) problems.push(`${r.t} ${r.kind} ${String(r.data.type ?? r.data.what)} about the slide at ${x.site} (t=${x.t}) before its report (${at ?? "not yet"})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('each slide is reported reportDelayMin later to the positions over its village and to those whose shelters took its people in', () => {
    for (const x of slides) {
      const concerned = config.positions.filter((p) => hasJurisdiction(p, x.village) || p.shelters.some((sh) => x.shelters.has(sh))).map((p) => p.id);
      const reports = log.filter((r) => r.kind === 'intel' && r.data.what === 'siteFailed' && r.data.site === x.site);
      expect(reports.length, x.site).toBe(1);
      const report = reports[0]!;
      expect(report.t).toBeCloseTo(x.t + delay, 9);
      expect(report.data).toMatchObject({ site: x.site, village: x.village, sinceMin: x.t });
      for (const p of config.positions) expect(canSee(report.audience, { role: 'trainee', position: p.id }), `${x.site} → ${p.id}`).toBe(concerned.includes(p.id));
      expect(new Set(report.data.shelters as string[])).toEqual(x.shelters);
    }
  });

  it('every engine event a trainee receives is public, about its own resources or decisions, or in its jurisdiction', () => {
    const problems: string[] = [];
    for (const p of config.positions) {
      const viewer = { role: 'trainee' as const, position: p.id };
      for (const r of log) {
        if (r.kind !== 'sim' || !canSee(r.audience, viewer)) continue;
        const d = r.data;
        const type = String(d.type);
        const own = (list: readonly string[], id: unknown) => typeof id === 'string' && list.includes(id);
        let ok: boolean;
        if (['rain.hour', 'warning.changed', 'warning.issued', 'response.changed', 'road.reopened'].includes(type)) ok = true;
        else if (type.startsWith('team.') || type === 'road.clearing' || type === 'fire.crewOnLine') ok = own(p.teams, d.team);
        else if (type.startsWith('shelter.') && typeof d.shelter === 'string') ok = own(p.shelters, d.shelter);
        else if (type === 'decision.applied' || type === 'report.submitted') ok = d.by === p.id;
        else if (typeof d.village === 'string') ok = hasJurisdiction(p, d.village);
        else if (typeof d.site === 'string') ok = hasJurisdiction(p, siteVillage.get(d.site));
        else ok = false;
        if (!ok) problems.push(`${p.id} got ${type} ${JSON.stringify(d)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Every event type the county engine logs (`log.add(t, 'type'` in engine/sim, engine/world…), read from the sources. */
function engineEventTypes(): Set<string> {
  const root = new URL('../../../engine/', import.meta.url).pathname;
  const out = new Set<string>();
  for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts')) continue;
    const src = readFileSync(root + f, 'utf8');
    // the type is the second argument, a literal or a choice of literals (`shock === 0 ? 'a' : 'b'`)
    for (const m of src.matchAll(/\blog\.add\(([^,]+),\s*([^,{)]+)/g)) for (const lit of m[2]!.matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)) out.add(lit[1]!);
  }
  return out;
}

describe('fog rules cover the engine vocabulary', () => {
  it('every event type the engine logs has a fog rule, and every rule an event type', () => {
    const types = engineEventTypes();
    expect(types.size).toBeGreaterThan(40);
    expect(types).toContain('quake.aftershock');
    expect([...types].filter((x) => !(x in FOG_RULES)), 'types without a fog rule (engine/drill/fogRules.ts)').toEqual([]);
    expect(Object.keys(FOG_RULES).filter((x) => !types.has(x)), 'fog rules for types the engine never logs').toEqual([]);
  });

  it('ground truth stays with the staff: the storm, the slide, the cut, the ignition, a refused decision', () => {
    for (const x of ['hazard.drawn', 'site.failed', 'road.cut', 'chain.triggered', 'quake.mainshock', 'fire.ignited', 'fire.merged', 'decision.refused']) expect(FOG_RULES[x], x).toBe('staff');
  });
});

describe('fog state survives a restart', () => {
  it('a session restored between a slide and its report releases the same report at the same minute, with the same shelters', () => {
    const { s, session: probe } = drill(3000);
    const slide = slidesOf(s, probe.engineEvents).find((x) => x.shelters.size > 0)!;
    // stop 5 simulated minutes after that slide: its report is still to come
    const { session, log, wall } = drill(slide.t + 5);
    expect(session.state.engineNow).toBeLessThan(slide.t + session.config.reportDelayMin);
    expect(log.some((r) => r.kind === 'intel' && r.data.site === slide.site)).toBe(false);
    const sealed = sealRecords({ seq: 0, hash: GENESIS_HASH }, log, wall);
    const restored = DrillSession.restore(session.init, session.state, sealed);
    restored.resumeClockAt(wall);
    session.resumeClockAt(wall);
    const later = wall + 2000; // at 3600× a wall second is a simulated hour
    const a = session.tick(later);
    const b = restored.tick(later);
    expect(b).toEqual(a);
    const report = a.find((r) => r.kind === 'intel' && r.data.site === slide.site)!;
    expect(report).toMatchObject({ t: slide.t + session.config.reportDelayMin, data: { what: 'siteFailed', shelters: [...slide.shelters] } });
  });
});

/** The Fog alone, on tiny's default positions (county-eb; twp-ta owns sh-ta; twp-tb owns sh-tb; gh1 lies in va2, 甲镇). */
describe('Fog: a slide and what it sets off', () => {
  const s = tiny();
  let seq = 0;
  const ev = (t: number, type: string, f: Record<string, unknown>): LogEvent => ({ seq: ++seq, t, type, ...f });
  const feed = (fog: Fog, e: LogEvent) => ({ audience: fog.classify(e), report: fog.report(e) });

  it('shelter, overflow and relief events of a slide are staff-only; its one report names the shelters, without counts', () => {
    const fog = new Fog(s, tinyConfig(s));
    expect(feed(fog, ev(100, 'site.failed', { site: 'gh1', affected: 40, deadMissing: 2, evacuated: false }))).toEqual({ audience: 'staff', report: null });
    expect(feed(fog, ev(100, 'shelter.admitted', { shelter: 'sh-tb', people: 30 }))).toEqual({ audience: 'staff', report: null });
    expect(feed(fog, ev(100, 'shelter.overflow', { village: 'va2', people: 10 }))).toEqual({ audience: 'staff', report: null });
    const cut = feed(fog, ev(100, 'road.cut', { link: 'l1', trunk: true, site: 'gh1' }));
    expect(cut).toMatchObject({ audience: 'staff', report: { atMin: 120, audience: 'all', data: { what: 'roadCut', link: 'l1', trunk: true, sinceMin: 100 } } });
    const relief = feed(fog, ev(100, 'relief.requested', { village: 'va2', people: 40 }));
    expect(relief.audience).toBe('staff');
    // the county and 甲镇 over va2, and 乙镇 whose shelter took people in
    expect(relief.report).toEqual({
      atMin: 120,
      audience: 'p:county-eb,twp-ta,twp-tb',
      data: { what: 'siteFailed', site: 'gh1', village: 'va2', sinceMin: 100, shelters: ['sh-tb'], unsheltered: true, needsRelief: true },
    });
    // the next minute is another matter: people evacuated into a shelter are no secret to its owner
    expect(feed(fog, ev(130, 'site.evacuated', { site: 'gh1', people: 50 })).audience).toBe('p:county-eb,twp-ta');
    expect(feed(fog, ev(130, 'shelter.admitted', { shelter: 'sh-tb', people: 50 }))).toEqual({ audience: 'p:twp-tb', report: null });
    expect(feed(fog, ev(131, 'relief.requested', { village: 'va2', people: 5 }))).toEqual({ audience: 'p:county-eb,twp-ta', report: null });
  });

  it('a slide that affected nobody is reported from the slide itself', () => {
    const fog = new Fog(s, tinyConfig(s, { reportDelayMin: 0 }));
    expect(feed(fog, ev(200, 'site.failed', { site: 'gh1', affected: 0, deadMissing: 0, evacuated: true })).report).toEqual({
      atMin: 200,
      audience: 'p:county-eb,twp-ta',
      data: { what: 'siteFailed', site: 'gh1', village: 'va2', sinceMin: 200, shelters: [], unsheltered: false, needsRelief: false },
    });
  });

  it('classify and report note each event once, in either order', () => {
    const a = new Fog(s, tinyConfig(s));
    const b = new Fog(s, tinyConfig(s));
    const evs = [
      ev(300, 'site.failed', { site: 'gh1', affected: 5, deadMissing: 0, evacuated: false }),
      ev(300, 'shelter.admitted', { shelter: 'sh-ta', people: 5 }),
      ev(300, 'relief.requested', { village: 'va2', people: 5 }),
    ];
    const ra = evs.map((e) => [a.classify(e), a.report(e)]);
    const rb = evs.map((e) => {
      const r = b.report(e);
      return [b.classify(e), r];
    });
    expect(rb).toEqual(ra);
    expect(ra[2]![1]).toMatchObject({ audience: 'p:county-eb,twp-ta', data: { shelters: ['sh-ta'], unsheltered: false } });
  });
});
