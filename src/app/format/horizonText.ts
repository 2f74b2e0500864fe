import type { TFunction } from 'i18next';

/**
 * A scenario's horizon as a person reads it: hours up to 72 h, days beyond (2880 h → 120 天;
 * a part day to one decimal). `hours` in hours. Pure given `t`.
 */
export function horizonText(hours: number, t: TFunction): string {
  if (hours <= 72) return t('span.hours', { hours: Math.round(hours) });
  const days = Math.round((hours / 24) * 10) / 10;
  return t('span.days', { days });
}
