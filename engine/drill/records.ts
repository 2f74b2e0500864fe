import type { Audience } from './audience.ts';

/**
 * Kinds of drill-log records (the drill's own log, around the engine's):
 * created · phase · clock · commitment · participant · sim (one engine event) · intel ·
 * inject · injectScript · ack · action · note · reveal · recovered.
 */
export type RecordKind =
  | 'created'
  | 'phase'
  | 'clock'
  | 'commitment'
  | 'participant'
  | 'sim'
  | 'intel'
  | 'inject'
  | 'injectScript'
  | 'ack'
  | 'action'
  | 'note'
  | 'reveal'
  | 'recovered';

/** A record before the server numbers, times and hashes it. `t` is simulated minutes. */
export interface NewRecord {
  t: number;
  kind: RecordKind;
  audience: Audience;
  data: Record<string, unknown>;
}

/** A record as stored: numbered from 1, wall-clock `at` (ms), hash-chained. */
export interface DrillRecord extends NewRecord {
  seq: number;
  at: number;
  prevHash: string;
  hash: string;
}
