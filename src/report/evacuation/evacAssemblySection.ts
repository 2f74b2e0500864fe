import { evacTargetLabel } from '../../cli/evacLabels.ts';
import { esc } from '../html.ts';
import { pct } from '../labels.ts';
import { exceedanceOf } from './evacCurves.ts';
import { secondsExceedanceChart, secondsHistogramChart } from './evacChartOptions.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/**
 * The distribution of the time to the 集合点: one exceedance curve P(time > t) per time target
 * (the assembly target first), with its limit marked, and a histogram of the time from the alarm
 * and from ignition. Drawn only when the input carries the histograms (`curves`).
 */
export function evacAssemblySection(c: EvacReportContext): string[] {
  const { m, lang, T, chart, input } = c;
  const curves = input.curves;
  const out: string[] = [`<section id="assembly">`, `<h2>${esc(T('到达集合点时间的分布', 'Distribution of the time to the assembly point'))}</h2>`];
  if (!curves) {
    out.push(`<p class="note">${esc(T('本报告未附直方图数据，无分布图。', 'This report was made without the histograms; no distribution charts.'))}</p>`, `</section>`);
    return out;
  }
  out.push(
    `<p class="note">${esc(
      T(
        '曲线为 P(用时 > t)：用时超过 t 秒的试验比例；红色虚线为目标时限，曲线在虚线处的高度即未达成概率。',
        'Each curve is P(time > t): the share of trials that took longer than t seconds; the red dashed line is the target, and the height of the curve there is the chance of missing it.',
      ),
    )}</p>`,
  );
  const timeTargets = m.targets.flatMap((t, k) => (t.unit === 's' && curves.targets[k] ? [{ t, k, h: curves.targets[k]! }] : []));
  timeTargets.sort((x, y) => Number(y.t.kind === 'allAssembledWithin') - Number(x.t.kind === 'allAssembledWithin'));
  if (!timeTargets.some((x) => x.t.kind === 'allAssembledWithin')) {
    const e = exceedanceOf(curves.assembly.fromAlarmS);
    if (e.t.length > 0)
      out.push(
        chart(
          secondsExceedanceChart({ ...e, target: null, xName: T('自警报起 t（秒）', 't from the alarm (s)'), yName: T('P(用时 > t)', 'P(time > t)') }),
          T('全员到达集合点：超时概率曲线 P(用时 > t)', 'Everyone at the assembly point: exceedance P(time > t)'),
        ),
      );
  }
  for (const { t, h } of timeTargets) {
    const e = exceedanceOf(h);
    const label = evacTargetLabel(t.kind, t.limit, lang);
    if (e.t.length === 0) {
      out.push(`<p class="note">${esc(T(`${label}：没有数据，无曲线。`, `${label}: no data, no curve.`))}</p>`);
      continue;
    }
    const late = t.metProbability.estimate === null ? null : 1 - t.metProbability.estimate;
    const from = t.kind === 'call119Within' ? T('自发现火情起', 'from detection') : T('自警报起', 'from the alarm');
    out.push(
      chart(
        secondsExceedanceChart({
          ...e,
          target: { s: t.limit, label: T(`目标 ${t.limit} 秒：未达成 ${pct(late)}`, `target ${t.limit} s: missed ${pct(late)}`) },
          xName: T(`${from} t（秒）`, `t ${from} (s)`),
          yName: T('P(用时 > t)', 'P(time > t)'),
        }),
        T(`${label}：超时概率曲线 P(用时 > t)`, `${label}: exceedance P(time > t)`),
      ),
    );
  }
  const assembledTarget = m.targets.find((t) => t.kind === 'allAssembledWithin');
  const { fromAlarmS, fromIgnitionS } = curves.assembly;
  if (fromAlarmS.counts.length + fromIgnitionS.counts.length > 0)
    out.push(
      chart(
        secondsHistogramChart({
          series: [
            { name: T('自警报起', 'from the alarm'), ...fromAlarmS, colour: '#2f5597' },
            { name: T('自起火起', 'from ignition'), ...fromIgnitionS, colour: '#e07b39' },
          ],
          target: assembledTarget ? { s: assembledTarget.limit, label: T(`目标 ${assembledTarget.limit} 秒（自警报起）`, `target ${assembledTarget.limit} s (from the alarm)`) } : null,
          xName: T('全员到达集合点的时间（秒）', 'time until everyone is at the assembly point (s)'),
          yName: T('试验占比', 'share of trials'),
        }),
        T('全员到达集合点时间的直方图（自警报起与自起火起）', 'Histogram of the time until everyone is at the assembly point (from the alarm and from ignition)'),
      ),
    );
  out.push(`</section>`);
  return out;
}
