import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS, MODEL_IDS } from '../../../engine/model/models.ts';
import { PLAYBACKS, playbackModelId } from '../../../engine/model/modelPlaybacks.ts';
import { drillPlayback } from '../../../src/app/playback/drillPlayback.ts';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

/** Files reachable from `file` through value imports (type-only imports are erased from bundles). */
function valueClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) valueClosure(resolve(dirname(file), spec), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('the playback registry (bundle-safe, by model id)', () => {
  it('is the models\' own playback part, one object per model', () => {
    for (const id of MODEL_IDS) expect(MODELS[id].playback, id).toBe(PLAYBACKS[id]);
    expect(Object.keys(PLAYBACKS).sort()).toEqual([...MODEL_IDS].sort());
    expect(playbackModelId('evacuation')).toBe('evacuation');
    expect(playbackModelId('toString')).toBeUndefined();
    expect(playbackModelId(undefined)).toBeUndefined();
  });

  it('pulls only engine/playback into a bundle: no loaders, Monte Carlo, sim kernel or Node built-ins', () => {
    const closure = [...valueClosure(resolve(root, 'engine/model/modelPlaybacks.ts'))].map((f) => f.replace(root + '/', ''));
    const foreign = closure.filter((f) => !f.startsWith('engine/playback/') && f !== 'engine/model/modelPlaybacks.ts');
    // the reducers' own helpers outside engine/playback are allowed by name only
    expect(foreign.filter((f) => /node:|montecarlo|scenario\/load|evacuation\/load|model\/models|yaml|zod|sim\/kernel/.test(f))).toEqual([]);
  });

  it('a drill playback takes its scene from the server\'s model id (a school drill draws the building)', () => {
    const school = MODELS.evacuation.load(readFileSync(resolve(root, 'scenarios/school-fire-evacuation.yaml'), 'utf8'), 'school-fire-evacuation.yaml', 'zh');
    if (!school.ok) throw new Error('school does not load');
    const { events } = MODELS.evacuation.run(school.scenario, 3, {});
    const pb = drillPlayback(
      {
        drill: { id: 'd', title: 'x', mode: 'open', phase: 'debrief', createdAt: 0 },
        model: 'evacuation',
        scenario: school.scenario,
        events: [...events],
        marks: [],
        positions: [{ id: 'principal', name: { zh: '校长' }, teams: [], warehouses: [], shelters: [], records: [{ t: 0, kind: 'sim', data: { ...events[0]! } }] }],
      },
      'zh',
    );
    expect(pb.scenario.model).toBe('building');
    expect(pb.index.events.length).toBe(events.length);
    expect(pb.views[0]!.scenario.model).toBe('building');
  });
});
