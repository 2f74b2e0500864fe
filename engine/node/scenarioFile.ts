import { createHash } from 'node:crypto';
import type { Lang } from '../i18n/lang.ts';
import { loadScenario, type LoadResult } from '../scenario/loadScenario.ts';
import { cachedLoad } from './loadCache.ts';
import { readTextFile } from './readTextFile.ts';

/**
 * Reads and loads a county scenario file; an unreadable, oversized or non-UTF-8 file is a located
 * problem, not a throw. `text` is the file's exact text (see readTextFile).
 */
export function loadScenarioFile(path: string, lang: Lang = 'zh'): LoadResult & { text?: string } {
  const r = readTextFile(path, lang);
  if (!r.ok) return { ok: false, problems: [r.problem] };
  return { ...loadScenario(r.text, path, lang), text: r.text };
}

/** {@link loadScenarioFile} through the compiled CLI's cache of loaded scenarios (loadCache.ts); the same result. */
export function loadScenarioFileCached(path: string, lang: Lang = 'zh'): LoadResult & { text?: string } {
  const r = readTextFile(path, lang);
  if (!r.ok) return { ok: false, problems: [r.problem] };
  return { ...cachedLoad('county', path, lang, r.text, () => loadScenario(r.text, path, lang)), text: r.text };
}

/**
 * SHA-256 (hex) of a scenario file's exact bytes, as recorded in manifests: pass the bytes, or
 * the `text` a loader above returned — read as strict UTF-8 with any BOM kept (readTextFile), it
 * encodes back to exactly the file's bytes, so both give the same hash.
 */
export function sha256Hex(data: string | Uint8Array): string {
  const hash = createHash('sha256');
  return (typeof data === 'string' ? hash.update(data, 'utf8') : hash.update(data)).digest('hex');
}
