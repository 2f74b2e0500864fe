import type { LogEvent } from '../sim/eventLog.ts';
import { legPos, type CountyGeometry, type Leg, type LonLat } from './geometry.ts';
import { nearestNode, roadRoute } from './roadRoute.ts';
import { ellipseFactors } from '../sim/fireBehaviour.ts';
import { afterStockEvent, applyStock, beforeStockEvent } from './countyStock.ts';
import { initialDraw, type DrawState } from './stockRate.ts';

export type LinkState = 'open' | 'cut' | 'clearing' | 'reopened';
export type SiteState = 'stable' | 'watch' | 'failed';
/** Where a team is: at its base, getting ready, moving, working at the task, waiting for a road, idle away from base. */
export type TeamStatus = 'atBase' | 'mobilising' | 'enRoute' | 'onSite' | 'returning' | 'waiting' | 'idle';

export interface TeamState {
  status: TeamStatus;
  /** where it stood at its last change (the scene moves it along `leg` when there is one) */
  pos: LonLat;
  leg: Leg | null;
  task: { kind: string; target: string } | null;
}

export interface DeliveryState {
  warehouse: string;
  village: string;
  /** dispatch → arrival (loading included: the log does not say when the truck left); null while no road */
  leg: Leg | null;
  waiting: boolean;
}

export interface FireState {
  site: string;
  status: 'burning' | 'escaped' | 'contained' | 'out';
  detected: boolean;
  areaHa: number;
  grade: string | null;
  crews: number;
  wui: boolean;
  /** ignition time (minutes), head-fire rate (m/min) and length-to-breadth ratio, from `fire.ignited` (0 when an older log lacks them) */
  t0: number;
  rate: number;
  lengthToBreadth: number;
  /** the longest run its compartment allows, metres (Infinity when the scenario does not say) */
  capLengthM: number;
  /** when it was contained (its area stops growing), null before */
  containedT: number | null;
}

/**
 * What the county scene draws at one moment, folded from the log's events (times in simulated
 * minutes). Plain JSON data: keyframes are structured clones of it.
 */
export interface CountyState {
  model: 'county';
  /** the time of the last event applied (minutes), 0 before any */
  t: number;
  /** how many events have been folded (unknown ones included: they change nothing else) */
  applied: number;
  hazardKind: string | null;
  links: Record<string, LinkState>;
  sites: Record<string, SiteState>;
  evacuatedSites: Record<string, true>;
  /** the meteorological rainstorm signal in force */
  warning: string;
  /** the county's own warning decision in a drill (`warning.issued`), if any */
  issuedWarning: string | null;
  /** county response level: none, IV … I */
  response: string;
  teams: Record<string, TeamState>;
  /** warehouse → item → units (drawn at a rate: at the moment viewed, see countyStock.ts) */
  stock: Record<string, Record<string, number>>;
  /** relief drawn at a rate (stockRate.ts): the settled stock and the rates in force; null when each dispatch takes its load */
  draw: DrawState | null;
  /** resupply on its way: warehouse → item → units (reconstructed as the engine computes it) */
  resupply: Record<string, Record<string, number>>;
  shelters: Record<string, { people: number; opened: boolean }>;
  /** people for whom no shelter place was found */
  unsheltered: number;
  affected: number;
  relocated: number;
  deadMissing: number;
  /** rainfall of the last hour logged, mm, and since the start */
  rainHour: number | null;
  rainMm: number;
  rainTotalMm: number;
  quake: { magnitude: number; t: number } | null;
  fires: Record<string, FireState>;
  deliveries: Record<string, DeliveryState>;
  /** villages in need of relief: people, and whether the first relief came / relief ended */
  relief: Record<string, { people: number; first: boolean; ended: boolean }>;
  decisions: number;
  refused: number;
  reports: number;
}

/** The state before any event. Pure. */
export function initialCountyState(g: CountyGeometry): CountyState {
  return {
    model: 'county',
    t: 0,
    applied: 0,
    hazardKind: null,
    links: Object.fromEntries(g.linkIds.map((id) => [id, 'open' as const])),
    sites: Object.fromEntries(g.siteIds.map((id) => [id, 'stable' as const])),
    evacuatedSites: {},
    warning: 'none',
    issuedWarning: null,
    response: 'none',
    teams: Object.fromEntries(g.teamIds.map((id) => [id, { status: 'atBase' as const, pos: g.teamBase.get(id) ?? ([0, 0] as const), leg: null, task: null }])),
    stock: Object.fromEntries([...g.initialStock].map(([wh, items]) => [wh, Object.fromEntries(items)])),
    draw: initialDraw(g.stock),
    resupply: {},
    shelters: Object.fromEntries(g.shelterIds.map((id) => [id, { people: 0, opened: false }])),
    unsheltered: 0,
    affected: 0,
    relocated: 0,
    deadMissing: 0,
    rainHour: null,
    rainMm: 0,
    rainTotalMm: 0,
    quake: null,
    fires: {},
    deliveries: {},
    relief: {},
    decisions: 0,
    refused: 0,
    reports: 0,
  };
}

const MOVING_FOR_TEAM = /^team\./;

/**
 * The end time of each move the log starts without saying how long it takes (a team sent on
 * while moving, a team heading home after its task, a relief truck): the time of that mover's
 * next event. NaN elsewhere. Computed once over the whole log, so folding and jumping agree. Pure.
 */
export function annotateCounty(events: readonly LogEvent[]): Float64Array {
  const end = new Float64Array(events.length).fill(NaN);
  const nextTeam = new Map<string, number>();
  const nextDelivery = new Map<string, number>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (MOVING_FOR_TEAM.test(e.type) && typeof e.team === 'string') {
      if (e.type === 'team.dispatched' || e.type === 'team.taskDone') end[i] = nextTeam.get(e.team) ?? e.t;
      nextTeam.set(e.team, e.t);
    } else if (e.type.startsWith('delivery.') && e.delivery !== undefined) {
      const key = String(e.delivery);
      if (e.type === 'delivery.dispatched') end[i] = nextDelivery.get(key) ?? NaN;
      nextDelivery.set(key, e.t);
    }
  }
  return end;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : String(x ?? ''));
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

function teamNow(tm: TeamState, t: number): LonLat {
  return tm.leg ? legPos(tm.leg, t) : tm.pos;
}

function targetPos(g: CountyGeometry, task: TeamState['task']): LonLat | null {
  if (!task) return null;
  return (task.kind === 'clear' ? g.linkMid.get(task.target) : g.sitePos.get(task.target)) ?? null;
}

function targetNodes(g: CountyGeometry, task: TeamState['task']): number[] {
  if (!task) return [];
  if (task.kind === 'clear') return [...(g.linkNodes.get(task.target) ?? [])];
  const n = g.siteNode.get(task.target);
  return n === undefined ? [] : [n];
}

/**
 * A move from `from` to `to` along the fastest road route open now (cut and being-cleared links
 * avoided, as the engine plans it) from the node nearest `from` to the nearest of `dests`; a
 * straight move when no open road leads there (a position's view may not know of a reopening).
 */
function routed(s: CountyState, g: CountyGeometry, from: LonLat, dests: readonly number[], to: LonLat, departT: number, arriveT: number): Leg {
  const leg: Leg = { from, to, departT, arriveT };
  if (!dests.length || !g.roads.pos.length) return leg;
  const start = nearestNode(g.roads, from);
  let closed = '';
  for (const id in s.links) if (s.links[id] === 'cut' || s.links[id] === 'clearing') closed += `${id},`;
  const key = `${start}|${dests.join(',')}|${closed}`;
  let path = g.routeMemo.get(key);
  if (path === undefined) {
    path = roadRoute(g.roads, start, dests, (l) => s.links[l] === 'cut' || s.links[l] === 'clearing');
    if (g.routeMemo.size >= 50_000) g.routeMemo.clear();
    g.routeMemo.set(key, path);
  }
  const via = (path ?? []).filter((p) => !near(p, from) && !near(p, to));
  if (via.length) leg.via = via;
  return leg;
}

const near = (a: LonLat, b: LonLat | undefined) => !!b && Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/**
 * Applies event `e` (index `i` in the log, `end` from annotateCounty) to `s` in place. Returns
 * false for an event type the county playback does not know (the state is left as it was).
 */
export function applyCounty(s: CountyState, e: LogEvent, end: number, g: CountyGeometry): boolean {
  beforeStockEvent(s, e, g);
  const known = applyEvent(s, e, end, g);
  afterStockEvent(s, e, g);
  return known;
}

function applyEvent(s: CountyState, e: LogEvent, end: number, g: CountyGeometry): boolean {
  s.t = e.t;
  s.applied++;
  const t = e.t;
  const team = typeof e.team === 'string' ? s.teams[e.team] : undefined;
  const base = typeof e.team === 'string' ? g.teamBase.get(e.team) : undefined;
  switch (e.type) {
    case 'hazard.drawn':
      s.hazardKind = str(e.kind);
      return true;
    case 'rain.hour':
      s.rainHour = num(e.hour);
      s.rainMm = num(e.mm);
      s.rainTotalMm = Math.round((s.rainTotalMm + num(e.mm)) * 1000) / 1000;
      return true;
    case 'quake.mainshock':
    case 'quake.aftershock':
      s.quake = { magnitude: num(e.magnitude), t };
      return true;
    case 'warning.changed':
      s.warning = str(e.to);
      return true;
    case 'warning.issued':
      s.issuedWarning = str(e.level);
      return true;
    case 'response.changed':
      s.response = str(e.to);
      return true;
    case 'site.watch':
      if (s.sites[str(e.site)] !== 'failed') s.sites[str(e.site)] = 'watch';
      return true;
    case 'site.calm':
      if (s.sites[str(e.site)] !== 'failed') s.sites[str(e.site)] = 'stable';
      return true;
    case 'site.evacuated':
      s.evacuatedSites[str(e.site)] = true;
      s.relocated += num(e.people);
      return true;
    case 'site.failed':
      s.sites[str(e.site)] = 'failed';
      s.affected += num(e.affected);
      s.deadMissing += num(e.deadMissing);
      return true;
    case 'chain.triggered':
      return true; // a marker: the triggered site fails with its own event
    case 'road.cut':
      s.links[str(e.link)] = 'cut';
      return true;
    case 'road.clearing':
      s.links[str(e.link)] = 'clearing';
      return true;
    case 'road.reopened':
      s.links[str(e.link)] = 'reopened';
      return true;
    case 'team.dispatched': {
      if (!team) return true;
      const task = { kind: str(e.task), target: str(e.target) };
      const from = teamNow(team, t);
      team.task = task;
      if (team.status === 'atBase' || team.status === 'idle') {
        team.status = 'mobilising';
        team.pos = from;
        team.leg = null;
      } else {
        // sent on while moving or waiting: it heads there at once (the log gives no duration)
        const to = targetPos(g, task) ?? from;
        team.status = 'enRoute';
        team.pos = from;
        team.leg = routed(s, g, from, targetNodes(g, task), to, t, Number.isNaN(end) ? t : end);
      }
      return true;
    }
    case 'team.departed':
    case 'team.rerouted': {
      if (!team) return true;
      const from = teamNow(team, t);
      const home = team.status === 'returning';
      const to = (home ? base : targetPos(g, team.task)) ?? from;
      const home1 = typeof e.team === 'string' ? g.teamNode.get(e.team) : undefined;
      team.status = home ? 'returning' : 'enRoute';
      team.pos = from;
      team.leg = routed(s, g, from, home ? (home1 === undefined ? [] : [home1]) : targetNodes(g, team.task), to, t, t + num(e.minutes));
      return true;
    }
    case 'team.arrived':
      if (!team) return true;
      team.pos = team.leg ? team.leg.to : (targetPos(g, team.task) ?? team.pos);
      team.leg = null;
      team.status = 'onSite';
      return true;
    case 'team.noRoute':
      if (!team) return true;
      team.pos = teamNow(team, t);
      team.leg = null;
      team.status = 'waiting';
      return true;
    case 'team.taskDone': {
      if (!team) return true;
      const from = teamNow(team, t);
      team.task = null;
      team.status = 'returning';
      team.pos = from;
      const home = g.teamNode.get(str(e.team));
      team.leg = routed(s, g, from, home === undefined ? [] : [home], base ?? from, t, Number.isNaN(end) ? t : end);
      return true;
    }
    case 'team.returned':
    case 'team.released': {
      if (!team) return true;
      const at = team.leg && t >= team.leg.arriveT ? team.leg.to : teamNow(team, t);
      team.pos = at;
      team.leg = null;
      if (e.type === 'team.released') team.task = null;
      team.status = near(at, base) ? 'atBase' : 'idle';
      return true;
    }
    case 'delivery.dispatched': {
      applyStock(s, e, g);
      const wh = str(e.warehouse);
      const from = g.warehousePos.get(wh) ?? [0, 0];
      const to = g.villagePos.get(str(e.village)) ?? from;
      const vn = g.villageNode.get(str(e.village));
      const leg = Number.isNaN(end) ? null : routed(s, g, g.warehouseNode.has(wh) ? g.roads.pos[g.warehouseNode.get(wh)!]! : from, vn === undefined ? [] : [vn], to, t, end);
      if (leg) leg.from = from;
      s.deliveries[str(e.delivery)] = { warehouse: wh, village: str(e.village), leg, waiting: false };
      return true;
    }
    case 'delivery.arrived':
      delete s.deliveries[str(e.delivery)];
      return true;
    case 'delivery.noRoute': {
      const d = s.deliveries[str(e.delivery)];
      if (d) (d.waiting = true), (d.leg = null);
      return true;
    }
    case 'relief.requested': {
      const v = str(e.village);
      const r = (s.relief[v] ??= { people: 0, first: false, ended: false });
      r.people += num(e.people);
      r.ended = false;
      return true;
    }
    case 'relief.first':
      (s.relief[str(e.village)] ??= { people: 0, first: false, ended: false }).first = true;
      return true;
    case 'relief.shortfall':
      return true; // a marker: stock levels already say it
    case 'relief.ended': {
      const r = (s.relief[str(e.village)] ??= { people: 0, first: false, ended: false });
      r.people = num(e.remaining);
      r.ended = r.people <= 0;
      return true;
    }
    case 'shelter.admitted': {
      const sh = (s.shelters[str(e.shelter)] ??= { people: 0, opened: false });
      sh.people += num(e.people);
      return true;
    }
    case 'shelter.left': {
      const sh = (s.shelters[str(e.shelter)] ??= { people: 0, opened: false });
      sh.people = Math.max(0, sh.people - num(e.people));
      return true;
    }
    case 'shelter.opened':
      (s.shelters[str(e.shelter)] ??= { people: 0, opened: false }).opened = true;
      return true;
    case 'shelter.overflow':
      s.unsheltered += num(e.people);
      return true;
    case 'fire.ignited': {
      const lb = num(e.lengthToBreadth);
      const cap = g.siteForestHa.get(str(e.site));
      s.fires[str(e.fire)] = {
        site: str(e.site),
        status: 'burning',
        detected: false,
        areaHa: 0,
        grade: null,
        crews: 0,
        wui: false,
        t0: t,
        rate: num(e.headRateMPerMin),
        lengthToBreadth: lb,
        capLengthM: cap !== undefined && lb > 0 ? Math.sqrt((cap * 10_000) / ellipseFactors(lb).areaPerLength2) : Number.MAX_VALUE,
        containedT: null,
      };
      return true;
    }
    case 'fire.merged':
      return true; // the new ignition joins a fire already burning there
    case 'fire.detected': {
      const f = s.fires[str(e.fire)];
      if (f) (f.detected = true), (f.areaHa = num(e.areaHa));
      return true;
    }
    case 'fire.escaped': {
      const f = s.fires[str(e.fire)];
      if (f) (f.status = 'escaped'), (f.areaHa = num(e.areaHa));
      return true;
    }
    case 'fire.crewOnLine': {
      const f = s.fires[str(e.fire)];
      if (f) f.crews++;
      if (team) (team.status = 'onSite'), (team.pos = teamNow(team, t)), (team.leg = null);
      return true;
    }
    case 'fire.contained': {
      const f = s.fires[str(e.fire)];
      if (f) (f.status = 'contained'), (f.containedT = t), (f.areaHa = num(e.areaHa)), (f.grade = typeof e.grade === 'string' ? e.grade : null);
      return true;
    }
    case 'fire.out': {
      const f = s.fires[str(e.fire)];
      if (f) f.status = 'out';
      return true;
    }
    case 'fire.wui': {
      const f = s.fires[str(e.fire)];
      if (f) f.wui = true;
      if (!e.alreadyEvacuated) s.relocated += num(e.people);
      return true;
    }
    case 'decision.applied':
      s.decisions++;
      return true;
    case 'decision.refused':
      s.refused++;
      return true;
    case 'report.submitted':
      s.reports++;
      return true;
    default:
      return applyStock(s, e, g); // stock.out, resupply.*; false for a type nobody knows
  }
}
