import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { TrialOutcome } from '../../../engine/sim/outcome.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';

/**
 * The rainstorm experience's story, read from one engine run of the county chain (pure): the
 * visitor lives in the village below the first hazard site whose failure cut a road, and the
 * moments the kiosk stops to ask "what would you do?" are times in that run's log. Times are
 * simulated minutes since the scenario's start (the county log's unit).
 */
export interface RainStory {
  site: string;
  village: string;
  /** the road the failure cut */
  link: string;
  trunk: boolean;
  /** the first rainstorm signal (any colour), or the watch when none came first */
  tWarn: number;
  /** the site put under watch and its people moved (the plan's own evacuation); null if the run never watched it */
  tWatch: number | null;
  /** the question "go back for your things?": the quietest rain hour between the watch and the failure */
  tEase: number;
  /** rain in the hour before tEase, mm */
  easeMm: number;
  tFail: number;
  affected: number;
  deadMissing: number;
  evacuated: boolean;
  /** when the last hour with rain ended (minutes), null if it rained to the horizon */
  tRainEnd: number | null;
  /** clearing of the cut road: the team and when it began; null if no team reached it */
  clearing: { team: string; t: number } | null;
  /** reopened (minutes), and hours closed; null if still cut at the horizon */
  tReopen: number | null;
  hoursClosed: number | null;
  /** the signal's colour over time: [t, colour] from the log's warning.changed */
  warnings: readonly (readonly [number, string])[];
  /** hourly rain as the log gives it: [t at the end of the hour, mm in that hour] */
  rain: readonly (readonly [number, number])[];
}

type E = LogEvent & Record<string, unknown>;

/** The story of one run, or null when no failure in it cut a road after its site had been watched for an hour. Pure. */
export function rainStory(s: Scenario, events: readonly LogEvent[]): RainStory | null {
  const ev = events as readonly E[];
  // the first cut whose site was watched (its people told to move) at least an hour before it failed:
  // the visitor then has a warning, a move and a wait before the slope goes
  const watchedAt = new Map<string, number>();
  for (const e of ev) if (e.type === 'site.watch' && !watchedAt.has(String(e.site))) watchedAt.set(String(e.site), e.t);
  const cut = ev.find((e) => e.type === 'road.cut' && typeof e.site === 'string' && !e.recut && (watchedAt.get(String(e.site)) ?? Infinity) <= e.t - 60);
  if (!cut) return null;
  const site = String(cut.site);
  const link = String(cut.link);
  const failed = ev.find((e) => e.type === 'site.failed' && e.site === site);
  const h = s.hazardSites.find((x) => x.id === site);
  if (!failed || !h) return null;
  const tFail = failed.t;
  const watch = ev.find((e) => e.type === 'site.watch' && e.site === site && e.t <= tFail);
  const warnings = ev.filter((e) => e.type === 'warning.changed').map((e) => [e.t, String(e.to)] as const);
  const rain = ev.filter((e) => e.type === 'rain.hour').map((e) => [e.t, Number(e.mm)] as const);
  const firstWarn = warnings.find(([, c]) => c !== 'none')?.[0];
  const tWarn = Math.min(firstWarn ?? Infinity, watch?.t ?? Infinity, tFail);
  const tWatch = watch ? watch.t : null;
  // the belongings question: the hour of least rain after the move and before the failure (people
  // are tempted home when the rain eases); midway when no rain hour falls between
  const from = tWatch ?? tWarn;
  const between = rain.filter(([t]) => t > from + 60 && t < tFail - 30);
  const quiet = between.reduce<readonly [number, number] | null>((best, r) => (best === null || r[1] < best[1] ? r : best), null);
  const tEase = quiet ? quiet[0] : Math.round((from + tFail) / 2);
  const easeMm = quiet ? quiet[1] : (rain.filter(([t]) => t <= tEase).pop()?.[1] ?? 0);
  const wet = rain.filter(([, mm]) => mm > 0);
  const lastWet = wet[wet.length - 1];
  const horizon = s.horizonHours * 60;
  const tRainEnd = lastWet && lastWet[0] < horizon - 60 ? lastWet[0] : null;
  const clear = ev.find((e) => e.type === 'road.clearing' && e.link === link && e.t >= tFail);
  const reopen = ev.find((e) => e.type === 'road.reopened' && e.link === link && e.t >= tFail);
  return {
    site,
    village: h.village,
    link,
    trunk: cut.trunk === true,
    tWarn,
    tWatch,
    tEase,
    easeMm,
    tFail,
    affected: Number(failed.affected ?? 0),
    deadMissing: Number(failed.deadMissing ?? 0),
    evacuated: failed.evacuated === true,
    tRainEnd,
    clearing: clear ? { team: String(clear.team), t: clear.t } : null,
    tReopen: reopen ? reopen.t : null,
    hoursClosed: reopen ? Number(reopen.hoursClosed) : null,
    warnings,
    rain,
  };
}

/** A run the experience can tell: the seed it came from (maybe after the one asked for), its log, outcome and story. */
export interface RainRun {
  seed: number;
  events: readonly LogEvent[];
  outcome: TrialOutcome;
  story: RainStory;
}

/**
 * Runs the county model from `seed` and, when that run has no failure cutting a road, the next
 * seeds (at most `tries`), so every visitor sees the chain through to a cut road. `run` is the
 * engine's single-trial entry (MODELS.county.run), passed in to keep this module free of the
 * engine's XState import. Pure given `run`; null if no seed in range had a cut.
 */
export function pickRainRun(s: Scenario, seed: number, run: (s: Scenario, seed: number) => { events: LogEvent[]; outcome: TrialOutcome }, tries = 16): RainRun | null {
  for (let k = 0; k < tries; k++) {
    const sd = (seed + k) >>> 0;
    const r = run(s, sd);
    const story = rainStory(s, r.events);
    if (story) return { seed: sd, events: r.events, outcome: r.outcome, story };
  }
  return null;
}

/**
 * Wall-clock time of a simulated minute, in the scenario's own zone (its start's offset, +08:00
 * for the shipped counties): { day, month, hh, mm }. Pure.
 */
export function wallClock(start: string, t: number): { month: number; day: number; hh: string; mm: string } {
  const m = /([+-])(\d\d):(\d\d)$/.exec(start);
  const off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 480;
  const d = new Date(Date.parse(start) + (t + off) * 60_000);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), hh: String(d.getUTCHours()).padStart(2, '0'), mm: String(d.getUTCMinutes()).padStart(2, '0') };
}

/** Rain of the hour in force at t (mm in the last logged hour ending at or before t; 0 before any). Pure. */
export function rainAt(story: Pick<RainStory, 'rain'>, t: number): number {
  let mm = 0;
  let last = -Infinity;
  for (const [at, v] of story.rain) {
    if (at - 60 > t) break;
    mm = v;
    last = at;
  }
  return t > last ? 0 : mm;
}
