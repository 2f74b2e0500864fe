import { probabilityBars } from '../chartOptions.ts';
import { esc, nc, table } from '../html.ts';
import { pct } from '../labels.ts';
import { groupedBarsChart } from './evacChartOptions.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/** People exposed to smoke: mean, quantiles and P(anyone). */
export function evacExposureSection(c: EvacReportContext): string[] {
  const { m, T, prob, probHead, ppl } = c;
  const e = m.exposure;
  return [
    `<section id="exposure">`,
    `<h2>${esc(T('烟气侵袭', 'Smoke exposure'))}</h2>`,
    table(
      [esc(T('受烟气侵袭人数', 'people exposed to smoke')), esc(T('均值', 'mean')), 'P50', 'P90', 'P99'],
      [[esc(T('每次试验', 'per trial')), nc(ppl('exposure.exposed', e.exposed, 'mean')), nc(ppl('exposure.exposed', e.exposed, 'p50')), nc(ppl('exposure.exposed', e.exposed, 'p90')), nc(ppl('exposure.exposed', e.exposed, 'p99'))]],
    ),
    table([esc(T('概率', 'probability')), ...probHead.map(esc)], [[esc(T('有人受烟气侵袭', 'anyone exposed to smoke')), ...prob('exposure.anyProbability', e.anyProbability)]]),
    `<p class="note">${esc(
      T('受侵袭：在有烟的通道中累计停留（含排队）达到场景设定的秒数；低姿前进时剂量减半。', 'Exposed: time spent in smoky passages (queueing included) reached the threshold set in the scenario; low posture halves the dose.'),
    )}</p>`,
    `</section>`,
  ];
}

/** Who put the fire out: the 灭火 role's extinguisher or the fire brigade. */
export function evacFireSection(c: EvacReportContext): string[] {
  const { m, T, chart, prob, probHead } = c;
  const f = m.fire;
  const cats = [T('灭火组用灭火器扑灭初起火灾', 'knocked down by the firefighting role (extinguisher)'), T('消防队扑灭', 'put out by the fire brigade')];
  const ps = [f.knockedDownProbability, f.outByBrigadeProbability];
  const out = [
    `<section id="fire">`,
    `<h2>${esc(T('火灾由谁扑灭', 'Who put the fire out'))}</h2>`,
    table(
      [esc(T('概率', 'probability')), ...probHead.map(esc)],
      [
        [esc(cats[0]!), ...prob('fire.knockedDownProbability', f.knockedDownProbability)],
        [esc(cats[1]!), ...prob('fire.outByBrigadeProbability', f.outByBrigadeProbability)],
      ],
    ),
  ];
  if (m.trials > 0)
    out.push(
      chart(
        probabilityBars({
          categories: cats,
          values: ps.map((p) => p.estimate),
          ci: ps.map((p) => p.ci95),
          colours: ['#3a8d5b', '#c0504d'],
          labels: ps.map((p) => pct(p.estimate)),
          horizontal: true,
          valueName: T('概率（95% 置信区间）', 'probability (95% interval)'),
        }),
        T('火灾由谁扑灭（概率与 95% 置信区间）', 'Who put the fire out (probability with 95% interval)'),
      ),
    );
  out.push(`</section>`);
  return out;
}

/** Per stair: the largest queue at the mouth of any of its flights, and the longest wait. */
export function evacStairsSection(c: EvacReportContext): string[] {
  const { m, lang, T, chart, ppl, n } = c;
  const rows = m.stairs.map((s, k) => [
    `<th scope="row">${esc(s.name[lang])}</th>`,
    ...(['mean', 'p50', 'p90', 'p99'] as const).map((key) => nc(ppl(`stairs.${k}.maxQueue`, s.maxQueue, key))),
    nc(n(`stairs.${k}.meanMaxWaitS`, s.meanMaxWaitS, 1)),
  ]);
  const out = [
    `<section id="stairs">`,
    `<h2>${esc(T('楼梯排队', 'Stair queues'))}</h2>`,
    `<p class="note">${esc(T('每次试验中，各楼梯任一梯段入口处同时等候的最多人数，以及最长等待时间。', 'Per trial, the most people waiting at once at the mouth of any flight of the stair, and the longest wait there.'))}</p>`,
    table(
      [esc(T('楼梯', 'stair')), esc(T('最大排队均值（人）', 'largest queue, mean (persons)')), 'P50', 'P90', 'P99', esc(T('最长等待均值（秒）', 'mean longest wait (s)'))],
      rows,
    ),
  ];
  if (m.stairs.length > 0 && m.trials > 0)
    out.push(
      chart(
        groupedBarsChart({
          categories: m.stairs.map((s) => s.name[lang]),
          series: [
            { name: T('均值', 'mean'), values: m.stairs.map((s) => s.maxQueue.mean), colour: '#2f5597' },
            { name: 'P90', values: m.stairs.map((s) => s.maxQueue.p90), colour: '#8fa9d6' },
          ],
          xName: T('最大排队（人）', 'largest queue (persons)'),
        }),
        T('各楼梯最大排队人数（均值与 P90）', 'Largest queue per stair (mean and P90)'),
      ),
    );
  out.push(`</section>`);
  return out;
}
