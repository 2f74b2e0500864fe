import { describe, expect, it } from 'vitest';
import { runEvacuation, treadSpeedFactor } from '../../../engine/evacuation/index.ts';
import { tinyScenario } from './tinyBuilding.ts';

const Q = 1.3; // persons/(m·s), level
const V = 1.2; // m/s, level

describe('hydraulic flow model: closed forms', () => {
  it('one group through one door: arrival = alarm + N/(q·w) + L/v', () => {
    const { outcome } = runEvacuation(tinyScenario({ rooms: [46] }), 1);
    // alarm and the evacuation order at 10 s, no pre-movement
    expect(outcome.groups[0]!.startS).toBe(10);
    expect(outcome.allAssembledS).toBeCloseTo(10 + 46 / (Q * 1.2) + 10 / V, 2);
  });

  it('the boundary layer narrows the effective width: w − 2·0.15', () => {
    const { outcome } = runEvacuation(tinyScenario({ rooms: [46], boundaryLayerM: 0.15 }), 1);
    expect(outcome.allAssembledS).toBeCloseTo(10 + 46 / (Q * 0.9) + 10 / V, 2);
  });

  it('in series, the narrowest edge governs the tail: N/min(F) + Σ L/v', () => {
    const { outcome } = runEvacuation(tinyScenario({ rooms: [46], chain: [['corridor', 20, 0.6]] }), 1);
    expect(outcome.allAssembledS).toBeCloseTo(10 + 10 / V + 46 / (Q * 0.6) + 20 / V, 2);
    const wide = runEvacuation(tinyScenario({ rooms: [46], chain: [['corridor', 20, 3]] }), 1).outcome;
    expect(wide.allAssembledS).toBeCloseTo(10 + 46 / (Q * 1.2) + 10 / V + 20 / V, 2);
  });

  it('a stair flight: stair flow and speed', () => {
    const { outcome } = runEvacuation(tinyScenario({ rooms: [46], chain: [['stair', 9.5, 0.6]] }), 1);
    expect(outcome.allAssembledS).toBeCloseTo(10 + 10 / V + 46 / (1.1 * 0.6) + 9.5 / 0.6, 2);
  });

  it('two groups queue FIFO at a shared corridor: the second waits for the first tail', () => {
    const { outcome } = runEvacuation(tinyScenario({ rooms: [46, 30], chain: [['corridor', 5, 0.6]] }), 1);
    const F = Q * 0.6;
    // both reach N0 at 10 + 10/V; R0 (lower id) goes first, R1 flows in behind it
    expect(outcome.groups[0]!.arrivedS).toBeCloseTo(10 + 10 / V + 46 / F + 5 / V, 2);
    expect(outcome.groups[1]!.arrivedS).toBeCloseTo(10 + 10 / V + (46 + 30) / F + 5 / V, 2);
    const corridor = outcome.bottlenecks.find((b) => b.edge === 'E0')!;
    expect(corridor.maxWaitS).toBeCloseTo(46 / F, 2);
    expect(corridor.maxQueuePersons).toBe(76);
  });

  it('tread geometry scales stair speed after the SFPE table (7/11 in = 1)', () => {
    expect(treadSpeedFactor(0.279)).toBeCloseTo(1, 9);
    expect(treadSpeedFactor(0.254)).toBeCloseTo(1 / 1.08, 9);
    expect(treadSpeedFactor(0.26)).toBeLessThan(1);
    expect(treadSpeedFactor(0.4)).toBeCloseTo(1.23 / 1.08, 9);
  });
});
