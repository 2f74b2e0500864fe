import type { LogEvent } from '../sim/eventLog.ts';
import type { BuildingGeometry } from './geometry.ts';

export type Smoke = 'clear' | 'smoke' | 'untenable';

/** One edge a group's head and tail walk (seconds since ignition), from `group.edge`. */
export interface GroupStep {
  edge: string;
  from: string;
  to: string;
  enterS: number;
  exitS: number;
  tailInS: number;
  tailOutS: number;
}

export interface GroupPlayState {
  /** the group machine's state: inRoom, preMovement, moving, queued, stuck, inLift, atAssembly, trappedInLift */
  state: string;
  /** the node the head last reached or is heading to (its room's door at first) */
  node: string;
  /** the edge being (or last) walked; the scene interpolates head and tail from it */
  step: GroupStep | null;
  people: number;
}

/**
 * What the building scene draws at one moment, folded from an evacuation log (times in seconds
 * since ignition). Plain JSON data.
 */
export interface BuildingState {
  model: 'building';
  t: number;
  applied: number;
  /** the drill phase: normal, alarm, evacuating, assembled, headcountReported, allClear */
  phase: string;
  fire: { room: string | null; node: string | null; detected: boolean; out: boolean; outBy: string | null; brigade: 'none' | 'atGate' | 'atFire'; attempts: number };
  alarmT: number | null;
  call119T: number | null;
  declaredT: number | null;
  headcount: { counted: number; missing: number } | null;
  /** edges with smoke; absent = clear */
  edges: Record<string, Smoke>;
  /** each floor: the worst smoke on its edges */
  floors: Record<string, Smoke>;
  /** each room: the worst smoke on an edge at its door */
  rooms: Record<string, Smoke>;
  groups: Record<string, GroupPlayState>;
  exitsOpen: boolean;
  liftStopped: boolean;
  /** people at the assembly point */
  assembled: number;
  decisions: number;
  refused: number;
}

export function initialBuildingState(g: BuildingGeometry): BuildingState {
  return {
    model: 'building',
    t: 0,
    applied: 0,
    phase: 'normal',
    fire: { room: null, node: null, detected: false, out: false, outBy: null, brigade: 'none', attempts: 0 },
    alarmT: null,
    call119T: null,
    declaredT: null,
    headcount: null,
    edges: {},
    floors: Object.fromEntries(g.floorIds.map((f) => [f, 'clear' as const])),
    rooms: Object.fromEntries([...g.roomNode.keys()].map((r) => [r, 'clear' as const])),
    groups: Object.fromEntries([...g.roomNode].map(([r, node]) => [r, { state: 'inRoom', node, step: null, people: g.roomPeople.get(r) ?? 0 }])),
    exitsOpen: g.lockedEdges.length === 0,
    liftStopped: false,
    assembled: 0,
    decisions: 0,
    refused: 0,
  };
}

const RANK: Record<Smoke, number> = { clear: 0, smoke: 1, untenable: 2 };
const worse = (a: Smoke | undefined, b: Smoke): Smoke => (RANK[a ?? 'clear'] >= RANK[b] ? (a ?? 'clear') : b);
const str = (x: unknown): string => (typeof x === 'string' ? x : String(x ?? ''));
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

function smokeEdge(s: BuildingState, g: BuildingGeometry, edge: string, level: Smoke): void {
  s.edges[edge] = worse(s.edges[edge], level);
  const floor = g.edgeFloor.get(edge);
  if (floor) s.floors[floor] = worse(s.floors[floor], level);
  const ends = g.edgeEnds.get(edge);
  if (ends) for (const [room, node] of g.roomNode) if (node === ends[0] || node === ends[1]) s.rooms[room] = worse(s.rooms[room], level);
}

/** Applies one building event to `s` in place; false for a type the building playback does not know. */
export function applyBuilding(s: BuildingState, e: LogEvent, _end: number, g: BuildingGeometry): boolean {
  s.t = e.t;
  s.applied++;
  switch (e.type) {
    case 'fire.ignition':
      s.fire.room = str(e.room);
      s.fire.node = str(e.node);
      return true;
    case 'fire.detected':
      s.fire.detected = true;
      return true;
    case 'alarm':
      s.alarmT = e.t;
      return true;
    case 'phase':
      s.phase = str(e.to);
      return true;
    case 'smoke.edge':
      smokeEdge(s, g, str(e.edge), 'smoke');
      return true;
    case 'edge.untenable':
      smokeEdge(s, g, str(e.edge), 'untenable');
      return true;
    case 'brigade.atGate':
      s.fire.brigade = 'atGate';
      return true;
    case 'brigade.atFire':
      s.fire.brigade = 'atFire';
      return true;
    case 'call119':
      if (s.call119T === null) s.call119T = e.t;
      return true;
    case 'fire.attempt':
      s.fire.attempts++;
      return true;
    case 'fire.out':
      s.fire.out = true;
      s.fire.outBy = str(e.by);
      return true;
    case 'role.task':
      return true; // a marker: the task's effect has its own event
    case 'evacuation.declared':
      s.declaredT = e.t;
      return true;
    case 'headcount.reported':
      s.headcount = { counted: num(e.counted), missing: num(e.missing) };
      return true;
    case 'group.state': {
      const gr = s.groups[str(e.group)];
      if (!gr) return true;
      gr.state = str(e.to);
      if (gr.state === 'atAssembly') {
        gr.node = g.assembly;
        s.assembled += gr.people;
      }
      return true;
    }
    case 'group.edge': {
      const gr = s.groups[str(e.group)];
      if (!gr) return true;
      gr.step = { edge: str(e.edge), from: str(e.from), to: str(e.to), enterS: num(e.enterS), exitS: num(e.exitS), tailInS: num(e.tailInS), tailOutS: num(e.tailOutS) };
      gr.node = gr.step.to;
      if (typeof e.people === 'number') gr.people = e.people;
      return true;
    }
    case 'group.reroute':
      return true; // the next group.edge carries the new way
    case 'lift.stopped':
      s.liftStopped = true;
      return true;
    case 'exits.opened':
      s.exitsOpen = true;
      return true;
    case 'decision.applied':
      s.decisions++;
      return true;
    case 'decision.refused':
      s.refused++;
      return true;
    default:
      return false;
  }
}
