/**
 * Builds scenarios/school-fire-evacuation.yaml: a fire in a 4-storey teaching building of a
 * county primary school (4 floors × 6 classrooms, a teachers' office per floor, three stairs,
 * a lift that must not be used), evacuated to the playground under the school plan's seven
 * duties (seed 003_d1f4e4f6a2cc7b8a.txt L83–L99; role titles only, never the names).
 *
 *   npx tsx scripts/build-school-scenario.ts      write the scenario (byte-identical every run)
 *
 * The layout is drawn for a typical single-loaded (外廊) county teaching building; its widths
 * follow GB 50099-2011, its class size 建标102 / GB 50099 (45 pupils per primary class), and
 * everything else is marked "assumed" with a reason in the provenance. No randomness here.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isSeq, visit } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = join(ROOT, 'scenarios/school-fire-evacuation.yaml');

const FLOORS = 4;
const CLASSES = 6;
const BAY = 9; // classroom bay along the corridor, m (assumed: 9.0 m × 7.2 m rooms)
const STOREY = 3.6; // floor-to-floor height, m (assumed)
const r1 = (x: number) => Math.round(x * 10) / 10;

type Edge = { id: string; kind: string; from: string; to: string; lengthM: number; widthM: number; stair?: string; tread?: { riserM: number; treadM: number }; locked?: boolean };
const nodes: { id: string; kind: string; floor: string; position: [number, number] }[] = [];
const edges: Edge[] = [];
const pos = new Map<string, [number, number]>();
const widthSrc: Record<string, string[]> = { door: [], corridor: [], stair: [], exit: [], outdoor: [], lift: [] };

function node(id: string, kind: string, floor: number, x: number, y: number) {
  nodes.push({ id, kind, floor: `F${floor}`, position: [x, y] });
  pos.set(id, [x, y]);
}
function edge(e: Omit<Edge, 'lengthM'> & { lengthM?: number }, src: keyof typeof widthSrc) {
  const [ax, ay] = pos.get(e.from)!;
  const [bx, by] = pos.get(e.to)!;
  widthSrc[src]!.push(`building.edges.${edges.length}.widthM`);
  edges.push({ ...e, lengthM: e.lengthM ?? r1(Math.hypot(ax - bx, ay - by)) } as Edge);
}

const classX = (i: number) => BAY / 2 + BAY * (i - 1);
const rooms: unknown[] = [];
for (let f = 1; f <= FLOORS; f++) {
  for (let i = 1; i <= CLASSES; i++) {
    node(`F${f}-R${i}`, 'room', f, classX(i), 4.5);
    node(`F${f}-C${i}`, 'corridor', f, classX(i), 0);
  }
  node(`F${f}-OF`, 'room', f, 58.5, 4.5);
  node(`F${f}-C7`, 'corridor', f, 58.5, 0);
  node(`F${f}-SW`, 'landing', f, -3, 0);
  node(`F${f}-SM`, 'landing', f, 27, -2.5);
  node(`F${f}-SE`, 'landing', f, 56, -2.5);
  node(`F${f}-LIFT`, 'lift', f, 27, 2.5);
}
node('X-W', 'exit', 1, -6, -3);
node('X-M', 'exit', 1, 27, -6);
node('X-E', 'exit', 1, 56, -6);
node('PLAYGROUND', 'assembly', 1, 27, -40);

for (let f = 1; f <= FLOORS; f++) {
  // two 0.90 m classroom doors (GB 50099-2011 8.1.8) counted as one 1.80 m opening
  for (let i = 1; i <= CLASSES; i++) edge({ id: `F${f}-D${i}`, kind: 'door', from: `F${f}-R${i}`, to: `F${f}-C${i}`, widthM: 1.8 }, 'door');
  edge({ id: `F${f}-DOF`, kind: 'door', from: `F${f}-OF`, to: `F${f}-C7`, widthM: 0.9 }, 'door');
  // 外廊 (single-loaded) corridor, clear width ≥ 1.80 m (GB 50099-2011 8.2.3)
  edge({ id: `F${f}-KW`, kind: 'corridor', from: `F${f}-SW`, to: `F${f}-C1`, widthM: 1.8 }, 'corridor');
  for (let i = 1; i < CLASSES; i++) {
    if (i === 3) {
      edge({ id: `F${f}-K3M`, kind: 'corridor', from: `F${f}-C3`, to: `F${f}-SM`, widthM: 1.8 }, 'corridor');
      edge({ id: `F${f}-KM4`, kind: 'corridor', from: `F${f}-SM`, to: `F${f}-C4`, widthM: 1.8 }, 'corridor');
    } else edge({ id: `F${f}-K${i}`, kind: 'corridor', from: `F${f}-C${i}`, to: `F${f}-C${i + 1}`, widthM: 1.8 }, 'corridor');
  }
  edge({ id: `F${f}-K6E`, kind: 'corridor', from: `F${f}-C6`, to: `F${f}-SE`, widthM: 1.8 }, 'corridor');
  edge({ id: `F${f}-KE7`, kind: 'corridor', from: `F${f}-SE`, to: `F${f}-C7`, widthM: 1.8 }, 'corridor');
  edge({ id: `F${f}-KL`, kind: 'corridor', from: `F${f}-SM`, to: `F${f}-LIFT`, widthM: 1.8 }, 'lift');
}
// stair flights between storeys: two flights of 12 risers (0.15 m × 0.26 m, GB 50099-2011 8.7.3
// for primary schools) and a half landing ≈ 9.5 m walked; 1.80 m = 3 lanes of 0.60 m (8.7.2)
for (const s of ['SW', 'SM', 'SE'])
  for (let f = 1; f < FLOORS; f++)
    edge(
      { id: `${s}-${f}${f + 1}`, kind: 'stair', from: `F${f + 1}-${s}`, to: `F${f}-${s}`, lengthM: 9.5, widthM: 1.8, stair: s, tread: { riserM: 0.15, treadM: 0.26 } },
      'stair',
    );
edge({ id: 'XW', kind: 'exit', from: 'F1-SW', to: 'X-W', widthM: 1.8 }, 'exit');
edge({ id: 'XM', kind: 'exit', from: 'F1-SM', to: 'X-M', widthM: 2.4 }, 'exit');
edge({ id: 'XE', kind: 'exit', from: 'F1-SE', to: 'X-E', widthM: 1.8, locked: true }, 'exit');
for (const x of ['W', 'M', 'E']) edge({ id: `O${x}`, kind: 'outdoor', from: `X-${x}`, to: 'PLAYGROUND', widthM: 6 }, 'outdoor');

const storeyZh = ['一', '二', '三', '四'];
for (let f = 1; f <= FLOORS; f++) {
  for (let i = 1; i <= CLASSES; i++) {
    const lab = f === FLOORS && i === CLASSES;
    // four classes per grade (24 classes), the youngest on the lowest floors (common practice)
    const k = (f - 1) * CLASSES + i;
    const grade = Math.ceil(k / 4);
    const cls = ((k - 1) % 4) + 1;
    rooms.push({
      id: `F${f}-R${i}`,
      kind: lab ? 'lab' : 'classroom',
      name: lab
        ? { zh: `${storeyZh[f - 1]}楼科学实验室（上课班级）`, en: `Science lab, floor ${f} (a class in it)` }
        : { zh: `${grade}年级${cls}班`, en: `Grade ${grade} class ${cls}` },
      node: `F${f}-R${i}`,
      occupants: 46,
      stair: i <= 2 ? 'SW' : i <= 4 ? 'SM' : 'SE',
    });
  }
  rooms.push({
    id: `F${f}-OF`,
    kind: 'office',
    name: { zh: `${storeyZh[f - 1]}楼教师办公室`, en: `Teachers' office, floor ${f}` },
    node: `F${f}-OF`,
    occupants: { dist: 'uniform', min: 2, max: 8 },
    stair: 'SE',
  });
}

const T = (min: number, mode: number, max: number) => ({ dist: 'triangular', min, mode, max });
const task = (kind: string, after: string, durationS: unknown, successProbability?: number) => ({
  kind,
  after,
  durationS,
  ...(successProbability === undefined ? {} : { successProbability }),
});
const role = (id: string, duty: string, title: [string, string], holder: [string, string], tasks: unknown[]) => ({
  id,
  duty,
  title: { zh: title[0], en: title[1] },
  holder: { zh: holder[0], en: holder[1] },
  present: true,
  tasks,
});

const scenario = {
  schemaVersion: 1,
  model: 'evacuation',
  id: 'school-fire-evacuation',
  name: { zh: '县城小学教学楼火灾疏散演练', en: 'Fire evacuation of a county primary school teaching building' },
  description: {
    zh: '四层教学楼（每层6间教室、1间教师办公室，三部楼梯、一部电梯），火灾发生后按学校安全管理领导小组的七项职责组织疏散至操场集合点。依据乐至等县应急管理材料中的学校火灾与意外事故预案（种子文件003第83–99行）；人名一律不用，只写职务。',
    en: "A 4-storey teaching building (6 classrooms and a teachers' office per floor, three stairs and a lift). After a fire starts, the school's safety leadership group carries out the plan's seven duties and everyone gathers on the playground. Based on the school fire and accident plan in seed 003 (L83–L99); roles by title only, no names.",
  },
  start: '2024-11-08T10:20:00+08:00',
  horizonS: 1800,
  sources: {
    seed003: { title: '学校火灾及意外事故应急预案（安全管理领导小组与七项职责）', file: '003_d1f4e4f6a2cc7b8a.txt' },
    gb50099: { title: '中小学校设计规范', standard: 'GB 50099-2011' },
    gb50016: { title: '建筑设计防火规范（2018年版）', standard: 'GB 50016-2014' },
    jb102: { title: '城市普通中小学校校舍建设标准', standard: '建标102-2002' },
    sfpe: { title: 'SFPE Handbook of Fire Protection Engineering — hydraulic (Nelson–Mowrer / Gwynne–Rosenbaum) emergency movement model' },
  },
  provenance: [] as { paths: string[]; source: string; note: string }[],
  building: {
    floors: Array.from({ length: FLOORS }, (_, k) => ({ id: `F${k + 1}`, level: k + 1, name: { zh: `${storeyZh[k]}层`, en: `Floor ${k + 1}` } })),
    nodes,
    edges,
    stairs: [
      { id: 'SW', name: { zh: '西楼梯', en: 'West stair' } },
      { id: 'SM', name: { zh: '中楼梯', en: 'Middle stair' } },
      { id: 'SE', name: { zh: '东楼梯', en: 'East stair' } },
    ],
    rooms,
    assembly: 'PLAYGROUND',
    lift: {
      id: 'LIFT',
      name: { zh: '无障碍电梯（火灾时禁止使用）', en: 'Accessible lift (not to be used in a fire)' },
      stops: Array.from({ length: FLOORS }, (_, k) => `F${k + 1}-LIFT`),
      capacityPersons: 13,
      secondsPerFloor: 4,
      doorSeconds: 8,
    },
  },
  flow: {
    levelSpecificFlow: 1.3,
    stairSpecificFlow: 1.1,
    levelSpeedMS: 1.2,
    stairSpeedMS: 0.6,
    boundaryLayerM: 0.15,
    unguidedStairFactor: 0.8,
  },
  preMovement: { guidedS: T(20, 40, 90), unguidedS: T(40, 90, 240), belongingsS: { dist: 'uniform', min: 20, max: 60 } },
  fire: {
    origins: [
      { room: 'F4-R6', weight: 3 },
      { room: 'F2-OF', weight: 2 },
      { room: 'F1-OF', weight: 1 },
      { room: 'F2-R3', weight: 1 },
      { room: 'F3-R5', weight: 1 },
    ],
    detection: { method: 'smokeDetector', delayS: T(30, 60, 150) },
    alarmDelayS: T(10, 30, 90),
    incipientS: 180,
    smoke: {
      leaveRoomS: T(120, 180, 360),
      spreadSpeedMS: { dist: 'uniform', min: 0.1, max: 0.3 },
      upStairFactor: 3,
      downStairFactor: 0.1,
      untenableAfterS: T(120, 240, 480),
      exposedAfterS: 10,
    },
    brigade: { arrivalAfterCallS: T(300, 480, 900), unguidedExtraS: { dist: 'uniform', min: 60, max: 180 }, extinguishS: T(120, 300, 600) },
  },
  roles: [
    role('commander', 'command', ['总指挥', 'Overall command'], ['校长（领导小组组长）', 'Head teacher (group leader)'], [
      task('declareEvacuation', 'alarm', T(5, 15, 30)),
      task('reportHeadcount', 'allAccounted', { dist: 'uniform', min: 30, max: 90 }),
    ]),
    role('inspector', 'inspection', ['安全检查', 'Safety inspection'], ['副组长', 'Deputy leader'], [task('sweepFloors', 'evacuation', T(120, 180, 300))]),
    role('comms', 'cordonComms', ['警戒通讯', 'Cordon and communications'], ['副组长', 'Deputy leader'], [
      task('call119', 'detection', T(30, 60, 120)),
      task('guideFireEngine', 'alarm', T(120, 180, 300)),
    ]),
    role('firefighter', 'firefighting', ['消防灭火', 'Firefighting'], ['体育教师', 'PE teacher'], [
      task('fightFire', 'detection', T(45, 90, 180), 0.6),
      task('openExits', 'alarm', T(30, 60, 120)),
    ]),
    role('medic', 'firstAid', ['救护', 'First aid'], ['后勤教师', 'Logistics teacher'], [task('firstAidPost', 'evacuation', T(60, 120, 240))]),
    role('logistics', 'logistics', ['抢险与物资保障', 'Emergency repair and supplies'], ['后勤教师', 'Logistics teacher'], [task('cutPower', 'alarm', T(60, 120, 240))]),
    role('guide', 'evacuation', ['疏散引导', 'Evacuation'], ['副组长与各楼层值班教师', 'Deputy leader and the teachers on duty per floor'], [
      task('guideStairs', 'alarm', T(20, 45, 90)),
    ]),
  ],
  targets: [
    { id: 'assembled', kind: 'allAssembledWithin', limit: 240 },
    { id: 'headcount', kind: 'headcountWithin', limit: 360 },
    { id: 'call119', kind: 'call119Within', limit: 120 },
    { id: 'noExposure', kind: 'exposedAtMost', limit: 0 },
  ],
};

const P = (paths: string[], source: string, note: string) => scenario.provenance.push({ paths, source, note });
P(['horizonS'], 'assumed', 'Half an hour covers evacuation, headcount and the fire brigade; a drill is judged within it.');
P(['building.floors.*.level'], 'assumed', 'A typical 4-storey county primary teaching building (GB 50099-2011 limits primary teaching rooms to 4 storeys).');
P(['building.nodes.*.position.*', 'building.edges.*.lengthM'], 'assumed', 'Layout drawn for a single-loaded (外廊) teaching building with 9.0 m classroom bays; lengths are plan distances, stairs 9.5 m walked per storey (two flights of 12 steps and a half landing).');
P(widthSrc.door!, 'gb50099', 'Each classroom has two doors of ≥ 0.90 m clear width (GB 50099-2011 8.1.8), counted as one 1.80 m opening; office doors 0.90 m.');
P(widthSrc.corridor!, 'gb50099', 'Single-loaded (外廊) corridor clear width ≥ 1.80 m (GB 50099-2011 8.2.3).');
P(widthSrc.stair!, 'gb50099', 'Teaching stairs are a whole number of 0.60 m lanes and ≥ 1.20 m wide (GB 50099-2011 8.7.2); 3 lanes = 1.80 m.');
P(['building.edges.*.tread.*'], 'gb50099', 'Primary-school stair steps: tread ≥ 0.26 m, riser ≤ 0.15 m (GB 50099-2011 8.7.3).');
P([...widthSrc.exit!, ...widthSrc.outdoor!, ...widthSrc.lift!], 'assumed', 'Ground exits at least as wide as the stair they serve (1.80 m; the middle hall door 2.40 m); 6 m paths to the playground; a 1.80 m lift lobby.');
P(['building.rooms.*.occupants', 'building.rooms.*.occupants.*'], 'jb102', '45 pupils per primary class (建标102-2002; GB 50099-2011 uses the same 班额) plus their teacher = 46; 2–8 teachers in an office (assumed).');
P(['building.lift.capacityPersons', 'building.lift.secondsPerFloor', 'building.lift.doorSeconds'], 'assumed', 'A 1000 kg accessible lift (13 persons), 1 m/s over 3.6 m storeys ≈ 4 s, 8 s doors. Lifts are not evacuation routes (GB 50016-2014 5.5).');
P(['flow.levelSpecificFlow', 'flow.stairSpecificFlow', 'flow.levelSpeedMS', 'flow.stairSpeedMS', 'flow.boundaryLayerM'], 'sfpe', 'Hydraulic model: maximum specific flow 1.3 persons/(m·s) level, ≈1.1 on stairs; 1.2 m/s level and 0.6 m/s along stairs for a class of children walking together; 0.15 m boundary layer. Assumed from the SFPE Handbook, not measured in Chinese schools.');
P(['flow.unguidedStairFactor'], 'assumed', 'Without a teacher at the landing, merging classes push and hesitate; 20 % less flow is a judgement, not a measurement.');
P(['preMovement.**'], 'assumed', 'Drilled classes leave within about a minute of the alarm when a teacher leads them; unguided groups hesitate longer; collecting bags costs 20–60 s.');
P(['fire.origins.*.weight'], 'assumed', 'A lab and offices (electrical loads, chemicals, paper) are likelier origins than classrooms.');
P(['fire.detection.delayS.*', 'fire.alarmDelayS.*'], 'assumed', 'Point smoke detectors in rooms (GB 50116) detect in 0.5–2.5 min; someone confirms and rings the alarm 10–90 s later.');
P(['fire.incipientS'], 'assumed', 'A portable extinguisher can knock down a fire only in its first ~3 minutes (incipient stage).');
P(['fire.smoke.**'], 'assumed', 'Smoke reaches head height outside the room of origin after 2–6 min (door ajar, open 外廊 corridor venting), its head-height front moves 0.1–0.3 m/s along the corridor, ~3× faster up a stairwell and barely down; an edge becomes untenable 2–8 min after that; 10 s in smoke at head height counts as exposure.');
P(['fire.brigade.**'], 'assumed', 'County fire station 5–15 min from the 119 call to the school gate; 1–3 min lost finding the fire when nobody meets the engine; 2–10 min to put the fire out.');
P(['roles.*.tasks.*.durationS.*', 'roles.*.tasks.*.successProbability'], 'assumed', "The seed plan gives duties (L89–L95) but no times: durations are a drilled school's judgement, and an extinguisher at an incipient fire succeeds about 60 % of the time.");
P(['targets.0.limit', 'targets.1.limit'], 'assumed', 'Common drill practice: everyone on the playground within 3–4 minutes of the alarm, headcount within 6 minutes (not a national rule).');
P(['targets.2.limit', 'targets.3.limit'], 'seed003', 'The plan asks to raise the alarm at once (「迅速报警」, L99) and to avoid casualties (L84): 119 within 2 min of detection (assumed figure) and nobody exposed to smoke.');

const doc = new Document(scenario);
// compact: one line per node, edge and small object
visit(doc, {
  Map(_, m, path) {
    const parent = path[path.length - 1];
    if (isSeq(parent) && path.length >= 4) m.flow = true;
    if (m.items.length <= 4 && m.items.every((p) => !isMap(p.value) && !isSeq(p.value))) m.flow = true;
  },
  Seq(_, s) {
    if (s.items.length <= 2 && s.items.every((x) => !isMap(x))) s.flow = true;
  },
});
const header = '# Generated by scripts/build-school-scenario.ts — edit the script, not this file.\n';
writeFileSync(OUT_FILE, header + doc.toString({ lineWidth: 0 }));
console.log(`wrote ${OUT_FILE}: ${nodes.length} nodes, ${edges.length} edges, ${rooms.length} rooms`);
