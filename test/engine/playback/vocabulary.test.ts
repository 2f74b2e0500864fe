/**
 * The playback knows the engine's whole event vocabulary: this test reads every engine source
 * outside engine/playback and engine/node, collects the event types it logs (`…log.add(t, 'x'`
 * for the county kernel, `sim.log('x'` / `this.log('x'` for the building), and requires each
 * to be in its model's list — and the reducer to handle it. A new event type without a playback
 * case fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBuilding, initialBuildingState } from '../../../engine/playback/buildingState.ts';
import { applyCounty, initialCountyState } from '../../../engine/playback/countyState.ts';
import { buildingGeometry, countyGeometry } from '../../../engine/playback/geometry.ts';
import { BUILDING_EVENT_TYPES, COUNTY_EVENT_TYPES } from '../../../engine/playback/vocabulary.ts';
import { loadAnyScenario } from '../../../engine/evacuation/index.ts';

const ENGINE = new URL('../../../engine/', import.meta.url).pathname;
const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Event types logged by the sources, split by model (engine/evacuation is the building model). */
function loggedTypes(): { county: Set<string>; building: Set<string> } {
  const county = new Set<string>();
  const building = new Set<string>();
  for (const f of files(ENGINE)) {
    const rel = relative(ENGINE, f);
    if (rel.startsWith('playback/') || rel.startsWith('node/')) continue;
    const code = readFileSync(f, 'utf8');
    // county: log.add(<time>, <type expression>, …) — the type may be a conditional of literals
    for (const m of code.matchAll(/\blog\.add\(([^{)]*)/g)) for (const q of m[1]!.matchAll(/'([a-zA-Z0-9]+(?:\.[a-zA-Z0-9]+)*)'/g)) county.add(q[1]!);
    // building: sim.log('type' …) / this.log('type' …)
    for (const m of code.matchAll(/\b(?:sim|this)\.log\(\s*'([a-zA-Z0-9.]+)'/g)) building.add(m[1]!);
  }
  return { county, building };
}

describe('the playback handles the engine’s whole event vocabulary', () => {
  const { county, building } = loggedTypes();

  it('finds the engine’s logged events (the scan itself works)', () => {
    expect(county.size).toBeGreaterThan(30);
    expect(building.size).toBeGreaterThan(15);
    expect(county).toContain('road.cut');
    expect(county).toContain('quake.aftershock');
    expect(building).toContain('group.edge');
  });

  it('every county event type the kernel logs is in COUNTY_EVENT_TYPES', () => {
    expect([...county].filter((t) => !(COUNTY_EVENT_TYPES as readonly string[]).includes(t)).sort()).toEqual([]);
  });

  it('every building event type the evacuation model logs is in BUILDING_EVENT_TYPES', () => {
    expect([...building].filter((t) => !(BUILDING_EVENT_TYPES as readonly string[]).includes(t)).sort()).toEqual([]);
  });

  it('each listed type has a reducer case (applying it reports it known), and an unlisted one does not', () => {
    const cs = loadAnyScenario(readFileSync(ROOT + 'scenarios/lezhi-rainstorm.yaml', 'utf8'), 'lezhi-rainstorm.yaml');
    const bs = loadAnyScenario(readFileSync(ROOT + 'scenarios/school-fire-evacuation.yaml', 'utf8'), 'school-fire-evacuation.yaml');
    if (!cs.ok || cs.model !== 'county' || !bs.ok || bs.model !== 'evacuation') throw new Error('scenarios load');
    const cg = countyGeometry(cs.scenario);
    const bg = buildingGeometry(bs.scenario);
    for (const type of COUNTY_EVENT_TYPES) expect(applyCounty(initialCountyState(cg), { seq: 1, t: 0, type }, NaN, cg), type).toBe(true);
    for (const type of BUILDING_EVENT_TYPES) expect(applyBuilding(initialBuildingState(bg), { seq: 1, t: 0, type }, NaN, bg), type).toBe(true);
    expect(applyCounty(initialCountyState(cg), { seq: 1, t: 0, type: 'made.up' }, NaN, cg)).toBe(false);
    expect(applyBuilding(initialBuildingState(bg), { seq: 1, t: 0, type: 'made.up' }, NaN, bg)).toBe(false);
  });
});
