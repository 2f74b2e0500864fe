import { useTranslation } from 'react-i18next';
import type { EventFrame } from '../net/types.ts';
import { revealPublished } from '../state/selectors.ts';
import { Panel } from '../ui/Panel.tsx';

export interface CommitmentPanelProps {
  commitment: string | null;
  mode: 'open' | 'blind';
  events: readonly EventFrame[];
}

/**
 * The SHA-256 commitment the server published at the briefing (scenario, seed, schedule, salt),
 * and whether the debrief has revealed what it stands for.
 */
export function CommitmentPanel({ commitment, mode, events }: CommitmentPanelProps) {
  const { t } = useTranslation();
  const revealed = revealPublished(events);
  return (
    <Panel title={t('commitment.heading')} testId="commitment">
      {commitment ? (
        <>
          <p className="hash" data-testid="commitment-hash">
            {commitment}
          </p>
          <p className="hint">{mode === 'blind' ? t('commitment.blindHint') : t('commitment.openHint')}</p>
          <p className={`tag ${revealed ? 'ok' : ''}`}>{revealed ? t('commitment.revealed') : t('commitment.sealed')}</p>
        </>
      ) : (
        <p className="hint">{t('commitment.none')}</p>
      )}
    </Panel>
  );
}
