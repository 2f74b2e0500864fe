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
import type { LazyTree } from '../world/lazyTree.ts';
import type { World } from '../world/world.ts';
import { PRIORITY, type Agenda, type Owner, type Travel } from './agenda.ts';
import { EventLog } from './eventLog.ts';
import type { PolicyMode, TimedDecision } from './decision.ts';
import { EventQueue } from './eventQueue.ts';
import { LazyMachines } from './lazyMachines.ts';
import { SiteRainDraws } from './siteRain.ts';
import type { TrialArena } from './trialArena.ts';
import { openingStockSeries, TrialArrays, type StockPoint } from './trialArrays.ts';
import { TrialRouting, type NodeDistances } from './trialRouting.ts';

/** The per-call team streams `Trial.teamRng` keeps, in the order of their slots. */
export type TeamStream = 'mobilise' | 'rescue' | 'walkIn';

export type { NodeDistances } from './trialRouting.ts';

/** A trial's rain before its hazard is drawn (none): one empty array for every trial, never written. */
const NO_RAIN = new Float64Array(0);

/** `n` slots holding `value`: in the arena's `storage` when there is one, else a new array. */
function slots<T>(storage: unknown[] | undefined, n: number, value: T): T[] {
  const a = (storage ?? new Array<T>(n)) as T[];
  a.length = n;
  return a.fill(value);
}

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
  readonly queue: EventQueue<Agenda>;
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
  /** villages with a finite villageAffectedAt, ascending */
  readonly affectedVillages: number[] = [];
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
  readonly stockSeries: StockPoint[];
  /**
   * Consumption at a rate (reserves.consumption 'rate', engine deciding): daily items leave the
   * stores continuously. Per village × item, the store it draws from now (−1: none holds it, so
   * the need accrues as shortfall); per store × item, the units drawn per minute; when the stock
   * was last brought up to date; the epoch of the pending `stockCheck`; and, per store × item,
   * when its level was last put in the series (a jump records the level just before it, so the
   * series is piecewise linear).
   */
  readonly rateMode: boolean;
  readonly drawSource: Int32Array;
  readonly drawRate: Float64Array;
  settledAt = 0;
  stockEpoch = 0;
  readonly stockRecordedAt: Float64Array;

  deadMissing = 0;
  affectedPeople = 0;
  /** 紧急转移安置人数: people moved out of their homes (evacuations and shelter admissions, each move counted) */
  relocatedPeople = 0;
  /** 倒塌和严重损坏房屋, rooms (间): the homes of the people affected by failures (engine/rules householdFactors) */
  damagedRooms = 0;
  failedSites = 0;
  firstFailureAt = Infinity;
  responseStartedAt = Infinity;
  readonly responseTimeline: { t: number; level: string }[] = [];
  readonly warningTimeline: { t: number; level: string }[] = [];
  rainMm: Float64Array = NO_RAIN;

  constructor(
    readonly world: World,
    readonly seed: number,
    readonly machines: MachineFactory,
    keepLog = true,
    readonly mode: PolicyMode = 'auto',
    /** makes a stream's generator from its derived uint32 seed (sfc32 unless a baseline asks otherwise) */
    private readonly generator: (seed: number) => Rng = sfc32,
    /** where the typed arrays come from on Monte Carlo's fast path (trialArena.ts: 'auto' only; valid until its next trial) */
    arena: TrialArena | null = null,
  ) {
    if (arena && (mode !== 'auto' || arena.world !== world)) throw new RangeError("a trial arena serves its own world's engine-deciding trials only");
    this.log = new EventLog(keepLog);
    this.auto = mode === 'auto';
    const s = world.scenario;
    this.s = s;
    this.horizon = s.horizonHours * 60;
    const nL = s.roads.links.length;
    const nT = s.teams.length;
    const nSites = s.hazardSites.length;
    // 'atOnce': a step-down takes effect in the hour it is due (a wait of one hour is no wait)
    this.warning = machines.rainWarning({ cancelAfterDryHours: s.warnings.downgrade === 'atOnce' ? 1 : s.warnings.cancelAfterDryHours });
    const init = initialValues(machines);
    this.sites = new LazyMachines(nSites, machines.hazardSite, init.hazardSite, arena?.siteMachines);
    this.links = new LazyMachines(nL, machines.roadLink, init.roadLink, arena?.linkMachines);
    this.response = machines.responseLevel({
      deescalateAfterHours: s.response.deescalateAfterHours,
      endAfterHours: s.response.endAfterHours,
    });
    this.teams = new LazyMachines(nT, machines.team, init.team, arena?.teamMachines);
    // the typed arrays: views of one buffer (trialArrays.ts), or the arena's, reset
    const a = arena ? arena.take() : new TrialArrays(world, this.auto);
    this.rateMode = a.rateMode;
    this.siteFailedAt = a.siteFailedAt;
    this.siteRescueAt = a.siteRescueAt;
    this.villageAffected = a.villageAffected;
    this.villageAffectedAt = a.villageAffectedAt;
    this.villageFirstReliefAt = a.villageFirstReliefAt;
    this.villageReleased = a.villageReleased;
    this.shelterOccupancy = a.shelterOccupancy;
    this.stock = a.stock;
    this.shortfall = a.shortfall;
    this.drawRate = a.drawRate;
    this.stockRecordedAt = a.stockRecordedAt;
    this.linkEpisode = a.linkEpisode;
    this.linkClearings = a.linkClearings;
    this.teamAt = a.teamAt;
    this.teamLeg = a.teamLeg;
    this.teamDest = a.teamDest;
    this.teamCalls = a.teamCalls;
    this.teamStreamCall = a.teamStreamCall;
    this.teamStreams = slots<Rng | undefined>(arena?.teamStreams, a.teamStreamCall.length, undefined);
    this.warehouseLoads = a.warehouseLoads;
    this.warehouseResupplies = a.warehouseResupplies;
    this.drawSource = a.drawSource;
    this.open = a.open;
    this.routing = new TrialRouting(world, a.open, arena ? arena.memoTree : [], a.memoEpoch, a.memoVersion);
    this.siteFailPending = a.siteFailPending;
    this.siteNeedsRescue = a.siteNeedsRescue;
    this.shelterOpen = a.shelterOpen;
    this.resupplyPending = a.resupplyPending;
    this.stockoutSeen = a.stockoutSeen;
    this.queue = arena ? arena.queue : new EventQueue<Agenda>();
    this.teamTask = slots<TeamTask | null>(arena?.teamTask, nT, null);
    this.teamTravel = slots<Travel | null>(arena?.teamTravel, nT, null);
    this.stockSeries = arena ? arena.stockSeries : openingStockSeries(world);
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

  /**
   * A stream for a path this trial asks for once only (a counter in the path: the nth loading of
   * a store, the nth clearing of a link): the generator `rng` would give, without remembering it
   * under its joined key (a Map entry and a string per draw site that is never looked up again).
   */
  rngOnce(...path: (string | number)[]): Rng {
    return this.generator(deriveSeed(this.seed, ...path));
  }

  private readonly teamStreamCall: Int32Array;
  private readonly teamStreams: (Rng | undefined)[];

  /**
   * `rng('team', id, kind, call)` for team `t`'s `call`th call-out, kept in a slot per (kind,
   * team) instead of under a joined string key. The same generator rng would give: a team's call
   * number only grows (sendTeam), so once it moves on, the streams of earlier calls are never
   * asked for again and the slot's is the only one rng's Map could still hand back. An ask again
   * within one call continues that stream, as rng's would (a stale reroute can make a team arrive
   * twice on one leg and draw its rescue or walk-in time twice).
   */
  teamRng(t: number, kind: TeamStream, call: number): Rng {
    const slot = (kind === 'mobilise' ? 0 : kind === 'rescue' ? 1 : 2) * this.teams.length + t;
    let r = this.teamStreams[slot];
    if (r === undefined || this.teamStreamCall[slot] !== call) {
      r = this.generator(deriveSeed(this.seed, 'team', this.s.teams[t]!.id, kind, call));
      this.teamStreams[slot] = r;
      this.teamStreamCall[slot] = call;
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

  /** Open links, the closed set and the trees asked for (trialRouting.ts). */
  private readonly routing: TrialRouting;

  /** How many links are closed now. */
  get closedLinks(): number {
    return this.routing.closedLinks;
  }

  /** Bumped whenever a link closes or opens. */
  get routingEpoch(): number {
    return this.routing.epoch;
  }

  /** Marks a link blocked or open for routing. */
  setOpen(link: number, open: boolean): void {
    if (!this.routing.setOpen(link, open)) return;
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
  /** dry hours in a row up to the hour last ticked (all of them while it has not rained yet) */
  dryHours = 0;
  firstRainHour = -1;
  private siteRainDraws: SiteRainDraws | null = null;
  /** per site: its consequences stream, then its triggers stream (siteRng) */
  private readonly siteStreams: (Rng | undefined)[] = [];

  /** The sites' hourly failure draws (a hot path): one stream per site, from (trial seed, 'site', id, 'rain'). */
  siteRain(): SiteRainDraws {
    return (this.siteRainDraws ??= new SiteRainDraws(
      this.s.hazardSites.map((site) => deriveSeed(this.seed, 'site', site.id, 'rain')),
      this.generator === sfc32 ? null : this.generator,
    ));
  }

  /**
   * `rng('site', id, kind)` for site `i`, from a slot per (site, kind) instead of a joined string
   * key in the Map: the path holds no counter, so a slot holds the one stream of that path for
   * the whole trial, just as the Map would (the earthquake asks for ≈ 15 a trial).
   */
  siteRng(i: number, kind: 'consequences' | 'triggers'): Rng {
    const slot = 2 * i + (kind === 'consequences' ? 0 : 1);
    let r = this.siteStreams[slot];
    if (!r) {
      r = this.generator(deriveSeed(this.seed, 'site', this.s.hazardSites[i]!.id, kind));
      this.siteStreams[slot] = r;
    }
    return r;
  }

  /** Shortest-path tree rooted at `root` over the links open now (TrialRouting.tree: use it in the handler that asked). */
  tree(root: number): LazyTree {
    return this.routing.tree(root);
  }

  /** Minutes from `root` to any node over the links open now (TrialRouting.distancesFrom). */
  distancesFrom(root: number): NodeDistances {
    return this.routing.distancesFrom(root);
  }

  recordStock(warehouse: number, item: number): void {
    const k = warehouse * this.world.itemCount + item;
    if (this.rateMode) this.stockRecordedAt[k] = this.now;
    this.stockSeries.push({ t: this.now, warehouse, item, level: this.stock[k]! });
  }
}

/** The default generator of a stream (siteRain.ts steps its states in place when a trial uses it). */
function sfc32(seed: number): Rng {
  return Sfc32.fromSeed(seed);
}
