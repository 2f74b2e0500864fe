import { useState } from 'react';
import { loadSession, saveSession, type SavedSession } from '../net/savedSession.ts';
import { JoinForm } from './JoinForm.tsx';
import { TraineeView } from './TraineeView.tsx';

export interface TraineeScreenProps {
  /** a position's code from its join link (`#/trainee?code=…`) */
  code?: string | null;
  /** ignored: the position comes from its code (old links named one beside the drill code) */
  position?: string | null;
}

/** 演练人员: join with the position's own code (its join link), then take part. */
export function TraineeScreen({ code }: TraineeScreenProps) {
  const [session, setSession] = useState<SavedSession | null>(() => loadSession('trainee'));
  if (session)
    return (
      <TraineeView
        token={session.token}
        onLeave={() => {
          saveSession('trainee', null);
          setSession(null);
        }}
      />
    );
  return (
    <JoinForm
      code={code ?? ''}
      onJoined={(s) => {
        saveSession('trainee', s);
        setSession(s);
      }}
    />
  );
}
