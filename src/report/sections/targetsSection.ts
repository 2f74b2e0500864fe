import { exceedanceChart } from '../chartOptions.ts';
import { esc, nc, num, table } from '../html.ts';
import { pct } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';

/** The plan's targets: attainment with intervals, and one exceedance curve per target. */
export function targetsSection(c: ReportContext): string[] {
  const { m, lang, H, T, chart, prob, hq, probHead } = c;
  const out: string[] = [];
  const rows = m.targets.map((t, k) => [
    `<th scope="row">${esc(t.name[lang])}</th>`,
    nc(num(`targets.${k}.hours`, t.hours, String(t.hours))),
    nc(num(`targets.${k}.applied`, t.applied, String(t.applied))),
    ...prob(`targets.${k}.metProbability`, t.metProbability),
    ...hq(`targets.${k}.achievedHours`, t.achievedHours, ['p50', 'p90', 'p99']),
  ]);
  out.push(
    `<section id="targets">`,
    `<h2>${esc(T('规划目标：达成概率与超时概率曲线', 'Targets: attainment and exceedance curves'))}</h2>`,
    `<p class="note">${esc(
      T(
        '曲线为 P(用时 > t)：在目标适用的试验中，最慢一例的用时超过 t 小时的概率；红色虚线为目标时限。',
        'Each curve is P(hours > t): over the trials the target applied to, the chance that its slowest case took longer than t hours; the red dashed line is the target.',
      ),
    )}</p>`,
  );
  if (m.targets.length > 0)
    out.push(
      table(
        [
          esc(T('目标', 'target')),
          esc(T('时限（h）', 'limit (h)')),
          esc(T('适用次数', 'applied')),
          ...probHead.map((h) => esc(`${T('达成', 'met')} ${h}`)),
          esc(T('实际用时 P50（h）', 'achieved P50 (h)')),
          'P90',
          'P99',
        ],
        rows,
      ),
    );
  for (const t of m.targets) {
    out.push(`<h3>${esc(t.name[lang])}</h3>`);
    if (t.applied === 0 || t.exceedance.length === 0) {
      out.push(`<p class="note">${esc(T('没有试验适用此目标，无曲线。', 'No trial applied to this target; no curve.'))}</p>`);
      continue;
    }
    const late = t.metProbability.estimate === null ? null : 1 - t.metProbability.estimate;
    out.push(
      chart(
        exceedanceChart({
          hours: t.exceedance.map((_, i) => Math.round(i * m.curveStepHours * 1e6) / 1e6),
          exceedance: t.exceedance,
          targetHours: t.hours,
          horizonHours: H,
          targetLabel: T(`目标 ${t.hours} h：超时 ${pct(late)}`, `target ${t.hours} h: late ${pct(late)}`),
          xName: T('用时 t（小时）', 't (hours)'),
          yName: T('P(用时 > t)', 'P(hours > t)'),
        }),
        T(`${t.name.zh}：超时概率曲线 P(用时 > t)`, `${t.name.en}: exceedance P(hours > t)`),
      ),
    );
  }
  out.push(`</section>`);
  return out;
}
