/**
 * The playback reducer (engine/playback): jumping to any time gives exactly the state of folding
 * the events one by one from the start (seen at that time: stock drawn at a rate moves between events), for the golden logs of both models, for random times and
 * random jump orders (fast-check); every golden log reduces without unknown events.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../../engine/evacuation/index.ts';
import { buildPlayback, countAt, foldEvents, parsePlaybackLog, PlaybackCursor, stateAt, type PlaybackIndex, type PlaybackInput } from '../../../engine/playback/index.ts';
import { goldenCases } from '../../golden/cases.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function load(name: string, scenarioFile: string, k?: number): PlaybackIndex {
  const log = parsePlaybackLog(readFileSync(`${ROOT}test/golden/${name}.jsonl`, 'utf8'));
  if (!log.ok) throw new Error(`${name}: ${log.problem.en}`);
  const sc = loadAnyScenario(readFileSync(ROOT + scenarioFile, 'utf8'), scenarioFile);
  if (!sc.ok) throw new Error(`${scenarioFile} does not load`);
  const input: PlaybackInput = sc.model === 'county' ? { model: 'county', scenario: sc.scenario } : { model: 'building', scenario: sc.scenario };
  expect(input.model).toBe(log.model);
  return buildPlayback(input, log.events, k);
}

const indexes = new Map<string, PlaybackIndex>();
const indexOf = (c: (typeof goldenCases)[number]) => indexes.get(c.name) ?? indexes.set(c.name, load(c.name, c.scenario, 16)).get(c.name)!;

describe('playback reducer over the golden logs', () => {
  for (const c of goldenCases) {
    it(`${c.name}: every event is known to its model's reducer`, () => {
      const idx = indexOf(c);
      expect(idx.events.length).toBeGreaterThan(10);
      expect(idx.unknown).toEqual([]);
    });

    it(`${c.name}: stateAt(t) equals folding from the start, for random times`, () => {
      const idx = indexOf(c);
      fc.assert(
        fc.property(fc.double({ min: -1, max: idx.endT + 10, noNaN: true }), (t) => {
          expect(stateAt(idx, t)).toEqual(foldEvents(idx, countAt(idx, t), t));
        }),
        { numRuns: 40, seed: 7 },
      );
    });

    it(`${c.name}: a cursor jumping in random order agrees with folding (and with stateAt)`, () => {
      const idx = indexOf(c);
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: idx.endT, noNaN: true }), fc.constantFrom(...idx.times.slice(0, 50))), { minLength: 1, maxLength: 12 }), (ts) => {
          const cur = new PlaybackCursor(idx);
          for (const t of ts) {
            const got = structuredClone(cur.seek(t));
            expect(got).toEqual(foldEvents(idx, countAt(idx, t), t));
            expect(got).toEqual(stateAt(idx, t));
          }
        }),
        { numRuns: 15, seed: 11 },
      );
    });
  }

  it('stateAt does not change the index (the keyframes stay as built)', () => {
    const idx = indexOf(goldenCases.find((c) => c.name === 'lezhi-seed1')!);
    const before = structuredClone(idx.keyframes);
    stateAt(idx, idx.endT / 2);
    stateAt(idx, idx.endT);
    expect(idx.keyframes).toEqual(before);
  });
});

describe('what the county state says at chosen moments (lezhi seed 1)', () => {
  const c = goldenCases.find((g) => g.name === 'lezhi-seed1')!;
  it('a road is cut when its cut is logged, being cleared, then reopened', () => {
    const idx = indexOf(c);
    const cut = idx.events.find((e) => e.type === 'road.cut')!;
    const link = String(cut.link);
    const before = stateAt(idx, cut.t - 0.001);
    const at = stateAt(idx, cut.t);
    expect(before.model === 'county' && before.links[link]).toBe('open');
    expect(at.model === 'county' && at.links[link]).toBe('cut');
    const reopen = idx.events.find((e) => e.type === 'road.reopened' && e.link === link)!;
    const later = stateAt(idx, reopen.t);
    expect(later.model === 'county' && later.links[link]).toBe('reopened');
  });

  it('a departed team is en route with a leg it can be drawn along, on site after it arrives', () => {
    const idx = indexOf(c);
    const dep = idx.events.find((e) => e.type === 'team.departed')!;
    const s = stateAt(idx, dep.t);
    if (s.model !== 'county') throw new Error('county');
    const tm = s.teams[String(dep.team)]!;
    expect(tm.status).toBe('enRoute');
    expect(tm.leg!.arriveT).toBeCloseTo(dep.t + Number(dep.minutes), 6);
    const arr = idx.events.find((e) => e.type === 'team.arrived' && e.team === dep.team && e.seq > dep.seq)!;
    const s2 = stateAt(idx, arr.t);
    if (s2.model !== 'county') throw new Error('county');
    expect(s2.teams[String(dep.team)]!.status).toBe('onSite');
  });

  it('totals: affected and dead-missing are the sums of the failures so far; stock never negative', () => {
    const idx = indexOf(c);
    const s = stateAt(idx, idx.endT);
    if (s.model !== 'county') throw new Error('county');
    const failed = idx.events.filter((e) => e.type === 'site.failed');
    expect(s.affected).toBe(failed.reduce((a, e) => a + Number(e.affected), 0));
    expect(s.deadMissing).toBe(failed.reduce((a, e) => a + Number(e.deadMissing), 0));
    for (const items of Object.values(s.stock)) for (const q of Object.values(items)) expect(q).toBeGreaterThanOrEqual(0);
    expect(s.response).not.toBe('none');
  });
});

describe('what the building state says (school seed 1)', () => {
  it('before ignition nothing burns; at the end everyone counted is at the assembly point and smoke has spread', () => {
    const idx = indexOf(goldenCases.find((g) => g.name === 'school-seed1')!);
    const s0 = stateAt(idx, -1);
    const s1 = stateAt(idx, idx.endT);
    if (s0.model !== 'building' || s1.model !== 'building') throw new Error('building');
    expect(s0.fire.room).toBeNull();
    expect(s1.fire.room).not.toBeNull();
    expect(s1.phase).toBe('allClear');
    expect(Object.values(s1.groups).every((g) => g.state === 'atAssembly')).toBe(true);
    expect(s1.assembled).toBe(s1.headcount!.counted);
    expect(Object.values(s1.floors)).toContain('untenable');
  });
});
