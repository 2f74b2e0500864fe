import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { P_GROUP } from '../../../engine/evacuation/evacEvent.ts';
import { EvacuationSim } from '../../../engine/evacuation/evacuationSim.ts';
import type { TimedEvacDecision } from '../../../engine/evacuation/evacDecision.ts';
import { MODELS } from '../../../engine/model/models.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';

const path = '../../../scenarios/school-fire-evacuation.yaml';
const loaded = MODELS.evacuation.load(readFileSync(new URL(path, import.meta.url), 'utf8'), 'school-fire-evacuation.yaml', 'en');
if (!loaded.ok) throw new Error('school scenario does not load');
const school = loaded.scenario;
const strip = (evs: readonly LogEvent[]) => JSON.stringify(evs);

/**
 * The exact second (a double, not the log's rounded ms) of the first instant whose earliest
 * queued event is a group's (priority P_GROUP, after decisions' P_DECISION), at or after `from`,
 * in a run of the plan with the given mode — i.e. an instant at which a decision made "now"
 * must come before an engine event of the same instant, as it does in a batch run.
 */
function groupInstant(seed: number, mode: 'auto' | 'manual', from: number): number {
  const sim = new EvacuationSim(school, seed, { mode, keepLog: false });
  sim.runUntil(from);
  while (sim.queue.peekPriority() !== P_GROUP) {
    if (sim.queue.size === 0) throw new Error('no group event left');
    sim.runUntil(sim.queue.peekTime());
  }
  return sim.queue.peekTime();
}

describe('EvacLiveTrial: a decision at the same instant as an engine event', () => {
  it('runs the world only to just before now, so the decision takes its batch place among that instant\'s events', () => {
    const seed = 5;
    const T = groupInstant(seed, 'auto', 60);
    const decision: TimedEvacDecision = { t: T, by: 'trainer', decision: { kind: 'reportHeadcount' } };

    const live = MODELS.evacuation.live!.create(school, seed, { mode: 'auto' });
    live.advanceTo(T / 2);
    const upTo = live.advanceTo(T);
    // "up to just before now": nothing of instant T has happened yet…
    const atT = new EvacuationSim(school, seed, { mode: 'auto', keepLog: true });
    atT.runUntil(T);
    const lastBefore = live.events.length;
    expect(atT.events.length).toBeGreaterThan(lastBefore); // …while "up to now" would have logged T's group event
    expect(upTo.every((e) => e.seq <= lastBefore)).toBe(true);

    const r = live.decide(decision);
    expect(r.ok).toBe(true);
    live.advanceTo(live.horizon);
    const batch = MODELS.evacuation.run(school, seed, { played: { mode: 'auto', decisions: [decision] } });
    // in the batch run the decision (priority 2) fires before the group event (priority 10) at T
    const applied = batch.events.findIndex((e) => e.type === 'decision.applied');
    expect(applied).toBeGreaterThan(0);
    const sameInstant = batch.events.filter((e) => e.t === batch.events[applied]!.t);
    expect(sameInstant.findIndex((e) => e.type === 'decision.applied')).toBeLessThan(sameInstant.length - 1);
    expect(strip(live.events)).toBe(strip(batch.events));
    expect(JSON.stringify(live.outcome())).toBe(JSON.stringify(batch.outcome));
  });

  it('county reference: LiveTrial runs up to now inclusive, and its batch run applies a decision after that minute\'s events', () => {
    const text = readFileSync(new URL('../../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8');
    const r = MODELS.county.load(text, 'tiny.yaml', 'en');
    if (!r.ok) throw new Error('tiny does not load');
    const first = MODELS.county.run(r.scenario, 7, {}).events.find((e) => e.t > 0)!;
    const live = MODELS.county.live!.create(r.scenario, 7);
    const upTo = live.advanceTo(first.t);
    expect(upTo.some((e) => e.t === first.t)).toBe(true);
    expect(live.decide({ t: first.t, by: 'p', decision: { kind: 'setResponseLevel', level: 'III' } }).ok).toBe(true);
    live.advanceTo(live.horizon);
    const batch = MODELS.county.run(r.scenario, 7, { played: { mode: 'manual', decisions: [...live.decisions] } });
    expect(strip(live.events)).toBe(strip(batch.events));
  });
});
