import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayMinutes, type ClockState } from '../net/DrillConnection.ts';
import { simTime } from '../format/simTime.ts';
import { horizonText } from '../format/horizonText.ts';

export interface ClockBarProps {
  clock: ClockState | null;
}

/**
 * The drill's phase, simulated time and speed. Between the server's clock frames (one a
 * second) the time is extrapolated for display only.
 */
export function ClockBar({ clock }: ClockBarProps) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!clock?.running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [clock?.running]);
  if (!clock) return <div className="clock-bar" data-testid="clock" />;
  const minutes = displayMinutes(clock, Math.max(now, clock.receivedAt));
  return (
    <div className="clock-bar" data-testid="clock" data-phase={clock.phase}>
      <span className={`phase phase-${clock.phase}`} data-testid="phase">
        {t(`phase.${clock.phase}`)}
      </span>
      <span className="sim-time" data-testid="sim-time" title={t('clock.simTimeHint')}>
        {simTime(minutes)}
      </span>
      <span className="speed">{t('clock.speed', { speed: clock.speed })}</span>
      <span className="horizon">{t('clock.horizon', { span: horizonText(clock.horizonMin / 60, t) })}</span>
    </div>
  );
}
