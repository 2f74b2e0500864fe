/**
 * Small building scenarios built in code for closed-form checks: one room, doors/corridors in
 * series to the assembly point, no smoke within the horizon, fixed times.
 */
import { EvacuationScenarioV1, type EvacuationScenario } from '../../../engine/evacuation/index.ts';

const fixed = (value: number) => ({ dist: 'fixed' as const, value });
const text = (s: string) => ({ zh: s, en: s });

export interface TinyOptions {
  /** people per room */
  rooms?: number[];
  /** edges in series from the room node(s) to the assembly point: [kind, length m, width m] */
  chain?: [string, number, number][];
  boundaryLayerM?: number;
  preS?: number;
}

/** Rooms R0..Rk all open onto node N0 by their own door edge; then `chain` to the assembly point. */
export function tinyScenario(o: TinyOptions = {}): EvacuationScenario {
  const rooms = o.rooms ?? [46];
  const chain = o.chain ?? [];
  const nodes = [
    ...rooms.map((_, i) => ({ id: `R${i}`, kind: 'room', floor: 'F1', position: [i * 5, 5] })),
    ...chain.map((_, i) => ({ id: `N${i}`, kind: 'corridor', floor: 'F1', position: [0, -i * 5] })),
    { id: 'A', kind: 'assembly', floor: 'F1', position: [0, -100] },
  ];
  const first = chain.length > 0 ? 'N0' : 'A';
  const edges = [
    ...rooms.map((_, i) => ({ id: `D${i}`, kind: 'door', from: `R${i}`, to: first, lengthM: 10, widthM: 1.2 })),
    ...chain.map(([kind, lengthM, widthM], i) => ({
      id: `E${i}`, kind, from: `N${i}`, to: i + 1 < chain.length ? `N${i + 1}` : 'A', lengthM, widthM,
      ...(kind === 'stair' ? { stair: 'S' } : {}),
    })),
  ];
  return EvacuationScenarioV1.parse({
    schemaVersion: 1, model: 'evacuation', id: 'tiny', name: text('tiny'), description: text('tiny'),
    start: '2024-01-01T08:00:00+08:00', horizonS: 3600, sources: {}, provenance: [],
    building: {
      floors: [{ id: 'F1', level: 1, name: text('1') }], nodes, edges, stairs: [{ id: 'S', name: text('S') }],
      rooms: rooms.map((n, i) => ({ id: `R${i}`, kind: 'classroom', name: text(`R${i}`), node: `R${i}`, occupants: n })),
      assembly: 'A',
    },
    flow: { levelSpecificFlow: 1.3, stairSpecificFlow: 1.1, levelSpeedMS: 1.2, stairSpeedMS: 0.6, boundaryLayerM: o.boundaryLayerM ?? 0, unguidedStairFactor: 1 },
    preMovement: { guidedS: fixed(o.preS ?? 0), unguidedS: fixed(o.preS ?? 0), belongingsS: fixed(30) },
    fire: {
      origins: [{ room: 'R0', weight: 1 }], detection: { method: 'person', delayS: fixed(10) }, alarmDelayS: fixed(0), incipientS: 0,
      smoke: { leaveRoomS: fixed(7000), spreadSpeedMS: fixed(1), upStairFactor: 1, downStairFactor: 1, untenableAfterS: fixed(100), exposedAfterS: 10 },
      brigade: { arrivalAfterCallS: fixed(600), unguidedExtraS: fixed(0), extinguishS: fixed(60) },
    },
    roles: [{ id: 'head', duty: 'command', title: text('c'), holder: text('c'), present: true, tasks: [{ kind: 'declareEvacuation', after: 'alarm', durationS: fixed(0) }] }],
    targets: [],
  });
}
