import { esc } from '../html.ts';
import type { Text } from '../labels.ts';
import type { KitContext, KitInput, KitSummary } from './kitContext.ts';

/** What a model puts on the cover besides the shared facts. */
export interface CoverSpec {
  /** the report's title (the page's h1) */
  title: Text;
  /** added after the scenario id in the subtitle's brackets (e.g. "，建筑疏散") */
  kind?: Text;
  /** the horizon as the facts line says it ("24 小时", "900 s") */
  horizon: Text;
  /** lines after the partial-run banner (precision notes, headline people) */
  extra?: string[];
  /** how to read the numbers: units, quantiles, intervals (the method note) */
  method: Text;
}

/**
 * The report's cover, the same for every model: title, scenario and id, the run's facts (trials,
 * master seed, horizon, engine), a banner when the run was interrupted, then the model's extra
 * lines and the method note (how to read the numbers).
 */
export function coverSection<I extends KitInput<KitSummary>>(c: KitContext<I>, spec: CoverSpec): string[] {
  const { m, zh, name, lang, T } = c;
  const out: string[] = [
    `<header>`,
    `<h1>${esc(spec.title[lang])}</h1>`,
    `<p class="subtitle">${esc(name)}${zh ? '（' : ' ('}${esc(m.scenario.id)}${spec.kind ? esc(spec.kind[lang]) : ''}${zh ? '）' : ')'}</p>`,
    `<p class="facts">${esc(
      T(
        `试验 ${m.trials} 次 · 主种子 ${m.seed} · 时域 ${spec.horizon.zh} · 引擎 ${m.engineVersion}`,
        `${m.trials} trials · master seed ${m.seed} · horizon ${spec.horizon.en} · engine ${m.engineVersion}`,
      ),
    )}</p>`,
  ];
  if (m.partial)
    out.push(
      `<p class="banner">${esc(
        T(
          `运行被中断：结果只含前 ${m.trials} 次试验（共请求 ${m.trialsRequested} 次），标记为 partial。`,
          `Interrupted: the results cover the first ${m.trials} of ${m.trialsRequested} trials requested, marked partial.`,
        ),
      )}</p>`,
    );
  out.push(...(spec.extra ?? []), `<p class="note">${esc(spec.method[lang])}</p>`, `</header>`);
  return out;
}
