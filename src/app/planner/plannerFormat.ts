import type { Proportion } from '../../../engine/montecarlo/proportion.ts';
import type { Lang } from '../../../engine/i18n/lang.ts';

/** A probability as a percentage with one decimal ("63.1%"), or "—". Pure. */
export function pct(p: number | null | undefined): string {
  return p == null ? '—' : `${(p * 100).toFixed(1)}%`;
}

/** A Wilson interval as "[60.0%, 66.1%]", or "—". Pure. */
export function ci(p: Proportion): string {
  return p.ci95 ? `[${pct(p.ci95[0])}, ${pct(p.ci95[1])}]` : '—';
}

/** A number with at most `d` decimals, or "—". Pure. */
export function num(x: number | null | undefined, d = 1): string {
  return x == null ? '—' : String(Math.round(x * 10 ** d) / 10 ** d);
}

/** Seconds left as "45 秒" / "2 分 05 秒" / "4 小时 08 分" (zh) or "45 s" / "2 min 05 s" / "4 h 08 min" (en). Pure. */
export function duration(secs: number, lang: Lang): string {
  const s = Math.max(0, Math.round(secs));
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60);
  if (h) {
    const mm = String(m % 60).padStart(2, '0');
    return lang === 'en' ? `${h} h ${mm} min` : `${h} 小时 ${mm} 分`;
  }
  const r = String(s % 60).padStart(m ? 2 : 1, '0');
  if (lang === 'en') return m ? `${m} min ${r} s` : `${r} s`;
  return m ? `${m} 分 ${r} 秒` : `${r} 秒`;
}
