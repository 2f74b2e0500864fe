/** User-facing language: Chinese (zh-CN) by default, English on request. */
export type Lang = 'zh' | 'en';

/** Parses a `--lang` value; anything starting with "en" is English, everything else Chinese. Pure. */
export function parseLang(value: string | undefined): Lang {
  return value !== undefined && value.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
