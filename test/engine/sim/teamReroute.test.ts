/**
 * A team on its way re-plans at a road cut ahead of it (engine/sim/travel.ts `onLinkCut`): the
 * slide comes down on a link of its route before it gets there, so it must not arrive on time
 * over the buried road. (Until 2026-12-07 the re-plan carried the journey's leg but was checked
 * against the team's, so it was dropped and the team arrived as planned.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import { runUntil } from '../../../engine/sim/kernel.ts';
import { onRoadCut } from '../../../engine/sim/roads.ts';
import { startTrial } from '../../../engine/sim/runTrial.ts';
import { sendTeam } from '../../../engine/sim/teams.ts';
import { entryOf } from '../../../engine/sim/travel.ts';

function scenario(name: string) {
  const r = loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}

describe('a team meets a road cut ahead of it', () => {
  for (const name of ['lezhi-rainstorm', 'shidian-earthquake'])
    it(`re-plans where it reaches the cut and never drives over it: ${name}`, () => {
      const s = scenario(name);
      let checked = 0;
      for (let team = 0; team < s.teams.length && checked < 6; team++) {
        const tr = startTrial(s, 7, compiledMachines, { log: true });
        const g = tr.world.graph;
        // the link farthest from the team's base (by link index order among the reachable ones) as its task
        const home = tr.world.teamNode[team]!;
        const fromHome = tr.tree(home);
        let task = -1;
        for (let l = 0; l < g.linkCount; l++)
          if (Number.isFinite(fromHome.distTo(g.linkFrom[l]!)) && (task < 0 || fromHome.distTo(g.linkFrom[l]!) > fromHome.distTo(g.linkFrom[task]!))) task = l;
        const dest = g.linkFrom[task]!;
        sendTeam(tr, team, { kind: 'clear', link: task }, dest);
        // run until it sets off
        for (let clock = 5; !tr.teamTravel[team] && clock < tr.horizon; clock += 5) runUntil(tr, clock);
        const tv = tr.teamTravel[team];
        if (!tv || tv.links.length < 3) continue;
        // a slide on a link of its route it has not reached yet
        const idx = tv.links.length - 2;
        const cut = tv.links[idx]!;
        const at = entryOf(tr, tv, idx);
        const entryT = tv.departT + at.minutes;
        if (!(entryT > tr.now) || tr.links.value(cut) !== 'open') continue;
        const plannedArrival = tv.departT + tv.totalMinutes;
        const seen = tr.log.events.length;
        onRoadCut(tr, cut, 0, 0);
        runUntil(tr, plannedArrival);
        const mine = tr.log.events.slice(seen).filter((e) => e.team === s.teams[team]!.id);
        // at the cut it re-plans (or finds no way round); it has not arrived as planned
        const replan = mine.find((e) => e.type === 'team.rerouted' || e.type === 'team.noRoute');
        expect(replan, `${name} team ${team}: no re-plan at the cut`).toBeDefined();
        expect(replan!.t).toBe(Math.round(entryT * 1000) / 1000);
        const arrived = mine.find((e) => e.type === 'team.arrived');
        if (arrived) expect(arrived.t).toBeGreaterThan(replan!.t);
        // while the link stays closed, the new route does not use it
        const now = tr.teamTravel[team];
        if (now && tr.links.value(cut) !== 'open') expect(now.links).not.toContain(cut);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
});
