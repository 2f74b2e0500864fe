import { OrbitControls } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { BoxGeometry, BufferAttribute, BufferGeometry, Color, InstancedMesh, Matrix4, Mesh, MeshLambertMaterial, Quaternion, SphereGeometry, Vector3 } from 'three';
import type { BuildingState, GroupPlayState } from '../../../engine/playback/index.ts';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import type { Player } from '../playback/player.ts';
import { AdaptiveResolution } from './AdaptiveResolution.tsx';

/** Storey height used for drawing, metres. */
export const FLOOR_H = 4;
export const SMOKE_COLOURS = { clear: '#dfe6ec', smoke: '#8c8c8c', untenable: '#3d3030' } as const;
export const GROUP_COLOURS: Record<string, string> = { inRoom: '#7f8c8d', preMovement: '#f1c40f', moving: '#2e86de', queued: '#e67e22', stuck: '#c0392b', inLift: '#8e44ad', atAssembly: '#27ae60', trappedInLift: '#c0392b' };

export interface BuildingGeometry3D {
  nodePos: Map<string, Vector3>;
  floorY: Map<string, number>;
  center: Vector3;
  size: number;
}

/** Places the building's walk nodes in 3D: plan x → x, plan y → z, storey → height. Pure. */
export function building3D(s: EvacuationScenario): BuildingGeometry3D {
  const b = s.building;
  const level = new Map(b.floors.map((f) => [f.id, f.level]));
  const floorY = new Map(b.floors.map((f) => [f.id, (f.level - 1) * FLOOR_H]));
  const nodePos = new Map(b.nodes.map((n) => [n.id, new Vector3(n.position[0], ((level.get(n.floor) ?? 1) - 1) * FLOOR_H + 0.3, n.position[1])]));
  const xs = [...nodePos.values()].map((p) => p.x);
  const zs = [...nodePos.values()].map((p) => p.z);
  const center = new Vector3((Math.min(...xs) + Math.max(...xs)) / 2, (Math.max(...floorY.values()) + 0) / 2, (Math.min(...zs) + Math.max(...zs)) / 2);
  return { nodePos, floorY, center, size: Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...zs) - Math.min(...zs), 20) };
}

const m4 = new Matrix4();
const up = new Quaternion();
const s3 = new Vector3();
const p3 = new Vector3();
const col = new Color();

/** Where a group's head is at second t, from its last walked edge. Pure. */
export function groupHead(g: GroupPlayState, t: number, geo: BuildingGeometry3D, out: Vector3): Vector3 {
  const st = g.step;
  if (!st) return out.copy(geo.nodePos.get(g.node) ?? geo.center);
  const a = geo.nodePos.get(st.from) ?? geo.center;
  const b = geo.nodePos.get(st.to) ?? geo.center;
  if (t <= st.enterS) return out.copy(a);
  if (t >= st.exitS || st.exitS <= st.enterS) return out.copy(b);
  return out.copy(a).lerp(b, (t - st.enterS) / (st.exitS - st.enterS));
}

export interface BuildingSceneProps {
  scenario: EvacuationScenario;
  geo: BuildingGeometry3D;
  player: Player;
  /** a group to point out (the kiosk visitor's class): an orange marker floats over it */
  highlight?: string | null;
  /** orbit controls (the playback page); the kiosk's replay keeps its framing */
  controls?: boolean;
}

/** Where the smoke stands on each walkway: a box along the edge, centred between its nodes. Pure. */
export function edgeBoxes(s: EvacuationScenario, geo: BuildingGeometry3D): { id: string; at: Vector3; len: number; turn: Quaternion }[] {
  const x = new Vector3(1, 0, 0);
  return s.building.edges.map((e) => {
    const a = geo.nodePos.get(e.from) ?? geo.center;
    const b = geo.nodePos.get(e.to) ?? geo.center;
    const d = b.clone().sub(a);
    const len = Math.max(0.5, d.length());
    return { id: e.id, at: a.clone().add(b).multiplyScalar(0.5), len, turn: new Quaternion().setFromUnitVectors(x, d.normalize()) };
  });
}

/**
 * The school in 3D from the playback state: a slab per floor tinted by its smoke, rooms tinted
 * by the smoke at their doors, corridors and stairs as lines tinted per edge, the smoke front as
 * grey (dark where untenable) volumes along the walkways it has reached, exits (red while
 * locked), the fire (flickering), the assembly point, the groups as one instanced mesh moved in
 * useFrame, and a marker over the highlighted group.
 */
export function BuildingScene({ scenario: s, geo, player, highlight = null, controls = true }: BuildingSceneProps) {
  const b = s.building;
  const floorMeshes = useRef<(Mesh | null)[]>([]);
  const roomMesh = useRef<InstancedMesh>(null);
  const groupMesh = useRef<InstancedMesh>(null);
  const fireMesh = useRef<Mesh>(null);
  const exitMesh = useRef<InstancedMesh>(null);
  const smokeMesh = useRef<InstancedMesh>(null);
  const meMesh = useRef<Mesh>(null);
  const last = useRef(-1);
  const smokeBoxes = useMemo(() => edgeBoxes(s, geo), [s, geo]);
  const exits = useMemo(() => b.nodes.filter((n) => n.kind === 'exit'), [b]);
  const lockedExitNodes = useMemo(() => new Set(b.edges.filter((e) => e.locked).flatMap((e) => [e.from, e.to])), [b]);
  const floorBoxes = useMemo(
    () =>
      b.floors.map((f) => {
        const ps = b.nodes.filter((n) => n.floor === f.id && n.kind !== 'assembly').map((n) => geo.nodePos.get(n.id)!);
        const x0 = Math.min(...ps.map((p) => p.x)) - 4;
        const x1 = Math.max(...ps.map((p) => p.x)) + 4;
        const z0 = Math.min(...ps.map((p) => p.z)) - 4;
        const z1 = Math.max(...ps.map((p) => p.z)) + 4;
        return { id: f.id, x: (x0 + x1) / 2, z: (z0 + z1) / 2, w: x1 - x0, d: z1 - z0, y: geo.floorY.get(f.id)! };
      }),
    [b, geo],
  );
  const edgesGeo = useMemo(() => {
    const pos = new Float32Array(b.edges.length * 6);
    b.edges.forEach((e, i) => {
      const a = geo.nodePos.get(e.from) ?? geo.center;
      const c = geo.nodePos.get(e.to) ?? geo.center;
      pos.set([a.x, a.y, a.z, c.x, c.y, c.z], i * 6);
    });
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(pos, 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(b.edges.length * 6), 3));
    return g;
  }, [b, geo]);
  const assembly = geo.nodePos.get(b.assembly) ?? geo.center;
  const groupIds = useMemo(() => b.rooms.map((r) => r.id), [b]);

  useFrame(() => {
    const st = player.state() as BuildingState;
    const t = player.t;
    if (st.applied !== last.current) {
      last.current = st.applied;
      floorBoxes.forEach((f, i) => {
        const m = floorMeshes.current[i];
        if (m) (m.material as MeshLambertMaterial).color.set(SMOKE_COLOURS[st.floors[f.id] ?? 'clear']);
      });
      const rm = roomMesh.current;
      if (rm) {
        b.rooms.forEach((r, i) => {
          const p = geo.nodePos.get(r.node) ?? geo.center;
          m4.compose(p3.set(p.x, p.y + 1.2, p.z), up, s3.set(1, 1, 1));
          rm.setMatrixAt(i, m4);
          rm.setColorAt(i, col.set(st.fire.room === r.id && !st.fire.out ? '#ff5a1f' : SMOKE_COLOURS[st.rooms[r.id] ?? 'clear']));
        });
        rm.instanceMatrix.needsUpdate = true;
        if (rm.instanceColor) rm.instanceColor.needsUpdate = true;
      }
      const c = edgesGeo.getAttribute('color') as BufferAttribute;
      b.edges.forEach((e, i) => {
        const sm = st.edges[e.id];
        col.set(sm === 'untenable' ? '#2b1d1d' : sm === 'smoke' ? '#7a7a7a' : e.kind === 'stair' ? '#1f618d' : '#5d6d7e');
        c.setXYZ(i * 2, col.r, col.g, col.b);
        c.setXYZ(i * 2 + 1, col.r, col.g, col.b);
      });
      c.needsUpdate = true;
      const sm = smokeMesh.current;
      if (sm) {
        smokeBoxes.forEach((e, i) => {
          const state = st.edges[e.id];
          // a walkway without smoke keeps a zero-size box: one draw call for the whole front
          const k = state === 'untenable' || state === 'smoke' ? 1 : 0;
          m4.compose(p3.set(e.at.x, e.at.y + 1.1, e.at.z), e.turn, s3.set(e.len * k, 2.2 * k, 2.4 * k));
          sm.setMatrixAt(i, m4);
          sm.setColorAt(i, col.set(state === 'untenable' ? '#2b2222' : '#7d7d7d'));
        });
        sm.instanceMatrix.needsUpdate = true;
        if (sm.instanceColor) sm.instanceColor.needsUpdate = true;
      }
      const fm = fireMesh.current;
      if (fm) {
        const p = st.fire.node ? geo.nodePos.get(st.fire.node) : undefined;
        fm.visible = !!p && !st.fire.out;
        if (p) fm.position.set(p.x, p.y + 1.5, p.z);
      }
      const em = exitMesh.current;
      if (em) {
        exits.forEach((n, i) => {
          const p = geo.nodePos.get(n.id)!;
          m4.compose(p3.set(p.x, p.y + 1, p.z), up, s3.set(1, 1, 1));
          em.setMatrixAt(i, m4);
          em.setColorAt(i, col.set(!st.exitsOpen && lockedExitNodes.has(n.id) ? '#c0392b' : '#27ae60'));
        });
        em.instanceMatrix.needsUpdate = true;
        if (em.instanceColor) em.instanceColor.needsUpdate = true;
      }
    }
    const gm = groupMesh.current;
    if (gm) {
      let slot = 0;
      groupIds.forEach((id, i) => {
        const g = st.groups[id];
        if (!g) return;
        if (g.state === 'atAssembly') {
          const k = slot++;
          p3.set(assembly.x - 12 + (k % 8) * 3.2, assembly.y + 0.6, assembly.z - 4 + Math.floor(k / 8) * 3.2);
        } else groupHead(g, t, geo, p3).setY(p3.y + 0.6);
        const r = 0.5 + Math.sqrt(Math.max(1, g.people)) * 0.12;
        m4.compose(p3, up, s3.set(r, r, r));
        gm.setMatrixAt(i, m4);
        gm.setColorAt(i, col.set(GROUP_COLOURS[g.state] ?? '#333'));
      });
      gm.instanceMatrix.needsUpdate = true;
      if (gm.instanceColor) gm.instanceColor.needsUpdate = true;
    }
    const me = meMesh.current;
    const mine = highlight ? st.groups[highlight] : undefined;
    if (me) {
      me.visible = !!mine;
      if (mine) {
        if (mine.state === 'atAssembly') {
          const k = groupIds.filter((id) => st.groups[id]?.state === 'atAssembly').indexOf(highlight!);
          p3.set(assembly.x - 12 + (k % 8) * 3.2, assembly.y + 0.6, assembly.z - 4 + Math.floor(k / 8) * 3.2);
        } else groupHead(mine, t, geo, p3);
        me.position.set(p3.x, p3.y + 4.5 + Math.sin(t * 0.2) * 0.4, p3.z);
      }
    }
    const fm = fireMesh.current;
    if (fm?.visible) fm.scale.setScalar(1 + 0.15 * Math.sin(performance.now() / 90));
  });

  const geos = useMemo(() => ({ room: new BoxGeometry(5, 2.2, 4), group: new SphereGeometry(1, 14, 10), exit: new BoxGeometry(1.6, 2, 1.6), smoke: new BoxGeometry(1, 1, 1) }), []);
  const smokeMat = useMemo(() => new MeshLambertMaterial({ color: '#ffffff', transparent: true, opacity: 0.5, depthWrite: false }), []);
  const whiteMat = useMemo(() => new MeshLambertMaterial({ color: '#ffffff', transparent: true, opacity: 0.75 }), []);
  const solidMat = useMemo(() => new MeshLambertMaterial({ color: '#ffffff' }), []);
  return (
    <>
      <color attach="background" args={['#e8eef3']} />
      <hemisphereLight args={['#ffffff', '#889988', 1.7]} />
      <directionalLight position={[geo.center.x + 40, 80, geo.center.z + 60]} intensity={1.4} />
      <mesh position={[geo.center.x, -0.3, geo.center.z + 10]}>
        <boxGeometry args={[geo.size * 2.2, 0.4, geo.size * 2.2]} />
        <meshLambertMaterial color="#b9c7a5" />
      </mesh>
      <mesh position={[assembly.x, 0.05, assembly.z]}>
        <boxGeometry args={[30, 0.2, 14]} />
        <meshLambertMaterial color="#7dcea0" />
      </mesh>
      {floorBoxes.map((f, i) => (
        <mesh key={f.id} ref={(m) => void (floorMeshes.current[i] = m)} position={[f.x, f.y + 0.05, f.z]}>
          <boxGeometry args={[f.w, 0.25, f.d]} />
          <meshLambertMaterial color={SMOKE_COLOURS.clear} transparent opacity={0.55} />
        </mesh>
      ))}
      <lineSegments geometry={edgesGeo}>
        <lineBasicMaterial vertexColors />
      </lineSegments>
      <instancedMesh ref={roomMesh} args={[geos.room, whiteMat, b.rooms.length]} />
      <instancedMesh ref={exitMesh} args={[geos.exit, solidMat, Math.max(1, exits.length)]} />
      <mesh ref={fireMesh} visible={false}>
        <sphereGeometry args={[1.6, 16, 12]} />
        <meshBasicMaterial color="#ff4500" />
      </mesh>
      <instancedMesh ref={groupMesh} args={[geos.group, solidMat, b.rooms.length]} frustumCulled={false} />
      <instancedMesh ref={smokeMesh} args={[geos.smoke, smokeMat, Math.max(1, smokeBoxes.length)]} frustumCulled={false} renderOrder={2} />
      <mesh ref={meMesh} visible={false} rotation={[Math.PI, 0, 0]}>
        <coneGeometry args={[2, 4, 16]} />
        <meshBasicMaterial color="#ff8c00" />
      </mesh>
      <AdaptiveResolution />
      {controls && <OrbitControls makeDefault target={[geo.center.x, geo.center.y, geo.center.z]} maxPolarAngle={1.45} />}
    </>
  );
}
