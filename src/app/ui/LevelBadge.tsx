import { useTranslation } from 'react-i18next';

export interface LevelBadgeProps {
  /** the county response level; `none` before any, `ended` after the response ends */
  level: 'I' | 'II' | 'III' | 'IV' | 'none' | 'ended';
  size?: 'normal' | 'large';
}

/**
 * A county response level (应急响应) coloured the Chinese way — Ⅰ red, Ⅱ orange, Ⅲ yellow,
 * Ⅳ blue — and always written out, so colour is never the only cue.
 */
export function LevelBadge({ level, size = 'normal' }: LevelBadgeProps) {
  const { t } = useTranslation();
  return (
    <span className={`badge level-${level} ${size === 'large' ? 'badge-large' : ''}`} data-testid="response-level" data-level={level}>
      {t(`level.${level}`)}
    </span>
  );
}
