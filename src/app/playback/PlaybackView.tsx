import { Canvas, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAIN_MARKERS, DECISION_MARKERS, type BuildingState, type CountyState, type PlaybackIndex } from '../../../engine/playback/index.ts';
import type { Translate } from '../format/describeRecord.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { simTime } from '../format/simTime.ts';
import { building3D, BuildingScene } from '../three/BuildingScene.tsx';
import { CountyScene } from '../three/CountyScene.tsx';
import { CountyLegend } from '../three/CountyLegend.tsx';
import { countyPickables, type MapPick } from '../three/countyPicks.ts';
import { countyTerrain } from '../three/countyTerrain.ts';
import { MapPicker } from '../three/MapPicker.tsx';
import { CameraRig, PickRing, SceneFocus } from '../three/SceneFocus.tsx';
import { eventSubject, pickIndex, subjectAt, type Subject } from '../three/sceneSubject.ts';
import { LabelSpans, LabelUpdater, VILLAGE_LABEL_DISTANCE, type LabelSpec } from '../three/LabelLayer.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { WarningBadge } from '../ui/WarningBadge.tsx';
import { countyNames, eventDescriber, type LoadedScenario } from './describeEvent.ts';
import { Player } from './player.ts';
import type { PositionView, TimelineMark } from './playbackViews.ts';
import { SubjectInfo } from './SubjectInfo.tsx';

export type { PositionView, TimelineMark } from './playbackViews.ts';

export interface PlaybackViewProps {
  index: PlaybackIndex;
  scenario: LoadedScenario;
  /** positions whose view the scene can switch to (a drill from the server) */
  views?: readonly PositionView[];
  marks?: readonly TimelineMark[];
}

const SPEEDS = [1, 10, 60, 300, 600, 1800, 3600];

/** Seconds since ignition as "mm:ss" (building logs). Pure. */
function clockS(s: number): string {
  const v = Math.max(0, Math.floor(s));
  return `T+${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;
}

/** Hands the frame loop's invalidate to the player, so a time change redraws a demand-driven canvas. */
function Invalidator({ player }: { player: Player }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => player.onFrame(() => invalidate()), [player, invalidate]);
  return null;
}

/**
 * The playback of one log: the 3D scene (code-split with the page), the HUD, the timeline with
 * chain and decision markers, play/pause/speed/step, and the event list in step with the scene.
 * Time lives in the Player; React re-renders only when the applied event count changes.
 */
export function PlaybackView({ index, scenario, views = [], marks = [] }: PlaybackViewProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  // the timeline runs to the last thing anyone received (a report can come after the last engine event)
  const endT = useMemo(() => Math.max(index.endT, ...views.map((v) => v.index.endT)), [index, views]);
  const player = useMemo(() => new Player(index, endT), [index, endT]);
  useEffect(() => () => player.dispose(), [player]);
  useSyncExternalStore(player.subscribe, player.snapshot);
  const clockRef = useRef<HTMLSpanElement>(null);
  const scrubRef = useRef<HTMLInputElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [speed, setSpeed] = useState(player.speed);
  const [viewId, setViewId] = useState('');
  const pickedRef = useRef<Subject | null>(null);
  const focus = useMemo(() => new SceneFocus(), []);
  const view = views.find((v) => v.id === viewId) ?? null;
  useEffect(() => player.setView(view?.index ?? null), [player, view]);
  const unit = index.model.unit;
  const fmt = (x: number) => (unit === 'min' ? simTime(x) : clockS(x));

  // the clock text and the scrubber follow every time change without a React render
  useEffect(
    () =>
      player.onFrame(() => {
        if (clockRef.current) clockRef.current.textContent = fmt(player.t);
        if (scrubRef.current && document.activeElement !== scrubRef.current) scrubRef.current.value = String(player.t);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [player],
  );

  useEffect(() => {
    if (import.meta.env.MODE === 'test') {
      (window as unknown as Record<string, unknown>).__yanlianPlayback = {
        seek: (x: number) => player.seek(x),
        state: () => structuredClone(player.state()),
        t: () => player.t,
        view: (id: string) => setViewId(id),
        picked: () => pickedRef.current,
        cameraTarget: () => focus.target,
        views: views.map((v) => v.id),
        endT,
        events: index.events.length,
      };
    }
  }, [player, index, views, endT, focus]);

  const describe = useMemo(() => eventDescriber(scenario, lang, t as unknown as Translate, (k) => i18n.exists(k)), [scenario, lang, t, i18n]);
  const lines = useMemo(() => index.events.map(describe), [index, describe]);
  const markers = useMemo(
    () => [
      ...index.events
        .map((e, i) => ({ i: String(i), t: e.t, kind: DECISION_MARKERS.has(e.type) ? 'decision' : CHAIN_MARKERS.has(e.type) ? 'chain' : '', label: '' }))
        .filter((m) => m.kind),
      ...marks.map((m, i) => ({ i: `m${i}`, t: m.t, kind: m.kind, label: `${m.kind === 'inject' ? t('playback.markInject') : t('playback.markNote')}：${m.label}` })),
    ],
    [index, marks, t],
  );

  const st = player.state();
  const n = player.applied;
  useEffect(() => {
    listRef.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [n]);

  const county = scenario.model === 'county' ? scenario : null;
  const terrain = useMemo(() => (county ? countyTerrain(county.scenario) : null), [county]);
  const geo = useMemo(() => (scenario.model === 'building' ? building3D(scenario.scenario) : null), [scenario]);

  // what is picked (an event's subject or a click on the map), the ring round it and the camera's flight there
  const picks = useMemo(() => (county && terrain ? countyPickables(county.scenario, terrain) : []), [county, terrain]);
  const pickIdx = useMemo(() => pickIndex(picks), [picks]);
  const names = useMemo(() => (county ? countyNames(county.scenario) : null), [county]);
  const [picked, setPicked] = useState<Subject | null>(null);
  pickedRef.current = picked;
  const whereIs = (sj: Subject | null) => {
    const s = player.state();
    return sj && county && terrain && s.model === 'county' ? subjectAt(county.scenario, terrain, pickIdx, s, player.t, sj) : null;
  };
  focus.where = () => whereIs(picked);
  if (terrain) focus.distance = Math.max(4, terrain.extent * 0.45);
  const choose = (sj: Subject | null, fly: boolean) => {
    setPicked(sj);
    if (!sj || !fly) return;
    const at = whereIs(sj);
    if (at) focus.fly(at);
  };
  const onMapPick = (p: MapPick) => choose(p, true);

  const labels: LabelSpec[] = useMemo(() => {
    if (county && terrain) {
      const s = county.scenario;
      const at = (lon: number, lat: number, lift: number): [number, number, number] => {
        const [x, z] = terrain.project(lon, lat);
        return [x, terrain.heightAt(x, z) + lift, z];
      };
      return [
        ...s.region.townships.map((tw) => ({ id: `t:${tw.id}`, text: pickText(tw.name, lang), pos: at(tw.position[0], tw.position[1], 0.6), priority: 3, kind: 'seat' })),
        ...s.region.villages.map((v) => ({ id: `v:${v.id}`, text: pickText(v.name, lang), pos: at(v.position[0], v.position[1], 0.3), priority: 1, kind: 'village' })),
      ];
    }
    if (scenario.model === 'building' && geo) {
      const b = scenario.scenario.building;
      return [
        ...b.floors.map((f) => {
          const ps = b.nodes.filter((x) => x.floor === f.id && x.kind !== 'assembly').map((x) => geo.nodePos.get(x.id)!);
          return { id: `f:${f.id}`, text: pickText(f.name, lang), pos: [Math.min(...ps.map((p) => p.x)) - 6, geo.floorY.get(f.id)! + 1, Math.max(...ps.map((p) => p.z))] as [number, number, number], priority: 3, kind: 'seat' };
        }),
        ...b.rooms.map((r) => {
          const p = geo.nodePos.get(r.node)!;
          return { id: `r:${r.id}`, text: pickText(r.name, lang), pos: [p.x, p.y + 2.6, p.z] as [number, number, number], priority: 1, kind: 'village' };
        }),
        { id: 'assembly', text: t('playback.building.assembly'), pos: [geo.nodePos.get(b.assembly)!.x, 1.5, geo.nodePos.get(b.assembly)!.z] as [number, number, number], priority: 4, kind: 'seat' },
      ];
    }
    return [];
  }, [county, terrain, scenario, geo, lang, t]);

  const hotCache = useRef<{ key: number; ids: Set<string> }>({ key: -1, ids: new Set() });
  const hot = () => {
    const s = player.state();
    if (hotCache.current.key === s.applied) return hotCache.current;
    const ids = new Set<string>();
    if (s.model === 'county' && county) {
      const bySite = new Map(county.scenario.hazardSites.map((h) => [h.id, h.village]));
      for (const [id, v] of Object.entries(s.sites)) if (v !== 'stable') ids.add(`v:${bySite.get(id)}`);
      for (const v of Object.keys(s.relief)) ids.add(`v:${v}`);
    } else if (s.model === 'building' && s.fire.room && !s.fire.out) ids.add(`r:${s.fire.room}`);
    hotCache.current = { key: s.applied, ids };
    return hotCache.current;
  };

  const camera = terrain
    ? { position: [0, terrain.extent * 1.55, terrain.extent * 1.35] as [number, number, number], fov: 45, near: 0.1, far: terrain.extent * 20 }
    : geo
      ? { position: [geo.center.x - geo.size * 0.4, geo.size * 0.8, geo.center.z + geo.size * 1.2] as [number, number, number], fov: 45, near: 0.5, far: geo.size * 20 }
      : undefined;

  return (
    <div className="pb-view" data-testid="pb-view" data-model={scenario.model} data-applied={n}>
      <div className="pb-stage" data-warning={st.model === 'county' ? st.warning : undefined} data-testid="pb-stage">
        <Canvas frameloop="demand" camera={camera} dpr={[1, 2]} data-testid="pb-canvas" gl={{ antialias: true }}>
          <Invalidator player={player} />
          {county && terrain ? <CountyScene scenario={view?.scenario.model === 'county' ? view.scenario.scenario : county.scenario} terrain={terrain} player={player} rain /> : null}
          {scenario.model === 'building' && geo ? <BuildingScene scenario={scenario.scenario} geo={geo} player={player} /> : null}
          <LabelUpdater labels={labels} layer={layer} hot={hot} maxDistance={terrain ? { village: terrain.extent * VILLAGE_LABEL_DISTANCE } : undefined} />
          {county ? (
            <>
              <CameraRig focus={focus} />
              <PickRing focus={focus} />
              <MapPicker items={picks} onPick={onMapPick} />
            </>
          ) : null}
        </Canvas>
        <LabelSpans labels={labels} layer={layer} />
        <Hud st={st} clockRef={clockRef} fmt={fmt} />
        {county ? <CountyLegend /> : null}
        {picked && names && st.model === 'county' ? <SubjectInfo subject={picked} scenario={view?.scenario.model === 'county' ? view.scenario.scenario : county!.scenario} st={st} names={names} onClose={() => setPicked(null)} /> : null}
        {view ? (
          <p className="pb-view-hint" data-testid="pb-view-hint">
            {t('playback.view.hint', { name: view.name })}
          </p>
        ) : null}
      </div>
      <div className="pb-controls">
        {views.length ? (
          <label className="pb-view-pick">
            {t('playback.view.label')}{' '}
            <select data-testid="pb-view-select" value={viewId} onChange={(e) => setViewId(e.target.value)}>
              <option value="">{t('playback.view.truth')}</option>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {t('playback.view.position', { name: v.name })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" data-testid="pb-prev" onClick={() => player.prev()} title={t('playback.prev')}>
          « {t('playback.prev')}
        </button>
        <button type="button" data-testid="pb-play" onClick={() => (player.playing ? player.pause() : player.play())}>
          {player.playing ? `❚❚ ${t('playback.pause')}` : `▶ ${t('playback.play')}`}
        </button>
        <button type="button" data-testid="pb-next" onClick={() => player.next()} title={t('playback.next')}>
          {t('playback.next')} »
        </button>
        <label>
          {t('playback.speed')}{' '}
          <select
            data-testid="pb-speed"
            value={speed}
            onChange={(e) => {
              player.speed = Number(e.target.value);
              setSpeed(player.speed);
            }}
          >
            {SPEEDS.map((x) => (
              <option key={x} value={x}>
                {x}×
              </option>
            ))}
          </select>
        </label>
        <div className="pb-scrub">
          <input
            ref={scrubRef}
            type="range"
            min={0}
            max={endT}
            step="any"
            defaultValue={0}
            aria-label={t('playback.scrub')}
            data-testid="pb-scrub"
            onInput={(e) => player.seek(Number((e.target as HTMLInputElement).value))}
          />
          <div className="pb-markers" aria-hidden="true">
            {markers.map((m) => (
              <span key={m.i} className={`pb-marker pb-marker-${m.kind}`} title={m.label || undefined} style={{ left: `${(100 * m.t) / Math.max(1e-9, endT)}%` }} />
            ))}
          </div>
        </div>
        <span className="pb-end">{fmt(endT)}</span>
      </div>
      <aside className={view ? 'pb-events pb-events-split' : 'pb-events'}>
        {view ? <ReceivedList view={view} player={player} describe={describe} fmt={fmt} /> : null}
        <h3>
          {t('playback.events')} {n} / {index.events.length}
        </h3>
        <ol ref={listRef} data-testid="pb-events">
          {windowOf(lines.length, n).map((i) => (
            <li key={i} className={i === n - 1 ? 'current' : i >= n ? 'future' : ''} data-seq={index.events[i]!.seq} onClick={() => {
                player.seekEvent(i + 1);
                const s = player.state();
                const sj = s.model === 'county' ? eventSubject(index.events[i]!, s) : null;
                if (sj) choose(sj, true);
              }}>
              <span className="pb-ev-t">{fmt(index.events[i]!.t)}</span> {lines[i]}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

/**
 * "What did they know?" beside the map: the records the shown position received (the events and
 * reports its view is folded from), with when each arrived; those received by now in black, the
 * last one marked, the rest greyed — in step with the scrubber. A click jumps to that moment.
 */
function ReceivedList({ view, player, describe, fmt }: { view: PositionView; player: Player; describe: (e: PositionView['index']['events'][number]) => string; fmt: (x: number) => string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLOListElement>(null);
  const n = player.viewApplied;
  const total = view.index.events.length;
  useEffect(() => {
    ref.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [n, view]);
  const lines = useMemo(() => view.index.events.map(describe), [view, describe]);
  return (
    <section className="pb-received" data-testid="pb-received" data-count={n}>
      <h3>
        {t('playback.records.heading')} · {view.name}
        <span className="small"> {n ? t('playback.records.count', { n, total }) : t('playback.records.none')}</span>
      </h3>
      <ol ref={ref}>
        {windowOf(total, n).map((i) => (
          <li key={i} className={i === n - 1 ? 'current' : i >= n ? 'future' : ''} data-i={i} onClick={() => player.seek(view.index.events[i]!.t)}>
            <span className="pb-ev-t">{fmt(view.index.events[i]!.t)}</span> {lines[i]}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The list shows the events around the current one (a long log is not rendered whole). */
function windowOf(total: number, n: number): number[] {
  const from = Math.max(0, n - 80);
  const to = Math.min(total, Math.max(n + 40, from + 120));
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function Hud({ st, clockRef, fmt }: { st: CountyState | BuildingState; clockRef: React.RefObject<HTMLSpanElement | null>; fmt: (x: number) => string }) {
  const { t } = useTranslation();
  return (
    <div className="pb-hud" data-testid="pb-hud">
      <div className="pb-clock">
        <span ref={clockRef} data-testid="pb-clock">
          {fmt(0)}
        </span>
      </div>
      {st.model === 'county' ? (
        <>
          <div>
            {t('playback.response')} <LevelBadge level={(['I', 'II', 'III', 'IV', 'ended'].includes(st.response) ? st.response : 'none') as 'I'} size="large" />
          </div>
          <div>
            {t('playback.warningSignal')} <WarningBadge level={(['blue', 'yellow', 'orange', 'red'].includes(st.warning) ? st.warning : 'none') as 'red'} testId="pb-warning" />
          </div>
          <div className="pb-counts">
            <span data-testid="pb-affected">
              {t('playback.affected')} <b>{st.affected}</b>
            </span>
            <span data-testid="pb-relocated">
              {t('playback.relocated')} <b>{st.relocated}</b>
            </span>
            <span data-testid="pb-dead">
              {t('playback.deadMissing')} <b>{st.deadMissing}</b>
            </span>
          </div>
          {st.rainHour !== null ? <div className="small">{t('playback.rain', { mm: st.rainMm })}</div> : null}
        </>
      ) : (
        <>
          <div data-testid="pb-phase">
            {t('playback.building.phase')}：<b>{t(`playback.building.phases.${st.phase}`)}</b>
          </div>
          <div>
            {t('playback.building.fire')}：<b>{st.fire.room ? (st.fire.out ? t('playback.building.fireOut') : t('playback.building.burning')) : '—'}</b>
          </div>
          <div data-testid="pb-assembled">
            {t('playback.building.assembled')}：<b>{st.assembled}</b>
          </div>
          {!st.exitsOpen ? <div className="small">{t('playback.building.exitsLocked')}</div> : null}
        </>
      )}
    </div>
  );
}
