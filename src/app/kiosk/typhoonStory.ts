import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { pickText } from '../format/pickText.ts';
import { firstEvent, siteFate, type HazardSpec, type HazardStory } from './hazardSpec.ts';
import { rainStory, type RainStory } from './rainStory.ts';
import { IN_FA_TRACK } from './typhoonTrack.ts';

export type TyphoonQuestionId = 'levee' | 'timing' | 'shelter' | 'drive';

export interface TyphoonStory extends HazardStory<TyphoonQuestionId> {
  rain: RainStory;
  /** the first levee (海塘、河堤) put under watch in the run, and whether and when it failed */
  levee: { site: string; watchT: number; failT: number | null } | null;
}

/**
 * The typhoon experience (平湖: 台风暴雨 → 内涝 / 堤防险情). The shipped scenario models the typhoon's
 * rain only (no wind or storm surge; its description says so), so the story is the rainstorm
 * chain's (rainStory.ts: a watched site that fails and cuts a road), told as a typhoon, with the
 * first levee that went on watch. Sources of the right answers (texts in i18n `kiosk.typhoon.*`):
 * - levee — keep off sea walls, levees and beaches in a typhoon (no watching the tide or the
 *   waves): 《台风预警信号及防御指南》 (气象灾害预警信号及防御指南, 2007; standards-cn.md §1.1).
 * - timing — leave the danger zone as soon as the order comes, before the worst of the storm:
 *   standards-cn.md §2.3 (orange → prepare, red → evacuate 危险区); the run's own watch and move times.
 * - shelter — go to the assigned shelter (避灾安置场所, 127 in the scenario) or a solid building on
 *   high ground; never a car under a flyover, a site hut, a billboard or a tree (2007 guidance).
 * - drive — never drive or wade through flood water of unknown depth; turn back and wait: the
 *   rainstorm guidance's 交通 advice (2007); assumed otherwise.
 * The typhoon's track (烟花, 2021, landfall on 平湖's coast) is drawn beside the replay from cited
 * bulletins (typhoonTrack.ts), its landfall aligned with the run's heaviest rain: shown, not simulated.
 * The engine lever: leaving at once for the shelter moves the site's people (an `evacuate`
 * decision) when the site goes on watch, which may be before the plan's own order.
 */
export const typhoonSpec: HazardSpec<TyphoonQuestionId, TyphoonStory> = {
  id: 'typhoon',
  scenario: 'pinghu-typhoon',
  questions: [
    { id: 'levee', options: ['away', 'watch'], right: 'away', theme: 'prevent' },
    { id: 'timing', options: ['now', 'wait'], right: 'now', theme: 'avoid' },
    { id: 'shelter', options: ['centre', 'car', 'shed'], right: 'centre', theme: 'avoid' },
    { id: 'drive', options: ['wait', 'drive'], right: 'wait', theme: 'selfRescue' },
  ],
  story: typhoonStory,
  decisions(_s, story, answers) {
    if (answers.timing !== 'now' || answers.shelter !== 'centre') return [];
    return [{ t: story.stops.timing, by: 'visitor', decision: { kind: 'evacuate', site: story.focus.site } }];
  },
  vars(s, { story: y, events, outcome }, clock, lang) {
    const r = y.rain;
    const fate = siteFate(events, outcome, r.site);
    const lv = y.levee ? s.hazardSites.find((h) => h.id === y.levee!.site) : undefined;
    return {
      warn: clock(r.tWarn),
      watch: clock(r.tWatch ?? r.tWarn),
      fail: clock(r.tFail),
      planMoved: fate.evacuatedT === null ? '—' : clock(fate.evacuatedT),
      planAffected: fate.affected,
      planDead: fate.deadMissing,
      threatened: s.hazardSites.find((h) => h.id === r.site)?.threatenedPeople ?? 0,
      reopen: r.tReopen === null ? '—' : clock(r.tReopen),
      hoursClosed: r.hoursClosed === null ? '—' : Math.round(r.hoursClosed * 10) / 10,
      levee: lv ? pickText(lv.name, lang, lv.id) : '',
      leveeWatch: y.levee ? clock(y.levee.watchT) : '—',
    };
  },
  result(_s, plan, visitor, clock) {
    const site = plan.story.focus.site;
    const p = siteFate(plan.events, plan.outcome, site);
    const v = siteFate(visitor.events, visitor.outcome, site);
    const earlier = v.evacuatedT !== null && (p.evacuatedT === null || v.evacuatedT < p.evacuatedT);
    const yours = !earlier ? 'yoursSame' : p.evacuated ? 'yoursEarly' : 'yoursSaved';
    return { plan: p.evacuated ? 'plan' : 'planLate', yours, vars: { yourMoved: v.evacuatedT === null ? '—' : clock(v.evacuatedT), yourDead: v.deadMissing, gainH: p.evacuatedT !== null && v.evacuatedT !== null ? Math.round(((p.evacuatedT - v.evacuatedT) / 60) * 10) / 10 : '—' } };
  },
  hud({ story: y }, t) {
    const r = y.rain;
    if (r.tReopen !== null && t >= r.tReopen) return { key: 'reopened' };
    if (t >= r.tFail) return { key: 'flooded' };
    if (t >= (r.tWatch ?? r.tWarn)) return { key: 'move' };
    if (t >= r.tWarn) return { key: 'warned' };
    return { key: 'coming' };
  },
  rainy: (plan) => plan.story.rain.rain,
  // 烟花 (2021), which made landfall on 平湖's coast: every point cited in typhoonTrack.ts; the run's rain peak is aligned with that landfall
  track: { points: IN_FA_TRACK, rain: (plan) => plan.story.rain.rain },
};

/** The typhoon story of one run, or null when its rainstorm chain has no watched site failing onto a road. Pure. */
export function typhoonStory(s: Scenario, events: readonly LogEvent[]): TyphoonStory | null {
  const r = rainStory(s, events);
  if (!r) return null;
  const levees = new Set(s.hazardSites.filter((h) => h.kind === 'levee').map((h) => h.id));
  const w = firstEvent(events, 'site.watch', (e) => levees.has(String(e.site)));
  const lf = w ? firstEvent(events, 'site.failed', (e) => e.site === w.site) : undefined;
  const watch = r.tWatch ?? r.tWarn;
  return {
    focus: { village: r.village, site: r.site, link: r.link },
    start: Math.max(0, r.tWarn - 120),
    end: r.tReopen !== null ? Math.min(r.tReopen + 30, r.tFail + 8 * 60) : r.tFail + 6 * 60,
    strike: r.tWarn,
    stops: { levee: Math.max(0, r.tWarn - 60), timing: watch, shelter: watch + 15, drive: r.tFail + 5 },
    rain: r,
    levee: w ? { site: String(w.site), watchT: w.t, failT: lf ? lf.t : null } : null,
  };
}
