import { loadAnyScenario, type AnyLoadResult } from '../evacuation/loadAnyScenario.ts';
import type { Lang } from '../i18n/lang.ts';
import { cachedLoad } from './loadCache.ts';
import { readTextFile } from './readTextFile.ts';

/**
 * Reads a scenario file of either model (county, or building with `model: evacuation`) and loads
 * it with its loader; an unreadable, oversized or non-UTF-8 file is a located problem (reported
 * as county), not a throw. `text` is the file's exact text (see readTextFile: its SHA-256 is the
 * file's).
 */
export function loadAnyScenarioFile(path: string, lang: Lang = 'zh'): AnyLoadResult & { text?: string } {
  const r = readTextFile(path, lang);
  if (!r.ok) return { ok: false, model: 'county', problems: [r.problem] };
  return { ...loadAnyScenario(r.text, path, lang), text: r.text };
}

/**
 * {@link loadAnyScenarioFile} for the CLI's commands that need a valid scenario: a file that
 * loaded before, unchanged, comes from the compiled CLI's cache (loadCache.ts) instead of being
 * parsed again; the same result either way.
 */
export function loadAnyScenarioFileCached(path: string, lang: Lang = 'zh'): AnyLoadResult & { text?: string } {
  const r = readTextFile(path, lang);
  if (!r.ok) return { ok: false, model: 'county', problems: [r.problem] };
  return { ...cachedLoad('any', path, lang, r.text, () => loadAnyScenario(r.text, path, lang)), text: r.text };
}
