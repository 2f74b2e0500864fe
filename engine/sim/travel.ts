import type { Owner, Travel } from './agenda.ts';
import type { Trial } from './trial.ts';

/**
 * Plans a journey from `from` to `dest` over the links open now; null when there is no route.
 * Uses the shortest-path tree rooted at the destination (roads are two-way), which the trial
 * shares across journeys and trials.
 */
export function planTravel(tr: Trial, from: number, dest: number, leg: number): Travel | null {
  const g = tr.world.graph;
  const tree = tr.tree(dest);
  if (!Number.isFinite(tree.distTo(from))) return null;
  const links: number[] = [];
  let m = 0;
  for (let v = from; v !== dest; v = tree.prevOf(v)) {
    const l = tree.linkOf(v);
    links.push(l);
    m += g.linkMinutes[l]!;
  }
  return { dest, departT: tr.now, from, links, totalMinutes: m, leg };
}

/**
 * The node `travel` enters its `idx`th link from and the minutes from departure until then:
 * the minutes summed link by link from departure, as `planTravel` summed them. Pure.
 */
export function entryOf(tr: Trial, travel: Travel, idx: number): { node: number; minutes: number } {
  const g = tr.world.graph;
  let node = travel.from;
  let m = 0;
  for (let i = 0; i < idx; i++) {
    const l = travel.links[i]!;
    m += g.linkMinutes[l]!;
    node = g.linkFrom[l] === node ? g.linkTo[l]! : g.linkFrom[l]!;
  }
  return { node, minutes: m };
}

/** Starts a journey: schedules the arrival. */
export function depart(tr: Trial, owner: Owner, travel: Travel): void {
  tr.setTravel(owner, travel);
  tr.schedule(tr.now + travel.totalMinutes, { k: 'arrive', owner, leg: travel.leg });
}

/**
 * A link has just been cut: every traveller who has not yet entered it will find the road
 * blocked when they reach it, and re-plans from there (a team sent over a cut road does not
 * arrive on time).
 */
export function onLinkCut(tr: Trial, link: number): void {
  for (const owner of tr.travellers()) {
    const tv = tr.getTravel(owner);
    if (!tv) continue;
    const idx = tv.links.indexOf(link);
    if (idx < 0) continue;
    const entry = entryOf(tr, tv, idx);
    const entryT = tv.departT + entry.minutes;
    if (entryT <= tr.now) continue; // already past (or on) the slide when it came down
    tv.leg++;
    tr.schedule(entryT, { k: 'reroute', owner, leg: tv.leg, node: entry.node });
  }
}
