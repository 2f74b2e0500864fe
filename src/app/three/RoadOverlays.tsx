import { useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { BoxGeometry, Color, InstancedMesh, Matrix4, MeshLambertMaterial, Quaternion, Vector3, type InterleavedBufferAttribute } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { legPath, type CountyState, type Leg } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { CountyTerrain } from './countyTerrain.ts';
import type { SceneSource } from './sceneSource.ts';

export interface RoadOverlaysProps {
  scenario: Scenario;
  terrain: CountyTerrain;
  player: SceneSource;
}

/** Colours of the barriers across a closed road and of the route lines, by what they show. */
export const BLOCK_COLOURS = { cut: '#e0201b', clearing: '#ff8c00' } as const;
export const ROUTE_COLOURS = { team: '#ff7f0e', home: '#1f77b4', truck: '#17a2b8' } as const;

const MAX_ROUTE_SEGMENTS = 8192;

/**
 * A route line's width on screen (CSS px) at a camera `distance` from what it looks at, for a
 * county of half-size `extent` (scene units): hairline-thin in the county overview so the roads'
 * own colours stay readable under it, wider as the camera comes in (1.2 px at 1.5× the extent
 * or further, 4 px at a tenth of it and closer). Pure.
 */
export function routeWidthPx(distance: number, extent: number): number {
  const far = extent * 1.5;
  const near = extent * 0.1;
  const u = Math.min(1, Math.max(0, (far - distance) / (far - near)));
  return 1.2 + (4 - 1.2) * u;
}
const m4 = new Matrix4();
const q = new Quaternion();
const Y = new Vector3(0, 1, 0);
const p3 = new Vector3();
const s3 = new Vector3();
const col = new Color();

/**
 * What the road network says about the moment beyond its colours: a barrier across the middle of
 * each cut link (red) and each link being cleared (orange), so a cut reads as a cut even where
 * the ribbon is thin; and the road route of every team and relief truck on the move (orange to a
 * task, blue heading home, teal for relief), along the roads it takes — the leg's road nodes, so
 * a detour round a cut shows as one. Rebuilt only when the applied event count changes.
 */
export function RoadOverlays({ scenario: s, terrain, player }: RoadOverlaysProps) {
  const blocks = useRef<InstancedMesh>(null);
  const last = useRef(-1);
  const links = useMemo(() => {
    const node = new Map(s.roads.nodes.map((n) => [n.id, n]));
    return s.roads.links.map((l) => {
        const a = node.get(l.from)!;
        const b = node.get(l.to)!;
        const [ax, az] = terrain.project(a.position[0], a.position[1]);
        const [bx, bz] = terrain.project(b.position[0], b.position[1]);
        const x = (ax + bx) / 2;
        const z = (az + bz) / 2;
        return { id: l.id, x, y: terrain.heightAt(x, z), z, angle: Math.atan2(bz - az, bx - ax), trunk: l.trunk };
    });
  }, [s, terrain]);
  // route lines a few pixels wide (WebGL's own lines are always one pixel): instanced segments
  // over preallocated arrays, `instanceCount` of them drawn
  const routes = useMemo(() => {
    const pa = new Float32Array(MAX_ROUTE_SEGMENTS * 6);
    const ca = new Float32Array(MAX_ROUTE_SEGMENTS * 6);
    const g = new LineSegmentsGeometry();
    g.setPositions(pa);
    g.setColors(ca);
    g.instanceCount = 0;
    const mat = new LineMaterial({ vertexColors: true, linewidth: 1.2, worldUnits: false, transparent: true, opacity: 0.9, depthTest: false });
    const line = new LineSegments2(g, mat);
    line.frustumCulled = false;
    line.renderOrder = 2;
    return { g, pa, ca, mat, line };
  }, []);
  const size = useThree((st) => st.size);
  const controls = useThree((st) => st.controls) as unknown as { target: Vector3 } | null;
  const mats = useMemo(() => ({ block: new MeshLambertMaterial({ color: '#ffffff', emissive: '#330000' }) }), []);
  const geo = useMemo(() => new BoxGeometry(0.12, 0.28, 0.7), []);
  // a leg's projected route, kept while the state holds the same leg object (a new leg, or a state
  // restored from a keyframe, is projected afresh): most applied events leave most routes as they were
  const projected = useMemo(() => new WeakMap<object, Float32Array>(), [terrain]);

  useFrame(({ camera }) => {
    // width by zoom: thin over the whole county, wider close in
    routes.mat.resolution.set(size.width, size.height);
    routes.mat.linewidth = routeWidthPx(controls ? camera.position.distanceTo(controls.target) : camera.position.length(), terrain.extent);
    const st = player.state() as CountyState;
    if (st.model !== 'county' || st.applied === last.current) return;
    last.current = st.applied;
    const bm = blocks.current;
    if (bm) {
      let n = 0;
      for (const l of links) {
        const v = st.links[l.id];
        if (v !== 'cut' && v !== 'clearing') continue;
        // across the road: the barrier's long side is perpendicular to the link
        m4.compose(p3.set(l.x, l.y + 0.22, l.z), q.setFromAxisAngle(Y, -l.angle), s3.set(1, 1, l.trunk ? 1.3 : 1));
        bm.setMatrixAt(n, m4);
        bm.setColorAt(n, col.set(BLOCK_COLOURS[v]));
        n++;
      }
      bm.count = n;
      bm.instanceMatrix.needsUpdate = true;
      if (bm.instanceColor) bm.instanceColor.needsUpdate = true;
    }
    let k = 0;
    const { pa, ca } = routes;
    const add = (leg: Leg, colour: string) => {
      let xyz = projected.get(leg);
      if (!xyz) {
        const path = legPath(leg);
        xyz = new Float32Array(path.length * 3);
        path.forEach((ll, i) => {
          const [x, z] = terrain.project(ll[0], ll[1]);
          xyz!.set([x, terrain.heightAt(x, z) + 0.14, z], i * 3);
        });
        projected.set(leg, xyz);
      }
      col.set(colour);
      const n = xyz.length / 3;
      for (let i = 1; i < n && k < MAX_ROUTE_SEGMENTS; i++, k++) {
        pa.set(xyz.subarray((i - 1) * 3, (i + 1) * 3), k * 6);
        for (let j = 0; j < 2; j++) ca.set([col.r, col.g, col.b], k * 6 + j * 3);
      }
    };
    for (const tm of Object.values(st.teams)) if (tm.leg && tm.leg.arriveT > tm.leg.departT) add(tm.leg, tm.status === 'returning' ? ROUTE_COLOURS.home : ROUTE_COLOURS.team);
    for (const d of Object.values(st.deliveries)) if (d.leg) add(d.leg, ROUTE_COLOURS.truck);
    (routes.g.getAttribute('instanceStart') as InterleavedBufferAttribute).data.needsUpdate = true;
    (routes.g.getAttribute('instanceColorStart') as InterleavedBufferAttribute).data.needsUpdate = true;
    routes.g.instanceCount = k;
  });

  return (
    <>
      <instancedMesh ref={blocks} args={[geo, mats.block, Math.max(1, s.roads.links.length)]} frustumCulled={false} />
      <primitive object={routes.line} />
    </>
  );
}
