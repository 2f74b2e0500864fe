import type { Scenario } from '../scenario/schema/scenario.ts';
import type { Trial } from './trial.ts';

const h3 = (minutes: number) => Math.round((minutes / 60) * 1000) / 1000;
const hoursOrNull = (minutes: number) => (Number.isFinite(minutes) ? h3(minutes) : null);

export interface TargetResult {
  id: string;
  kind: Scenario['targets'][number]['kind'];
  hours: number;
  /** cases judged (a case still open at the horizon but younger than the target is not judged) */
  cases: number;
  censored: number;
  met: boolean;
  /** worst achieved hours among judged cases; null if some case never finished */
  worstHours: number | null;
}

/** What one trial produced, in hours since the scenario start. Plain JSON. */
export interface TrialOutcome {
  seed: number;
  totals: {
    failedSites: number;
    affectedPeople: number;
    deadMissing: number;
    roadCuts: number;
    trunkCuts: number;
    deliveries: number;
    shelterOverflow: number;
  };
  relief: { village: string; people: number; affectedAtHours: number; firstReliefAtHours: number | null; hoursToRelief: number | null }[];
  roads: { link: string; trunk: boolean; cutAtHours: number; reopenedAtHours: number | null; hoursClosed: number | null }[];
  rescue: { site: string; failedAtHours: number; rescueAtHours: number | null; hoursToRescue: number | null }[];
  response: { timeline: { atHours: number; level: string }[]; highest: string; final: string };
  warnings: { timeline: { atHours: number; level: string }[]; highest: string };
  stock: {
    series: { atHours: number; warehouse: string; item: string; level: number }[];
    stockouts: { atHours: number; warehouse: string; item: string }[];
    shortfall: Record<string, number>;
  };
  targets: TargetResult[];
}

const LEVEL_ORDER = ['none', 'IV', 'III', 'II', 'I'];
const WARNING_ORDER = ['none', 'blue', 'yellow', 'orange', 'red'];

function judge(
  target: Scenario['targets'][number],
  cases: { start: number; end: number }[],
  horizon: number,
): TargetResult {
  const limit = target.hours * 60;
  let judged = 0;
  let censored = 0;
  let met = true;
  let worst = 0;
  for (const c of cases) {
    if (!Number.isFinite(c.end) && horizon - c.start < limit) {
      censored++;
      continue;
    }
    judged++;
    const took = c.end - c.start;
    if (!(took <= limit)) met = false;
    worst = Math.max(worst, took);
  }
  return {
    id: target.id,
    kind: target.kind,
    hours: target.hours,
    cases: judged,
    censored,
    met,
    worstHours: judged === 0 ? 0 : Number.isFinite(worst) ? h3(worst) : null,
  };
}

/** Summarises a finished trial; pure read of its state. */
export function buildOutcome(tr: Trial): TrialOutcome {
  const s = tr.s;
  const items = s.reserves.items;
  const whs = s.reserves.warehouses;
  const relief = s.region.villages.flatMap((v, i) =>
    Number.isFinite(tr.villageAffectedAt[i]!)
      ? [
          {
            village: v.id,
            people: tr.villageAffected[i]!,
            affectedAtHours: h3(tr.villageAffectedAt[i]!),
            firstReliefAtHours: hoursOrNull(tr.villageFirstReliefAt[i]!),
            hoursToRelief: hoursOrNull(tr.villageFirstReliefAt[i]! - tr.villageAffectedAt[i]!),
          },
        ]
      : [],
  );
  const roads = tr.episodes.map((e) => ({
    link: s.roads.links[e.link]!.id,
    trunk: tr.world.linkTrunk[e.link] === 1,
    cutAtHours: h3(e.cutAt),
    reopenedAtHours: e.reopenedAt === null ? null : h3(e.reopenedAt),
    hoursClosed: e.reopenedAt === null ? null : h3(e.reopenedAt - e.cutAt),
  }));
  const rescue = s.hazardSites.flatMap((site, i) =>
    tr.siteNeedsRescue[i]
      ? [
          {
            site: site.id,
            failedAtHours: h3(tr.siteFailedAt[i]!),
            rescueAtHours: hoursOrNull(tr.siteRescueAt[i]!),
            hoursToRescue: hoursOrNull(tr.siteRescueAt[i]! - tr.siteFailedAt[i]!),
          },
        ]
      : [],
  );
  const targets = s.targets.map((t) => {
    switch (t.kind) {
      case 'reliefWithin':
        return judge(
          t,
          s.region.villages.flatMap((_, i) =>
            Number.isFinite(tr.villageAffectedAt[i]!) ? [{ start: tr.villageAffectedAt[i]!, end: tr.villageFirstReliefAt[i]! }] : [],
          ),
          tr.horizon,
        );
      case 'trunkReopenWithin':
        return judge(
          t,
          tr.episodes.filter((e) => tr.world.linkTrunk[e.link] === 1).map((e) => ({ start: e.cutAt, end: e.reopenedAt ?? Infinity })),
          tr.horizon,
        );
      case 'rescueArrivalWithin':
        return judge(
          t,
          s.hazardSites.flatMap((_, i) => (tr.siteNeedsRescue[i] ? [{ start: tr.siteFailedAt[i]!, end: tr.siteRescueAt[i]! }] : [])),
          tr.horizon,
        );
      case 'responseWithin':
        return judge(
          t,
          Number.isFinite(tr.firstFailureAt)
            ? [{ start: tr.firstFailureAt, end: Math.max(tr.firstFailureAt, tr.responseStartedAt) }]
            : [],
          tr.horizon,
        );
    }
  });
  const highestOf = (timeline: { level: string }[], order: string[]) =>
    timeline.reduce((best, x) => (order.indexOf(x.level) > order.indexOf(best) ? x.level : best), 'none');
  return {
    seed: tr.seed,
    totals: {
      failedSites: tr.failedSites,
      affectedPeople: tr.affectedPeople,
      deadMissing: tr.deadMissing,
      roadCuts: tr.episodes.length,
      trunkCuts: tr.episodes.filter((e) => tr.world.linkTrunk[e.link] === 1).length,
      deliveries: tr.deliveries.length,
      shelterOverflow: tr.shelterOverflow,
    },
    relief,
    roads,
    rescue,
    response: {
      timeline: tr.responseTimeline.map((x) => ({ atHours: h3(x.t), level: x.level })),
      highest: highestOf(tr.responseTimeline, LEVEL_ORDER),
      final: tr.response.value,
    },
    warnings: {
      timeline: tr.warningTimeline.map((x) => ({ atHours: h3(x.t), level: x.level })),
      highest: highestOf(tr.warningTimeline, WARNING_ORDER),
    },
    stock: {
      series: tr.stockSeries.map((x) => ({
        atHours: h3(x.t),
        warehouse: whs[x.warehouse]!.id,
        item: items[x.item]!.id,
        level: Math.round(x.level * 1000) / 1000,
      })),
      stockouts: tr.stockouts.map((x) => ({ atHours: h3(x.t), warehouse: whs[x.warehouse]!.id, item: items[x.item]!.id })),
      shortfall: Object.fromEntries(items.map((it, k) => [it.id, Math.round(tr.shortfall[k]! * 1000) / 1000])),
    },
    targets,
  };
}
