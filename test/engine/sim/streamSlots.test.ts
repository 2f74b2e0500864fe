import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mcMachines } from '../../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';
import { Trial, type TeamStream } from '../../../engine/sim/trial.ts';
import { TrialArena } from '../../../engine/sim/trialArena.ts';
import { compileWorld } from '../../../engine/world/world.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}scenarios/shidian-forest-fire.yaml`, 'en');
if (!loaded.ok) throw new Error('the fire season should load');
const world = compileWorld(loaded.scenario);
const nT = world.scenario.teams.length;
const KINDS: TeamStream[] = ['mobilise', 'rescue', 'walkIn'];

/** One ask: a team, a stream kind, whether the team's call moves on first, and how many draws. */
const askArb = fc.record({
  team: fc.integer({ min: 0, max: nT - 1 }),
  kind: fc.constantFrom(...KINDS),
  nextCall: fc.boolean(),
  draws: fc.integer({ min: 1, max: 3 }),
});

describe('Trial.teamRng (team streams in slots, not under string keys)', () => {
  it('property: hands out the streams rng gives for the same path, asked again or not, on an arena trial after others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(askArb, { maxLength: 120 }), (seed, asks) => {
        // an arena whose previous trial has filled some slots
        const arena = TrialArena.of(world);
        const prior = new Trial(world, (seed ^ 1) >>> 0, mcMachines, false, 'auto', undefined, arena);
        for (let t = 0; t < nT; t++) prior.teamRng(t, 'rescue', 1).next();
        const slots = new Trial(world, seed, mcMachines, false, 'auto', undefined, arena);
        const keyed = new Trial(world, seed, mcMachines, false, 'auto');
        // calls only grow, as sendTeam counts them
        const calls = new Array<number>(nT).fill(0);
        for (const a of asks) {
          if (a.nextCall) calls[a.team]!++;
          const id = world.scenario.teams[a.team]!.id;
          const r = slots.teamRng(a.team, a.kind, calls[a.team]!);
          const ref = keyed.rng('team', id, a.kind, calls[a.team]!);
          for (let d = 0; d < a.draws; d++) expect(r.next()).toBe(ref.next());
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Trial.siteRng (site streams in slots, not under string keys)', () => {
  it('property: hands out the streams rng gives for the same path, asked again or not', () => {
    const nS = world.scenario.hazardSites.length;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.record({ site: fc.integer({ min: 0, max: nS - 1 }), kind: fc.constantFrom('consequences' as const, 'triggers' as const), draws: fc.integer({ min: 1, max: 3 }) }), { maxLength: 120 }),
        (seed, asks) => {
          const slots = new Trial(world, seed, mcMachines, false, 'auto');
          const keyed = new Trial(world, seed, mcMachines, false, 'auto');
          for (const a of asks) {
            const r = slots.siteRng(a.site, a.kind);
            const ref = keyed.rng('site', world.scenario.hazardSites[a.site]!.id, a.kind);
            for (let d = 0; d < a.draws; d++) expect(r.next()).toBe(ref.next());
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
