import i18next from 'i18next';
import { playbackEn } from './playbackEn.ts';
import { playbackZhCN } from './playbackZhCN.ts';

/**
 * Adds the playback strings (`playback.*`) to the catalogue once, deep-merged, so this page's
 * strings live in their own files. Call after initI18n (main.tsx runs it first).
 */
export function ensurePlaybackI18n(): void {
  if (i18next.exists('playback.nav', { lng: 'zh-CN' })) return;
  i18next.addResourceBundle('zh-CN', 'translation', { playback: playbackZhCN }, true, false);
  i18next.addResourceBundle('en', 'translation', { playback: playbackEn }, true, false);
}
