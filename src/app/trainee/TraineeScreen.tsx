import { useState } from 'react';
import { loadSession, saveSession, type SavedSession } from '../net/savedSession.ts';
import { JoinForm } from './JoinForm.tsx';
import { TraineeView } from './TraineeView.tsx';

export interface TraineeScreenProps {
  /** a drill code and position from a join link (`#/trainee?code=…&position=…`) */
  code?: string | null;
  position?: string | null;
}

/** 演练人员: join with the drill code and a position, then take part. */
export function TraineeScreen({ code, position }: TraineeScreenProps) {
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
      position={position ?? ''}
      onJoined={(s) => {
        saveSession('trainee', s);
        setSession(s);
      }}
    />
  );
}
