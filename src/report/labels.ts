import type { Lang } from '../../engine/index.ts';
import type { HoursQuantiles, McSummary, Proportion, ResponseLevel, Tier } from '../../engine/montecarlo/index.ts';

export type Text = { zh: string; en: string };

/** Warehouse tiers ("1+9+15+N"). */
export const TIER_NAME: Record<Tier, Text> = {
  county: { zh: '县级库', en: 'county' },
  township: { zh: '乡镇库', en: 'township' },
  village: { zh: '村储备点', en: 'village' },
  agreement: { zh: '协议代储', en: 'agreement' },
};

/** Response levels, with the colour word so that colour is never the only cue. */
export const LEVEL_NAME: Record<ResponseLevel | 'none', Text> = {
  none: { zh: '未启动', en: 'none' },
  IV: { zh: 'Ⅳ级（蓝）', en: 'Level IV (blue)' },
  III: { zh: 'Ⅲ级（黄）', en: 'Level III (yellow)' },
  II: { zh: 'Ⅱ级（橙）', en: 'Level II (orange)' },
  I: { zh: 'Ⅰ级（红）', en: 'Level I (red)' },
};

/** The Chinese colours of the response levels: Ⅰ red, Ⅱ orange, Ⅲ yellow, Ⅳ blue; grey for none. */
export const LEVEL_COLOUR: Record<ResponseLevel | 'none', string> = {
  none: '#9e9e9e',
  IV: '#1f6fd1',
  III: '#f5c400',
  II: '#f08c00',
  I: '#d7191c',
};

export const SHORTFALL_UNIT: Record<string, Text> = {
  personDays: { zh: '人·天', en: 'person-days' },
  people: { zh: '人', en: 'people' },
  units: { zh: '单位', en: 'units' },
};

/**
 * A headline key (`reserves.<item>.stockoutProbability`, `…shortfallProbability`,
 * `targets.<id>.metProbability`) in words, from the names in the summary. Pure.
 */
export function headlineLabel(s: McSummary, key: string, lang: Lang): string {
  const m = /^(reserves|targets)\.(.+)\.(stockoutProbability|shortfallProbability|metProbability)$/.exec(key);
  if (!m) return key;
  const [, group, id, what] = m;
  const name =
    group === 'reserves'
      ? s.reserves.items.find((i) => i.id === id)?.name[lang]
      : s.targets.find((t) => t.id === id)?.name[lang];
  const suffix: Record<string, Text> = {
    stockoutProbability: { zh: '断货概率', en: 'P(stock-out)' },
    shortfallProbability: { zh: '缺口概率', en: 'P(shortfall)' },
    metProbability: { zh: '达成概率', en: 'P(met)' },
  };
  return `${name ?? id} ${suffix[what!]![lang]}`;
}

/** A probability as a percentage: 1 decimal, 2 below 0.1% so that a rare event never reads 0.0%. Pure. */
export function pct(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  if (p === 0) return '0%';
  return `${(p * 100).toFixed(Math.abs(p) < 0.001 ? 2 : 1)}%`;
}

/** A signed difference of probabilities in percentage points. Pure. */
export function pctPoints(d: number | null): string {
  if (d === null) return '—';
  const s = (d * 100).toFixed(1);
  return d > 0 ? `+${s}` : d < 0 ? s : '0.0';
}

/** An hour quantile: 1 decimal; null (past the horizon) as ">H". Pure. */
export function hoursText(x: number | null | undefined, horizon: number, n: number): string {
  if (n === 0) return '—';
  return x === null || x === undefined ? `>${horizon}` : x.toFixed(1);
}

/** p50 / p90 (/ p99) of an hour quantile, for plain-text tables. Pure. */
export function hoursTriple(q: HoursQuantiles | null, horizon: number): string {
  if (!q || q.n === 0) return '—';
  const parts = [hoursText(q.p50, horizon, q.n), hoursText(q.p90, horizon, q.n)];
  if ('p99' in q) parts.push(hoursText(q.p99, horizon, q.n));
  return parts.join(' / ');
}

/** The Proportion behind a headline key in a summary (for its interval), or null. Pure. */
export function headlineProportion(s: McSummary, key: string): Proportion | null {
  const m = /^(reserves|targets)\.(.+)\.(stockoutProbability|shortfallProbability|metProbability)$/.exec(key);
  if (!m) return null;
  if (m[1] === 'targets') return m[3] === 'metProbability' ? (s.targets.find((t) => t.id === m[2])?.metProbability ?? null) : null;
  const it = s.reserves.items.find((i) => i.id === m[2]);
  if (!it) return null;
  return m[3] === 'stockoutProbability' ? it.stockoutProbability : m[3] === 'shortfallProbability' ? it.shortfallProbability : null;
}

/** "32.0% (25.1–39.4%)", or "—" with nothing to estimate from. Pure. */
export function probWithCi(p: Proportion | null): string {
  if (!p || p.estimate === null || !p.ci95) return '—';
  return `${pct(p.estimate)} (${pct(p.ci95[0])}–${pct(p.ci95[1])})`;
}
