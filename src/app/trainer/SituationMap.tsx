import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldCounty, recordsToEvents, type CountyState } from '../../../engine/playback/index.ts';
import type { ClockState } from '../net/DrillConnection.ts';
import type { EventFrame, MapInfo } from '../net/types.ts';
import { countyNames } from '../playback/describeEvent.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { scenarioFromMap, webglAvailable } from '../three/mapScenario.ts';
import { eventSubject, type Subject } from '../three/sceneSubject.ts';
import { Panel } from '../ui/Panel.tsx';
import { useFeedPicks } from './feedFocus.ts';
import { SituationText } from './SituationText.tsx';
import './situation.css';

// three.js and the scene: loaded only when a map is shown
const LiveCountyMap = lazy(() => import('../three/LiveCountyMap.tsx'));

/**
 * The value at most every `ms` (the latest one, trailing): the maps re-fold the records and
 * redraw at most twice a second however fast records arrive (3600× sends a batch every 50 ms).
 */
export function useThrottled<T>(value: T, ms = 500): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const id = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return shown;
}

export interface SituationMapProps {
  map: MapInfo;
  events: readonly EventFrame[];
  clock: ClockState | null;
}

/**
 * 态势图, the director's main view: the ground truth as the drill runs, folded by the playback
 * reducer from the engine events this connection received (staff get them all), drawn by the
 * county scene in a lazy chunk. Text only where WebGL is unavailable or the trainer prefers it.
 * An entry clicked in the event feed flies the map to what it is about (ring and card).
 */
export function SituationMap({ map, events, clock }: SituationMapProps) {
  const { t } = useTranslation();
  const gl = useMemo(() => webglAvailable(), []);
  const [shown, setShown] = useState(true);
  const scenario = useMemo(() => scenarioFromMap(map), [map]);
  const names = useMemo(() => countyNames(scenario), [scenario]);
  const received = useThrottled(events);
  const state = useMemo(() => foldCounty(scenario, recordsToEvents(received, { reports: false })) as CountyState, [scenario, received]);
  const three = gl && shown;
  const [focusOn, setFocusOn] = useState<{ subject: Subject; nonce: number } | null>(null);
  // the record's subject in the freshest fold (a fire's site, a delivery's village come from the state)
  const latest = useRef(state);
  latest.current = state;
  useFeedPicks((data) => {
    // an engine event, or an intelligence report (its link or site)
    const subject = eventSubject({ seq: 0, t: 0, type: '', ...data } as LogEvent, latest.current);
    if (subject) setFocusOn((f) => ({ subject, nonce: (f?.nonce ?? 0) + 1 }));
  });
  return (
    <Panel
      title={t('playback.map.title')}
      testId="situation-map"
      className="situation-panel"
      actions={
        gl ? (
          <button type="button" className="btn btn-quiet" data-testid="situation-toggle" onClick={() => setShown(!shown)}>
            {shown ? t('playback.map.hide') : t('playback.map.show')}
          </button>
        ) : undefined
      }
    >
      <p className="hint small">{gl ? t('playback.map.groundTruth') : t('playback.map.noWebgl')}</p>
      {three ? (
        <Suspense fallback={<p className="hint">{t('playback.map.loading')}</p>}>
          <LiveCountyMap scenario={scenario} state={state} clock={clock} hookName="director" testId="situation-canvas" focusOn={focusOn} names={names} />
        </Suspense>
      ) : null}
      {!three ? <SituationText state={state} names={names} testId="situation-text" /> : null}
    </Panel>
  );
}
