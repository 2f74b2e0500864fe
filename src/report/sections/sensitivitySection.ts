import type { Lang } from '../../../engine/index.ts';
import type { McSummary, McSweep } from '../../../engine/montecarlo/index.ts';
import { tornadoChart } from '../chartOptions.ts';
import { esc, nc, num, table } from '../html.ts';
import { headlineLabel, pct } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';

/** The sensitivity section: the tornado of a sweep, or how to make one. */
export function sensitivitySection(c: ReportContext): string[] {
  const { input, m, lang, T, chart } = c;
  const out: string[] = [];
  // sensitivity
  out.push(`<section id="sensitivity">`, `<h2>${esc(T('敏感性分析（龙卷风图）', 'Sensitivity (tornado)'))}</h2>`);
  if (!input.sweep)
    out.push(
      `<p class="note">${esc(
        T(
          '本次运行未做参数扫描。用 yanlian sweep 场景文件 --set 路径=值1,值2 … --report 报告.html 生成含龙卷风图的报告。',
          'No parameter sweep in this run. Use yanlian sweep FILE --set path=v1,v2 … --report OUT.html for a report with the tornado.',
        ),
      )}</p>`,
    );
  else out.push(...sensitivity(input.sweep, m, lang, chart));
  out.push(`</section>`);
  return out;
}

/** The tornado section: the swept parameters, then one tornado chart and table per headline estimate. */
function sensitivity(
  sw: McSweep,
  base: McSummary,
  lang: Lang,
  chart: ReportContext['chart'],
): string[] {
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const valueText = (v: string | null) => (v === null ? T('基准', 'base') : v);
  const out: string[] = [
    `<p class="note">${esc(
      T(
        `每个参数单独改变、其余保持基准；所有运行使用同一主种子 ${sw.seed} 和 ${sw.trials} 次试验（公共随机数），差异只来自参数。波动幅度 = 基准与该参数各取值下估计值的最大值 − 最小值。`,
        `Each parameter is changed alone, the rest kept at base; every run uses the same master seed ${sw.seed} and ${sw.trials} trials (common random numbers), so differences come from the parameter alone. Swing = max − min of the estimate over the base and the parameter's values.`,
      ),
    )}</p>`,
    table(
      [esc(T('参数（路径）', 'parameter (path)')), esc(T('取值', 'values')), esc(T('改动的字段数', 'fields changed'))],
      sw.parameters.map((p) => [
        `<th scope="row"><code>${esc(p.path)}</code></th>`,
        esc(p.runs.map((r) => r.value).join(', ')),
        nc(esc(p.runs.map((r) => r.changes.length).join(', '))),
      ]),
    ),
  ];
  sw.tornado.forEach((e, k) => {
    const label = headlineLabel(base, e.key, lang);
    out.push(`<h3>${esc(label)}${esc(T(`（基准 ${pct(e.base)}）`, ` (base ${pct(e.base)})`))}</h3>`);
    if (e.bars.every((b) => b.swing === 0)) {
      out.push(`<p class="note">${esc(T('各参数均未改变此估计值（波动幅度为 0）。', 'No parameter changed this estimate (every swing is 0).'))}</p>`);
    } else {
      out.push(
        chart(
          tornadoChart({
            params: e.bars.map((b) => b.path),
            low: e.bars.map((b) => b.low?.estimate ?? null),
            high: e.bars.map((b) => b.high?.estimate ?? null),
            lowLabel: e.bars.map((b) => (b.low ? valueText(b.low.value) : '')),
            highLabel: e.bars.map((b) => (b.high ? valueText(b.high.value) : '')),
            base: e.base,
            baseLabel: T(`基准 ${pct(e.base)}`, `base ${pct(e.base)}`),
            xName: label,
          }),
          T(`龙卷风图：${label}`, `Tornado: ${label}`),
        ),
      );
    }
    out.push(
      table(
        [
          esc(T('排序', 'rank')),
          esc(T('参数', 'parameter')),
          esc(T('最低（取值）', 'lowest (at)')),
          esc(T('最高（取值）', 'highest (at)')),
          esc(T('波动幅度（百分点）', 'swing (points)')),
          esc(T('各取值下的估计值', 'estimate at each value')),
        ],
        e.bars.map((b, j) => {
          const p = `tornado.${k}.bars.${j}`;
          return [
            nc(String(j + 1)),
            `<code>${esc(b.path)}</code>`,
            nc(b.low ? `${num(`${p}.low.estimate`, b.low.estimate, pct(b.low.estimate), 'data-sweep')} (${esc(valueText(b.low.value))})` : '—'),
            nc(b.high ? `${num(`${p}.high.estimate`, b.high.estimate, pct(b.high.estimate), 'data-sweep')} (${esc(valueText(b.high.value))})` : '—'),
            nc(num(`${p}.swing`, b.swing, (b.swing * 100).toFixed(1), 'data-sweep')),
            b.estimates.map((x, i) => `${esc(x.value)}: ${num(`${p}.estimates.${i}.estimate`, x.estimate, pct(x.estimate), 'data-sweep')}`).join('；'),
          ];
        }),
      ),
    );
  });
  return out;
}
