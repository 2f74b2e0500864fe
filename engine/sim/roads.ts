import { sampleDist } from '../random/index.ts';
import { responseEvidence } from './response.ts';
import { dispatchClearing, retryWaiting } from './teams.ts';
import { onLinkCut } from './travel.ts';
import type { Trial } from './trial.ts';

/** A slide from site `site` blocks `link`: travellers ahead re-plan, a clearing team is called. */
export function onRoadCut(tr: Trial, link: number, site: number, _cutIndex: number): void {
  const m = tr.links.get(link);
  const before = m.value;
  if (!m.send({ type: 'CUT' })) return; // already blocked
  tr.setOpen(link, false);
  const id = tr.s.roads.links[link]!.id;
  if (before === 'clearing') {
    // a new slide buries the work in progress: the team on it starts over
    for (let t = 0; t < tr.teams.length; t++) {
      const task = tr.teamTask[t];
      if (task?.kind === 'clear' && task.link === link && tr.teams.value(t) === 'onSite') {
        tr.teamLeg[t]!++;
        tr.schedule(tr.now, { k: 'arrive', owner: { kind: 'team', index: t }, leg: tr.teamLeg[t]! });
      }
    }
  } else {
    tr.linkEpisode[link] = tr.episodes.length;
    tr.episodes.push({ link, cutAt: tr.now, site, teamArrivedAt: null, reopenedAt: null });
  }
  // recut: a new slide on a link being cleared — the same closure goes on, not a new one
  tr.log.add(tr.now, 'road.cut', {
    link: id,
    trunk: tr.world.linkTrunk[link] === 1,
    site: tr.s.hazardSites[site]!.id,
    ...(before === 'clearing' ? { recut: true } : {}),
  });
  onLinkCut(tr, link);
  if (before !== 'clearing') dispatchClearing(tr, link);
  responseEvidence(tr);
}

/** A team reaches a blocked link and starts clearing it; returns when it will be done (minutes). */
export function startClearing(tr: Trial, team: number, link: number): number {
  tr.links.get(link).send({ type: 'TEAM_ARRIVED' });
  const ep = tr.episodes[tr.linkEpisode[link]!]!;
  if (ep.teamArrivedAt === null) ep.teamArrivedAt = tr.now;
  const c = tr.s.chain.clearing;
  const r = tr.rng('link', tr.s.roads.links[link]!.id, 'clearing', tr.linkClearings[link]!++);
  const hours = sampleDist(r, c.hours) * (tr.world.linkTrunk[link] === 1 ? c.trunkFactor : 1);
  tr.log.add(tr.now, 'road.clearing', { link: tr.s.roads.links[link]!.id, team: tr.s.teams[team]!.id, hours: Math.round(hours * 1000) / 1000 });
  return hours * 60;
}

/** Clearing finished: the link reopens and anyone waiting for a route tries again. */
export function finishClearing(tr: Trial, link: number): void {
  tr.links.get(link).send({ type: 'CLEARED' });
  tr.setOpen(link, true);
  const ep = tr.episodes[tr.linkEpisode[link]!]!;
  ep.reopenedAt = tr.now;
  tr.log.add(tr.now, 'road.reopened', {
    link: tr.s.roads.links[link]!.id,
    trunk: tr.world.linkTrunk[link] === 1,
    hoursClosed: Math.round(((tr.now - ep.cutAt) / 60) * 1000) / 1000,
  });
  retryWaiting(tr);
  responseEvidence(tr);
}
