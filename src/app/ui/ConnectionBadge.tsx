import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../net/DrillConnection.ts';

export interface ConnectionBadgeProps {
  status: ConnectionStatus;
  caughtUp: boolean;
}

/** Whether the live stream is up, catching up or reconnecting. */
export function ConnectionBadge({ status, caughtUp }: ConnectionBadgeProps) {
  const { t } = useTranslation();
  const key = status === 'live' && !caughtUp ? 'catchingUp' : status;
  return (
    <span className={`conn conn-${key}`} data-testid="connection" data-status={key} role="status">
      {t(`connection.${key}`)}
    </span>
  );
}
