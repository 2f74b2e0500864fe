import { OrbitControls } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { DoubleSide, BoxGeometry, BufferAttribute, BufferGeometry, Color, ConeGeometry, CylinderGeometry, InstancedMesh, Matrix4, MeshBasicMaterial, MeshLambertMaterial, OctahedronGeometry, RingGeometry, CircleGeometry, Quaternion, Vector3 } from 'three';
import { fireShape, legPos, type CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { AdaptiveResolution } from './AdaptiveResolution.tsx';
import type { CountyTerrain } from './countyTerrain.ts';
import { RainLayer } from './RainLayer.tsx';
import { RoadOverlays } from './RoadOverlays.tsx';
import type { SceneSource } from './sceneSource.ts';

export const LINK_COLOURS = { open: '#7d7d7d', cut: '#e0201b', clearing: '#ff8c00', reopened: '#1fa84a' } as const;
export const SITE_COLOURS = { stable: '#5d8a66', watch: '#f2c200', failed: '#b8231a' } as const;
/** A fire's perimeter by status: burning, escaped (失控), contained, out. */
export const FIRE_COLOURS = { burning: '#ff3b00', escaped: '#d10000', contained: '#ffb347', out: '#7f8c8d' } as const;
/** The sky from dry to the heaviest rain. */
const SKY = ['#dfe8ef', '#7b8794'] as const;
/** Hourly rainfall (mm) drawn as the heaviest rain: 暴雨 is ≥ 16 mm/h (GB/T 28592-2012); twice that fills the sky. */
const HEAVY_MM_PER_H = 32;

/**
 * How hard it rains at time t (minutes), 0…1: the last logged hour's rainfall, for the hour after
 * it was logged (the log gives each hour's total at its end), 0 when no rain was logged. Pure.
 */
export function rainIntensity(st: CountyState, t: number): number {
  if (st.rainHour === null || t > (st.rainHour + 2) * 60) return 0;
  return Math.max(0, Math.min(1, st.rainMm / HEAVY_MM_PER_H));
}

export const TEAM_COLOURS: Record<string, string> = { atBase: '#34495e', idle: '#34495e', mobilising: '#f1c40f', enRoute: '#ff7f0e', onSite: '#d62728', returning: '#1f77b4', waiting: '#9467bd' };

export interface CountySceneProps {
  scenario: Scenario;
  terrain: CountyTerrain;
  /** the time and state to draw (a playback's Player, or a live map's records so far) */
  player: SceneSource;
  /** where the orbit controls look and turn about (scene units; default the county's middle, [0, 0, 0]) */
  target?: readonly [number, number, number];
  /** draw the rain from the log's hourly rainfall (off by default: the kiosk draws its own) */
  rain?: boolean;
}

type XZ = readonly [number, number];
const ORIGIN: XZ = [0, 0];
const ORIGIN3 = [0, 0, 0] as const;
const m4 = new Matrix4();
const q = new Quaternion();
const up = new Quaternion();
const p3 = new Vector3();
const s3 = new Vector3();
const col = new Color();
const col2 = new Color();
const q2 = new Quaternion();
const X_AXIS = new Vector3(1, 0, 0);
const Y_AXIS = new Vector3(0, 1, 0);

/**
 * The county in 3D, drawn from the playback state: terrain, roads coloured by state, hazard
 * sites, stores with stock bars, shelters with occupancy bars, villages and seats, forest fires,
 * and teams and relief trucks as instanced meshes moved in useFrame (no React render per frame).
 */
export function CountyScene({ scenario: s, terrain, player, target = ORIGIN3, rain = false }: CountySceneProps) {
  const node = useMemo(() => new Map<string, XZ>(s.roads.nodes.map((n) => [n.id, terrain.project(n.position[0], n.position[1])])), [s, terrain]);
  // one scratch vector: Matrix4.compose copies it, so no allocation per instance per frame
  const ground = (x: number, z: number, lift = 0) => p3.set(x, terrain.heightAt(x, z) + lift, z);
  const villageXZ = useMemo(() => new Map<string, XZ>(s.region.villages.map((v) => [v.id, terrain.project(v.position[0], v.position[1])])), [s, terrain]);

  // roads: one ribbon per link, sampled along its length so it follows the ground
  const roads = useMemo(() => {
    const SEG = 6;
    const per = (SEG + 1) * 2;
    const posArr = new Float32Array(s.roads.links.length * per * 3);
    const colArr = new Float32Array(s.roads.links.length * per * 3);
    const idx: number[] = [];
    s.roads.links.forEach((l, li) => {
      const a = node.get(l.from) ?? ORIGIN;
      const b = node.get(l.to) ?? ORIGIN;
      const dx = b[0] - a[0];
      const dz = b[1] - a[1];
      const len = Math.hypot(dx, dz) || 1;
      const w = l.trunk ? 0.16 : 0.08;
      const nx = (-dz / len) * w;
      const nz = (dx / len) * w;
      for (let k = 0; k <= SEG; k++) {
        const x = a[0] + (dx * k) / SEG;
        const z = a[1] + (dz * k) / SEG;
        for (const sgn of [1, -1]) {
          const vx = x + sgn * nx;
          const vz = z + sgn * nz;
          const o = (li * per + k * 2 + (sgn === 1 ? 0 : 1)) * 3;
          posArr[o] = vx;
          posArr[o + 1] = terrain.heightAt(vx, vz) + 0.08;
          posArr[o + 2] = vz;
        }
        if (k < SEG) {
          const i0 = li * per + k * 2;
          idx.push(i0, i0 + 1, i0 + 2, i0 + 1, i0 + 3, i0 + 2);
        }
      }
    });
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(posArr, 3));
    g.setAttribute('color', new BufferAttribute(colArr, 3));
    g.setIndex(idx);
    g.computeVertexNormals();
    return { g, per };
  }, [s, node, terrain]);

  const rainBox = useMemo(() => ({ center: [0, 0, 0] as const, half: terrain.extent, height: terrain.extent * 0.6 }), [terrain]);
  const rainNow = () => {
    const st = player.state();
    return st.model === 'county' ? rainIntensity(st, player.t) : 0;
  };
  const sites = useMemo(() => s.hazardSites.map((h): XZ => villageXZ.get(h.village) ?? ORIGIN), [s, villageXZ]);
  const whXZ = useMemo(() => s.reserves.warehouses.map((w): XZ => node.get(w.node) ?? ORIGIN), [s, node]);
  const shXZ = useMemo(() => s.shelters.map((w): XZ => node.get(w.node) ?? ORIGIN), [s, node]);
  // a store whose contents this map does not know (another position's) has no stock bar
  const whInit = useMemo(() => s.reserves.warehouses.map((w) => Object.values(w.stock ?? {}).reduce((a, b) => a + b, 0)), [s]);
  const siteIndex = useMemo(() => new Map(s.hazardSites.map((h, i) => [h.id, i])), [s]);

  const siteMesh = useRef<InstancedMesh>(null);
  const whBars = useRef<InstancedMesh>(null);
  const shBars = useRef<InstancedMesh>(null);
  const teamMesh = useRef<InstancedMesh>(null);
  const truckMesh = useRef<InstancedMesh>(null);
  const fireMesh = useRef<InstancedMesh>(null);
  const perimeterMesh = useRef<InstancedMesh>(null);
  const villageMesh = useRef<InstancedMesh>(null);
  const seatMesh = useRef<InstancedMesh>(null);
  const whMesh = useRef<InstancedMesh>(null);
  const shMesh = useRef<InstancedMesh>(null);
  const lastApplied = useRef(-1);
  const lastT = useRef(NaN);
  const maxTrucks = 64;
  const maxFires = Math.max(1, s.hazardSites.filter((h) => h.kind === 'forest').length * 2);

  // static props placed once
  useLayoutEffect(() => {
    const put = (mesh: InstancedMesh | null, xz: readonly (readonly [number, number])[], lift: number, scale = 1) => {
      if (!mesh) return;
      xz.forEach(([x, z], i) => {
        m4.compose(ground(x, z, lift), up, s3.set(scale, scale, scale));
        mesh.setMatrixAt(i, m4);
      });
      mesh.instanceMatrix.needsUpdate = true;
    };
    put(villageMesh.current, s.region.villages.map((v) => villageXZ.get(v.id)!), 0.05);
    put(seatMesh.current, s.region.townships.map((t): XZ => terrain.project(t.position[0], t.position[1])), 0.1);
    put(whMesh.current, whXZ.map(([x, z]): XZ => [x + 0.35, z]), 0.2);
    put(shMesh.current, shXZ.map(([x, z]): XZ => [x - 0.35, z]), 0.2);
    lastApplied.current = -1;
  });

  useFrame(() => {
    const st = player.state() as CountyState;
    const t = player.t;
    // stock drawn at a rate falls between events: its bars follow the clock
    const drawn = !!st.draw && st.draw.rate.some((r) => r > 0);
    const barsOnly = st.applied === lastApplied.current && drawn && t !== lastT.current;
    lastT.current = t;
    if (st.applied !== lastApplied.current || barsOnly) {
      lastApplied.current = st.applied;
      if (!barsOnly) {
        const c = roads.g.getAttribute('color') as BufferAttribute;
        s.roads.links.forEach((l, li) => {
          col.set(LINK_COLOURS[st.links[l.id] ?? 'open']);
          for (let k = 0; k < roads.per; k++) c.setXYZ(li * roads.per + k, col.r, col.g, col.b);
        });
        c.needsUpdate = true;
        const sm = siteMesh.current;
        if (sm) {
          s.hazardSites.forEach((h, i) => {
            const state = st.sites[h.id] ?? 'stable';
            const [x, z] = sites[i]!;
            const k = state === 'failed' ? 1.9 : state === 'watch' ? 1.3 : 1;
            m4.compose(ground(x + 0.25, z + 0.25, 0.3 * k), up, s3.set(k, state === 'failed' ? 0.6 : k, k));
            sm.setMatrixAt(i, m4);
            sm.setColorAt(i, col.set(SITE_COLOURS[state]));
          });
          sm.instanceMatrix.needsUpdate = true;
          if (sm.instanceColor) sm.instanceColor.needsUpdate = true;
        }
      }
      const bars = (mesh: InstancedMesh | null, xz: readonly (readonly [number, number])[], dx: number, frac: (i: number) => number, full: string, empty: string, known: (i: number) => boolean = () => true) => {
        if (!mesh) return;
        xz.forEach(([x, z], i) => {
          const f = Math.max(0.02, Math.min(1, frac(i)));
          const h = 1.2 * f;
          m4.compose(ground(x + dx, z, 0.45 + h / 2), up, known(i) ? s3.set(1, h, 1) : s3.set(0, 0, 0));
          mesh.setMatrixAt(i, m4);
          mesh.setColorAt(i, col.set(empty).lerp(col2.set(full), f));
        });
        mesh.instanceMatrix.needsUpdate = true;
        if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      };
      bars(whBars.current, whXZ, 0.35, (i) => Object.values(st.stock[s.reserves.warehouses[i]!.id] ?? {}).reduce((a, b) => a + b, 0) / Math.max(1, whInit[i]!), '#2e86de', '#e74c3c', (i) => whInit[i]! > 0);
      bars(shBars.current, shXZ, -0.35, (i) => (st.shelters[s.shelters[i]!.id]?.people ?? 0) / Math.max(1, s.shelters[i]!.capacity), '#8e44ad', '#d7bde2');
    }
    // forest fires: the burnt ellipse and its perimeter, growing every frame as the fire model grows them
    const fm = fireMesh.current;
    const pm = perimeterMesh.current;
    if (fm && pm) {
      let n = 0;
      for (const f of Object.values(st.fires)) {
        const i = siteIndex.get(f.site);
        if (i === undefined || n >= maxFires) continue;
        const [x, z] = sites[i]!;
        const shape = fireShape(f, t);
        // km; the head runs north-east (assumed: the log does not give the wind's direction)
        const a = shape.breadthM / 2000;
        const b = shape.lengthM / 2000;
        q.setFromAxisAngle(X_AXIS, -Math.PI / 2).premultiply(q2.setFromAxisAngle(Y_AXIS, Math.PI / 4));
        m4.compose(ground(x, z, 0.07), q, s3.set(Math.max(0.04, a), Math.max(0.04, b), 1));
        fm.setMatrixAt(n, m4);
        // the perimeter is drawn at least 0.3 km across so a small fire is seen at county scale
        const k = Math.max(1, 0.3 / Math.max(a, 1e-6));
        m4.compose(ground(x, z, 0.1), q, s3.set(a * k, b * k, 1));
        pm.setMatrixAt(n, m4);
        pm.setColorAt(n, col.set(FIRE_COLOURS[f.status]));
        n++;
      }
      fm.count = n;
      pm.count = n;
      fm.instanceMatrix.needsUpdate = true;
      pm.instanceMatrix.needsUpdate = true;
      if (pm.instanceColor) pm.instanceColor.needsUpdate = true;
    }
    // movers: every frame, interpolated along their legs
    const tm = teamMesh.current;
    if (tm) {
      s.teams.forEach((team, i) => {
        const ts = st.teams[team.id];
        if (!ts) return;
        const ll = ts.leg ? legPos(ts.leg, t) : ts.pos;
        const [x, z] = terrain.project(ll[0], ll[1]);
        const k = ts.status === 'atBase' ? 0.7 : 1;
        m4.compose(ground(x, z, 0.45), up, s3.set(k, k, k));
        tm.setMatrixAt(i, m4);
        tm.setColorAt(i, col.set(TEAM_COLOURS[ts.status] ?? '#333'));
      });
      tm.instanceMatrix.needsUpdate = true;
      if (tm.instanceColor) tm.instanceColor.needsUpdate = true;
    }
    const trk = truckMesh.current;
    if (trk) {
      let n = 0;
      for (const d of Object.values(st.deliveries)) {
        if (!d.leg || n >= maxTrucks) continue;
        const ll = legPos(d.leg, t);
        const [x, z] = terrain.project(ll[0], ll[1]);
        m4.compose(ground(x, z, 0.3), up, s3.set(1, 1, 1));
        trk.setMatrixAt(n++, m4);
      }
      trk.count = n;
      trk.instanceMatrix.needsUpdate = true;
    }
  });

  const mats = useMemo(
    () => ({
      site: new MeshLambertMaterial({ color: '#ffffff' }),
      bar: new MeshLambertMaterial({ color: '#ffffff' }),
      team: new MeshLambertMaterial({ color: '#ffffff', emissive: '#222222' }),
      fire: new MeshBasicMaterial({ color: '#3a2418', transparent: true, opacity: 0.75, side: DoubleSide, depthTest: false }),
      perimeter: new MeshBasicMaterial({ color: '#ffffff', side: DoubleSide, depthTest: false }),
    }),
    [],
  );
  const geos = useMemo(
    () => ({
      site: new ConeGeometry(0.35, 0.7, 4),
      village: new CylinderGeometry(0.12, 0.12, 0.1, 8),
      seat: new CylinderGeometry(0.3, 0.3, 0.2, 12),
      wh: new BoxGeometry(0.45, 0.4, 0.45),
      sh: new CylinderGeometry(0.25, 0.25, 0.4, 10),
      bar: new BoxGeometry(0.18, 1, 0.18),
      team: new OctahedronGeometry(0.38),
      truck: new BoxGeometry(0.3, 0.2, 0.3),
      fire: new CircleGeometry(1, 32),
      perimeter: new RingGeometry(0.86, 1, 48),
    }),
    [],
  );

  return (
    <>
      <color attach="background" args={['#dfe8ef']} />
      <hemisphereLight args={['#ffffff', '#6b7b5b', 1.6]} />
      <directionalLight position={[terrain.extent, terrain.extent * 2, terrain.extent * 0.6]} intensity={1.6} />
      <mesh geometry={terrain.geometry}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh geometry={roads.g} renderOrder={1}>
        <meshBasicMaterial vertexColors side={DoubleSide} polygonOffset polygonOffsetFactor={-2} polygonOffsetUnits={-2} />
      </mesh>
      <RoadOverlays scenario={s} terrain={terrain} player={player} />
      <instancedMesh ref={villageMesh} args={[geos.village, undefined, s.region.villages.length]}>
        <meshLambertMaterial color="#6d6d6d" />
      </instancedMesh>
      <instancedMesh ref={seatMesh} args={[geos.seat, undefined, s.region.townships.length]}>
        <meshLambertMaterial color="#2c3e50" />
      </instancedMesh>
      <instancedMesh ref={siteMesh} args={[geos.site, mats.site, Math.max(1, s.hazardSites.length)]} />
      <instancedMesh ref={whMesh} args={[geos.wh, undefined, s.reserves.warehouses.length]}>
        <meshLambertMaterial color="#1c4e80" />
      </instancedMesh>
      <instancedMesh ref={whBars} args={[geos.bar, mats.bar, s.reserves.warehouses.length]} />
      <instancedMesh ref={shMesh} args={[geos.sh, undefined, Math.max(1, s.shelters.length)]}>
        <meshLambertMaterial color="#6c3483" />
      </instancedMesh>
      <instancedMesh ref={shBars} args={[geos.bar, mats.bar, Math.max(1, s.shelters.length)]} />
      <instancedMesh ref={fireMesh} args={[geos.fire, mats.fire, maxFires]} frustumCulled={false} renderOrder={3} />
      <instancedMesh ref={perimeterMesh} args={[geos.perimeter, mats.perimeter, maxFires]} frustumCulled={false} renderOrder={4} />
      {rain ? <RainLayer center={rainBox.center} half={rainBox.half} height={rainBox.height} intensity={rainNow} sky={SKY} /> : null}
      <instancedMesh ref={teamMesh} args={[geos.team, mats.team, Math.max(1, s.teams.length)]} frustumCulled={false} />
      <instancedMesh ref={truckMesh} args={[geos.truck, undefined, maxTrucks]} frustumCulled={false}>
        <meshLambertMaterial color="#17a2b8" />
      </instancedMesh>
      <AdaptiveResolution busy={() => (player as { playing?: unknown }).playing === true} />
      <OrbitControls makeDefault target={[target[0], target[1], target[2]]} maxPolarAngle={1.4} minDistance={2} maxDistance={terrain.extent * 4} />
    </>
  );
}
