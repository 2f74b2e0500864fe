import { evacTargetLabel } from '../../cli/evacLabels.ts';
import { esc, nc, num, table } from '../html.ts';
import { coverSection } from '../kit/coverSection.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/** The report's cover: the kit's cover with the horizon in seconds, the precision note, the people in the building and how to read the numbers. */
export function evacHeaderSection(c: EvacReportContext): string[] {
  const { m, zh, T, n } = c;
  const extra: string[] = [];
  if (m.stoppedBy === 'untilSe' && m.untilSe)
    extra.push(
      `<p class="note">${esc(
        T(`精度已达到（主要概率的标准误 ≤ ${m.untilSe.se}），在 ${m.trials} 次后停止。`, `Precision reached (headline standard errors ≤ ${m.untilSe.se}); stopped after ${m.trials} trials.`),
      )}</p>`,
    );
  const p = m.people;
  extra.push(
    `<p>${
      zh
        ? `平均在楼人数 ${n('people.meanTotal', p.meanTotal, 1)}，困在电梯 ${n('people.meanTrappedInLift', p.meanTrappedInLift, 1)}，时域内未撤出 ${n('people.meanNotEvacuated', p.meanNotEvacuated, 1)}。`
        : `Mean people in the building ${n('people.meanTotal', p.meanTotal, 1)}, trapped in the lift ${n('people.meanTrappedInLift', p.meanTrappedInLift, 1)}, not evacuated within the horizon ${n('people.meanNotEvacuated', p.meanNotEvacuated, 1)}.`
    }</p>`,
  );
  return coverSection(c, {
    title: { zh: '疏散演练蒙特卡洛模拟报告', en: 'Evacuation Monte Carlo report' },
    kind: { zh: '，建筑疏散', en: ', building evacuation' },
    horizon: { zh: `${m.horizonS} 秒`, en: `${m.horizonS} s` },
    extra,
    method: {
      zh: '时间单位为秒；分位数 P50/P90/P95/P99 按 1 秒分箱计算（误差 ≤ 0.5 秒），“—”表示落在时域内未发生的试验中；概率均附 Wilson 95% 置信区间与标准误。',
      en: 'Times are in seconds; quantiles P50/P90/P95/P99 over 1-second bins (within 0.5 s), "—" where they fall among trials where it never happened within the horizon; every probability has its Wilson 95% interval and standard error.',
    },
  });
}

/** Headline: time to the 集合点 from the alarm and from ignition; the plan's targets with their attainment. */
export function evacHeadlineSection(c: EvacReportContext): string[] {
  const { m, lang, T, prob, probHead, secs, n } = c;
  const a = m.assembly;
  const timeRows = [
    [esc(T('全员到达集合点，自警报起', 'everyone at the assembly point, from the alarm')), nc(n('assembly.fromAlarmS.mean', a.fromAlarmS.mean, 1)), ...secs('assembly.fromAlarmS', a.fromAlarmS)],
    [esc(T('全员到达集合点，自起火起', 'everyone at the assembly point, from ignition')), nc(n('assembly.fromIgnitionS.mean', a.fromIgnitionS.mean, 1)), ...secs('assembly.fromIgnitionS', a.fromIgnitionS)],
    [esc(T('119 报警，自发现火情起', '119 call, from detection')), nc('—'), ...secs('call119', m.call119)],
    [esc(T('清点人数上报，自警报起', 'headcount reported, from the alarm')), nc('—'), ...secs('headcount', m.headcount)],
  ];
  const out: string[] = [
    `<section id="headline">`,
    `<h2>${esc(T('主要结果：到达集合点的时间', 'Headline: time to the assembly point'))}</h2>`,
    table([esc(T('时间（秒）', 'time (s)')), esc(T('均值', 'mean')), 'P50', 'P90', 'P95', 'P99'], timeRows),
    table(
      [esc(T('概率', 'probability')), ...probHead.map(esc)],
      [[esc(T(`时域（${m.horizonS} 秒）内全员到达集合点`, `everyone at the assembly point within the horizon (${m.horizonS} s)`)), ...prob('assembly.everyoneProbability', a.everyoneProbability)]],
    ),
  ];
  if (m.targets.length > 0) {
    const rows = m.targets.map((t, k) => {
      const q = t.achieved;
      const achieved = 'n' in q ? secs(`targets.${k}.achieved`, q, ['p50', 'p90', 'p99']) : (['p50', 'p90', 'p99'] as const).map((key) => nc(n(`targets.${k}.achieved.${key}`, q[key], 0)));
      return [
        `<th scope="row">${esc(evacTargetLabel(t.kind, t.limit, lang))}</th>`,
        nc(`${num(`targets.${k}.limit`, t.limit, String(t.limit))} ${esc(t.unit === 's' ? T('秒', 's') : T('人', 'persons'))}`),
        ...prob(`targets.${k}.metProbability`, t.metProbability),
        ...achieved,
      ];
    });
    out.push(
      `<h3>${esc(T('演练目标', 'Targets'))}</h3>`,
      table(
        [
          esc(T('目标', 'target')),
          esc(T('时限 / 上限', 'limit')),
          ...probHead.map((h) => esc(`${T('达成', 'met')} ${h}`)),
          esc(T('实际 P50', 'achieved P50')),
          'P90',
          'P99',
        ],
        rows,
      ),
      `<p class="note">${esc(
        T(
          '实际值：时间类目标为秒（119 自发现火情起，其余自警报起），烟气目标为受侵袭人数；“—”表示该分位落在未发生的试验中。',
          'Achieved: seconds for the time targets (119 from detection, the others from the alarm), persons exposed for the smoke target; "—" where the quantile falls among trials where it never happened.',
        ),
      )}</p>`,
    );
  }
  out.push(`</section>`);
  return out;
}
