import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import type { DecisionState } from './useDecision.ts';

export interface ActionResultProps {
  state: DecisionState;
  kind: string;
}

/** Under an action form: "accepted", or the server's refusal in place. */
export function ActionResult({ state, kind }: ActionResultProps) {
  const { t } = useTranslation();
  return (
    <>
      {state.accepted && (
        <p className="ok-note" role="status" data-testid={`${kind}-ok`}>
          {t('act.accepted')}
        </p>
      )}
      <ErrorNote error={state.error} testId={`${kind}-error`} />
    </>
  );
}
