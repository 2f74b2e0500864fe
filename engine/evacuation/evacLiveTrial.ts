import type { LogEvent } from '../sim/eventLog.ts';
import { checkEvacDecision, type EvacDecisionError, type EvacMode, type TimedEvacDecision } from './evacDecision.ts';
import { buildEvacOutcome, type EvacOutcome } from './evacOutcome.ts';
import { EvacuationSim } from './evacuationSim.ts';
import type { EvacuationScenario } from './schema.ts';

const bits = new Float64Array(1);
const ints = new BigInt64Array(bits.buffer);

/** The largest double below t (t ≥ 0; −min for 0): running to it processes exactly the events before t. */
function justBefore(t: number): number {
  if (t <= 0) return -Number.MIN_VALUE;
  bits[0] = t;
  ints[0]! -= 1n;
  return bits[0]!;
}

/**
 * A building evacuation run step by step, as a school drill runs it: the server's paced clock
 * advances it and participants' decisions (the 总指挥's order, a 119 call, a group's route) are
 * queued at their time. It runs the world only up to just before `now`, so a decision at `now`
 * takes its place among that instant's events exactly as in a batch run: replaying the same
 * scenario, seed, mode and decisions with `runEvacuation` gives the identical event log.
 * A decision is checked against the scenario at once (unknown group, role or stair: refused,
 * nothing queued); whether the world lets it happen (too late, already done) is the run's call,
 * logged as `decision.refused` when its time comes, as in a batch run. Pure apart from its state.
 */
export class EvacLiveTrial {
  private readonly sim: EvacuationSim;
  private ended = false;

  constructor(
    private readonly scenario: EvacuationScenario,
    seed: number,
    opts: { mode?: EvacMode } = {},
  ) {
    this.sim = new EvacuationSim(scenario, seed, { mode: opts.mode ?? 'manual', keepLog: true });
  }

  /** The ground-truth event log so far, times in seconds since ignition. */
  get events(): readonly LogEvent[] {
    return this.sim.events;
  }

  /** Seconds since ignition the world has been run to. */
  get now(): number {
    return this.ended ? this.scenario.horizonS : Math.max(0, this.sim.now);
  }

  get horizon(): number {
    return this.scenario.horizonS;
  }

  /** Runs the world up to second `t` (events at exactly `t` wait for the next step; at the horizon every event is run); returns the new events. */
  advanceTo(t: number): LogEvent[] {
    const from = this.sim.events.length;
    if (this.ended) return [];
    if (t >= this.horizon) {
      this.sim.runUntil(this.horizon);
      this.ended = true;
    } else if (t > this.sim.now) this.sim.runUntil(justBefore(t));
    return this.sim.events.slice(from);
  }

  /**
   * Queues a decision at its time (≥ now, before the horizon's end): the world is first run up to
   * that second. A decision the scenario cannot take (unknown group, role, stair; bad time) is
   * refused here and changes nothing.
   */
  decide(d: TimedEvacDecision): { ok: true; events: LogEvent[] } | { ok: false; error: EvacDecisionError } {
    if (this.ended || !(d.t >= this.now) || d.t > this.horizon)
      return { ok: false, error: { code: 'badTime', zh: '决策时间早于当前推演时间或超出推演时长', en: 'decision time is before now or past the horizon' } };
    const error = checkEvacDecision(this.scenario, d);
    if (error) return { ok: false, error };
    const events = this.advanceTo(d.t);
    this.sim.addDecision(d);
    return { ok: true, events };
  }

  /** The decisions queued so far (those the run later refused among them, as a batch run takes them), for the record and replays. */
  get decisions(): readonly TimedEvacDecision[] {
    return this.sim.decisions;
  }

  /** The outcome so far (at the horizon: the run's outcome). */
  outcome(): EvacOutcome {
    return buildEvacOutcome(this.sim);
  }
}
