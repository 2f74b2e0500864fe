import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { ALL, STAFF, toPositions, type Audience } from './audience.ts';
import type { DrillConfig } from './drillConfig.ts';
import { FOG_RULES } from './fogRules.ts';

/** An intelligence report (情况报告) to release: when, to whom, what it says. */
export interface IntelReport {
  atMin: number;
  audience: Audience;
  data: Record<string, unknown>;
}

/** A slide whose same-minute consequences are still being logged (see `Fog.note`). */
interface OpenSlide {
  seq: number;
  t: number;
  site: string;
  village: string | null;
  /** people were affected: the engine logs relief.requested last for them */
  affected: boolean;
  /** shelters that took its people in, in the order the engine admitted them */
  shelters: string[];
  unsheltered: boolean;
  relief: boolean;
}

/** What the engine logs in the minute of a slide, right after site.failed (engine/sim/hazards.ts onSiteFail). */
const SLIDE_CASCADE = new Set(['shelter.admitted', 'shelter.overflow', 'road.cut', 'relief.requested', 'chain.triggered']);

/**
 * Fog of war (战争迷雾): decides who sees each ground-truth engine event (by `FOG_RULES`) and
 * which intelligence reports it gives rise to. Trainees see what their position would know —
 * public signals, their own teams, stores and shelters, what happens in their jurisdiction —
 * never the storm's parameters, a slide or a cut before it is reported, or figures nobody has
 * counted. What a slide sets off in its minute (people into shelters or without one, a
 * village's call for relief) is staff-only: the slide's one report, `reportDelayMin` later,
 * says which shelters took its people in, whether some have none and whether the village
 * needs relief — never how many — and goes to the positions over the village and to those
 * whose shelters took its people in. Unknown event types are staff-only (deny by default).
 *
 * Keeps a little state (which store each delivery came from, where each fire was detected,
 * the slide being logged), rebuilt by feeding it the engine events again: feed it every engine
 * event once, in order, through `classify` and `report` (either first). Deterministic; pure
 * apart from that state.
 */
export class Fog {
  private readonly teamOwners = new Map<string, string[]>();
  private readonly warehouseOwners = new Map<string, string[]>();
  private readonly shelterOwners = new Map<string, string[]>();
  private readonly townshipOwners = new Map<string, string[]>();
  private readonly county: string[];
  private readonly villageTownship = new Map<string, string>();
  private readonly siteVillage = new Map<string, string>();
  private readonly deliveryWarehouse = new Map<number, string>();
  private readonly fireSite = new Map<number, string>();
  private readonly positionById: Map<string, DrillConfig['positions'][number]>;
  /** the last engine event noted, so that classify and report (called in turn) note each event once */
  private noted: LogEvent | null = null;
  private slide: OpenSlide | null = null;
  /** engine seqs of the events a slide set off (staff-only) */
  private readonly slideBorn = new Set<number>();

  constructor(
    readonly scenario: Scenario,
    readonly config: DrillConfig,
  ) {
    const add = (m: Map<string, string[]>, key: string, pos: string) => m.set(key, [...(m.get(key) ?? []), pos]);
    this.positionById = new Map(config.positions.map((p) => [p.id, p]));
    for (const p of config.positions) {
      p.teams.forEach((x) => add(this.teamOwners, x, p.id));
      p.warehouses.forEach((x) => add(this.warehouseOwners, x, p.id));
      p.shelters.forEach((x) => add(this.shelterOwners, x, p.id));
      if (p.jurisdiction !== 'county') p.jurisdiction.forEach((x) => add(this.townshipOwners, x, p.id));
    }
    this.county = config.positions.filter((p) => p.jurisdiction === 'county').map((p) => p.id);
    for (const v of scenario.region.villages) this.villageTownship.set(v.id, v.township);
    for (const s of scenario.hazardSites) this.siteVillage.set(s.id, s.village);
  }

  /** Positions with jurisdiction over a village: the county ones and its township's. */
  villagePositions(village: unknown): string[] {
    const tw = typeof village === 'string' ? this.villageTownship.get(village) : undefined;
    return [...this.county, ...(tw ? (this.townshipOwners.get(tw) ?? []) : [])];
  }

  sitePositions(site: unknown): string[] {
    return this.villagePositions(typeof site === 'string' ? this.siteVillage.get(site) : undefined);
  }

  /** The forest site a detected fire burns at (from its fire.detected event), if seen. */
  fireSiteOf(fire: unknown): string | undefined {
    return typeof fire === 'number' ? this.fireSite.get(fire) : undefined;
  }

  private of(m: Map<string, string[]>, key: unknown): string[] {
    return typeof key === 'string' ? (m.get(key) ?? []) : [];
  }

  /**
   * Takes note of one engine event (once, when classify and report are asked in turn): the store of a delivery,
   * the site of a fire, and what a slide sets off in its own minute — the engine logs that
   * right after site.failed, before anything else happens (see SLIDE_CASCADE).
   */
  private note(e: LogEvent): void {
    if (e === this.noted) return;
    this.noted = e;
    if (e.type === 'delivery.dispatched' && typeof e.delivery === 'number' && typeof e.warehouse === 'string') this.deliveryWarehouse.set(e.delivery, e.warehouse);
    if (e.type === 'fire.detected' && typeof e.fire === 'number' && typeof e.site === 'string') this.fireSite.set(e.fire, e.site);
    const open = this.slide;
    if (e.type === 'site.failed') {
      const site = String(e.site);
      this.slide = {
        seq: e.seq,
        t: e.t,
        site,
        village: this.siteVillage.get(site) ?? null,
        affected: typeof e.affected === 'number' && e.affected > 0,
        shelters: [],
        unsheltered: false,
        relief: false,
      };
      return;
    }
    if (!open || e.t !== open.t || !SLIDE_CASCADE.has(e.type)) {
      this.slide = null;
      return;
    }
    if (e.type === 'shelter.admitted') {
      this.slideBorn.add(e.seq);
      if (typeof e.shelter === 'string' && !open.shelters.includes(e.shelter)) open.shelters.push(e.shelter);
    } else if (e.type === 'shelter.overflow' && e.village === open.village) {
      this.slideBorn.add(e.seq);
      open.unsheltered = true;
    } else if (e.type === 'relief.requested' && e.village === open.village) {
      this.slideBorn.add(e.seq);
      open.relief = true;
    }
  }

  /** The audience of one engine event as it happens. */
  classify(e: LogEvent): Audience {
    this.note(e);
    if (this.slideBorn.has(e.seq)) return STAFF;
    switch (FOG_RULES[e.type]) {
      case 'public':
        return ALL;
      case 'site':
        return toPositions(this.sitePositions(e.site));
      case 'fire':
        // fire.contained and fire.out carry only the fire's index: its site is the one it was detected at
        return toPositions(this.sitePositions(this.fireSiteOf(e.fire)));
      case 'village':
        return toPositions(this.villagePositions(e.village));
      case 'team':
        return toPositions(this.of(this.teamOwners, e.team));
      case 'warehouse':
        return toPositions(this.of(this.warehouseOwners, e.warehouse));
      case 'delivery':
        return toPositions(this.of(this.warehouseOwners, typeof e.delivery === 'number' ? this.deliveryWarehouse.get(e.delivery) : undefined));
      case 'shelter':
        return toPositions(this.of(this.shelterOwners, e.shelter));
      case 'by':
        return typeof e.by === 'string' && this.positionById.has(e.by) ? toPositions([e.by]) : STAFF;
      default:
        // 'staff', and any type without a rule
        return STAFF;
    }
  }

  /**
   * The intelligence report (情况报告) a ground-truth event gives rise to, if any, without the
   * counts nobody has made yet:
   * - a cut: `roadCut` to everyone, `reportDelayMin` after it;
   * - a slide: `siteFailed`, `reportDelayMin` after it, to the positions over its village and
   *   the owners of the shelters that took its people in; it names those shelters and says
   *   whether some people have none (`unsheltered`) and whether the village needs relief.
   *   With people affected, it is planned at the village's relief.requested, the last thing
   *   the engine logs for a slide, so that it knows all of that; without, at the slide.
   */
  report(e: LogEvent): IntelReport | null {
    this.note(e);
    const delay = this.config.reportDelayMin;
    if (e.type === 'road.cut') return { atMin: e.t + delay, audience: ALL, data: { what: 'roadCut', link: e.link, trunk: e.trunk === true, sinceMin: e.t } };
    const open = this.slide;
    if (!open) return null;
    if ((e.type === 'site.failed' && e.seq === open.seq && !open.affected) || (e.type === 'relief.requested' && this.slideBorn.has(e.seq))) {
      const shelterOwners = open.shelters.flatMap((x) => this.of(this.shelterOwners, x));
      return {
        atMin: open.t + delay,
        audience: toPositions([...this.sitePositions(open.site), ...shelterOwners]),
        data: { what: 'siteFailed', site: open.site, village: open.village, sinceMin: open.t, shelters: [...open.shelters], unsheltered: open.unsheltered, needsRelief: open.relief },
      };
    }
    return null;
  }
}
