import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldCounty, recordsToEvents, type CountyState } from '../../../engine/playback/index.ts';
import type { ClockState } from '../net/DrillConnection.ts';
import type { EventFrame, MapInfo } from '../net/types.ts';
import { countyNames } from '../playback/describeEvent.ts';
import type { MapPick } from '../three/countyPicks.ts';
import { scenarioFromMap, webglAvailable } from '../three/mapScenario.ts';
import { useThrottled } from '../trainer/SituationMap.tsx';
import { SituationText } from '../trainer/SituationText.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { pickObject } from './actions/picked.ts';
import '../trainer/situation.css';

const LiveCountyMap = lazy(() => import('../three/LiveCountyMap.tsx'));

export interface TraineeMapProps {
  /** this position's map from `GET /api/drill` (its own teams and stock only) */
  map: MapInfo;
  /** the records this position received (the server's fog already applied) */
  events: readonly EventFrame[];
  clock: ClockState | null;
}

/**
 * 本岗位态势图: what this position knows, folded by the playback reducer from the records it was
 * sent and nothing else — engine events its fog let through, and reports of cuts and slides as
 * they arrived (a report gives no counts) — over the public map (places, roads, registered
 * sites, shelters, stores; its own teams and stock). Clicking a road, village, site, store or
 * shelter fills the action forms (actions/picked.ts).
 */
export function TraineeMap({ map, events, clock }: TraineeMapProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const gl = useMemo(() => webglAvailable(), []);
  const [shown, setShown] = useState(true);
  const [picked, setPicked] = useState<{ text: string; into: string } | null>(null);
  const scenario = useMemo(() => scenarioFromMap(map), [map]);
  const names = useMemo(() => countyNames(scenario), [scenario]);
  const received = useThrottled(events);
  const state = useMemo(() => foldCounty(scenario, recordsToEvents(received, { reports: true })) as CountyState, [scenario, received]);
  const onPick = useCallback(
    (p: MapPick) => {
      const took = pickObject(p);
      setPicked({
        text: t('playback.map.picked', { kind: t(`playback.map.kind.${p.kind}`), name: names.name(p.kind === 'link' ? 'link' : p.kind, p.id, lang) }),
        into: took.length ? t('playback.map.pickedInto', { forms: took.map((k) => t(`decision.${k}`)).join(lang === 'zh' ? '、' : ', ') }) : t('playback.map.pickedNowhere'),
      });
    },
    [names, lang, t],
  );
  const three = gl && shown;
  return (
    <Panel
      title={t('playback.map.titleTrainee')}
      testId="trainee-map"
      className="situation-panel"
      actions={
        gl ? (
          <button type="button" className="btn btn-quiet" data-testid="trainee-map-toggle" onClick={() => setShown(!shown)}>
            {shown ? t('playback.map.hide') : t('playback.map.show')}
          </button>
        ) : undefined
      }
    >
      <p className="hint small">{gl ? t('playback.map.traineeHint') : t('playback.map.noWebgl')}</p>
      {three ? (
        <Suspense fallback={<p className="hint">{t('playback.map.loading')}</p>}>
          <LiveCountyMap scenario={scenario} state={state} clock={clock} onPick={onPick} hookName="trainee" testId="trainee-canvas" />
        </Suspense>
      ) : (
        <SituationText state={state} names={names} testId="trainee-map-text" />
      )}
      {picked && (
        <p className="map-picked" role="status" data-testid="map-picked">
          {picked.text} · {picked.into}
        </p>
      )}
    </Panel>
  );
}
