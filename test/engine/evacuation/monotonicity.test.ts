import { describe, expect, it } from 'vitest';
import { runEvacuation, type EvacuationScenario } from '../../../engine/evacuation/index.ts';
import { school, variant } from './school.ts';

const base = school();
/**
 * No smoke within the horizon and no locked exit: routes depend on the building alone. (With
 * the east exit locked until someone opens it, faster stairs can bring classes to it before it
 * opens and send them round to the middle exit: a real effect, not a monotone one.)
 */
const clear = variant(base, (s) => {
  (s.fire.smoke as { leaveRoomS: unknown }).leaveRoomS = { dist: 'fixed', value: 7000 };
  for (const e of s.building.edges) delete (e as { locked?: boolean }).locked;
});
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const assembled = (s: EvacuationScenario, seed: number, decisions = []) => {
  const o = runEvacuation(s, seed, { keepLog: false, decisions }).outcome;
  return o.allAssembledS ?? Infinity;
};

describe('monotonicity', () => {
  it('blocking a stair never shortens the evacuation', () => {
    for (const stair of ['SW', 'SM', 'SE']) {
      const blocked = variant(clear, (s) => {
        for (const e of s.building.edges) if (e.stair === stair) (e as { speedFactor?: number }).speedFactor = 1e-6;
      });
      const shut = variant(clear, (s) => {
        s.building.edges = s.building.edges.filter((e) => e.stair !== stair);
      });
      for (const seed of SEEDS) {
        const t = assembled(clear, seed);
        expect(assembled(shut, seed), `${stair} removed, seed ${seed}`).toBeGreaterThanOrEqual(t);
        expect(assembled(blocked, seed), `${stair} crawling, seed ${seed}`).toBeGreaterThanOrEqual(t);
      }
    }
  });

  it('wider stairs never lengthen it', () => {
    const wider = variant(clear, (s) => {
      for (const e of s.building.edges) if (e.kind === 'stair') (e as { widthM: number }).widthM += 0.6;
    });
    for (const seed of SEEDS) expect(assembled(wider, seed), `seed ${seed}`).toBeLessThanOrEqual(assembled(clear, seed));
  });

  it('collecting belongings never shortens it', () => {
    for (const seed of SEEDS) {
      const decisions = clear.building.rooms.map((r) => ({ t: 0, decision: { kind: 'collectBelongings' as const, group: r.id } }));
      expect(assembled(clear, seed, decisions as never), `seed ${seed}`).toBeGreaterThanOrEqual(assembled(clear, seed));
    }
  });

  it('with smoke, the school scenario still gets everyone out more slowly when a stair is shut', () => {
    const shut = variant(base, (s) => {
      s.building.edges = s.building.edges.filter((e) => e.stair !== 'SM');
    });
    let worse = 0;
    for (const seed of SEEDS) if (assembled(shut, seed) >= assembled(base, seed)) worse++;
    expect(worse).toBe(SEEDS.length);
  });
});
