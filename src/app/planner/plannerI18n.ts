import i18next from 'i18next';
import { plannerEn } from './plannerEn.ts';
import { plannerZhCN } from './plannerZhCN.ts';

/**
 * Adds the planner strings (`planner.*`) to the catalogue once, deep-merged, so this page's
 * strings live in their own files. Call after initI18n (main.tsx runs it first).
 */
export function ensurePlannerI18n(): void {
  if (i18next.exists('planner.nav', { lng: 'zh-CN' })) return;
  i18next.addResourceBundle('zh-CN', 'translation', { planner: plannerZhCN }, true, false);
  i18next.addResourceBundle('en', 'translation', { planner: plannerEn }, true, false);
}
