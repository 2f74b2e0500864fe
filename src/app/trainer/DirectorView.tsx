import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapNames } from '../format/MapNames.ts';
import { selectCaughtUp, selectClock, selectCommitment, selectEvents, selectStatus } from '../net/snapshotSelectors.ts';
import { useConnection } from '../net/useConnection.ts';
import { useDrillInfo } from '../net/useDrillInfo.ts';
import { useDrillSelector } from '../net/useDrillSelector.ts';
import { ClockBar } from '../ui/ClockBar.tsx';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { CommitmentPanel } from './CommitmentPanel.tsx';
import { ControlBar } from './ControlBar.tsx';
import { DebriefPanel } from './DebriefPanel.tsx';
import { EventFeed } from './EventFeed.tsx';
import { InjectList } from './InjectList.tsx';
import { JoinCodes } from './JoinCodes.tsx';
import { NoteForm } from './NoteForm.tsx';
import { SituationMap } from './SituationMap.tsx';
import { PublicSignals } from '../trainee/PublicSignals.tsx';
import { TraineeActions } from './TraineeActions.tsx';

export interface DirectorViewProps {
  token: string;
  onLeave: () => void;
}

/**
 * The director's (导调) and evaluator's view of one running drill: join codes, lifecycle and
 * clock controls, the MSEL with release buttons, the ground-truth feed, the trainees' actions,
 * the commitment and, after the drill, the report and its verification. Everything shown is
 * what the server sent; the console holds no simulation state.
 */
export function DirectorView({ token, onLeave }: DirectorViewProps) {
  const { t } = useTranslation();
  const { info, error } = useDrillInfo(token);
  const conn = useConnection(token);
  const events = useDrillSelector(conn, selectEvents);
  const clock = useDrillSelector(conn, selectClock);
  const status = useDrillSelector(conn, selectStatus);
  const caughtUp = useDrillSelector(conn, selectCaughtUp);
  const commitment = useDrillSelector(conn, selectCommitment);
  const names = useMemo(() => new MapNames(info?.map ?? null), [info]);
  const isDirector = info?.you.role === 'director';
  const phase = clock?.phase ?? info?.drill.phase ?? 'draft';

  return (
    <div className="page director" data-testid="director-view">
      <header className="drill-head">
        <div>
          <h1 data-testid="drill-title">{info?.drill.title ?? t('app.loading')}</h1>
          <p className="sub">
            {t(`role.${info?.you.role ?? 'director'}`)} · {info ? t(`mode.${info.drill.mode}`) : ''}
          </p>
        </div>
        <ClockBar clock={clock} />
        <ConnectionBadge status={status} caughtUp={caughtUp} />
        <button type="button" className="btn btn-quiet" onClick={onLeave}>
          {t('app.leave')}
        </button>
      </header>
      <ErrorNote error={error} />
      {info && (
        <>
          {isDirector && <ControlBar token={token} phase={phase} speed={clock?.speed ?? info.drill.speed} />}
          <div className="situation-row">
            <SituationMap map={info.map} events={events} clock={clock} />
            <EventFeed events={events} names={names} />
          </div>
          <div className="grid">
            <JoinCodes code={info.drill.code ?? ''} positions={info.map.positions} events={events} />
            <PublicSignals events={events} />
            <InjectList token={token} events={events} phase={phase} names={names} canRelease={isDirector} positions={info.map.positions} />
            <TraineeActions events={events} names={names} />
            <CommitmentPanel commitment={commitment} mode={info.drill.mode} events={events} />
            {phase !== 'draft' && <NoteForm token={token} />}
            {(phase === 'ended' || phase === 'debriefed') && <DebriefPanel token={token} phase={phase} />}
          </div>
        </>
      )}
    </div>
  );
}
