import type { PolicyMode, TimedDecision } from './decision.ts';
/**
 * The append-only, totally ordered record of a trial. `t` is simulated minutes since the
 * scenario start; `seq` numbers events from 1 in the order they happened.
 */
export interface LogEvent {
  seq: number;
  t: number;
  type: string;
  [key: string]: unknown;
}

/** What a run needs to be replayed (OpenQuake-style manifest). */
export interface Manifest {
  type: 'manifest';
  engine: 'yanlian';
  engineVersion: string;
  scenario: { id: string; sha256: string; file?: string };
  seed: number;
  horizonHours: number;
  /** a run with recorded decisions (\`run --decisions\`): the policy mode and the decisions, so replay repeats them */
  mode?: PolicyMode;
  decisions?: TimedDecision[];
}

/** Appends events with sequence numbers; times are rounded to 1/1000 minute for the record. */
export class EventLog {
  readonly events: LogEvent[] = [];

  /**
   * Whether events are kept. Monte Carlo runs without a log (the outcome alone is aggregated),
   * and call sites test this before building an event's fields, which cost more than the rest
   * of some handlers.
   */
  readonly on: boolean;

  constructor(enabled = true) {
    this.on = enabled;
  }

  add(t: number, type: string, fields: Record<string, unknown> = {}): void {
    if (this.on) this.events.push({ seq: this.events.length + 1, t: roundMinutes(t), type, ...fields });
  }
}

/** Rounds minutes to 3 decimals for logs and outcomes (presentation, never fed back). Pure. */
export function roundMinutes(t: number): number {
  return Number.isFinite(t) ? Math.round(t * 1000) / 1000 : t;
}
