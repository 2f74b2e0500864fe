import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldEvents, countAt } from '../../../engine/playback/playback.ts';
import { MODELS, MODEL_IDS } from '../../../engine/model/models.ts';
import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';

function load<K extends ModelId>(id: K, path: string): ScenarioOf<K> {
  const r = MODELS[id].load(readFileSync(new URL(path, import.meta.url), 'utf8'), path.split('/').pop()!, 'en');
  if (!r.ok) throw new Error(`${path} does not load`);
  return r.scenario;
}
const scenarios = {
  county: load('county', '../../fixtures/scenarios/tiny.yaml'),
  evacuation: load('evacuation', '../../../scenarios/school-fire-evacuation.yaml'),
};

function check<K extends ModelId>(id: K, seed: number) {
  const m = MODELS[id];
  const s = scenarios[id] as ScenarioOf<K>;
  const { events } = m.run(s, seed, { keepLog: true });
  const index = m.playback.index(s, events, 8);
  // every event type the run logs is in the model's vocabulary: nothing falls through the reducer
  expect(index.unknown, id).toEqual([]);
  expect(events.every((e) => m.playback.vocabulary.includes(e.type))).toBe(true);
  expect(index.model.unit).toBe(m.playback.unit);
  const end = events.at(-1)!.t;
  for (const f of [0, 0.1, 0.25, 0.5, 0.77, 1]) {
    const t = end * f;
    // keyframed stateAt is the plain fold of every event with time ≤ t, seen at t (stock drawn down to t at its rates)
    expect(JSON.stringify(m.playback.stateAt(index, t)), `${id} t=${t}`).toBe(JSON.stringify(foldEvents(index, countAt(index, t), t)));
  }
}

describe('the model contract: playback', () => {
  it('every model exposes its vocabulary and a keyframed stateAt equal to the plain fold', () => {
    for (const id of MODEL_IDS) check(id, 5);
  });
});
