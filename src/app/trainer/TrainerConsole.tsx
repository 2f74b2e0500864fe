import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSession, saveSession, type SavedSession } from '../net/savedSession.ts';
import { Panel } from '../ui/Panel.tsx';
import { CreateDrillForm } from './CreateDrillForm.tsx';
import { DirectorView } from './DirectorView.tsx';
import { JoinStaffForm } from './JoinStaffForm.tsx';

/**
 * 导调台: create a drill (or join one as director or evaluator), then run it. The token is kept
 * for this tab, so a reload comes back to the same drill.
 */
export function TrainerConsole() {
  const { t } = useTranslation();
  const [session, setSession] = useState<SavedSession | null>(() => loadSession('director'));
  const enter = (s: SavedSession) => {
    saveSession('director', s);
    setSession(s);
  };
  if (session)
    return (
      <DirectorView
        token={session.token}
        onLeave={() => {
          saveSession('director', null);
          setSession(null);
        }}
      />
    );
  return (
    <div className="page trainer-start">
      <Panel title={t('create.heading')} testId="create-panel">
        <CreateDrillForm onCreated={(c) => enter({ token: c.token, drillId: c.drillId, code: c.codeDisplay, positionCodes: c.positionCodes })} />
      </Panel>
      <Panel title={t('join.staffHeading')}>
        <JoinStaffForm onJoined={(j) => enter(j)} />
      </Panel>
    </div>
  );
}
