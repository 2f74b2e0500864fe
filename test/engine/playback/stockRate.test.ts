/**
 * Store levels in playback follow the engine's own stock series (issue 10): with relief drawn at
 * a rate the bars fall continuously between the log's events (rates folded from the scenario and
 * the log: who needs relief, closed roads, resupplies, stores running out), with dailyLump they
 * fall at each dispatch. For two scenarios and both consumption modes, stateAt(log, t) gives the
 * level of every store × item the outcome's series records at t.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/scenario/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { runTrial } from '../../../engine/sim/runTrial.ts';
import { buildPlayback, countAt, foldEvents, PlaybackCursor, policyOf, stateAt, type CountyState } from '../../../engine/playback/index.ts';
import { xstateMachines } from '../../../engine/sim/trial.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function scenario(file: string): Scenario {
  const r = loadScenario(readFileSync(ROOT + file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}

const cases = [
  { file: 'scenarios/lezhi-rainstorm.yaml', seed: 1 },
  { file: 'scenarios/jingyan-rainstorm.yaml', seed: 1 },
] as const;

describe('playback stock against the engine stock series', () => {
  for (const c of cases)
    for (const consumption of ['rate', 'dailyLump'] as const) {
      it(`${c.file} seed ${c.seed}, consumption ${consumption}`, () => {
        const base = scenario(c.file);
        const s: Scenario = { ...base, reserves: { ...base.reserves, consumption } };
        const { events, outcome } = runTrial(s, c.seed);
        const idx = buildPlayback({ model: 'county', scenario: s }, events);
        expect(idx.unknown).toEqual([]);
        // the series' last word at each (time, store, item): a jump logs the level before and after it
        const last = new Map<string, { atHours: number; warehouse: string; item: string; level: number }>();
        for (const p of outcome.stock.series) last.set(`${p.atHours}|${p.warehouse}|${p.item}`, p);
        const all = [...last.values()];
        // every jump's moment and an even sample of the rest (the full series is thousands of points)
        const step = Math.max(1, Math.floor(all.length / 600));
        const points = all.filter((p, i) => i % step === 0 || p.level === 0);
        const moving = points.filter((p) => p.atHours > 0);
        expect(moving.length).toBeGreaterThan(20);
        const cursor = new PlaybackCursor(idx);
        let worst = { err: 0, at: '' };
        const init = new Map(s.reserves.warehouses.map((w) => [w.id, w.stock]));
        for (const p of points) {
          // the series' times are rounded to 1/1000 h (3.6 s) and levels to 3 decimals, the log's times to 1/1000 min
          const t = p.atHours * 60;
          const st = stateAt(idx, t) as CountyState;
          const got = st.stock[p.warehouse]![p.item]!;
          // within the series' time rounding a store drawn at a rate moves by up to rate × 0.03 min
          const k = s.reserves.warehouses.findIndex((w) => w.id === p.warehouse) * s.reserves.items.length + s.reserves.items.findIndex((it) => it.id === p.item);
          const rate = Math.max(st.draw?.rate[k] ?? 0, (stateAt(idx, t - 0.031) as CountyState).draw?.rate[k] ?? 0);
          // a jump (dispatch, resupply) within that rounding may fall either side of it
          const near = [got, ...[-0.031, 0.031].map((d) => (stateAt(idx, t + d) as CountyState).stock[p.warehouse]![p.item]!)];
          const err = Math.min(...near.map((x) => Math.abs(x - p.level)));
          const tol = 6e-4 + rate * 0.031 + 1e-9 * (init.get(p.warehouse)?.[p.item] ?? 0);
          if (err > tol && err > worst.err) worst = { err, at: `${p.warehouse}/${p.item} at ${p.atHours} h: engine ${p.level}, playback ${got} (rate ${rate}/min)` };
          expect((cursor.seek(t) as CountyState).stock[p.warehouse]![p.item]).toBe(got);
        }
        expect(worst.at).toBe('');
        if (consumption === 'rate') {
          // between events the bars move: some store is lower an hour after one of its levels than at it
          const drawn = moving.some((p) => {
            const later = stateAt(idx, p.atHours * 60 + 60) as CountyState;
            return later.stock[p.warehouse]![p.item]! < p.level - 1e-6 && countAt(idx, p.atHours * 60 + 60) === countAt(idx, p.atHours * 60 + 0.5);
          });
          expect(drawn).toBe(true);
        }
        // keyframed jumps equal the plain fold, seen at the same moment; the state is plain JSON (it crosses to the page's test hook)
        for (const f of [0.13, 0.31, 0.5, 0.77, 0.99]) {
          const t = idx.endT * f;
          expect(stateAt(idx, t)).toEqual(foldEvents(idx, countAt(idx, t), t));
          expect(JSON.parse(JSON.stringify(stateAt(idx, t)))).toEqual(stateAt(idx, t));
        }
      });
    }

  it('a drill (nobody decides here: manual) draws nothing by itself, and its log reads as one', () => {
    const s = scenario('scenarios/lezhi-rainstorm.yaml');
    const { events, outcome } = runTrial(s, 1, xstateMachines, { mode: 'manual' });
    expect(events.some((e) => e.type === 'relief.requested')).toBe(true);
    expect(policyOf(events)).toBe('manual');
    expect(policyOf(runTrial(s, 1).events)).toBe('auto');
    const idx = buildPlayback({ model: 'county', scenario: s }, events);
    const end = stateAt(idx, idx.endT + 600) as CountyState;
    expect(end.draw).toBeNull();
    const last = new Map(outcome.stock.series.map((p) => [`${p.warehouse}|${p.item}`, p.level]));
    for (const [k, level] of last) {
      const [wh, item] = k.split('|');
      expect(end.stock[wh!]![item!]).toBeCloseTo(level, 3);
    }
  });
});
