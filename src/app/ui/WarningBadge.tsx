import { useTranslation } from 'react-i18next';

export interface WarningBadgeProps {
  level: 'blue' | 'yellow' | 'orange' | 'red' | 'none';
  testId?: string;
}

/** A rainstorm warning signal (暴雨预警) in its colour, with its name written out. */
export function WarningBadge({ level, testId }: WarningBadgeProps) {
  const { t } = useTranslation();
  return (
    <span className={`badge warn-${level}`} data-testid={testId} data-level={level}>
      {t(`warning.${level}`)}
    </span>
  );
}
