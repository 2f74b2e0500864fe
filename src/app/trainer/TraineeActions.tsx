import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFrame } from '../net/types.ts';
import { describeDecision } from '../format/describeRecord.ts';
import type { MapNames } from '../format/MapNames.ts';
import { pickText } from '../format/pickText.ts';
import { simTime } from '../format/simTime.ts';
import { actionRecords } from '../state/selectors.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface TraineeActionsProps {
  events: readonly EventFrame[];
  names: MapNames;
  /** heading key: the director sees everyone's, a trainee their own */
  own?: boolean;
}

/** Trainee decisions as the server logged them, newest first, accepted or refused with why. */
export function TraineeActions({ events, names, own = false }: TraineeActionsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const actions = useMemo(() => actionRecords(events).reverse(), [events]);
  return (
    <Panel title={own ? t('actions.ownHeading') : t('actions.heading')} testId={own ? 'my-actions' : 'trainee-actions'}>
      <ol className="feed">
        {actions.map((a) => (
          <li key={`${a.participant}:${a.clientId}`} className={`action-${a.result}`}>
            <span className="time">{simTime(a.t)}</span>
            {!own && <span className="who">{names.name('position', a.position, lang)}</span>}
            <span className="what">{describeDecision(a.decision, names, lang, t)}</span>
            <span className={`tag ${a.result === 'accepted' ? 'ok' : 'bad'}`}>{t(`actions.${a.result}`)}</span>
            {a.error && <span className="why">{pickText(a.error, lang)}</span>}
          </li>
        ))}
        {!actions.length && <li className="empty">{t('actions.empty')}</li>}
      </ol>
    </Panel>
  );
}
