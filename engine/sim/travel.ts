import { pathLinks, shortestPathTree, type PathTree } from '../world/roadGraph.ts';
import type { Owner, Travel } from './agenda.ts';
import type { Trial } from './trial.ts';

/**
 * Plans a journey from `from` to `dest` over the links open now; null when there is no route.
 * `tree` may be a shortest-path tree rooted at `dest` (the graph is undirected), saving a search.
 */
export function planTravel(tr: Trial, from: number, dest: number, leg: number, tree?: PathTree): Travel | null {
  const g = tr.world.graph;
  let links: number[];
  if (tree && tree.source === dest) {
    if (!Number.isFinite(tree.dist[from]!)) return null;
    links = [];
    for (let v = from; v !== dest; v = tree.prev[v]!) links.push(tree.viaLink[v]!);
  } else {
    const t = shortestPathTree(g, tr.open, from);
    if (!Number.isFinite(t.dist[dest]!)) return null;
    links = pathLinks(t, dest);
  }
  const entryNodes: number[] = [];
  const entryMinutes: number[] = [];
  let at = from;
  let m = 0;
  for (const l of links) {
    entryNodes.push(at);
    entryMinutes.push(m);
    m += g.linkMinutes[l]!;
    at = g.linkFrom[l] === at ? g.linkTo[l]! : g.linkFrom[l]!;
  }
  return { dest, departT: tr.now, links, entryNodes, entryMinutes, totalMinutes: m, leg };
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
    const entryT = tv.departT + tv.entryMinutes[idx]!;
    if (entryT <= tr.now) continue; // already past (or on) the slide when it came down
    tv.leg++;
    tr.schedule(entryT, { k: 'reroute', owner, leg: tv.leg, node: tv.entryNodes[idx]! });
  }
}
