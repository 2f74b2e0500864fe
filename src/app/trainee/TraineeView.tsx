import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapNames } from '../format/MapNames.ts';
import { pickText } from '../format/pickText.ts';
import { selectCaughtUp, selectClock, selectClosedReason, selectEvents, selectReconnects, selectStatus } from '../net/snapshotSelectors.ts';
import { useConnection } from '../net/useConnection.ts';
import { useDrillInfo } from '../net/useDrillInfo.ts';
import { useDrillSelector } from '../net/useDrillSelector.ts';
import { EventFeed } from '../trainer/EventFeed.tsx';
import { TraineeActions } from '../trainer/TraineeActions.tsx';
import { ClockBar } from '../ui/ClockBar.tsx';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { useLang } from '../ui/useLang.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { Inbox } from './Inbox.tsx';
import { OwnResources } from './OwnResources.tsx';
import { PublicSignals } from './PublicSignals.tsx';
import { TraineeMap } from './TraineeMap.tsx';

export interface TraineeViewProps {
  token: string;
  onLeave: () => void;
}

/**
 * A trainee's screen: only what the server sends this position — released injects, reports,
 * public signals, their own resources and actions — and the actions their position may take.
 * After a dropped connection it reconnects and catches up from the last record received.
 */
export function TraineeView({ token, onLeave }: TraineeViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { info, error } = useDrillInfo(token);
  const conn = useConnection(token);
  const events = useDrillSelector(conn, selectEvents);
  const clock = useDrillSelector(conn, selectClock);
  const status = useDrillSelector(conn, selectStatus);
  const caughtUp = useDrillSelector(conn, selectCaughtUp);
  const closed = useDrillSelector(conn, selectClosedReason);
  const reconnects = useDrillSelector(conn, selectReconnects);
  const names = useMemo(() => new MapNames(info?.map ?? null), [info]);
  const you = info?.map.you;
  const phase = clock?.phase ?? info?.drill.phase ?? 'draft';

  return (
    <div className="page trainee" data-testid="trainee-view" data-events={events.length}>
      <header className="drill-head">
        <div>
          <h1 data-testid="drill-title">{info?.drill.title ?? t('app.loading')}</h1>
          <p className="sub" data-testid="my-position">
            {t('role.trainee')} · {you ? pickText(you.name, lang) : ''}
          </p>
        </div>
        <ClockBar clock={clock} />
        <ConnectionBadge status={status} caughtUp={caughtUp} />
        <button type="button" className="btn btn-quiet" onClick={onLeave}>
          {t('app.leave')}
        </button>
      </header>
      {status === 'reconnecting' && (
        <p className="banner warn" role="status" data-testid="reconnecting">
          {t('connection.banner')}
        </p>
      )}
      {reconnects > 0 && status === 'live' && caughtUp && (
        <p className="banner ok" data-testid="resumed">
          {t('connection.resumed', { count: reconnects })}
        </p>
      )}
      {closed && <ErrorNote error={{ code: closed, zh: t('connection.closedZh'), en: t('connection.closedEn') }} />}
      <ErrorNote error={error} />
      {info && you && <TraineeMap map={info.map} events={events} clock={clock} />}
      {info && you && (
        <div className="columns">
          <div className="col">
            <PublicSignals events={events} />
            <Inbox token={token} events={events} names={names} position={you.position} active={phase === 'running' || phase === 'paused'} />
            <EventFeed events={events} names={names} player />
          </div>
          <div className="col">
            <ActionPanel token={token} map={info.map} names={names} events={events} phase={phase} />
            <TraineeActions events={events} names={names} own />
            <OwnResources map={info.map} events={events} />
          </div>
        </div>
      )}
    </div>
  );
}
