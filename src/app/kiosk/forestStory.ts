import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { firstEvent, type HazardSpec, type HazardStory } from './hazardSpec.ts';

export type ForestQuestionId = 'call' | 'fight' | 'neighbours' | 'way';

export interface ForestStory extends HazardStory<ForestQuestionId> {
  fire: number;
  igniteT: number;
  detectT: number;
  /** the first crew on the fire line, null if none before the fire reached the village */
  crewT: number | null;
  /** the head fire reaching the village (森林城镇交界), and the people there */
  wuiT: number;
  people: number;
  containedT: number | null;
  areaHa: number | null;
  windMs: number;
}

/**
 * The forest-fire experience (施甸 fire season). The visitor lives in the village at the edge of
 * the first forest fire whose head reached the village (the engine's fire.wui) without its people
 * having been moved. Sources of the right answers (texts in i18n `kiosk.forest.*`):
 * - call — report at once to 12119 (the national forest and grassland fire hotline) or 119, with the
 *   place and what burns: seed 004 (施甸) names the forest-fire squadron and the township crews that
 *   the call sets going; 12119 from 国家林业和草原局 (from memory; assumed, not in the shared sources).
 * - fight — members of the public do not fight a forest fire; leave and guide the crews: 《森林防火条例》
 *   (2008) art. 26 bars the old, the young, the sick and pregnant women from fire fighting (assumed:
 *   quoted from memory).
 * - neighbours — 互救: warn the neighbours, take the old and the children with you.
 * - way — leave across or against the wind, downhill, into ground already burnt or without fuel;
 *   never uphill (fire runs up a slope fast) or ahead of the fire downwind: 森林火灾避险 teaching
 *   (assumed).
 * The engine lever: warning the neighbours and leaving the safe way moves the village's people out
 * (an `evacuate` decision) before the head fire reaches it, so the run counts them as already out.
 */
export const forestSpec: HazardSpec<ForestQuestionId, ForestStory> = {
  id: 'forest',
  scenario: 'shidian-forest-fire',
  questions: [
    { id: 'call', options: ['hotline', 'post', 'ignore'], right: 'hotline', theme: 'prevent' },
    { id: 'fight', options: ['leave', 'fight'], right: 'leave', theme: 'avoid' },
    { id: 'neighbours', options: ['tell', 'alone'], right: 'tell', theme: 'mutualAid' },
    { id: 'way', options: ['safe', 'uphill', 'downwind'], right: 'safe', theme: 'selfRescue' },
  ],
  story: forestStory,
  decisions(_s, story, answers) {
    if (answers.way !== 'safe' || answers.neighbours !== 'tell') return [];
    return [{ t: story.stops.way, by: 'visitor', decision: { kind: 'evacuate', site: story.focus.site } }];
  },
  vars(_s, { story: f }, clock) {
    return {
      ignite: clock(f.igniteT),
      detected: clock(f.detectT),
      crew: f.crewT === null ? '—' : clock(f.crewT),
      wui: clock(f.wuiT),
      people: f.people,
      wind: round1(f.windMs),
      contained: f.containedT === null ? '—' : clock(f.containedT),
      area: f.areaHa === null ? '—' : round1(f.areaHa),
    };
  },
  result(_s, plan, visitor, clock) {
    const w = firstEvent(visitor.events, 'fire.wui', (e) => e.fire === plan.story.fire);
    const moved = firstEvent(visitor.events, 'site.evacuated', (e) => e.site === plan.story.focus.site);
    const safe = w?.alreadyEvacuated === true;
    return { plan: plan.story.containedT === null ? 'planOpen' : 'plan', yours: safe ? 'yoursSafe' : 'yoursSame', vars: { moved: moved ? clock(moved.t) : '' } };
  },
  hud({ story: f }, t) {
    if (t < f.igniteT) return { key: 'calm' };
    if (f.containedT !== null && t >= f.containedT) return { key: 'contained' };
    if (t >= f.wuiT) return { key: 'wui' };
    if (f.crewT !== null && t >= f.crewT) return { key: 'crews' };
    if (t >= f.detectT) return { key: 'reported' };
    return { key: 'smoke', vars: { wind: round1(f.windMs) } };
  },
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The forest-fire story of one run, or null when no fire reached a village whose people were still there. Pure. */
export function forestStory(s: Scenario, events: readonly LogEvent[]): ForestStory | null {
  const wui = firstEvent(events, 'fire.wui', (e) => e.alreadyEvacuated !== true);
  if (!wui) return null;
  const fire = Number(wui.fire);
  const ig = firstEvent(events, 'fire.ignited', (e) => e.fire === fire);
  const site = s.hazardSites.find((h) => h.id === wui.site);
  if (!ig || !site || wui.t - ig.t < 30) return null;
  const det = firstEvent(events, 'fire.detected', (e) => e.fire === fire);
  const crew = firstEvent(events, 'fire.crewOnLine', (e) => e.fire === fire);
  const cont = firstEvent(events, 'fire.contained', (e) => e.fire === fire);
  const cut = firstEvent(events, 'road.cut', (e) => e.site === site.id && e.t >= ig.t);
  const igniteT = ig.t;
  const wuiT = wui.t;
  const gap = wuiT - igniteT;
  return {
    focus: { village: site.village, site: site.id, link: cut ? String(cut.link) : null },
    start: igniteT - 5,
    end: Math.min(cont ? cont.t + 10 : Infinity, wuiT + Math.max(60, gap / 2)),
    strike: igniteT,
    stops: { call: igniteT + 1, fight: igniteT + Math.min(15, gap / 6), neighbours: wuiT - Math.min(40, gap / 3), way: wuiT - Math.min(20, gap / 6) },
    fire,
    igniteT,
    detectT: det ? det.t : igniteT,
    crewT: crew && crew.t < wuiT ? crew.t : null,
    wuiT,
    people: Number(wui.people ?? site.threatenedPeople),
    containedT: cont ? cont.t : null,
    areaHa: cont ? Number(cont.areaHa) : null,
    windMs: Number(ig.windMs ?? 0),
  };
}
