import { deliveryMachine, type DeliveryEvent } from '../machines/delivery.machine.ts';
import { forestFireMachine, type ForestFireEvent } from '../machines/forestFire.machine.ts';
import { hazardSiteMachine, type HazardSiteEvent } from '../machines/hazardSite.machine.ts';
import type { MachineInstance } from '../machines/host.ts';
import { actorInstance } from '../machines/host.ts';
import { rainWarningMachine, WARNING_LEVELS, type RainWarningEvent } from '../machines/rainWarning.machine.ts';
import { responseLevelMachine, type ResponseEvent } from '../machines/responseLevel.machine.ts';
import { roadLinkMachine, type RoadLinkEvent } from '../machines/roadLink.machine.ts';
import { teamMachine, type TeamEvent } from '../machines/team.machine.ts';
import { deriveSeed, Sfc32, type Rng } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { repairedTree, shortestPathTree, type PathTree } from '../world/roadGraph.ts';
import { TREE_CACHE_LIMIT, type World } from '../world/world.ts';
import { PRIORITY, type Agenda, type Owner, type Travel } from './agenda.ts';
import { EventLog } from './eventLog.ts';
import type { PolicyMode, TimedDecision } from './decision.ts';
import { EventQueue } from './eventQueue.ts';
import { LazyMachines } from './lazyMachines.ts';

/** Who a shelter took in for one evacuation: shelter index and people (see `leaveShelter`). */
export interface ShelterStay {
  shelter: number;
  people: number;
}

/** Builds the statechart instances a trial runs; swapped for compiled tables on the fast path. */
export interface MachineFactory {
  rainWarning(input: { cancelAfterDryHours: number }): MachineInstance<RainWarningEvent>;
  hazardSite(): MachineInstance<HazardSiteEvent>;
  roadLink(): MachineInstance<RoadLinkEvent>;
  responseLevel(input: { deescalateAfterHours: number; endAfterHours: number }): MachineInstance<ResponseEvent>;
  team(): MachineInstance<TeamEvent>;
  delivery(): MachineInstance<DeliveryEvent>;
  forestFire(): MachineInstance<ForestFireEvent>;
}

/** The interactive path: every machine a live XState actor, as in a drill. */
export const xstateMachines: MachineFactory = {
  rainWarning: (input) => actorInstance(rainWarningMachine, input),
  hazardSite: () => actorInstance(hazardSiteMachine),
  roadLink: () => actorInstance(roadLinkMachine),
  responseLevel: (input) => actorInstance(responseLevelMachine, input),
  team: () => actorInstance(teamMachine),
  delivery: () => actorInstance(deliveryMachine),
  forestFire: () => actorInstance(forestFireMachine),
};

const initialCache = new WeakMap<MachineFactory, { hazardSite: string; roadLink: string; team: string }>();

/** Initial state values of the lazily created machines, learnt once per factory. */
function initialValues(f: MachineFactory): { hazardSite: string; roadLink: string; team: string } {
  let v = initialCache.get(f);
  if (!v) {
    v = { hazardSite: f.hazardSite().value, roadLink: f.roadLink().value, team: f.team().value };
    initialCache.set(f, v);
  }
  return v;
}

export type TeamTask = { kind: 'clear'; link: number } | { kind: 'rescue'; site: number } | { kind: 'suppress'; fire: number };

/** One forest fire of a fire season (engine/sim/fire.ts); times in minutes, lengths in metres. */
export interface Fire {
  machine: MachineInstance<ForestFireEvent>;
  site: number;
  /** 0-based day of the season and its danger level 1…5 */
  day: number;
  level: number;
  t0: number;
  detectedAt: number;
  tempC: number;
  humidityPct: number;
  windMs: number;
  /** head-fire rate m/min, length-to-breadth ratio, and the compartment's cap on the fire length */
  rate: number;
  lb: number;
  capLength: number;
  perimeterPerLength: number;
  areaPerLength2: number;
  /** fireline: metres built by `lineAt`, and the rate (m/min) of the crews on it since */
  line: number;
  lineAt: number;
  lineRate: number;
  /** bumped whenever the crews change, so a stale containment event is ignored */
  epoch: number;
  /** teams on the line (their walk-in done) and teams sent so far */
  onLine: number[];
  sent: number;
  containedAt: number;
  outAt: number;
  escaped: boolean;
  wuiAt: number;
  evacuated: number;
  /** where the people it evacuated are sheltered (admitToShelter), until it is out and they go home */
  stays: ShelterStay[];
}

export interface Delivery {
  machine: MachineInstance<DeliveryEvent>;
  warehouse: number;
  village: number;
  quantities: number[];
  people: number;
  /** node where it stands while not moving (the store, or where a cut stopped it) */
  at: number;
  travel: Travel | null;
}

export interface RoadEpisode {
  link: number;
  cutAt: number;
  site: number;
  teamArrivedAt: number | null;
  reopenedAt: number | null;
}

/**
 * Mutable state of one trial. Handlers in sibling files read and change it; `runTrial` owns it.
 * Every random draw comes from a stream keyed by (seed, entity path), never from draw order.
 */
export class Trial {
  readonly s: Scenario;
  readonly log: EventLog;
  readonly queue = new EventQueue<Agenda>();
  now = 0;
  readonly horizon: number;
  /** true when the engine takes the decisions itself (Monte Carlo, `run`); false in a drill */
  readonly auto: boolean;
  private readonly streams = new Map<string, Rng>();

  readonly warning: MachineInstance<RainWarningEvent>;
  readonly sites: LazyMachines<HazardSiteEvent>;
  readonly links: LazyMachines<RoadLinkEvent>;
  readonly response: MachineInstance<ResponseEvent>;
  readonly teams: LazyMachines<TeamEvent>;
  readonly deliveries: Delivery[] = [];
  /** participants' decisions, in the order given (drills and their replays) */
  readonly decisions: TimedDecision[] = [];

  readonly open: Uint8Array;
  readonly linkEpisode: Int32Array;
  readonly episodes: RoadEpisode[] = [];
  readonly teamAt: Int32Array;
  readonly teamTask: (TeamTask | null)[];
  readonly teamLeg: Int32Array;
  /** node the team is heading for (a task node, or home) */
  readonly teamDest: Int32Array;
  /** per-entity counters that key random streams (nth call-out, nth loading, nth resupply) */
  readonly teamCalls: Int32Array;
  readonly warehouseLoads: Int32Array;
  readonly warehouseResupplies: Int32Array;
  /** per link: how many times clearing has started on it (keys its clearing-time stream) */
  readonly linkClearings: Int32Array;
  readonly teamTravel: (Travel | null)[];
  readonly clearingBacklog: number[] = [];
  readonly rescueBacklog: number[] = [];
  /** forest fires of a fire season, in ignition order; fires waiting for a crew (one entry per team) */
  readonly fires: Fire[] = [];
  readonly fireBacklog: number[] = [];
  /** days of the season at each danger level 1…5 (index 0…4) */
  readonly fireDangerDays = [0, 0, 0, 0, 0];

  readonly siteFailedAt: Float64Array;
  readonly siteFailPending: Uint8Array;
  /** the drawn earthquake: epicentre offset and the main shock (index 0) then aftershocks */
  quake: { dxKm: number; dyKm: number; shocks: { magnitude: number; hour: number }[] } | null = null;
  readonly siteRescueAt: Float64Array;
  readonly siteNeedsRescue: Uint8Array;
  readonly villageAffected: Float64Array;
  readonly villageAffectedAt: Float64Array;
  readonly villageFirstReliefAt: Float64Array;
  /** people per village who went home and need no more daily relief (villageAffected keeps everyone affected) */
  readonly villageReleased: Float64Array;
  readonly shelterOccupancy: Float64Array;
  readonly shelterOpen: Uint8Array;
  shelterOverflow = 0;

  readonly stock: Float64Array;
  readonly resupplyPending: Uint8Array;
  readonly stockouts: { t: number; warehouse: number; item: number }[] = [];
  readonly stockoutSeen: Uint8Array;
  readonly shortfall: Float64Array;
  readonly stockSeries: { t: number; warehouse: number; item: number; level: number }[] = [];

  deadMissing = 0;
  affectedPeople = 0;
  failedSites = 0;
  firstFailureAt = Infinity;
  responseStartedAt = Infinity;
  readonly responseTimeline: { t: number; level: string }[] = [];
  readonly warningTimeline: { t: number; level: string }[] = [];
  rainMm: Float64Array = new Float64Array(0);

  constructor(
    readonly world: World,
    readonly seed: number,
    readonly machines: MachineFactory,
    keepLog = true,
    readonly mode: PolicyMode = 'auto',
    /** makes a stream's generator from its derived uint32 seed (sfc32 unless a baseline asks otherwise) */
    private readonly generator: (seed: number) => Rng = (seed) => Sfc32.fromSeed(seed),
  ) {
    this.log = new EventLog(keepLog);
    this.auto = mode === 'auto';
    const s = world.scenario;
    this.s = s;
    this.horizon = s.horizonHours * 60;
    const nL = s.roads.links.length;
    const nT = s.teams.length;
    const nV = s.region.villages.length;
    const nSites = s.hazardSites.length;
    this.warning = machines.rainWarning({ cancelAfterDryHours: s.warnings.cancelAfterDryHours });
    const init = initialValues(machines);
    this.sites = new LazyMachines(nSites, machines.hazardSite, init.hazardSite);
    this.links = new LazyMachines(nL, machines.roadLink, init.roadLink);
    this.response = machines.responseLevel({
      deescalateAfterHours: s.response.deescalateAfterHours,
      endAfterHours: s.response.endAfterHours,
    });
    this.teams = new LazyMachines(nT, machines.team, init.team);
    this.open = new Uint8Array(nL).fill(1);
    this.linkEpisode = new Int32Array(nL).fill(-1);
    this.teamAt = Int32Array.from(world.teamNode);
    this.teamTask = new Array<TeamTask | null>(nT).fill(null);
    this.teamLeg = new Int32Array(nT);
    this.teamDest = Int32Array.from(world.teamNode);
    this.teamCalls = new Int32Array(nT);
    this.warehouseLoads = new Int32Array(s.reserves.warehouses.length);
    this.warehouseResupplies = new Int32Array(s.reserves.warehouses.length);
    this.linkClearings = new Int32Array(nL);
    this.teamTravel = new Array<Travel | null>(nT).fill(null);
    this.siteFailedAt = new Float64Array(nSites).fill(Infinity);
    this.siteFailPending = new Uint8Array(nSites);
    this.siteRescueAt = new Float64Array(nSites).fill(Infinity);
    this.siteNeedsRescue = new Uint8Array(nSites);
    this.villageAffected = new Float64Array(nV);
    this.villageAffectedAt = new Float64Array(nV).fill(Infinity);
    this.villageFirstReliefAt = new Float64Array(nV).fill(Infinity);
    this.villageReleased = new Float64Array(nV);
    this.shelterOccupancy = new Float64Array(s.shelters.length);
    // in a drill, shelters are opened by decision; the engine on its own opens them all
    this.shelterOpen = new Uint8Array(s.shelters.length).fill(this.auto ? 1 : 0);
    this.stock = Float64Array.from(world.initialStock);
    this.resupplyPending = new Uint8Array(s.reserves.warehouses.length);
    this.stockoutSeen = new Uint8Array(world.initialStock.length);
    this.shortfall = new Float64Array(world.itemCount);
    world.initialStock.forEach((level, k) =>
      this.stockSeries.push({ t: 0, warehouse: Math.floor(k / world.itemCount), item: k % world.itemCount, level }),
    );
  }

  /** The generator for one entity's draws: seeded from (trial seed, id path) alone. */
  rng(...path: (string | number)[]): Rng {
    const key = path.join('\u0000');
    let r = this.streams.get(key);
    if (!r) {
      r = this.generator(deriveSeed(this.seed, ...path));
      this.streams.set(key, r);
    }
    return r;
  }

  schedule(t: number, item: Agenda): void {
    this.queue.push(t, PRIORITY[item.k], item);
  }

  warningRank(): number {
    return WARNING_LEVELS.indexOf(this.warning.value as (typeof WARNING_LEVELS)[number]);
  }

  setTravel(owner: Owner, travel: Travel | null): void {
    if (owner.kind === 'team') this.teamTravel[owner.index] = travel;
    else this.deliveries[owner.index]!.travel = travel;
  }

  getTravel(owner: Owner): Travel | null {
    return owner.kind === 'team' ? this.teamTravel[owner.index]! : this.deliveries[owner.index]!.travel;
  }

  /** Everyone who may be on the road now, in a fixed order (teams, then deliveries). */
  *travellers(): Generator<Owner> {
    for (let i = 0; i < this.teams.length; i++) if (this.teamTravel[i]) yield { kind: 'team', index: i };
    for (let i = 0; i < this.deliveries.length; i++) if (this.deliveries[i]!.travel) yield { kind: 'delivery', index: i };
  }

  /** Closed links, ascending, as the key of the shared tree cache. */
  private closedKey = '';
  private readonly closed: number[] = [];

  /** Marks a link blocked or open for routing. */
  setOpen(link: number, open: boolean): void {
    if ((this.open[link] === 1) === open) return;
    this.open[link] = open ? 1 : 0;
    if (open) this.closed.splice(this.closed.indexOf(link), 1);
    else {
      let i = 0;
      while (i < this.closed.length && this.closed[i]! < link) i++;
      this.closed.splice(i, 0, link);
    }
    this.closedKey = this.closed.join(',');
    const d = open ? -1 : 1;
    this.cutLinks += d;
    if (this.world.linkTrunk[link] === 1) this.cutTrunkLinks += d;
  }

  /** The hourly clock: the next tick to fire and the last one (−1: no clock), beside the agenda. */
  nextHour = 0;
  lastHour = -1;

  /** Warning rank at the last watch/evacuation update (−1: never). */
  watchedAtRank = -1;
  /** Links (and trunk links) blocked now; kept as counters for the response metrics. */
  cutLinks = 0;
  cutTrunkLinks = 0;
  /** Villages affected and not yet relieved. */
  villagesAwaitingRelief = 0;
  /** Rainfall so far this event (mm) and the first rainy hour (−1 before any rain). */
  cumRainMm = 0;
  firstRainHour = -1;
  private readonly siteRain: (Rng | undefined)[] = [];

  /** The generator for a site's hourly failure draws (a hot path: no string keys). */
  siteRainRng(i: number): Rng {
    let r = this.siteRain[i];
    if (!r) {
      r = this.generator(deriveSeed(this.seed, 'site', this.s.hazardSites[i]!.id, 'rain'));
      this.siteRain[i] = r;
    }
    return r;
  }

  /**
   * Shortest-path tree rooted at `root` over the links open now (roads are two-way), from the
   * world's shared cache. A pure function of (root, closed links), however it is computed:
   * the intact network's tree when no closed link is on it, else that tree repaired below the
   * closed links (`repairedTree`, identical to a fresh Dijkstra, ties included).
   */
  tree(root: number): PathTree {
    const cache = this.world.treeCache;
    const key = `${root}|${this.closedKey}`;
    let t = cache.get(key);
    if (!t) {
      t = this.closed.length === 0 ? shortestPathTree(this.world.graph, this.open, root) : this.derivedTree(root);
      if (cache.size >= TREE_CACHE_LIMIT) cache.clear();
      cache.set(key, t);
    }
    return t;
  }

  private derivedTree(root: number): PathTree {
    const w = this.world;
    const intactKey = `${root}|`;
    let intact = w.treeCache.get(intactKey);
    if (!intact) {
      intact = shortestPathTree(w.graph, new Uint8Array(w.graph.linkCount).fill(1), root);
      w.treeCache.set(intactKey, intact);
    }
    for (const l of this.closed) {
      const a = w.graph.linkFrom[l]!;
      const b = w.graph.linkTo[l]!;
      // a closed link on the intact tree: re-settle the nodes below it (identical to a fresh Dijkstra)
      if (intact.viaLink[a] === l || intact.viaLink[b] === l) return repairedTree(w.graph, this.open, intact);
    }
    return intact;
  }

  recordStock(warehouse: number, item: number): void {
    const k = warehouse * this.world.itemCount + item;
    this.stockSeries.push({ t: this.now, warehouse, item, level: this.stock[k]! });
  }
}
