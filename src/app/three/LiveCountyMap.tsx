import { Canvas, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountyState, PlaybackState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { MapNames } from '../format/MapNames.ts';
import { langOf } from '../format/pickText.ts';
import { displayMinutes, type ClockState } from '../net/DrillConnection.ts';
import '../playback/playback.css';
import { SubjectInfo } from '../playback/SubjectInfo.tsx';
import { countyLabels, hotVillages } from './countyLabels.ts';
import { countyPickables, drawnObjects, type MapPick } from './countyPicks.ts';
import { CountyLegend } from './CountyLegend.tsx';
import { CountyScene } from './CountyScene.tsx';
import { countyTerrain } from './countyTerrain.ts';
import { LabelSpans, LabelUpdater, VILLAGE_LABEL_DISTANCE } from './LabelLayer.tsx';
import { MapPicker } from './MapPicker.tsx';
import { CameraRig, PickRing, SceneFocus } from './SceneFocus.tsx';
import type { SceneSource } from './sceneSource.ts';
import { pickIndex, subjectAt, type Subject } from './sceneSubject.ts';

export interface LiveCountyMapProps {
  /** what the map may draw (scenarioFromMap: the viewer's public map) */
  scenario: Scenario;
  /** the records received so far, folded (engine/playback foldCounty) */
  state: CountyState;
  clock: ClockState | null;
  /** a click on a road, village, site, store or shelter */
  onPick?: (p: MapPick) => void;
  /** the test hook's name, `window.__yanlianMap[name]` (only in `--mode test` builds) */
  hookName: string;
  testId?: string;
  /**
   * fly to this (a record chosen in the event feed): the camera eases there, a ring circles it
   * and its card shows its name and state; a new `nonce` flies again. Needs `names` for the card.
   */
  focusOn?: { subject: Subject; nonce: number } | null;
  names?: MapNames;
}

/** The live source: the latest fold, and the drill clock extrapolated between the server's ticks. */
class LiveSource implements SceneSource {
  constructor(
    public st: CountyState,
    public clock: ClockState | null,
  ) {}
  get t(): number {
    return Math.max(this.st.t, displayMinutes(this.clock, Date.now()));
  }
  state(): PlaybackState {
    return this.st;
  }
}

/** Whether a team or a relief truck is on its way (the map must redraw while the clock runs). Pure. */
function moving(st: CountyState): boolean {
  return Object.values(st.teams).some((x) => x.leg) || Object.values(st.deliveries).some((d) => d.leg);
}

/** Redraws the demand-driven canvas when the state changes, and once a second while the drill runs with something moving; else never. */
function Invalidator({ version, running }: { version: number; running: boolean }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [version, invalidate]);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => invalidate(), 1000);
    return () => clearInterval(id);
  }, [running, invalidate]);
  return null;
}

/**
 * A live county map (态势图): the county scene drawn from the records a viewer has received —
 * the director's ground truth, or a trainee position's view — with place names, a legend, and
 * clicks on places reported through `onPick`. In its own lazy chunk with three.js: the console
 * and the trainee screen load it only when the map is shown. React renders on new records only;
 * teams move in the scene's frame loop.
 */
export default function LiveCountyMap({ scenario, state, clock, onPick, hookName, testId, focusOn = null, names }: LiveCountyMapProps) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const terrain = useMemo(() => countyTerrain(scenario), [scenario]);
  const labels = useMemo(() => countyLabels(scenario, terrain, lang), [scenario, terrain, lang]);
  const picks = useMemo(() => countyPickables(scenario, terrain), [scenario, terrain]);
  const src = useMemo(() => new LiveSource(state, clock), [scenario]); // eslint-disable-line react-hooks/exhaustive-deps
  src.st = state;
  src.clock = clock;
  const layer = useRef<HTMLDivElement>(null);
  const locate = useRef<((kind: string, id: string) => { x: number; y: number; hit: MapPick | null } | null) | null>(null);
  // an entry chosen in the feed: the ring follows it (a moving team), the camera flies there once per nonce
  const focus = useMemo(() => new SceneFocus(), []);
  const pickIdx = useMemo(() => pickIndex(picks), [picks]);
  const [picked, setPicked] = useState<Subject | null>(null);
  const whereIs = (sj: Subject | null) => (sj ? subjectAt(scenario, terrain, pickIdx, src.st, src.t, sj) : null);
  focus.where = () => whereIs(picked);
  focus.distance = Math.max(4, terrain.extent * 0.45);
  useEffect(() => {
    if (!focusOn) return;
    setPicked(focusOn.subject);
    const at = subjectAt(scenario, terrain, pickIdx, src.st, src.t, focusOn.subject);
    if (at) focus.fly(at);
  }, [focusOn, scenario, terrain, pickIdx, src, focus]);
  const hot = useMemo(() => {
    let cache = { key: -1, ids: new Set<string>() as ReadonlySet<string> };
    return () => {
      if (cache.key !== src.st.applied) cache = { key: src.st.applied, ids: hotVillages(scenario, src.st) };
      return cache;
    };
  }, [scenario, src]);

  useEffect(() => {
    if (import.meta.env.MODE !== 'test') return;
    const w = window as unknown as { __yanlianMap?: Record<string, unknown> };
    w.__yanlianMap ??= {};
    w.__yanlianMap[hookName] = {
      drawn: () => drawnObjects(scenario, src.st),
      applied: () => src.st.applied,
      locate: (kind: string, id: string) => locate.current?.(kind, id) ?? null,
      picked: () => pickedRef.current,
      cameraTarget: () => focus.target,
    };
    return () => {
      delete w.__yanlianMap![hookName];
    };
  }, [hookName, scenario, src, focus]);
  const pickedRef = useRef<Subject | null>(null);
  pickedRef.current = picked;

  const camera = { position: [0, terrain.extent * 1.45, terrain.extent * 1.05] as [number, number, number], fov: 45, near: 0.1, far: terrain.extent * 20 };
  return (
    <div className="pb-stage live-map" data-testid={testId} data-applied={state.applied}>
      <Canvas frameloop="demand" camera={camera} dpr={[1, 2]} gl={{ antialias: true }}>
        <Invalidator version={state.applied} running={!!clock?.running && moving(state)} />
        <CountyScene scenario={scenario} terrain={terrain} player={src} rain />
        <LabelUpdater labels={labels} layer={layer} hot={hot} maxDistance={{ village: terrain.extent * VILLAGE_LABEL_DISTANCE }} />
        {onPick ? <MapPicker items={picks} onPick={onPick} locate={locate} /> : null}
        <CameraRig focus={focus} />
        <PickRing focus={focus} />
      </Canvas>
      <LabelSpans labels={labels} layer={layer} />
      <CountyLegend />
      {picked && names ? <SubjectInfo subject={picked} scenario={scenario} st={state} names={names} onClose={() => setPicked(null)} /> : null}
    </div>
  );
}
