import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../../engine/evacuation/index.ts';
import { foldCounty, knownScenario, recordsToEvents } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const sc = loadAnyScenario(readFileSync(ROOT + 'scenarios/lezhi-rainstorm.yaml', 'utf8'), 'lezhi-rainstorm.yaml');
if (!sc.ok || sc.model !== 'county') throw new Error('fixture');
const s = sc.scenario as Scenario;

describe('records → reducer input', () => {
  it('takes sim events in order, and reports (for a player) as what they report with no counts', () => {
    const link = s.roads.links[0]!.id;
    const site = s.hazardSites[0]!.id;
    const records = [
      { t: 5, kind: 'sim', data: { seq: 9, t: 5, type: 'rain.hour', hour: 1, mm: 12 } },
      { t: 6, kind: 'inject', data: { title: '注入' } },
      { t: 40, kind: 'intel', data: { what: 'roadCut', link, trunk: true, sinceMin: 30 } },
      { t: 41, kind: 'intel', data: { what: 'siteFailed', site, village: 'x', sinceMin: 31, shelters: [], unsheltered: false, needsRelief: true } },
    ];
    const player = recordsToEvents(records, { reports: true });
    expect(player.map((e) => [e.seq, e.t, e.type])).toEqual([
      [1, 5, 'rain.hour'],
      [2, 40, 'road.cut'],
      [3, 41, 'site.failed'],
    ]);
    expect(player[2]).toMatchObject({ site, affected: 0, deadMissing: 0 });
    expect(recordsToEvents(records, { reports: false }).map((e) => e.type)).toEqual(['rain.hour']);
    const st = foldCounty(s, player);
    expect(st.model === 'county' && [st.links[link], st.sites[site], st.affected, st.rainTotalMm]).toEqual(['cut', 'failed', 0, 12]);
  });

  it('a position draws only its own teams and knows only its own stock', () => {
    const wh = s.reserves.warehouses[0]!.id;
    const team = s.teams[0]!.id;
    const k = knownScenario(s, { teams: [team], warehouses: [wh] });
    expect(k.teams.map((t) => t.id)).toEqual([team]);
    expect(k.reserves.warehouses.filter((w) => Object.keys(w.stock).length).map((w) => w.id)).toEqual([wh]);
    expect(s.teams.length).toBeGreaterThan(1); // the input is left as it was
  });
});
