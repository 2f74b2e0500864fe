import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import { useTranslation } from 'react-i18next';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import type { EvacRunResult } from '../../../engine/evacuation/runEvacuation.ts';
import { buildPlayback, type BuildingState } from '../../../engine/playback/index.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { Player } from '../playback/player.ts';
import { building3D, BuildingScene, groupHead } from '../three/BuildingScene.tsx';
import { LabelSpans, LabelUpdater, type LabelSpec } from '../three/LabelLayer.tsx';
import { mmss } from './kioskSummary.ts';
import { useReplayDriver } from './useReplayDriver.ts';

export interface SchoolPlay3DProps {
  scenario: EvacuationScenario;
  /** the visitor's run */
  log: EvacRunResult['log'];
  /** the visitor's group (its room id), pointed out by a marker */
  highlight: string | null;
  /** replay from → to (seconds since ignition) at `speed` simulated seconds per real second, then `onEnd` */
  play: { from: number; to: number; speed: number; onEnd?: () => void };
}

const NO_HOT = { key: 0, ids: new Set<string>() as ReadonlySet<string> };

/**
 * The school fire's replay in 3D (loaded lazily with three.js): the visitor's run of the real
 * evacuation engine through the shared 3D building scene — floors, rooms, stairs, exits, the
 * groups walking, the smoke front, the fire — with the visitor's class pointed out, floor, stair
 * and exit names, and the clock since ignition. Time lives in a Player driven by the kiosk's
 * paced clock; nothing re-renders per frame. The 2D drawing (BuildingView) stays for the
 * questions and where WebGL is missing.
 */
export default function SchoolPlay3D({ scenario: s, log, highlight, play }: SchoolPlay3DProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const geo = useMemo(() => building3D(s), [s]);
  const index = useMemo(() => buildPlayback({ model: 'building', scenario: s }, log), [s, log]);
  const player = useMemo(() => {
    const p = new Player(index);
    p.seek(play.from);
    return p;
  }, [index]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => player.dispose(), [player]);
  const driveTo = useReplayDriver(player);
  const onEnd = useRef(play.onEnd);
  onEnd.current = play.onEnd;
  useEffect(() => {
    player.seek(play.from);
    driveTo(play.to, Math.max(1, (play.to - play.from) / play.speed), () => onEnd.current?.());
  }, [player, driveTo, play.from, play.to, play.speed]);

  const clock = useRef<HTMLSpanElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const at = new Vector3();
    return player.onFrame(() => {
      if (clock.current) clock.current.textContent = t('kiosk.play.clock', { time: mmss(player.t) });
      // where the visitor's class is (for tests and screen readers of the page's state)
      const g = highlight ? (player.state() as BuildingState).groups[highlight] : undefined;
      if (g && stage.current) stage.current.dataset.me = `${g.state}@${groupHead(g, player.t, geo, at).toArray().map((v) => v.toFixed(1)).join(',')}`;
    });
  }, [player, t, highlight, geo]);

  const layer = useRef<HTMLDivElement>(null);
  const labels = useMemo<LabelSpec[]>(() => {
    const b = s.building;
    const out: LabelSpec[] = [];
    const xs = [...geo.nodePos.values()].map((p) => p.x);
    const left = Math.min(...xs) - 4;
    for (const f of b.floors) {
      const ps = b.nodes.filter((n) => n.floor === f.id && n.kind !== 'assembly').map((n) => geo.nodePos.get(n.id)!);
      const z = ps.length ? Math.max(...ps.map((p) => p.z)) + 4 : geo.center.z;
      out.push({ id: `f:${f.id}`, text: pickText(f.name, lang, f.id), pos: [left, geo.floorY.get(f.id)! + 0.5, z], priority: 20, kind: 'seat' });
    }
    for (const st of b.stairs) {
      const top = b.edges.filter((e) => e.stair === st.id).flatMap((e) => [e.from, e.to]).map((id) => geo.nodePos.get(id)!).filter(Boolean);
      const hi = top.reduce((a, p) => (p.y > a.y ? p : a), top[0] ?? geo.center);
      out.push({ id: `s:${st.id}`, text: pickText(st.name, lang, st.id), pos: [hi.x, hi.y + 3.4, hi.z], priority: 15, kind: 'site' });
    }
    const assembly = geo.nodePos.get(b.assembly);
    if (assembly) out.push({ id: 'assembly', text: t('kiosk.play.playground'), pos: [assembly.x, assembly.y + 1.5, assembly.z + 8], priority: 18, kind: 'seat' });
    return out;
  }, [s, geo, lang, t]);

  // from the south-west, high enough to see every floor and the playground; looking at the building's foot
  const look = new Vector3(geo.center.x, 0, geo.center.z);
  const camera = { position: [geo.center.x - geo.size * 0.25, geo.size * 0.72, geo.center.z + geo.size * 1.1] as [number, number, number], fov: 40, near: 0.5, far: geo.size * 20 };
  return (
    <div className="kiosk-rain-stage kiosk-school-3d" data-testid="kiosk-school-3d" ref={stage} style={{ height: 'calc(100vh - 250px)' }}>
      <Canvas frameloop="always" dpr={[1, 1.5]} camera={camera} gl={{ antialias: true, preserveDrawingBuffer: true }} onCreated={({ camera: c }) => c.lookAt(look)}>
        <BuildingScene scenario={s} geo={geo} player={player} highlight={highlight} controls={false} />
        <LabelUpdater labels={labels} layer={layer} hot={() => NO_HOT} />
      </Canvas>
      <LabelSpans labels={labels} layer={layer} />
      <div className="kiosk-rain-hud">
        <span className="kiosk-rain-clock" ref={clock} data-testid="kiosk-clock">
          {t('kiosk.play.clock', { time: mmss(play.from) })}
        </span>
      </div>
    </div>
  );
}
