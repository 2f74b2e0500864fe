import { mkdtempSync, readdirSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedLoad } from '../../../engine/node/loadCache.ts';
import { loadAnyScenarioFile, loadAnyScenarioFileCached } from '../../../engine/node/anyScenarioFile.ts';
import { loadScenarioFile, loadScenarioFileCached } from '../../../engine/node/scenarioFile.ts';
import { createAggregate, mcLayout, mcMachines, mergeAggregate, runChunk } from '../../../engine/montecarlo/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';

const KEY = Symbol.for('yanlian.loadCache');
const g = globalThis as Record<symbol, unknown>;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yanlian-loads-'));
  g[KEY] = join(dir, 'loads');
});
afterEach(() => {
  delete g[KEY];
  rmSync(dir, { recursive: true, force: true });
});

function aggregateOf(s: Scenario): Float64Array {
  const layout = mcLayout(s);
  const agg = createAggregate(layout);
  mergeAggregate(agg, runChunk(s, layout, 7, { index: 0, start: 0, count: 40 }, mcMachines, false).agg);
  return agg.counts;
}

describe('the cache of loaded scenarios (engine/node/loadCache.ts)', () => {
  it('gives back a loaded scenario equal to a fresh load, and Monte Carlo on it gives the same counters', () => {
    const file = 'scenarios/lezhi-rainstorm.yaml';
    const fresh = loadScenarioFile(file, 'zh');
    const first = loadScenarioFileCached(file, 'zh');
    expect(readdirSync(join(dir, 'loads'))).toHaveLength(1);
    const second = loadScenarioFileCached(file, 'zh');
    expect(second).toStrictEqual(fresh);
    expect(first).toStrictEqual(fresh);
    if (!fresh.ok || !second.ok) throw new Error('lezhi did not load');
    expect(second.scenario).not.toBe(fresh.scenario);
    expect(aggregateOf(second.scenario)).toStrictEqual(aggregateOf(fresh.scenario));
  });

  it('keeps county and any-model results apart, and the building model loads through it too', () => {
    const a = loadAnyScenarioFileCached('scenarios/school-fire-evacuation.yaml', 'en');
    const b = loadAnyScenarioFileCached('scenarios/school-fire-evacuation.yaml', 'en');
    expect(b).toStrictEqual(loadAnyScenarioFile('scenarios/school-fire-evacuation.yaml', 'en'));
    expect(a).toStrictEqual(b);
    expect(b.ok && b.model).toBe('evacuation');
  });

  it('does not run the loader on a hit, misses when the text, file or language differs, and never keeps problems', () => {
    let calls = 0;
    const ok = () => (calls++, { ok: true as const, v: [1.5, -0, 'x'] });
    expect(cachedLoad('t', 'a.yaml', 'zh', 'text', ok)).toStrictEqual({ ok: true, v: [1.5, -0, 'x'] });
    expect(cachedLoad('t', 'a.yaml', 'zh', 'text', ok)).toStrictEqual({ ok: true, v: [1.5, -0, 'x'] });
    expect(calls).toBe(1);
    cachedLoad('t', 'a.yaml', 'zh', 'text ', ok);
    cachedLoad('t', 'b.yaml', 'zh', 'text', ok);
    cachedLoad('t', 'a.yaml', 'en', 'text', ok);
    expect(calls).toBe(4);
    let bad = 0;
    const fail = () => (bad++, { ok: false as const, problems: ['x'] });
    cachedLoad('t', 'c.yaml', 'zh', 'broken', fail);
    cachedLoad('t', 'c.yaml', 'zh', 'broken', fail);
    expect(bad).toBe(2);
  });

  it('falls back to loading when an entry is damaged, and keeps at most 32 entries', () => {
    let calls = 0;
    const ok = () => (calls++, { ok: true as const });
    cachedLoad('t', 'a.yaml', 'zh', 'text', ok);
    const [entry] = readdirSync(join(dir, 'loads'));
    writeFileSync(join(dir, 'loads', entry!), 'not v8');
    expect(cachedLoad('t', 'a.yaml', 'zh', 'text', ok)).toStrictEqual({ ok: true });
    expect(calls).toBe(2);
    for (let i = 0; i < 40; i++) {
      cachedLoad('t', 'a.yaml', 'zh', `text ${i}`, ok);
      const names = readdirSync(join(dir, 'loads'));
      // make the order of writing visible to the pruning even on a coarse clock
      for (const n of names) utimesSync(join(dir, 'loads', n), new Date(), new Date(Date.now() - 1000 * (40 - i)));
    }
    expect(readdirSync(join(dir, 'loads')).filter((n) => n.endsWith('.v8')).length).toBeLessThanOrEqual(32);
  });

  it('loads without a cache folder (the sources under tsx) exactly as before', () => {
    delete g[KEY];
    expect(loadScenarioFileCached('scenarios/jingyan-rainstorm.yaml', 'zh')).toStrictEqual(loadScenarioFile('scenarios/jingyan-rainstorm.yaml', 'zh'));
  });
});
