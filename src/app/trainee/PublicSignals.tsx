import { useTranslation } from 'react-i18next';
import type { EventFrame } from '../net/types.ts';
import { countyWarning, responseLevel, weatherSignal } from '../state/selectors.ts';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { Panel } from '../ui/Panel.tsx';
import { WarningBadge } from '../ui/WarningBadge.tsx';

export interface PublicSignalsProps {
  events: readonly EventFrame[];
}

/** What everyone knows: the county response level, the weather office's signal, the county's warning. */
export function PublicSignals({ events }: PublicSignalsProps) {
  const { t } = useTranslation();
  return (
    <Panel title={t('signals.heading')} testId="public-signals">
      <dl className="signals">
        <dt>{t('signals.response')}</dt>
        <dd>
          <LevelBadge level={responseLevel(events)} size="large" />
        </dd>
        <dt>{t('signals.weather')}</dt>
        <dd>
          <WarningBadge level={weatherSignal(events)} testId="weather-signal" />
        </dd>
        <dt>{t('signals.county')}</dt>
        <dd>
          <WarningBadge level={countyWarning(events)} testId="county-warning" />
        </dd>
      </dl>
    </Panel>
  );
}
