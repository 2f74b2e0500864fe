import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { ALL, STAFF, toPositions, type Audience } from './audience.ts';
import type { DrillConfig } from './drillConfig.ts';

/**
 * Fog of war (战争迷雾): decides who sees each ground-truth engine event. Trainees see what their
 * position would know — public signals, their own teams, stores and shelters, reports from
 * their jurisdiction — never the storm's parameters, a slide or a cut before it is reported,
 * or figures nobody has counted. Unknown event types are staff-only (deny by default).
 * Keeps a little state (which store each delivery came from); feed it every engine event in
 * order. Pure apart from that state.
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

  /** The audience of one engine event (and remembers what later events need). */
  classify(e: LogEvent): Audience {
    switch (e.type) {
      // public signals: rain gauges, the weather office's signal, the county's own warning and level
      case 'rain.hour':
      case 'warning.changed':
      case 'warning.issued':
      case 'response.changed':
      case 'road.reopened':
        return ALL;
      case 'site.watch':
      case 'site.calm':
      case 'site.evacuated':
        return toPositions(this.sitePositions(e.site));
      case 'fire.detected':
        if (typeof e.fire === 'number' && typeof e.site === 'string') this.fireSite.set(e.fire, e.site);
        return toPositions(this.sitePositions(e.site));
      case 'fire.escaped':
      case 'fire.wui':
        return toPositions(this.sitePositions(e.site));
      case 'fire.contained':
      case 'fire.out':
        // these carry only the fire's index: its site is the one it was detected at
        return toPositions(this.sitePositions(this.fireSiteOf(e.fire)));
      case 'relief.requested':
      case 'relief.ended':
      case 'relief.first':
      case 'shelter.overflow':
        return toPositions(this.villagePositions(e.village));
      case 'team.dispatched':
      case 'team.departed':
      case 'team.arrived':
      case 'team.noRoute':
      case 'team.rerouted':
      case 'team.taskDone':
      case 'team.returned':
      case 'road.clearing':
      case 'fire.crewOnLine':
        return toPositions(this.of(this.teamOwners, e.team));
      case 'delivery.dispatched':
        if (typeof e.delivery === 'number' && typeof e.warehouse === 'string') this.deliveryWarehouse.set(e.delivery, e.warehouse);
        return toPositions(this.of(this.warehouseOwners, e.warehouse));
      case 'delivery.arrived':
      case 'delivery.noRoute':
      case 'delivery.rerouted':
        return toPositions(this.of(this.warehouseOwners, typeof e.delivery === 'number' ? this.deliveryWarehouse.get(e.delivery) : undefined));
      case 'stock.out':
      case 'resupply.requested':
      case 'resupply.arrived':
      case 'relief.shortfall':
        return toPositions(this.of(this.warehouseOwners, e.warehouse));
      case 'shelter.admitted':
      case 'shelter.left':
      case 'shelter.opened':
        return toPositions(this.of(this.shelterOwners, e.shelter));
      case 'decision.applied':
      case 'report.submitted':
        return typeof e.by === 'string' && this.positionById.has(e.by) ? toPositions([e.by]) : STAFF;
      default:
        // hazard.drawn, site.failed, road.cut, quake.mainshock, fire.ignited, fire.merged, decision.refused, anything new
        return STAFF;
    }
  }

  /**
   * The intelligence report (情况报告) a ground-truth event gives rise to, if any: a slide or a
   * cut is reported `reportDelayMin` later, without the counts nobody has made yet.
   */
  report(e: LogEvent): { atMin: number; audience: Audience; data: Record<string, unknown> } | null {
    const delay = this.config.reportDelayMin;
    if (e.type === 'site.failed')
      return {
        atMin: e.t + delay,
        audience: toPositions(this.sitePositions(e.site)),
        data: { what: 'siteFailed', site: e.site, village: this.siteVillage.get(String(e.site)) ?? null, sinceMin: e.t },
      };
    if (e.type === 'road.cut') return { atMin: e.t + delay, audience: ALL, data: { what: 'roadCut', link: e.link, trunk: e.trunk === true, sinceMin: e.t } };
    return null;
  }
}
