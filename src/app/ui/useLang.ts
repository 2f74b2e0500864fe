import { useTranslation } from 'react-i18next';
import { langOf, type Lang } from '../format/pickText.ts';

/** The data language (zh | en) of the current UI language; re-renders on a switch. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return langOf(i18n.language);
}
