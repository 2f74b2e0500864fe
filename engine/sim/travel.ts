import type { Owner, Travel } from './agenda.ts';
import type { Trial } from './trial.ts';

/**
 * Plans a journey from `from` to `dest` over the links open now; null when there is no route.
 * Uses the shortest-path tree rooted at the destination (roads are two-way), which the trial
 * shares across journeys and trials.
 */
export function planTravel(tr: Trial, from: number, dest: number, leg: number): Travel | null {
  const g = tr.world.graph;
  // already there: no tree to ask for (the tree would give no links, 0 minutes)
  if (from === dest) return { from, dest, departT: tr.now, links: [], totalMinutes: 0, leg };
  const tree = tr.tree(dest);
  if (!Number.isFinite(tree.distTo(from))) return null;
  const links: number[] = [];
  let m = 0;
  for (let v = from; v !== dest; v = tree.prevOf(v)) {
    const l = tree.linkOf(v);
    links.push(l);
    m += g.linkMinutes[l]!;
  }
  return { from, dest, departT: tr.now, links, totalMinutes: m, leg };
}

/** Starts a journey: schedules the arrival. */
export function depart(tr: Trial, owner: Owner, travel: Travel): void {
  tr.setTravel(owner, travel);
  tr.schedule(tr.now + travel.totalMinutes, { k: 'arrive', owner, leg: travel.leg });
}

/**
 * Where a journey enters its `idx`th link: the node (the end of the links before it that they
 * lead to) and the minutes from departure, summed link by link in `planTravel`'s order so the
 * sum is planTravel's to the bit. Scratch: valid until the next call.
 */
const entry = { node: 0, minutes: 0 };
export function entryOf(tr: Trial, tv: Travel, idx: number): typeof entry {
  const g = tr.world.graph;
  let v = tv.from;
  let m = 0;
  for (let i = 0; i < idx; i++) {
    const l = tv.links[i]!;
    m += g.linkMinutes[l]!;
    // a tree path never uses a loop, so the far end is the end that is not v
    v = g.linkFrom[l] === v ? g.linkTo[l]! : g.linkFrom[l]!;
  }
  entry.node = v;
  entry.minutes = m;
  return entry;
}

/**
 * A link has just been cut: every traveller who has not yet entered it will find the road
 * blocked when they reach it, and re-plans from there (a team sent over a cut road does not
 * arrive on time). Travellers in a fixed order: teams, then deliveries.
 */
export function onLinkCut(tr: Trial, link: number): void {
  for (let t = 0; t < tr.teamTravel.length; t++) {
    const tv = tr.teamTravel[t];
    if (tv) rerouteAhead(tr, { kind: 'team', index: t }, tv, link);
  }
  for (let i = 0; i < tr.deliveries.length; i++) {
    const tv = tr.deliveries[i]!.travel;
    if (tv) rerouteAhead(tr, { kind: 'delivery', index: i }, tv, link);
  }
}

function rerouteAhead(tr: Trial, owner: Owner, tv: Travel, link: number): void {
  const idx = tv.links.indexOf(link);
  if (idx < 0) return;
  const at = entryOf(tr, tv, idx);
  const entryT = tv.departT + at.minutes;
  if (entryT <= tr.now) return; // already past (or on) the slide when it came down
  // the journey's arrival (and any earlier re-plan) is stale from now on; a team's events are
  // checked against the team's leg, so it moves too (before, only the journey's moved, so a
  // team's re-plan was dropped and the team arrived on time over the cut road)
  if (owner.kind === 'team') tv.leg = ++tr.teamLeg[owner.index]!;
  else tv.leg++;
  tr.schedule(entryT, { k: 'reroute', owner, leg: tv.leg, node: at.node });
}
