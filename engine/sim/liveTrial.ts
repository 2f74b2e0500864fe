import type { Scenario } from '../scenario/schema/scenario.ts';
import { applyDecision } from './decide.ts';
import type { DecisionError, PolicyMode, TimedDecision } from './decision.ts';
import type { LogEvent } from './eventLog.ts';
import { runUntil } from './kernel.ts';
import { buildOutcome, type TrialOutcome } from './outcome.ts';
import { startTrial } from './runTrial.ts';
import { xstateMachines, type MachineFactory, type Trial } from './trial.ts';

/**
 * A trial run step by step, as a drill runs it: the server advances it with its paced clock
 * and applies participants' decisions as they come. Replaying the same scenario, seed and
 * accepted decisions with `runTrial(…, { mode, decisions })` gives the identical event log.
 */
export class LiveTrial {
  private readonly tr: Trial;

  constructor(scenario: Scenario, seed: number, opts: { mode?: PolicyMode; machines?: MachineFactory } = {}) {
    this.tr = startTrial(scenario, seed, opts.machines ?? xstateMachines, { mode: opts.mode ?? 'manual' });
  }

  /** The ground-truth event log so far (never send it to trainees unfiltered). */
  get events(): readonly LogEvent[] {
    return this.tr.log.events;
  }

  /** Simulated minutes since the scenario start. */
  get now(): number {
    return this.tr.now;
  }

  get horizon(): number {
    return this.tr.horizon;
  }

  /** Runs the world up to minute `t` (inclusive, capped at the horizon); returns the new events. */
  advanceTo(t: number): LogEvent[] {
    const from = this.tr.log.events.length;
    const until = Math.min(t, this.tr.horizon);
    if (until > this.tr.now || from === 0) {
      runUntil(this.tr, until);
      this.tr.now = Math.max(this.tr.now, until);
    }
    return this.tr.log.events.slice(from);
  }

  /**
   * Applies a decision at its time (≥ now): the world is first advanced to that minute. A
   * refused decision changes nothing (the world still advanced to d.t) and says why.
   */
  decide(d: TimedDecision): { ok: true; events: LogEvent[] } | { ok: false; error: DecisionError } {
    if (!(d.t >= this.tr.now) || d.t > this.tr.horizon)
      return { ok: false, error: { code: 'badTime', zh: '决策时间早于当前推演时间或超出推演时长', en: 'decision time is before now or past the horizon' } };
    const from = this.tr.log.events.length;
    this.advanceTo(d.t);
    this.tr.decisions.push(d);
    const r = applyDecision(this.tr, d);
    if (!r.ok) {
      this.tr.decisions.pop();
      return r;
    }
    return { ok: true, events: this.tr.log.events.slice(from) };
  }

  /** The accepted decisions so far, for the drill record and replays. */
  get decisions(): readonly TimedDecision[] {
    return this.tr.decisions;
  }

  outcome(): TrialOutcome {
    return buildOutcome(this.tr);
  }
}
