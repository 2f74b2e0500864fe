import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { firstEvent, siteFate, type HazardSpec, type HazardStory } from './hazardSpec.ts';

export type QuakeQuestionId = 'shelter' | 'after' | 'back' | 'help';

export interface QuakeStory extends HazardStory<QuakeQuestionId> {
  magnitude: number;
  mainT: number;
  /** the aftershock that brought the slope above the visitor's village down */
  afterT: number;
  afterMagnitude: number;
  /** aftershocks in the whole run */
  aftershocks: number;
  failT: number;
  threatened: number;
}

/** Minutes after the main shock that people who went to open ground count as moved away from the slope (assumed: the shaking lasts under a minute, a village empties onto a threshing ground in minutes). */
export const QUAKE_MOVE_AFTER_MIN = 10;

/**
 * The earthquake experience (施甸: 地震 → 滑坡/崩塌). The visitor lives in the village below the
 * first slope that an aftershock — not the main shock — brings down, at least 20 minutes after
 * the main shock: the main shock, the calm, then the slope goes while people may be back indoors.
 * Sources of the right answers (texts in i18n `kiosk.quake.*`):
 * - shelter — 伏地、遮挡、手抓牢 (drop, cover, hold on) near a sturdy table or an inner wall corner,
 *   away from windows; never jump from a window or take a lift: 中国地震局《地震应急避险指南》/
 *   防震减灾科普 (the common teaching; assumed, not among the shared sources).
 * - after — once the shaking stops, go to open ground away from buildings, slopes, walls and power
 *   lines: seed 004 (施甸) calls for 应急避难场所 and the village shelters of ≥ 500 m² (GB 21734-2008 sites).
 * - back — aftershocks follow a large earthquake for days and soaked or shaken slopes keep failing;
 *   do not go back in until the authorities say the house is safe (this run's own aftershock shows it).
 * - help — 互救: call others and the village team, locate by voice, dig carefully from the side,
 *   free the head and chest first, give air, never pull by the limbs: 防震减灾 teaching (assumed).
 * The engine lever: going to open ground and staying out moves the village's people away from
 * the slope (an `evacuate` decision) before the aftershock, so the run counts them as evacuated.
 */
export const quakeSpec: HazardSpec<QuakeQuestionId, QuakeStory> = {
  id: 'quake',
  scenario: 'shidian-earthquake',
  questions: [
    { id: 'shelter', options: ['cover', 'run', 'jump'], right: 'cover', theme: 'avoid' },
    { id: 'after', options: ['open', 'slope', 'lane'], right: 'open', theme: 'selfRescue' },
    { id: 'back', options: ['stay', 'back'], right: 'stay', theme: 'prevent' },
    { id: 'help', options: ['call', 'pull', 'leave'], right: 'call', theme: 'mutualAid' },
  ],
  story: quakeStory,
  decisions(_s, story, answers) {
    if (answers.after !== 'open' || answers.back !== 'stay') return [];
    return [{ t: story.mainT + QUAKE_MOVE_AFTER_MIN, by: 'visitor', decision: { kind: 'evacuate', site: story.focus.site } }];
  },
  vars(_s, { story: q, events, outcome }, clock) {
    const fate = siteFate(events, outcome, q.focus.site);
    return {
      magnitude: round1(q.magnitude),
      afterMagnitude: round1(q.afterMagnitude),
      main: clock(q.mainT),
      after: clock(q.afterT),
      fail: clock(q.failT),
      gapH: round1((q.afterT - q.mainT) / 60),
      aftershocks: q.aftershocks,
      threatened: q.threatened,
      planAffected: fate.affected,
      planDead: fate.deadMissing,
      planRescue: fate.rescueHours === null ? '—' : round1(fate.rescueHours),
    };
  },
  result(_s, plan, visitor, clock) {
    const mine = siteFate(visitor.events, visitor.outcome, plan.story.focus.site);
    const vars = { yourDead: mine.deadMissing, yourAffected: mine.affected, moved: mine.evacuatedT === null ? '' : clock(mine.evacuatedT) };
    return { plan: 'plan', yours: mine.evacuated ? 'yoursSafe' : 'yoursSame', vars };
  },
  hud({ story: q }, t) {
    if (t < q.mainT) return { key: 'calm' };
    if (t >= q.failT) return { key: 'failed' };
    if (t >= q.afterT) return { key: 'aftershock', vars: { magnitude: round1(q.afterMagnitude) } };
    if (t < q.mainT + 1.5) return { key: 'shaking', vars: { magnitude: round1(q.magnitude) } };
    return { key: 'between' };
  },
  shake(q, t) {
    if (t >= q.mainT && t < q.mainT + 1.5) return 1;
    if (t >= q.afterT && t < q.afterT + 0.8) return 0.6;
    return 0;
  },
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The earthquake story of one run, or null when no aftershock brought a slope down at least 20 minutes after the main shock. Pure. */
export function quakeStory(s: Scenario, events: readonly LogEvent[]): QuakeStory | null {
  const main = firstEvent(events, 'quake.mainshock');
  if (!main) return null;
  const shocks = events.filter((e) => e.type === 'quake.aftershock') as (LogEvent & Record<string, unknown>)[];
  for (const a of shocks) {
    if (a.t < main.t + 20) continue;
    // a failure drawn by this shock lands within 10 minutes of it (engine/sim/hazards.ts onQuake)
    const f = firstEvent(events, 'site.failed', (e) => e.t >= a.t && e.t <= a.t + 10.5 && e.evacuated !== true);
    if (!f) continue;
    const site = s.hazardSites.find((h) => h.id === f.site);
    if (!site || site.threatenedPeople <= 0) continue;
    const cut = firstEvent(events, 'road.cut', (e) => e.site === site.id && e.t === f.t);
    const afterT = a.t;
    const mainT = main.t;
    return {
      focus: { village: site.village, site: site.id, link: cut ? String(cut.link) : null },
      start: Math.max(0, mainT - 3),
      end: f.t + 30,
      strike: mainT,
      stops: { shelter: mainT + 0.2, after: mainT + 2, back: Math.max(mainT + 6, afterT - Math.min(30, (afterT - mainT) / 3)), help: f.t + 3 },
      magnitude: Number(main.magnitude),
      mainT,
      afterT,
      afterMagnitude: Number(a.magnitude),
      aftershocks: shocks.length,
      failT: f.t,
      threatened: site.threatenedPeople,
    };
  }
  return null;
}
