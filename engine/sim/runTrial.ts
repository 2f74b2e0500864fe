import type { Scenario } from '../scenario/schema/scenario.ts';
import { compileWorld } from '../world/world.ts';
import type { LogEvent } from './eventLog.ts';
import { onHour, onQuake, onSiteFail, startHazard } from './hazards.ts';
import { buildOutcome, type TrialOutcome } from './outcome.ts';
import { onDeliveryArrive, onDeliveryReroute, onLoaded, onReliefDue, onResupply } from './relief.ts';
import { onMobilised, onTaskDone, onTeamArrive, onTeamReroute } from './teams.ts';
import { Trial, xstateMachines, type MachineFactory } from './trial.ts';

export interface TrialResult {
  events: LogEvent[];
  outcome: TrialOutcome;
}

/**
 * Runs one trial of a validated scenario over one seed (uint32): the hazard, the chain of
 * failures and cuts, warnings, the response level, teams and relief, as a discrete-event
 * simulation in simulated minutes up to the scenario's horizon. Pure and deterministic: the
 * same scenario and seed give the identical event log. `machines` picks how the statecharts
 * run (live XState actors by default); `log: false` skips the event log (Monte Carlo).
 */
export function runTrial(
  scenario: Scenario,
  seed: number,
  machines: MachineFactory = xstateMachines,
  options: { log?: boolean } = {},
): TrialResult {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a uint32, got ${seed}`);
  const tr = new Trial(compileWorld(scenario), seed, machines, options.log ?? true);
  startHazard(tr);
  for (;;) {
    if (tr.queue.peekTime() > tr.horizon) break;
    const next = tr.queue.pop();
    if (!next) break;
    tr.now = next.time;
    const e = next.item;
    switch (e.k) {
      case 'hour':
        onHour(tr, e.hour);
        break;
      case 'quake':
        onQuake(tr);
        break;
      case 'siteFail':
        onSiteFail(tr, e.site);
        break;
      case 'mobilised':
        onMobilised(tr, e.team, e.leg);
        break;
      case 'arrive':
        if (e.owner.kind === 'team') onTeamArrive(tr, e.owner.index, e.leg);
        else onDeliveryArrive(tr, e.owner.index, e.leg);
        break;
      case 'reroute':
        if (e.owner.kind === 'team') onTeamReroute(tr, e.owner.index, e.leg, e.node);
        else onDeliveryReroute(tr, e.owner.index, e.leg, e.node);
        break;
      case 'taskDone':
        onTaskDone(tr, e.team, e.leg);
        break;
      case 'loaded':
        onLoaded(tr, e.delivery);
        break;
      case 'reliefDue':
        onReliefDue(tr, e.village);
        break;
      case 'resupply':
        onResupply(tr, e.warehouse, e.quantities);
        break;
    }
  }
  tr.now = tr.horizon;
  return { events: tr.log.events, outcome: buildOutcome(tr) };
}
