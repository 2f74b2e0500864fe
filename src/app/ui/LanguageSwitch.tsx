import { useTranslation } from 'react-i18next';

/** Switches the UI between 中文 and English (kept in localStorage). */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <button type="button" className="btn btn-quiet" data-testid="lang-switch" lang={en ? 'zh-CN' : 'en'} onClick={() => void i18n.changeLanguage(en ? 'zh-CN' : 'en')} aria-label={t('app.switchLanguage')}>
      {en ? '中文' : 'English'}
    </button>
  );
}
