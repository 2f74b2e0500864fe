import type { TimedDecision } from '../../../engine/sim/decision.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { TrialOutcome } from '../../../engine/sim/outcome.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { Lang } from '../format/pickText.ts';
import { STORY_SEEDS, type StorySeedTable } from './storySeeds.ts';
import type { TrackPoint } from './typhoonTrack.ts';

/**
 * The county experiences of the kiosk (earthquake, forest fire, typhoon) as data (pure): each is
 * a shipped county scenario, a story read from one run of the real engine (where the visitor
 * lives and the moments the replay stops to ask), questions, and the engine decisions the
 * visitor's answers stand for. The visitor's decisions are run through the same engine with the
 * same seed, so the consequence on the result card is simulated, not scripted.
 */

/** The plans' four themes of self-rescue knowledge (防范、避险、自救、互救). */
export type Theme = 'prevent' | 'avoid' | 'selfRescue' | 'mutualAid';

export interface HazardQuestion<Q extends string = string> {
  id: Q;
  options: readonly string[];
  right: string;
  theme: Theme;
}

/** Where the scene looks: the visitor's village, the hazard site above it, and the road it cut (if any). */
export interface Focus {
  village: string;
  site: string;
  link: string | null;
}

/** One run's story: the focus, the replay span and where each question stops it (simulated minutes), and figures for the texts. */
export interface HazardStory<Q extends string = string> {
  focus: Focus;
  /** the replay starts here and ends at `end` */
  start: number;
  end: number;
  stops: Record<Q, number>;
  /** the moment the hazard strikes (the scene's shaking, smoke, the HUD) */
  strike: number;
}

export interface HazardRun<Q extends string = string, S extends HazardStory<Q> = HazardStory<Q>> {
  seed: number;
  events: readonly LogEvent[];
  outcome: TrialOutcome;
  story: S;
}

export type Answers = Partial<Record<string, string>>;

export interface HazardSpec<Q extends string = string, S extends HazardStory<Q> = HazardStory<Q>> {
  /** i18n key prefix under kiosk.* and the test id part */
  id: 'quake' | 'forest' | 'typhoon';
  /** the shipped county scenario it plays */
  scenario: string;
  questions: readonly HazardQuestion<Q>[];
  /** the story of one run, or null when the run does not have the chain this experience tells */
  story(s: Scenario, events: readonly LogEvent[]): S | null;
  /** the engine decisions the visitor's answers stand for (the same seed is run with them) */
  decisions(s: Scenario, story: S, answers: Answers): TimedDecision[];
  /** figures of the plan's run for the texts (intro, questions, facts); `clock` writes a simulated minute */
  vars(s: Scenario, plan: HazardRun<Q, S>, clock: (t: number) => string, lang: Lang): Record<string, string | number>;
  /** the result's comparison: which texts (`kiosk.<id>.result.<plan|yours>`) and their figures */
  result(s: Scenario, plan: HazardRun<Q, S>, visitor: { events: readonly LogEvent[]; outcome: TrialOutcome }, clock: (t: number) => string): { plan: string; yours: string; vars: Record<string, string | number> };
  /** what is happening at minute t (`kiosk.<id>.now.<key>`) */
  hud(plan: HazardRun<Q, S>, t: number): { key: string; vars?: Record<string, string | number> };
  /** the ground shaking at minute t, 0…1 (earthquake) */
  shake?(story: S, t: number): number;
  /** hourly rain to draw, [t at the end of the hour, mm] (typhoon) */
  rainy?(plan: HazardRun<Q, S>): readonly (readonly [number, number])[];
  /** a real track to draw beside the replay (typhoon; the engine models only its rain): its cited points, and the run's hourly rain whose peak is aligned with its landfall */
  track?: { points: readonly TrackPoint[]; rain(plan: HazardRun<Q, S>): readonly (readonly [number, number])[] };
}

type Run = (s: Scenario, seed: number, decisions?: readonly TimedDecision[]) => { events: LogEvent[]; outcome: TrialOutcome };

/**
 * The seed whose run tells the story for a visitor's `seed`, from the precomputed table
 * (storySeeds.ts, made by scripts/build-kiosk-story-seeds.ts): within the table's range the first
 * story seed at or after `seed` (what searching seed after seed would find); beyond it, one of the
 * table's seeds chosen by `seed`. Null when the table cannot say (none, or past its last seed). Pure.
 */
export function tableSeed(table: StorySeedTable | undefined, seed: number): number | null {
  if (!table || table.seeds.length === 0) return null;
  const sd = seed >>> 0;
  if (sd >= 1 && sd <= table.upTo) return table.seeds.find((x) => x >= sd) ?? null;
  return table.seeds[sd % table.seeds.length]!;
}

/**
 * The plan's run for a visitor's `seed`: the story seed the committed table names (one engine run,
 * STORY_SEEDS), or — when there is no table entry, or the engine or the scenario changed so that
 * seed no longer tells the story — the scenario run from `seed` and the next seeds (at most
 * `tries`). `run` is the engine's single-trial entry (MODELS.county.run), passed in to keep this
 * module free of the engine's XState import. Pure given `run`.
 */
export function pickHazardRun<Q extends string, S extends HazardStory<Q>>(spec: HazardSpec<Q, S>, s: Scenario, seed: number, run: Run, tries = 24, table: StorySeedTable | undefined = STORY_SEEDS[spec.id]): HazardRun<Q, S> | null {
  const known = tableSeed(table?.scenario === spec.scenario ? table : undefined, seed);
  if (known !== null) {
    const r = run(s, known);
    const story = spec.story(s, r.events);
    if (story) return { seed: known, events: r.events, outcome: r.outcome, story };
  }
  for (let k = 0; k < tries; k++) {
    const sd = (seed + k) >>> 0;
    const r = run(s, sd);
    const story = spec.story(s, r.events);
    if (story) return { seed: sd, events: r.events, outcome: r.outcome, story };
  }
  return null;
}

/** The visitor's run: the plan's run of the same seed with the decisions the answers stand for. Pure given `run`. */
export function runVisitor<Q extends string, S extends HazardStory<Q>>(spec: HazardSpec<Q, S>, s: Scenario, plan: HazardRun<Q, S>, answers: Answers, run: Run): { events: LogEvent[]; outcome: TrialOutcome; decisions: TimedDecision[] } {
  const decisions = spec.decisions(s, plan.story, answers).sort((a, b) => a.t - b.t);
  return { ...run(s, plan.seed, decisions), decisions };
}

type E = LogEvent & Record<string, unknown>;
/** The first event of a type matching `where`. */
export const firstEvent = (events: readonly LogEvent[], type: string, where: (e: E) => boolean = () => true): E | undefined => (events as readonly E[]).find((e) => e.type === type && where(e));

/** What happened at a site in a run: its failure (people affected, dead or missing, evacuated before) and its rescue. Pure. */
export function siteFate(events: readonly LogEvent[], outcome: TrialOutcome, site: string): { failedT: number | null; affected: number; deadMissing: number; evacuated: boolean; evacuatedT: number | null; rescueHours: number | null } {
  const f = firstEvent(events, 'site.failed', (e) => e.site === site);
  const ev = firstEvent(events, 'site.evacuated', (e) => e.site === site && (!f || e.t <= f.t));
  const r = outcome.rescue.find((x) => x.site === site);
  return { failedT: f ? f.t : null, affected: Number(f?.affected ?? 0), deadMissing: Number(f?.deadMissing ?? 0), evacuated: f?.evacuated === true, evacuatedT: ev ? ev.t : null, rescueHours: r?.hoursToRescue ?? null };
}
