import type { Bilingual } from '../net/types.ts';

/** The UI language as the data uses it: zh (default) or en. */
export type Lang = 'zh' | 'en';

/** Picks a text in the UI language, falling back to the Chinese; ids pass through. Pure. */
export function pickText(text: Bilingual | string | null | undefined, lang: Lang, fallback = ''): string {
  if (text == null) return fallback;
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** An i18next language code to the data's language. Pure. */
export function langOf(i18nLanguage: string | undefined): Lang {
  return i18nLanguage?.startsWith('en') ? 'en' : 'zh';
}
