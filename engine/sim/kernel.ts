import { applyDecision } from './decide.ts';
import { onFireContained, onFireDetect, onFireEscalate, onFireLine, onFireOut, onFireWui, onIgnite } from './fire.ts';
import { onHour, onQuake, onSiteFail } from './hazards.ts';
import { onDeliveryArrive, onDeliveryReroute, onLoaded, onReliefDue, onResupply, onStockCheck } from './relief.ts';
import { onMobilised, onTaskDone, onTeamArrive, onTeamReroute } from './teams.ts';
import { PRIORITY } from './agenda.ts';
import type { Trial } from './trial.ts';

/**
 * The discrete-event loop: pops agenda items in (time, priority, insertion) order and runs
 * their handlers, up to and including simulated minute `until`. Deterministic.
 */
export function runUntil(tr: Trial, until: number): void {
  for (;;) {
    const qt = tr.queue.peekTime();
    // The hourly clock is kept beside the heap (2,880 ticks in a 120-day season would crowd it):
    // tick `nextHour` fires at minute 60·nextHour with priority PRIORITY.hour, which no other
    // event has, so its place among the queued events is fixed by (time, priority) alone.
    if (tr.nextHour <= tr.lastHour) {
      const ht = tr.nextHour * 60;
      if (ht < qt || (ht === qt && tr.queue.peekPriority() > PRIORITY.hour)) {
        if (ht > until) break;
        tr.now = ht;
        onHour(tr, tr.nextHour++);
        continue;
      }
    }
    if (qt > until) break;
    const e = tr.queue.popItem();
    if (!e) break;
    tr.now = qt;
    switch (e.k) {
      case 'hour':
        onHour(tr, e.hour);
        break;
      case 'quake':
        onQuake(tr, e.shock);
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
      case 'stockCheck':
        onStockCheck(tr, e.epoch);
        break;
      case 'ignite':
        onIgnite(tr, e.site, e.day, e.n, e.level);
        break;
      case 'fireDetect':
        onFireDetect(tr, e.fire);
        break;
      case 'fireLine':
        onFireLine(tr, e.team, e.leg);
        break;
      case 'fireEscalate':
        onFireEscalate(tr, e.fire);
        break;
      case 'fireContained':
        onFireContained(tr, e.fire, e.epoch);
        break;
      case 'fireWui':
        onFireWui(tr, e.fire);
        break;
      case 'fireOut':
        onFireOut(tr, e.fire);
        break;
      case 'decision': {
        const d = tr.decisions[e.index]!;
        const r = applyDecision(tr, d);
        if (!r.ok) tr.log.add(tr.now, 'decision.refused', { by: d.by, kind: d.decision.kind, code: r.error.code });
        break;
      }
    }
  }
}
