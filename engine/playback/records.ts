import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { playbackModel, type PlaybackState } from './playback.ts';

/**
 * One drill-log record as a viewer received it (a staff frame or a player's, fog already
 * applied by the server): its simulated minute, its kind and its data. Only `sim` (one engine
 * event) and `intel` (a report of a cut or a slide) change what a map shows.
 */
export interface ReceivedRecord {
  t: number;
  kind: string;
  data: Record<string, unknown>;
}

export interface RecordsToEventsOptions {
  /**
   * turn intelligence reports into the events they report (a player's view: a cut or a slide
   * reaches trainees only as a report). Staff see the ground-truth events themselves, so their
   * reports would only repeat them: leave this off for the ground truth.
   */
  reports: boolean;
}

/**
 * The reducer's input from the records one viewer received, in the order received: each `sim`
 * record's engine event (its own `t`, kept non-decreasing), and with `reports`, a reported cut as
 * `road.cut` and a reported slide as `site.failed` with no counts (a report says what happened,
 * never how many). Nothing else: the map of a position is folded from what it was told and
 * from nothing more. `seq` counts the events produced, from 1 (player frames carry none). Pure.
 */
export function recordsToEvents(records: readonly ReceivedRecord[], opts: RecordsToEventsOptions): LogEvent[] {
  const out: LogEvent[] = [];
  let last = 0;
  const push = (t: number, e: Omit<LogEvent, 'seq' | 't'>) => {
    last = Math.max(last, Number.isFinite(t) ? t : last);
    out.push({ ...e, seq: out.length + 1, t: last } as LogEvent);
  };
  for (const r of records) {
    if (r.kind === 'sim' && typeof r.data.type === 'string') {
      const { seq: _seq, t, ...rest } = r.data;
      push(typeof t === 'number' ? t : r.t, rest as Omit<LogEvent, 'seq' | 't'>);
    } else if (opts.reports && r.kind === 'intel') {
      if (r.data.what === 'roadCut' && typeof r.data.link === 'string') push(r.t, { type: 'road.cut', link: r.data.link, trunk: r.data.trunk === true });
      else if (r.data.what === 'siteFailed' && typeof r.data.site === 'string') push(r.t, { type: 'site.failed', site: r.data.site, affected: 0, deadMissing: 0 });
    }
  }
  return out;
}

/** What a position holds: the teams and stores the map may draw for it. */
export interface PositionHoldings {
  teams: readonly string[];
  warehouses: readonly string[];
}

/**
 * The scenario as a position's map may draw it: the same geography, only its own teams, and
 * stock only in its own stores (others' stores are places on the map, their contents unknown).
 * Pure; the input is not changed.
 */
export function knownScenario(s: Scenario, own: PositionHoldings): Scenario {
  const teams = new Set(own.teams);
  const whs = new Set(own.warehouses);
  return {
    ...s,
    teams: s.teams.filter((t) => teams.has(t.id)),
    reserves: { ...s.reserves, warehouses: s.reserves.warehouses.map((w) => (whs.has(w.id) ? w : { ...w, stock: {} })) },
  };
}

/**
 * The county state a list of events folds to, all of them applied (a live map of a drill: the
 * log so far, each mover's end time looked up in what has arrived; trainees release the stock).
 * O(n); a fresh state. Pure.
 */
export function foldCounty(scenario: Scenario, events: readonly LogEvent[]): PlaybackState {
  const m = playbackModel({ model: 'county', scenario, policy: 'manual' });
  const ends = m.annotate(events);
  const s = m.init();
  for (let i = 0; i < events.length; i++) m.apply(s, events[i]!, ends[i]!);
  return s;
}
