import type { Scenario } from '../scenario/schema/scenario.ts';
import { forestFireGradeOf } from '../rules/index.ts';
import { fireAreaHa } from './fireState.ts';
import type { Trial } from './trial.ts';

/** Minutes as hours rounded to 3 decimals, as every outcome time is; pure. */
export const h3 = (minutes: number): number => Math.round((minutes / 60) * 1000) / 1000;
/** A quantity rounded to 3 decimals, as the outcome's stock levels and shortfalls are; pure. */
export const r3 = (x: number): number => Math.round(x * 1000) / 1000;
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
    /** 紧急转移安置人数: people evacuated or admitted to shelters (each move counted) */
    relocatedPeople: number;
    /** 倒塌和严重损坏房屋, rooms (间): homes of the affected, 3 rooms per household of 3 (assumed) */
    damagedRooms: number;
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
  /** forest fires of a fire season; present only when the scenario's hazard is a fire season */
  fires?: FireOutcome;
}

/** What a fire season produced (hours since the scenario start; areas in hectares). */
export interface FireOutcome {
  /** days of the season at danger level 1…5 */
  dangerDays: number[];
  /** fires found by the horizon */
  count: number;
  burnedHa: number;
  /** fires out within 24 h of being found, and whether every fire found was */
  outWithin24h: number;
  allOutWithin24h: boolean;
  /** fires contained by their initial attack (never escaped) */
  initialAttackContained: number;
  /** highest grade (森林防火条例 art. 40): 'none' with no fire */
  largestGrade: 'none' | '一般' | '较大' | '重大' | '特别重大';
  peopleEvacuated: number;
  list: {
    site: string;
    level: number;
    ignitedAtHours: number;
    detectedAtHours: number | null;
    headRateMPerMin: number;
    containedAtHours: number | null;
    outAtHours: number | null;
    hoursToOut: number | null;
    areaHa: number;
    grade: string;
    escaped: boolean;
    wuiAtHours: number | null;
    evacuated: number;
  }[];
}

const FIRE_OUT_HOURS = 24;
const GRADE_ORDER = ['none', '一般', '较大', '重大', '特别重大'] as const;

/** The fire-season part of the outcome; pure read of a finished trial. */
export function fireOutcome(tr: Trial): FireOutcome {
  const list = tr.fires.map((f) => {
    const area = fireAreaHa(f, tr.horizon);
    return {
      site: tr.s.hazardSites[f.site]!.id,
      level: f.level,
      ignitedAtHours: h3(f.t0),
      detectedAtHours: hoursOrNull(f.detectedAt),
      headRateMPerMin: Math.round(f.rate * 1000) / 1000,
      containedAtHours: hoursOrNull(f.containedAt),
      outAtHours: hoursOrNull(f.outAt),
      hoursToOut: hoursOrNull(f.outAt - f.detectedAt),
      areaHa: r3(area),
      grade: forestFireGradeOf(area).grade,
      escaped: f.escaped,
      wuiAtHours: hoursOrNull(f.wuiAt),
      evacuated: f.evacuated,
    };
  });
  const x = fireSummary(tr);
  return {
    dangerDays: [...tr.fireDangerDays],
    count: x.count,
    burnedHa: x.burnedHa,
    outWithin24h: x.outWithin24h,
    allOutWithin24h: x.allOutWithin24h,
    initialAttackContained: x.initialAttackContained,
    largestGrade: x.largestGrade,
    peopleEvacuated: x.peopleEvacuated,
    list,
  };
}

/**
 * The season's figures of `fireOutcome` without its danger days and list of fires, folded over
 * the fires in order (Monte Carlo reads these alone): fires found, out within 24 h of being
 * found (hours rounded as the list has them), contained by the initial attack; the area burned
 * (the sum of the rounded areas, rounded), the largest grade and the people evacuated. Pure.
 */
export function fireSummary(tr: Trial): Omit<FireOutcome, 'dangerDays' | 'list'> {
  let count = 0;
  let out24 = 0;
  let contained = 0;
  let burned = 0;
  let evacuated = 0;
  let largest: FireOutcome['largestGrade'] = 'none';
  for (const f of tr.fires) {
    const area = fireAreaHa(f, tr.horizon);
    burned += r3(area);
    evacuated += f.evacuated;
    const grade = forestFireGradeOf(area).grade as FireOutcome['largestGrade'];
    if (GRADE_ORDER.indexOf(grade) > GRADE_ORDER.indexOf(largest)) largest = grade;
    if (!Number.isFinite(f.detectedAt)) continue; // not found by the horizon
    count++;
    const toOut = hoursOrNull(f.outAt - f.detectedAt);
    if (toOut !== null && toOut <= FIRE_OUT_HOURS) out24++;
    if (!f.escaped && Number.isFinite(f.containedAt)) contained++;
  }
  return {
    count,
    burnedHa: r3(burned),
    outWithin24h: out24,
    allOutWithin24h: out24 === count,
    initialAttackContained: contained,
    largestGrade: largest,
    peopleEvacuated: evacuated,
  };
}

const LEVEL_ORDER = ['none', 'IV', 'III', 'II', 'I'];
const WARNING_ORDER = ['none', 'blue', 'yellow', 'orange', 'red'];

/**
 * Judges the cases of one target as they are fed to it, in order: a case still open at the
 * horizon but younger than the target is censored, not judged; `worst` is the longest judged.
 */
class CaseTally {
  judged = 0;
  censored = 0;
  met = true;
  worst = 0;
  constructor(
    private readonly limit: number,
    private readonly horizon: number,
  ) {}

  add(start: number, end: number): void {
    if (!Number.isFinite(end) && this.horizon - start < this.limit) {
      this.censored++;
      return;
    }
    this.judged++;
    const took = end - start;
    if (!(took <= this.limit)) this.met = false;
    this.worst = Math.max(this.worst, took);
  }
}

/** One target judged over a finished trial's cases (times in minutes); pure read of its state. */
export function judgeTarget(tr: Trial, target: Scenario['targets'][number]): TargetResult {
  const s = tr.s;
  const c = new CaseTally(target.hours * 60, tr.horizon);
  switch (target.kind) {
    case 'reliefWithin':
      for (let i = 0; i < s.region.villages.length; i++)
        if (Number.isFinite(tr.villageAffectedAt[i]!)) c.add(tr.villageAffectedAt[i]!, tr.villageFirstReliefAt[i]!);
      break;
    case 'trunkReopenWithin':
      for (const e of tr.episodes) if (tr.world.linkTrunk[e.link] === 1) c.add(e.cutAt, e.reopenedAt ?? Infinity);
      break;
    case 'rescueArrivalWithin':
      for (let i = 0; i < s.hazardSites.length; i++) if (tr.siteNeedsRescue[i]) c.add(tr.siteFailedAt[i]!, tr.siteRescueAt[i]!);
      break;
    case 'responseWithin':
      if (Number.isFinite(tr.firstFailureAt)) c.add(tr.firstFailureAt, Math.max(tr.firstFailureAt, tr.responseStartedAt));
      break;
    case 'fireOutWithin':
      for (const f of tr.fires) if (Number.isFinite(f.detectedAt)) c.add(f.detectedAt, f.outAt);
      break;
  }
  return {
    id: target.id,
    kind: target.kind,
    hours: target.hours,
    cases: c.judged,
    censored: c.censored,
    met: c.met,
    worstHours: c.judged === 0 ? 0 : Number.isFinite(c.worst) ? h3(c.worst) : null,
  };
}

/** The totals of a finished trial; pure read of its state. */
export function trialTotals(tr: Trial): TrialOutcome['totals'] {
  let trunkCuts = 0;
  for (const e of tr.episodes) if (tr.world.linkTrunk[e.link] === 1) trunkCuts++;
  return {
    failedSites: tr.failedSites,
    affectedPeople: tr.affectedPeople,
    deadMissing: tr.deadMissing,
    roadCuts: tr.episodes.length,
    trunkCuts,
    deliveries: tr.deliveries.length,
    shelterOverflow: tr.shelterOverflow,
    relocatedPeople: tr.relocatedPeople,
    damagedRooms: tr.damagedRooms,
  };
}

/** The highest level of a timeline in `order` ('none' if empty; the first of equals); pure. */
function highestOf(timeline: readonly { level: string }[], order: readonly string[]): string {
  let best = 'none';
  for (const x of timeline) if (order.indexOf(x.level) > order.indexOf(best)) best = x.level;
  return best;
}

/** The highest response level a finished trial reached ('none', 'IV' … 'I'); pure. */
export function highestResponse(tr: Trial): string {
  return highestOf(tr.responseTimeline, LEVEL_ORDER);
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
  const targets = s.targets.map((t) => judgeTarget(tr, t));
  return {
    seed: tr.seed,
    totals: trialTotals(tr),
    relief,
    roads,
    rescue,
    response: {
      timeline: tr.responseTimeline.map((x) => ({ atHours: h3(x.t), level: x.level })),
      highest: highestResponse(tr),
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
        level: r3(x.level),
      })),
      stockouts: tr.stockouts.map((x) => ({ atHours: h3(x.t), warehouse: whs[x.warehouse]!.id, item: items[x.item]!.id })),
      shortfall: Object.fromEntries(items.map((it, k) => [it.id, r3(tr.shortfall[k]!)])),
    },
    targets,
    ...(s.hazard.kind === 'fireSeason' ? { fires: fireOutcome(tr) } : {}),
  };
}
