import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n/lang.ts';
import { loadScenario, type LoadResult } from '../scenario/loadScenario.ts';
import { formatMessage } from '../scenario/messages.ts';

/** Reads and loads a scenario file; an unreadable file is a located problem, not a throw. */
export function loadScenarioFile(path: string, lang: Lang = 'zh'): LoadResult & { text?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      ok: false,
      problems: [{ file: path, line: 1, col: 1, path: [], message: formatMessage('fileRead', lang, { detail }), severity: 'error' }],
    };
  }
  return { ...loadScenario(text, path, lang), text };
}

/** SHA-256 (hex) of a scenario file's exact bytes, as recorded in manifests. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
