import { sampleDist } from '../random/index.ts';
import { onNetworkChange, retryWaitingDeliveries } from './relief.ts';
import { fireNeedsCrews } from './fireState.ts';
import { responseEvidence } from './response.ts';
import { depart, planTravel } from './travel.ts';
import type { Owner } from './agenda.ts';
import type { TeamTask, Trial } from './trial.ts';
import type { World } from '../world/world.ts';

/** One owner object per team index, shared by every trial (never written): no object per departure. */
const teamOwners: Owner[] = [];
function owner(index: number): Owner {
  let o = teamOwners[index];
  if (o === undefined) {
    o = { kind: 'team', index };
    teamOwners[index] = o;
  }
  return o;
}

function available(tr: Trial, t: number): boolean {
  const v = tr.teams.value(t);
  return v === 'idle' || v === 'returning';
}

type TaskKind = TeamTask['kind'];

/** The link, site or fire a task is about. */
function targetOf(task: TeamTask): number {
  return task.kind === 'clear' ? task.link : task.kind === 'suppress' ? task.fire : task.site;
}

/** Scratch of `taskNodes`: the one or two nodes a task can be worked from. */
const taskNode = new Int32Array(2);

/** Nodes a task can be worked from: either end of a blocked link, or the site's village; into `taskNode`, returns how many. */
function taskNodes(tr: Trial, kind: TaskKind, target: number): number {
  if (kind === 'clear') {
    taskNode[0] = tr.world.graph.linkFrom[target]!;
    taskNode[1] = tr.world.graph.linkTo[target]!;
    return 2;
  }
  const site = kind === 'suppress' ? tr.fires[target]!.site : target;
  taskNode[0] = tr.world.villageNode[tr.world.siteVillage[site]!]!;
  return 1;
}

/** Per world: the teams able to clear, to suppress fires and to rescue, ascending (made on first use). */
const capableTeams = new WeakMap<World, { clear: Int32Array; suppress: Int32Array; rescue: Int32Array }>();

function capableOf(w: World, kind: TaskKind): Int32Array {
  let c = capableTeams.get(w);
  if (c === undefined) {
    const list = (able: Uint8Array) => Int32Array.from(Array.from(able.keys()).filter((t) => able[t] === 1));
    c = { clear: list(w.teamCanClear), suppress: list(w.teamCanSuppress), rescue: list(w.teamCanRescue) };
    capableTeams.set(w, c);
  }
  return c[kind];
}

/** Scratch of `bestTeam`: the free capable teams, and the minutes from each task node to each of them. */
let candidates: Int32Array = new Int32Array(16);
let minutes: Float64Array = new Float64Array(32);
/** `bestTeam`'s answer: the team and the task node it is sent to */
const pick = { team: -1, dest: -1 };

/** `bestTeam`'s answers: a team picked (in `pick`), no capable team free, or none of them can reach the task. */
const PICKED = 1;
const NONE_FREE = 0;
const NONE_REACHES = -1;

/**
 * Picks the available team (idle or on its way home) with the right capability that can be on
 * site soonest: expected mobilisation (idle teams only) plus travel over the links open now.
 * Distances from each task node, rooted there as the team's route will be (roads are two-way);
 * read node by node (`distancesFrom`), so no tree is built for the nodes no team is sent to.
 * Ties → lower team index, then the task's first node. The answer in `pick` when PICKED; else
 * NONE_FREE (no capable team free: asked before any tree) or NONE_REACHES. Only the capable
 * teams are looked at (the earthquake's 73 teams: ≈ 13 for a kind of task).
 */
function bestTeam(tr: Trial, kind: TaskKind, target: number): number {
  const capable = capableOf(tr.world, kind);
  let count = 0;
  for (let i = 0; i < capable.length; i++) {
    const t = capable[i]!;
    if (!available(tr, t)) continue;
    if (count === candidates.length) candidates = growInt(candidates);
    candidates[count++] = t;
  }
  // no capable team free (a long backlog while every team is out): nothing to route
  if (count === 0) return NONE_FREE;
  const nNodes = taskNodes(tr, kind, target);
  const node0 = taskNode[0]!;
  const node1 = taskNode[1]!;
  if (minutes.length < nNodes * count) minutes = new Float64Array(2 * nNodes * count);
  for (let k = 0; k < nNodes; k++) {
    const from = tr.distancesFrom(k === 0 ? node0 : node1);
    for (let c = 0; c < count; c++) minutes[k * count + c] = from.to(tr.teamAt[candidates[c]!]!);
  }
  let bestScore = Infinity;
  pick.team = -1;
  for (let c = 0; c < count; c++) {
    const t = candidates[c]!;
    const mob = tr.teams.value(t) === 'idle' ? tr.world.teamExpectedMobilisation[t]! : 0;
    for (let k = 0; k < nNodes; k++) {
      const score = mob + minutes[k * count + c]!;
      if (score < bestScore) {
        bestScore = score;
        pick.team = t;
        pick.dest = k === 0 ? node0 : node1;
      }
    }
  }
  return pick.team >= 0 ? PICKED : NONE_REACHES;
}

function growInt(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** Sends the best team to the task (made only then); false when none can go. */
function assign(tr: Trial, kind: TaskKind, target: number): boolean {
  return assignOrWhy(tr, kind, target) === PICKED;
}

/** `assign`, answering as `bestTeam` does (PICKED: sent). */
function assignOrWhy(tr: Trial, kind: TaskKind, target: number): number {
  const why = bestTeam(tr, kind, target);
  if (why !== PICKED) return why;
  const task: TeamTask = kind === 'clear' ? { kind, link: target } : kind === 'suppress' ? { kind, fire: target } : { kind, site: target };
  sendTeam(tr, pick.team, task, pick.dest);
  return PICKED;
}

/**
 * The node from which team `t` can reach the task soonest over the links open now (either end
 * of a blocked link), or null when it cannot reach it at all.
 */
export function reachableTaskNode(tr: Trial, t: number, task: TeamTask): number | null {
  const n = taskNodes(tr, task.kind, targetOf(task));
  const node0 = taskNode[0]!;
  const node1 = taskNode[1]!;
  let best: number | null = null;
  let bestD = Infinity;
  for (let k = 0; k < n; k++) {
    const node = k === 0 ? node0 : node1;
    const d = tr.distancesFrom(node).to(tr.teamAt[t]!);
    if (d < bestD) (bestD = d), (best = node);
  }
  return best;
}

/** Is the team free to take a task (idle, or on its way home)? */
export function teamAvailable(tr: Trial, t: number): boolean {
  return available(tr, t);
}

/** Sends team `t` to work on `task` from node `dest`: mobilise if idle, else go straight there. */
export function sendTeam(tr: Trial, t: number, task: TeamTask, dest: number): void {
  const m = tr.teams.get(t);
  const wasIdle = m.value === 'idle';
  m.send({ type: 'DISPATCH' });
  tr.teamTask[t] = task;
  tr.teamLeg[t]!++;
  tr.teamCalls[t]!++;
  if (tr.log.on) tr.log.add(tr.now, 'team.dispatched', {
    team: tr.s.teams[t]!.id,
    task: task.kind,
    target: task.kind === 'clear' ? tr.s.roads.links[task.link]!.id : tr.s.hazardSites[task.kind === 'suppress' ? tr.fires[task.fire]!.site : task.site]!.id,
  });
  if (task.kind === 'suppress') tr.fires[task.fire]!.sent++;
  tr.teamDest[t] = dest;
  if (wasIdle) {
    const hours = sampleDist(tr.teamRng(t, 'mobilise', tr.teamCalls[t]!), tr.s.teams[t]!.mobilisationHours);
    tr.schedule(tr.now + hours * 60, { k: 'mobilised', team: t, leg: tr.teamLeg[t]! });
  } else {
    tr.teamTravel[t] = null;
    const travel = planTravel(tr, tr.teamAt[t]!, dest, tr.teamLeg[t]!);
    if (travel) depart(tr, owner(t), travel);
    else {
      m.send({ type: 'NO_ROUTE' });
      if (tr.log.on) tr.log.add(tr.now, 'team.noRoute', { team: tr.s.teams[t]!.id });
    }
  }
}

function destOf(tr: Trial, t: number): number {
  return tr.teamDest[t]!;
}

/** Calls out a clearing team for a newly blocked link, or queues the link. */
export function dispatchClearing(tr: Trial, link: number): void {
  if (!tr.auto) return; // in a drill, trainees dispatch teams
  if (!assign(tr, 'clear', link)) tr.clearingBacklog.push(link);
}

/** Calls out a rescue team to a failed site with people at risk, or queues the site. */
export function dispatchRescue(tr: Trial, site: number): void {
  if (!tr.auto) return;
  if (!assign(tr, 'rescue', site)) tr.rescueBacklog.push(site);
}

/** Sends the best available fire crew to fire `fire`; false when none is free. */
export function assignFire(tr: Trial, fire: number): boolean {
  return assign(tr, 'suppress', fire);
}

/**
 * Tries to give queued tasks to teams that have become available or reachable. Once no capable
 * team is free for a kind of task, none is for the rest of the pass (sending a team frees none),
 * so the tasks of that kind left are not asked about (the earthquake's long rescue backlog:
 * ≈ 135 of its ≈ 174 team choices a trial found no team free).
 */
export function assignBacklog(tr: Trial): void {
  // (most calls find both queues empty: no copies then)
  if (tr.clearingBacklog.length > 0) {
    const order = [...tr.clearingBacklog].sort(
      (a, b) => tr.world.linkTrunk[b]! - tr.world.linkTrunk[a]! || tr.linkEpisode[a]! - tr.linkEpisode[b]!,
    );
    let free = true;
    for (const link of order) {
      if (tr.open[link] === 1 || tr.links.value(link) === 'clearing') {
        tr.clearingBacklog.splice(tr.clearingBacklog.indexOf(link), 1);
        continue;
      }
      if (!free) continue;
      const why = assignOrWhy(tr, 'clear', link);
      if (why === PICKED) tr.clearingBacklog.splice(tr.clearingBacklog.indexOf(link), 1);
      else if (why === NONE_FREE) free = false;
    }
  }
  if (tr.rescueBacklog.length > 0)
    for (const site of [...tr.rescueBacklog]) {
      const why = assignOrWhy(tr, 'rescue', site);
      if (why === PICKED) tr.rescueBacklog.splice(tr.rescueBacklog.indexOf(site), 1);
      else if (why === NONE_FREE) break;
    }
  if (tr.fireBacklog.length > 0) {
    // a contained fire needs no more crews; the others are served oldest first
    const queued = tr.fireBacklog.splice(0).filter((f) => fireNeedsCrews(tr, f));
    for (const [k, f] of queued.entries())
      if (!assign(tr, 'suppress', f)) {
        tr.fireBacklog.push(...queued.slice(k));
        break;
      }
  }
}

/** Mobilisation over: the team sets off, or waits if no road leads there. */
export function onMobilised(tr: Trial, t: number, leg: number): void {
  if (leg !== tr.teamLeg[t]) return;
  const travel = planToTask(tr, t, leg);
  const m = tr.teams.get(t);
  if (!travel) {
    m.send({ type: 'NO_ROUTE' });
    if (tr.log.on) tr.log.add(tr.now, 'team.noRoute', { team: tr.s.teams[t]!.id });
    releaseIfStuck(tr, t);
    return;
  }
  m.send({ type: 'MOBILISED' });
  if (tr.log.on) tr.log.add(tr.now, 'team.departed', { team: tr.s.teams[t]!.id, minutes: Math.round(travel.totalMinutes * 1000) / 1000 });
  depart(tr, owner(t), travel);
}

/** A team reaches its destination: it starts work, or is home. */
export function onTeamArrive(tr: Trial, t: number, leg: number): void {
  if (leg !== tr.teamLeg[t]) return;
  const m = tr.teams.get(t);
  const travel = tr.teamTravel[t];
  if (travel) tr.teamAt[t] = travel.dest;
  tr.teamTravel[t] = null;
  const id = tr.s.teams[t]!.id;
  if (m.value === 'returning') {
    m.send({ type: 'RETURNED' });
    if (tr.log.on) tr.log.add(tr.now, 'team.returned', { team: id });
    assignBacklog(tr);
    return;
  }
  if (m.value === 'enRoute') {
    m.send({ type: 'ARRIVED' });
    if (tr.log.on) tr.log.add(tr.now, 'team.arrived', { team: id });
  }
  const task = tr.teamTask[t];
  if (!task) return;
  if (task.kind === 'clear') {
    const minutes = startClearing(tr, t, task.link);
    tr.schedule(tr.now + minutes, { k: 'taskDone', team: t, leg });
  } else if (task.kind === 'suppress') {
    onCrewAtRoad(tr, t, leg, task.fire);
  } else {
    if (!Number.isFinite(tr.siteRescueAt[task.site]!)) tr.siteRescueAt[task.site] = tr.now;
    const hours = sampleDist(tr.teamRng(t, 'rescue', tr.teamCalls[t]!), tr.s.chain.rescue.onSiteHours);
    tr.schedule(tr.now + hours * 60, { k: 'taskDone', team: t, leg });
  }
}

/** A team met a new cut on its way: it re-plans from where it stands. */
export function onTeamReroute(tr: Trial, t: number, leg: number, node: number): void {
  if (leg !== tr.teamLeg[t]) return;
  tr.teamAt[t] = node;
  const m = tr.teams.get(t);
  const dest = m.value === 'returning' ? tr.world.teamNode[t]! : destOf(tr, t);
  tr.teamTravel[t] = null;
  const travel = planTravel(tr, node, dest, leg);
  if (travel) {
    if (tr.log.on) tr.log.add(tr.now, 'team.rerouted', { team: tr.s.teams[t]!.id, minutes: Math.round(travel.totalMinutes * 1000) / 1000 });
    depart(tr, owner(t), travel);
  } else if (m.value === 'returning') {
    m.send({ type: 'RETURNED' }); // stays where it is, available
    if (tr.log.on) tr.log.add(tr.now, 'team.returned', { team: tr.s.teams[t]!.id });
  } else {
    m.send({ type: 'NO_ROUTE' });
    if (tr.log.on) tr.log.add(tr.now, 'team.noRoute', { team: tr.s.teams[t]!.id });
    releaseIfStuck(tr, t);
  }
}

/**
 * Plans the way to the team's task from where it stands, to whichever working end it can
 * reach now (the other end of a blocked link may still be open); null when neither.
 */
function planToTask(tr: Trial, t: number, leg: number): ReturnType<typeof planTravel> {
  const task = tr.teamTask[t];
  if (task) {
    const dest = reachableTaskNode(tr, t, task);
    if (dest === null) return null;
    tr.teamDest[t] = dest;
  }
  return planTravel(tr, tr.teamAt[t]!, destOf(tr, t), leg);
}

/**
 * When the engine commands (auto mode), a team that cannot reach its task gives it back to the
 * queue and takes work it can reach — e.g. the cut that is blocking it. Without this the only
 * clearing team could wait behind a cut nobody clears. In a drill the trainees redirect teams.
 */
function releaseIfStuck(tr: Trial, t: number): void {
  if (!tr.auto) return;
  const task = tr.teamTask[t];
  tr.teams.get(t).send({ type: 'RELEASE' });
  tr.teamTask[t] = null;
  tr.teamLeg[t]!++;
  if (tr.log.on) tr.log.add(tr.now, 'team.released', { team: tr.s.teams[t]!.id });
  if (task?.kind === 'clear') tr.clearingBacklog.push(task.link);
  else if (task?.kind === 'rescue') tr.rescueBacklog.push(task.site);
  else if (task?.kind === 'suppress' && fireNeedsCrews(tr, task.fire)) tr.fireBacklog.push(task.fire);
  assignBacklog(tr);
}

/** Work done: a cleared link reopens; the team takes queued work or heads home. */
export function onTaskDone(tr: Trial, t: number, leg: number): void {
  if (leg !== tr.teamLeg[t]) return;
  const task = tr.teamTask[t];
  const m = tr.teams.get(t);
  m.send({ type: 'TASK_DONE' });
  tr.teamTask[t] = null;
  if (tr.log.on) tr.log.add(tr.now, 'team.taskDone', { team: tr.s.teams[t]!.id });
  if (task?.kind === 'clear') finishClearing(tr, task.link);
  else assignBacklog(tr);
  if (m.value !== 'returning') return; // given new work
  const home = tr.world.teamNode[t]!;
  tr.teamLeg[t]!++;
  const travel = tr.teamAt[t] === home ? null : planTravel(tr, tr.teamAt[t]!, home, tr.teamLeg[t]!);
  if (travel) depart(tr, owner(t), travel);
  else {
    m.send({ type: 'RETURNED' });
    if (tr.log.on) tr.log.add(tr.now, 'team.returned', { team: tr.s.teams[t]!.id });
  }
}

/** Something reopened: teams and deliveries waiting for a route try again, queued work too. */
export function retryWaiting(tr: Trial): void {
  for (let t = 0; t < tr.teams.length; t++) {
    if (tr.teams.value(t) !== 'waitingForRoute') continue;
    const m = tr.teams.get(t);
    const travel = planToTask(tr, t, tr.teamLeg[t]!);
    if (!travel) continue;
    m.send({ type: 'ROUTE_FOUND' });
    if (tr.log.on) tr.log.add(tr.now, 'team.departed', { team: tr.s.teams[t]!.id, minutes: Math.round(travel.totalMinutes * 1000) / 1000 });
    depart(tr, owner(t), travel);
  }
  retryWaitingDeliveries(tr);
  assignBacklog(tr);
}

/** A team reaches the road end of a fire: it walks in (the walk-in draw) to the line. */
function onCrewAtRoad(tr: Trial, t: number, leg: number, fire: number): void {
  const f = tr.fires[fire]!;
  const walk = tr.s.hazardSites[f.site]!.forest!.walkInHours;
  const hours = sampleDist(tr.teamRng(t, 'walkIn', tr.teamCalls[t]!), walk);
  tr.schedule(tr.now + hours * 60, { k: 'fireLine', team: t, leg });
}

/** A team reaches a blocked link and starts clearing it; returns when it will be done (minutes). */
function startClearing(tr: Trial, team: number, link: number): number {
  tr.links.get(link).send({ type: 'TEAM_ARRIVED' });
  const ep = tr.episodes[tr.linkEpisode[link]!]!;
  if (ep.teamArrivedAt === null) ep.teamArrivedAt = tr.now;
  const c = tr.s.chain.clearing;
  const r = tr.rngOnce('link', tr.s.roads.links[link]!.id, 'clearing', tr.linkClearings[link]!++);
  const hours = sampleDist(r, c.hours) * (tr.world.linkTrunk[link] === 1 ? c.trunkFactor : 1);
  if (tr.log.on) tr.log.add(tr.now, 'road.clearing', { link: tr.s.roads.links[link]!.id, team: tr.s.teams[team]!.id, hours: Math.round(hours * 1000) / 1000 });
  return hours * 60;
}

/** Clearing finished: the link reopens and anyone waiting for a route tries again. */
function finishClearing(tr: Trial, link: number): void {
  tr.links.get(link).send({ type: 'CLEARED' });
  tr.setOpen(link, true);
  onNetworkChange(tr);
  const ep = tr.episodes[tr.linkEpisode[link]!]!;
  ep.reopenedAt = tr.now;
  if (tr.log.on) tr.log.add(tr.now, 'road.reopened', {
    link: tr.s.roads.links[link]!.id,
    trunk: tr.world.linkTrunk[link] === 1,
    hoursClosed: Math.round(((tr.now - ep.cutAt) / 60) * 1000) / 1000,
  });
  retryWaiting(tr);
  responseEvidence(tr);
}
