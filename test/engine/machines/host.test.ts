import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actorInstance, flattenStateValue } from '../../../engine/machines/host.ts';
import { hazardSiteMachine } from '../../../engine/machines/hazardSite.machine.ts';
import { rainWarningMachine } from '../../../engine/machines/rainWarning.machine.ts';
import { responseLevelMachine } from '../../../engine/machines/responseLevel.machine.ts';
import { teamMachine, type TeamEvent } from '../../../engine/machines/team.machine.ts';
import { startActor } from './graphHarness.ts';

describe('flattenStateValue', () => {
  it('flattens atomic, nested and parallel values', () => {
    expect(flattenStateValue('idle')).toBe('idle');
    expect(flattenStateValue({ watch: 'monitoring' })).toBe('watch.monitoring');
    expect(flattenStateValue({ a: { b: { c: 'd' } } })).toBe('a.b.c.d');
    expect(flattenStateValue({ a: 'x', b: { c: 'y' } })).toBe('a.x|b.c.y');
  });
});

describe('actorInstance', () => {
  it('starts the actor at once and reports the flattened value', () => {
    const m = actorInstance(hazardSiteMachine);
    expect(m.value).toBe('stable');
    expect(m.send({ type: 'WATCH' })).toBe(true);
    expect(m.value).toBe('watch.monitoring');
    expect(m.send({ type: 'EVACUATE' })).toBe(true);
    expect(m.value).toBe('watch.evacuated');
  });

  it('send returns false for an ignored event', () => {
    const m = actorInstance(hazardSiteMachine);
    expect(m.send({ type: 'CALM' })).toBe(false);
    expect(m.value).toBe('stable');
  });

  it('passes the input through (context-only changes do not count as a change)', () => {
    const m = actorInstance(rainWarningMachine, { cancelAfterDryHours: 2 });
    expect(m.send({ type: 'HOUR', signal: 3 })).toBe(true);
    expect(m.send({ type: 'HOUR', signal: 0 })).toBe(false); // quiet hour 1 of 2
    expect(m.value).toBe('orange');
    expect(m.send({ type: 'HOUR', signal: 0 })).toBe(true);
    expect(m.value).toBe('none');
    const r = actorInstance(responseLevelMachine, { deescalateAfterHours: 1, endAfterHours: 1 });
    expect(r.send({ type: 'ASSESS', rank: 4, endMet: false })).toBe(true);
    expect(r.send({ type: 'ASSESS', rank: 0, endMet: false })).toBe(true);
    expect(r.value).toBe('II');
  });

  it('instances are independent', () => {
    const a = actorInstance(teamMachine);
    const b = actorInstance(teamMachine);
    a.send({ type: 'DISPATCH' });
    expect(a.value).toBe('mobilising');
    expect(b.value).toBe('idle');
  });

  it('property: tracks a raw actor exactly on random team event sequences', () => {
    const types: TeamEvent['type'][] = ['DISPATCH', 'MOBILISED', 'NO_ROUTE', 'ROUTE_FOUND', 'ARRIVED', 'TASK_DONE', 'RETURNED'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...types), { maxLength: 50 }), (evs) => {
        const raw = startActor(teamMachine);
        const host = actorInstance(teamMachine);
        for (const type of evs) {
          const before = raw.getSnapshot().value;
          raw.send({ type });
          const after = raw.getSnapshot().value;
          expect(host.send({ type })).toBe(after !== before);
          expect(host.value).toBe(flattenStateValue(after));
        }
      }),
    );
  });
});
