/**
 * The team choice (engine/sim/teams.ts `bestTeam`, `assignBacklog`) against a plain reference
 * written here as it was before its shortcuts (every team looked at, every queued task asked
 * about, minutes from a fresh Dijkstra): two trials of one seed, one served by assignBacklog,
 * the other by the reference, end with the same teams sent to the same places and the same
 * queues — with most capable teams busy, so that a kind of task runs out of free teams.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { startTrial } from '../../../engine/sim/runTrial.ts';
import { assignBacklog, sendTeam, teamAvailable } from '../../../engine/sim/teams.ts';
import type { TeamTask, Trial } from '../../../engine/sim/trial.ts';
import { shortestPathTree } from '../../../engine/world/roadGraph.ts';

const r = loadScenario(readFileSync(new URL('../../../scenarios/shidian-earthquake.yaml', import.meta.url), 'utf8'), 'shidian-earthquake.yaml');
if (!r.ok) throw new Error('shidian-earthquake does not load');
const s = r.scenario;

function refAssign(tr: Trial, kind: 'clear' | 'rescue', target: number): boolean {
  const w = tr.world;
  const able = kind === 'clear' ? w.teamCanClear : w.teamCanRescue;
  const nodes = kind === 'clear' ? [w.graph.linkFrom[target]!, w.graph.linkTo[target]!] : [w.villageNode[w.siteVillage[target]!]!];
  const trees = nodes.map((v) => shortestPathTree(w.graph, tr.open, v));
  let best = Infinity;
  let team = -1;
  let dest = -1;
  for (let t = 0; t < tr.teams.length; t++) {
    if (able[t] !== 1 || !teamAvailable(tr, t)) continue;
    const mob = tr.teams.value(t) === 'idle' ? w.teamExpectedMobilisation[t]! : 0;
    nodes.forEach((v, k) => {
      const score = mob + trees[k]!.dist[tr.teamAt[t]!]!;
      if (score < best) (best = score), (team = t), (dest = v);
    });
  }
  if (team < 0) return false;
  const task: TeamTask = kind === 'clear' ? { kind, link: target } : { kind, site: target };
  sendTeam(tr, team, task, dest);
  return true;
}

function refAssignBacklog(tr: Trial): void {
  const order = [...tr.clearingBacklog].sort((a, b) => tr.world.linkTrunk[b]! - tr.world.linkTrunk[a]! || tr.linkEpisode[a]! - tr.linkEpisode[b]!);
  for (const link of order) {
    if (tr.open[link] === 1 || tr.links.value(link) === 'clearing') {
      tr.clearingBacklog.splice(tr.clearingBacklog.indexOf(link), 1);
      continue;
    }
    if (refAssign(tr, 'clear', link)) tr.clearingBacklog.splice(tr.clearingBacklog.indexOf(link), 1);
  }
  for (const site of [...tr.rescueBacklog]) if (refAssign(tr, 'rescue', site)) tr.rescueBacklog.splice(tr.rescueBacklog.indexOf(site), 1);
}

function state(tr: Trial) {
  return {
    values: Array.from({ length: tr.teams.length }, (_, t) => tr.teams.value(t)),
    tasks: [...tr.teamTask],
    dests: [...tr.teamDest],
    clearing: [...tr.clearingBacklog],
    rescue: [...tr.rescueBacklog],
  };
}

describe('the team choice', () => {
  it('sends the teams the plain reference sends, queues what it queues (capable teams scarce, roads cut)', () => {
    const nLinks = s.roads.links.length;
    let ranOut = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        // the teams left free (the others are busy)
        fc.uniqueArray(fc.integer({ min: 0, max: s.teams.length - 1 }), { maxLength: 10 }),
        fc.uniqueArray(fc.integer({ min: 0, max: nLinks - 1 }), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: s.hazardSites.length - 1 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, free, cut, sites, backlogLinks) => {
          const after = [0, 1].map((which) => {
            const tr = startTrial(s, seed, compiledMachines, { log: false });
            for (const l of cut) tr.setOpen(l, false);
            // the busy teams are sent to the first site (from their own node)
            for (let t = 0; t < tr.teams.length; t++) if (!free.includes(t)) sendTeam(tr, t, { kind: 'rescue', site: sites[0]! }, tr.world.teamNode[t]!);
            tr.clearingBacklog.push(...cut.slice(0, backlogLinks));
            tr.rescueBacklog.push(...sites);
            if (which === 0) assignBacklog(tr);
            else refAssignBacklog(tr);
            return state(tr);
          });
          expect(after[0]).toStrictEqual(after[1]);
          if (after[0]!.rescue.length > 1) ranOut++;
        },
      ),
      { numRuns: 300, seed: 41 },
    );
    expect(ranOut).toBeGreaterThan(20); // many passes ran out of free teams with tasks left
  });
});
