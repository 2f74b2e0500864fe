import { onNetworkChange } from './relief.ts';
import { responseEvidence } from './response.ts';
import { dispatchClearing } from './teams.ts';
import { onLinkCut } from './travel.ts';
import type { Trial } from './trial.ts';

/** A slide from site `site` blocks `link`: travellers ahead re-plan, a clearing team is called. */
export function onRoadCut(tr: Trial, link: number, site: number, _cutIndex: number): void {
  const m = tr.links.get(link);
  const before = m.value;
  if (!m.send({ type: 'CUT' })) return; // already blocked
  tr.setOpen(link, false);
  onNetworkChange(tr);
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
  if (tr.log.on) tr.log.add(tr.now, 'road.cut', {
    link: id,
    trunk: tr.world.linkTrunk[link] === 1,
    site: tr.s.hazardSites[site]!.id,
    ...(before === 'clearing' ? { recut: true } : {}),
  });
  onLinkCut(tr, link);
  if (before !== 'clearing') dispatchClearing(tr, link);
  responseEvidence(tr);
}
