import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { CircleGeometry, ConeGeometry, Mesh, MeshBasicMaterial, MeshLambertMaterial, RingGeometry, Vector3 } from 'three';
import type { CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { Player } from '../playback/player.ts';
import { CountyScene } from '../three/CountyScene.tsx';
import type { CountyTerrain } from '../three/countyTerrain.ts';
import { LabelSpans, LabelUpdater, type LabelSpec } from '../three/LabelLayer.tsx';
import { RainLayer } from '../three/RainLayer.tsx';
import type { Focus } from './hazardSpec.ts';

export interface HazardSceneProps {
  scenario: Scenario;
  terrain: CountyTerrain;
  player: Player;
  /** the visitor's village, the hazard site above it and the road it cut */
  focus: Focus;
  /** place names drawn over the scene: the visitor's village, the site, the cut road */
  names: { village: string; site: string; road: string };
  lang: Lang;
  /** rain over the village, 0…1 at the player's time (none when absent) */
  rain?: () => number;
  /** the ground shaking, 0…1 at the player's time (an earthquake; none when absent) */
  shake?: () => number;
}

type P3 = [number, number, number];

/** Where the scene frames the visitor's village: the points to keep in view and the camera. Pure given the terrain. */
export function villageFrame(s: Scenario, terrain: CountyTerrain, story: Pick<Focus, 'village' | 'link'>) {
  const at = (x: number, z: number, lift = 0): P3 => [x, terrain.heightAt(x, z) + lift, z];
  const v = s.region.villages.find((x) => x.id === story.village)!;
  const [vx, vz] = terrain.project(v.position[0], v.position[1]);
  const node = new Map(s.roads.nodes.map((n) => [n.id, terrain.project(n.position[0], n.position[1])]));
  const link = s.roads.links.find((l) => l.id === story.link);
  const a = (link && node.get(link.from)) ?? [vx, vz];
  const b = (link && node.get(link.to)) ?? [vx, vz];
  // CountyScene draws a site's cone at its village + (0.25, 0.25): the slope is there
  const site: P3 = at(vx + 0.25, vz + 0.25);
  // the debris lies on the cut road where it passes closest to the slope
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const u = Math.max(0.05, Math.min(0.95, ((site[0] - a[0]) * dx + (site[2] - a[1]) * dz) / (dx * dx + dz * dz || 1)));
  const debris: P3 = at(a[0] + dx * u, a[1] + dz * u, 0.05);
  const pts: [number, number][] = [[vx, vz], [site[0], site[2]], [a[0], a[1]], [b[0], b[1]]];
  const cx = (Math.min(...pts.map((p) => p[0])) + Math.max(...pts.map((p) => p[0]))) / 2;
  const cz = (Math.min(...pts.map((p) => p[1])) + Math.max(...pts.map((p) => p[1]))) / 2;
  // a few km around: the county scene's symbols (stores, bars, cones) are sized for a county-wide view
  const r = Math.max(4, ...pts.map((p) => Math.hypot(p[0] - cx, p[1] - cz) + 1));
  const centre = at(cx, cz);
  const d = r * 2.1;
  // look across the cut road (perpendicular to it, from the south side) so its whole length shows
  const len = Math.hypot(dx, dz) || 1;
  let px = -dz / len;
  let pz = dx / len;
  if (pz < 0) [px, pz] = [-px, -pz];
  // never more than ~50° off looking north, so the view stays map-like
  const ax = Math.max(-0.75, Math.min(0.75, px));
  const az = Math.sqrt(1 - ax * ax);
  const camera: P3 = [cx + d * 0.8 * ax, centre[1] + d * 0.58, cz + d * 0.8 * az];
  /** scale of the kiosk's own markers, so they read at this distance */
  const mark = r / 2.2;
  return { village: at(vx, vz), site, debris, centre, camera, radius: r, mark };
}

/** The visitor's village ring (pulsing) and the landslide's debris on the road while it is cut, read from the player each frame. */
function Markers({ player, story, frame }: { player: Player; story: Focus; frame: ReturnType<typeof villageFrame> }) {
  const ring = useRef<Mesh>(null);
  const debris = useRef<Mesh>(null);
  const scar = useRef<Mesh>(null);
  const geos = useMemo(() => ({ ring: new RingGeometry(0.22, 0.3, 40), debris: new ConeGeometry(0.28, 0.16, 9), scar: new CircleGeometry(0.32, 20) }), []);
  const mats = useMemo(
    () => ({
      ring: new MeshBasicMaterial({ color: '#ff8c00', transparent: true, opacity: 0.9, depthTest: false }),
      debris: new MeshLambertMaterial({ color: '#7a4a24' }),
      scar: new MeshLambertMaterial({ color: '#8b5a2b', transparent: true, opacity: 0.9 }),
    }),
    [],
  );
  useFrame((state) => {
    const st = player.state() as CountyState;
    const k = 1 + 0.18 * Math.sin(state.clock.elapsedTime * 4);
    ring.current?.scale.set(k, k, k);
    const link = story.link ? (st.links[story.link] ?? 'open') : 'open';
    if (debris.current) debris.current.visible = link === 'cut' || link === 'clearing';
    if (debris.current && link === 'clearing') debris.current.scale.setScalar(0.6);
    else debris.current?.scale.setScalar(1);
    if (scar.current) scar.current.visible = st.sites[story.site] === 'failed';
  });
  const [x, y, z] = frame.village;
  const m = frame.mark;
  return (
    <>
      <group scale={[m, m, m]} position={[x, y + 0.06, z]}>
        <mesh ref={ring} geometry={geos.ring} material={mats.ring} rotation={[-Math.PI / 2, 0, 0]} renderOrder={4} />
      </group>
      <mesh ref={scar} geometry={geos.scar} material={mats.scar} position={[frame.site[0], frame.site[1] + 0.06, frame.site[2]]} rotation={[-Math.PI / 2.6, 0, 0]} scale={[m, m, m]} visible={false} />
      <group scale={[m, m, m]} position={frame.debris}>
        <mesh ref={debris} geometry={geos.debris} material={mats.debris} visible={false} />
      </group>
    </>
  );
}

/** Shakes the camera about its resting place while `amount()` > 0 (an earthquake), every frame. */
function Shaker({ amount, size }: { amount: () => number; size: number }) {
  const camera = useThree((s) => s.camera);
  const last = useRef<[number, number]>([0, 0]);
  useFrame((state) => {
    const a = amount() * size;
    const t = state.clock.elapsedTime;
    const dx = a * Math.sin(t * 37) * 0.6;
    const dy = a * Math.sin(t * 29 + 1) * 0.4;
    camera.position.x += dx - last.current[0];
    camera.position.y += dy - last.current[1];
    last.current = [dx, dy];
  });
  return null;
}

/**
 * The county experiences' 3D view (rainstorm, earthquake, forest fire, typhoon): the county
 * scene (shared, unforked) framed on the visitor's village, with rain that follows the log's
 * hourly rainfall, the camera shaking in an earthquake, a ring on the village, the slide's debris
 * on the cut road, and place names. Driven by the Player's time: no React render per frame.
 */
export function HazardScene({ scenario, terrain, player, focus: story, names, lang, rain, shake }: HazardSceneProps) {
  const frame = useMemo(() => villageFrame(scenario, terrain, story), [scenario, terrain, story]);
  const layer = useRef<HTMLDivElement>(null);
  const labels = useMemo<LabelSpec[]>(() => {
    const out: LabelSpec[] = [
      { id: 'you', text: names.village, pos: [frame.village[0], frame.village[1] + 0.25, frame.village[2]], priority: 30, kind: 'you' },
      { id: 'site', text: names.site, pos: [frame.site[0], frame.site[1] + 0.9, frame.site[2]], priority: 9, kind: 'site' },
      { id: 'road', text: names.road, pos: [frame.debris[0], frame.debris[1] + 0.2, frame.debris[2]], priority: 8, kind: 'road' },
    ];
    const near = new Vector3(...frame.centre);
    for (const t of scenario.region.townships) {
      const [x, z] = terrain.project(t.position[0], t.position[1]);
      if (Math.hypot(x - near.x, z - near.z) < frame.radius * 3) out.push({ id: `t:${t.id}`, text: pickText(t.name, lang, t.id), pos: [x, terrain.heightAt(x, z) + 0.3, z], priority: 5, kind: 'seat' });
    }
    return out;
  }, [scenario, terrain, frame, names, lang]);
  const hot = useRef({ key: -1, ids: new Set<string>() as ReadonlySet<string> });
  const hotNow = () => {
    const st = player.state() as CountyState;
    if (hot.current.key !== st.applied) hot.current = { key: st.applied, ids: new Set(st.sites[story.site] === 'failed' ? ['site', 'road'] : []) };
    return hot.current;
  };
  const rainBox = useMemo(() => ({ centre: [frame.centre[0], frame.centre[1], frame.centre[2]] as const, half: frame.radius * 1.3 }), [frame]);
  const sky = useMemo(() => ['#dfe8ef', '#5b6673'] as const, []);
  return (
    <>
      <Canvas frameloop="always" dpr={[1, 1.5]} camera={{ position: frame.camera, fov: 45, near: 0.05, far: terrain.extent * 20 }} gl={{ antialias: true, preserveDrawingBuffer: true }}>
        <CountyScene scenario={scenario} terrain={terrain} player={player} target={frame.centre} />
        <Markers player={player} story={story} frame={frame} />
        {rain && <RainLayer center={rainBox.centre} half={rainBox.half} height={frame.radius * 1.6} intensity={rain} sky={sky} />}
        {shake && <Shaker amount={shake} size={frame.radius * 0.04} />}
        <LabelUpdater labels={labels} layer={layer} hot={hotNow} />
      </Canvas>
      <LabelSpans labels={labels} layer={layer} />
    </>
  );
}
