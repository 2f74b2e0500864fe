import type { Lang, LogEvent } from '../../engine/index.ts';
import { msg } from './messages.ts';

/** How many recorded decisions the engine applied and refused (with the refusals' codes). */
export function decisionsLine(events: readonly LogEvent[], lang: Lang): string {
  const applied = events.filter((e) => e.type === 'decision.applied').length;
  const refused = events.filter((e) => e.type === 'decision.refused');
  const codes = [...new Set(refused.map((e) => String(e.code ?? (e.error as { code?: string } | undefined)?.code)))].join(', ');
  return msg(lang, 'decisionsPlayed', { applied, refused: refused.length, codes: codes === '' ? '—' : codes });
}
