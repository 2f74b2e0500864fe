import { readFileSync } from 'node:fs';
import { loadAnyScenario, type AnyLoadResult } from '../evacuation/loadAnyScenario.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatMessage } from '../scenario/messages.ts';

/**
 * Reads a scenario file of either model (county, or building with `model: evacuation`) and loads
 * it with its loader; an unreadable file is a located problem (reported as county), not a throw.
 */
export function loadAnyScenarioFile(path: string, lang: Lang = 'zh'): AnyLoadResult & { text?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      ok: false,
      model: 'county',
      problems: [{ file: path, line: 1, col: 1, path: [], message: formatMessage('fileRead', lang, { detail }), severity: 'error' }],
    };
  }
  return { ...loadAnyScenario(text, path, lang), text };
}
