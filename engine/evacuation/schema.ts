import * as z from 'zod';
import { Id, LocalText, People, Probability, boundedDist } from '../scenario/schema/primitives.ts';
import { Provenance, Source } from '../scenario/schema/scenario.ts';

/**
 * Building (school fire evacuation) scenario format, schemaVersion 1, `model: 'evacuation'`.
 * Pure data definitions (zod). Units: seconds, metres, persons, persons/(m·s). A county scenario
 * has no `model` key; a file with `model: evacuation` is read by loadEvacuationScenario.
 */

const Seconds = z.number().min(0).max(86_400).describe('Duration in seconds');
const Metres = z.number().gt(0).max(1000).describe('Length in metres, > 0');
/** A duration distribution in seconds (0 s – 2 h). */
const SecondsDist = (what: string) => boundedDist(0, 7200, what).describe(`${what}: distribution in seconds`);

export const Floor = z.strictObject({
  id: Id,
  level: z.number().int().min(-3).max(30).describe('Storey number: 1 = ground floor (首层)'),
  name: LocalText,
});

export const NodeKind = z
  .enum(['room', 'corridor', 'landing', 'exit', 'assembly', 'lift'])
  .describe('room door, corridor junction, stair landing, ground exit, assembly point (集合点) or lift stop');

export const WalkNode = z.strictObject({
  id: Id,
  kind: NodeKind,
  floor: Id.describe('id of the floor this node is on'),
  position: z.tuple([z.number().min(-1000).max(1000), z.number().min(-1000).max(1000)]).describe('[x, y] metres in the site plan, for drawing'),
});

export const EdgeKind = z
  .enum(['door', 'corridor', 'stair', 'exit', 'outdoor'])
  .describe('classroom door, corridor segment, stair flight, ground exit door or outdoor path');

export const WalkEdge = z.strictObject({
  id: Id,
  kind: EdgeKind,
  from: Id.describe('node id'),
  to: Id.describe('node id'),
  lengthM: Metres.describe('Walking length, metres (along the slope for stairs)'),
  widthM: z.number().gt(0).max(50).describe('Clear width, metres'),
  stair: Id.optional().describe('For stair flights: id of the stair (building.stairs) it belongs to'),
  tread: z
    .strictObject({
      riserM: z.number().gt(0).max(0.3).describe('Riser height, metres'),
      treadM: z.number().gt(0.1).max(0.5).describe('Tread depth, metres'),
    })
    .optional()
    .describe('Stair step geometry; scales walking speed after the SFPE stair table'),
  speedFactor: z.number().gt(0).max(2).optional().describe('Multiplies the walking speed on this edge (1 = nominal)'),
  locked: z.boolean().optional().describe('Closed until a role opens the exits (openExits task)'),
});

export const Stair = z.strictObject({ id: Id, name: LocalText });

export const RoomKind = z.enum(['classroom', 'office', 'lab', 'other']).describe('教室, 办公室, 实验室 or other');

export const Room = z.strictObject({
  id: Id,
  kind: RoomKind,
  name: LocalText,
  node: Id.describe('the room-door node its occupants start from'),
  occupants: z
    .union([People.max(500), boundedDist(0, 500, 'occupants')])
    .describe('People in the room when the alarm sounds (a class with its teacher): a count or a distribution (rounded)'),
  stair: Id.optional().describe('The stair the school plan assigns to this room (疏散路线); used while it is passable'),
});

export const Lift = z.strictObject({
  id: Id,
  name: LocalText,
  stops: z.array(Id).min(2).describe('lift-stop node ids, ground floor first'),
  capacityPersons: z.number().int().min(1).max(50).describe('Persons per trip'),
  secondsPerFloor: z.number().gt(0).max(60).describe('Travel seconds per floor'),
  doorSeconds: z.number().min(0).max(60).describe('Door open/close time per stop, seconds'),
});

export const Building = z.strictObject({
  floors: z.array(Floor).min(1),
  nodes: z.array(WalkNode).min(2),
  edges: z.array(WalkEdge).min(1),
  stairs: z.array(Stair),
  rooms: z.array(Room).min(1),
  assembly: Id.describe('node id of the assembly point (集合点)'),
  lift: Lift.optional().describe('A lift that must not be used in a fire'),
});

export const Flow = z
  .strictObject({
    levelSpecificFlow: z.number().gt(0).max(3).describe('Maximum specific flow on level ground and through doors, persons/(m·s) of effective width'),
    stairSpecificFlow: z.number().gt(0).max(3).describe('Maximum specific flow on stairs, persons/(m·s) of effective width'),
    levelSpeedMS: z.number().gt(0).max(3).describe('Walking speed on level ground, m/s'),
    stairSpeedMS: z.number().gt(0).max(3).describe('Walking speed along a stair, m/s'),
    boundaryLayerM: z.number().min(0).max(0.5).describe('Boundary layer subtracted at each side to get the effective width, metres'),
    unguidedStairFactor: z.number().gt(0).max(1).describe('Flow factor on stairs while no guide (疏散引导) stands at the landing'),
  })
  .describe('Hydraulic flow model parameters');

export const PreMovement = z.strictObject({
  guidedS: SecondsDist('preMovement.guidedS').describe('Alarm heard → group starts moving, with the evacuation role active (s)'),
  unguidedS: SecondsDist('preMovement.unguidedS').describe('Same, with no evacuation role (s)'),
  belongingsS: SecondsDist('preMovement.belongingsS').describe('Extra delay when a group collects belongings (s)'),
});

export const Fire = z.strictObject({
  origins: z
    .array(z.strictObject({ room: Id, weight: z.number().gt(0).max(1000).describe('Relative weight of igniting in this room') }))
    .min(1)
    .describe('Where the fire may start: one room drawn by weight'),
  detection: z.strictObject({
    method: z.enum(['smokeDetector', 'person']).describe('烟感探测器 or a person who sees it'),
    delayS: SecondsDist('fire.detection.delayS').describe('Ignition → detection (s)'),
  }),
  alarmDelayS: SecondsDist('fire.alarmDelayS').describe('Detection → alarm bell/broadcast (s)'),
  incipientS: Seconds.describe('Seconds after ignition during which an extinguisher can still knock the fire down'),
  smoke: z.strictObject({
    leaveRoomS: SecondsDist('fire.smoke.leaveRoomS').describe('Ignition → smoke leaves the room of origin (s)'),
    spreadSpeedMS: boundedDist(0.01, 10, 'fire.smoke.spreadSpeedMS').describe('Speed of the smoke front along corridors, m/s'),
    upStairFactor: z.number().gt(0).max(10).describe('Smoke front speed factor going up a stairwell (stack effect)'),
    downStairFactor: z.number().gt(0).max(1).describe('Smoke front speed factor going down a stairwell'),
    untenableAfterS: SecondsDist('fire.smoke.untenableAfterS').describe('Smoke arrives on an edge → edge untenable (blocked) (s)'),
    exposedAfterS: Seconds.describe('Seconds in smoke per person after which a group counts as smoke-exposed'),
  }),
  brigade: z.strictObject({
    arrivalAfterCallS: SecondsDist('fire.brigade.arrivalAfterCallS').describe('119 call → fire engine at the school gate (s)'),
    unguidedExtraS: SecondsDist('fire.brigade.unguidedExtraS').describe('Extra seconds to find the fire when nobody guides the engine in'),
    extinguishS: SecondsDist('fire.brigade.extinguishS').describe('Engine at the gate → fire out (s)'),
  }),
});

/** The seven duties of the school plan (seed 003 L89–L95). */
export const Duty = z
  .enum(['command', 'inspection', 'cordonComms', 'firefighting', 'firstAid', 'logistics', 'evacuation'])
  .describe('总指挥, 安全检查, 警戒通讯, 消防灭火, 救护, 后勤保障 (抢险/物资), 疏散引导');

/** What a task does when it completes; see engine/evacuation/README.md. */
export const TaskKind = z.enum([
  'declareEvacuation',
  'reportHeadcount',
  'sweepFloors',
  'call119',
  'guideFireEngine',
  'fightFire',
  'openExits',
  'firstAidPost',
  'cutPower',
  'guideStairs',
]);

/** The phase event that starts a task. */
export const Trigger = z
  .enum(['ignition', 'detection', 'alarm', 'evacuation', 'allAccounted'])
  .describe('ignition, detection, alarm, evacuation declared, or every group assembled or known missing');

export const Task = z.strictObject({
  kind: TaskKind,
  after: Trigger,
  durationS: SecondsDist('durationS').describe('Trigger → task done (s)'),
  successProbability: Probability.optional().describe('fightFire: chance to knock the fire down when reached while incipient'),
});

export const Role = z.strictObject({
  id: Id,
  duty: Duty,
  title: LocalText.describe('Role title, e.g. 总指挥 / overall command'),
  holder: LocalText.describe('Who holds it, by position only (e.g. 校长), never a name'),
  present: z.boolean().describe('false: the role is vacant in this drill'),
  tasks: z.array(Task),
});

export const EvacTarget = z.strictObject({
  id: Id,
  kind: z
    .enum(['allAssembledWithin', 'headcountWithin', 'call119Within', 'exposedAtMost'])
    .describe('all at the assembly point / headcount reported (both from the alarm) / 119 called (from detection) within `limit` seconds; smoke-exposed persons at most `limit`'),
  limit: z.number().min(0).max(86_400).describe('Seconds, or persons for exposedAtMost'),
});

/** Building scenario, schemaVersion 1. */
export const EvacuationScenarioV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    model: z.literal('evacuation'),
    id: Id,
    name: LocalText,
    description: LocalText,
    start: z.iso.datetime({ offset: true }).describe('Wall-clock time of ignition (simulated second 0), ISO 8601 with offset'),
    horizonS: z.number().gt(0).max(14_400).describe('Simulated duration, seconds'),
    sources: z.record(Id, Source),
    provenance: z.array(Provenance),
    building: Building,
    flow: Flow,
    preMovement: PreMovement,
    fire: Fire,
    roles: z.array(Role).min(1),
    targets: z.array(EvacTarget),
  })
  .describe('yanlian building evacuation scenario (schemaVersion 1, model evacuation)');

/** A loaded, frozen building scenario (what runEvacuation takes). */
export type EvacuationScenario = z.infer<typeof EvacuationScenarioV1>;
export type EvacDuty = z.infer<typeof Duty>;
export type EvacTaskKind = z.infer<typeof TaskKind>;
export type EvacTrigger = z.infer<typeof Trigger>;
