import Table from 'cli-table3';
import type { Lang } from '../../engine/index.ts';
import type { EvacuationScenario } from '../../engine/evacuation/index.ts';
import type { EvacMcSummary, PeopleQuantiles, SecondsQuantiles } from '../../engine/evacuation/montecarlo/index.ts';
import type { Proportion } from '../../engine/montecarlo/index.ts';
import { evacTargetLabel } from './evacLabels.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "32.0% (20.8–45.8%)", or "—" with nothing to estimate from. */
function prob(p: Proportion): string {
  if (p.estimate === null || !p.ci95) return '—';
  return `${pct(p.estimate)} (${(p.ci95[0] * 100).toFixed(1)}–${pct(p.ci95[1])})`;
}

/** "312 / 320 / 323 / 331" for p50 / p90 / p95 / p99 seconds; a quantile among the never-cases shows as "—". */
function secs(q: SecondsQuantiles): string {
  if (q.n === 0) return '—';
  return [q.p50, q.p90, q.p95, q.p99].map((x) => (x === null ? '—' : x.toFixed(0))).join(' / ');
}
const people = (q: PeopleQuantiles) => `${q.mean === null ? '—' : q.mean.toFixed(1)} / ${[q.p50, q.p90, q.p99].map((x) => (x === null ? '—' : x.toFixed(0))).join(' / ')}`;

function table(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [], compact: true } });
}

/**
 * The Monte Carlo summary of a building scenario as readable tables (zh or en): time to the
 * assembly point, smoke exposure, the fire, 119 and headcount, per-stair queues, and the targets
 * with Wilson intervals. Pure.
 */
export function formatEvacSummary(s: EvacuationScenario, m: EvacMcSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(
    zh
      ? `场景：${s.name.zh}（${s.id}，建筑疏散）  试验：${m.trials} 次  主种子：${m.seed}  引擎：${m.engineVersion}`
      : `Scenario: ${s.name.en} (${s.id}, building evacuation)  trials: ${m.trials}  master seed: ${m.seed}  engine: ${m.engineVersion}`,
  );
  if (m.partial)
    out.push(zh ? `注意：运行被中断，结果只含前 ${m.trials} 次试验（partial）` : `Note: interrupted; the results cover the first ${m.trials} trials only (partial)`);
  if (m.stoppedBy === 'untilSe')
    out.push(
      zh
        ? `精度已达到（主要概率的标准误 ≤ ${m.untilSe?.se}），在 ${m.trials} 次后停止`
        : `Precision reached (headline standard errors ≤ ${m.untilSe?.se}); stopped after ${m.trials} trials`,
    );
  const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  out.push(
    zh
      ? `平均在楼人数 ${f1(m.people.meanTotal)}，困在电梯 ${f1(m.people.meanTrappedInLift)}，未撤出 ${f1(m.people.meanNotEvacuated)}`
      : `Mean people in the building ${f1(m.people.meanTotal)}, trapped in the lift ${f1(m.people.meanTrappedInLift)}, not evacuated ${f1(m.people.meanNotEvacuated)}`,
  );

  out.push('', zh ? '疏散（秒；P50 / P90 / P95 / P99）' : 'Evacuation (seconds; P50 / P90 / P95 / P99)');
  const ev = table(zh ? ['指标', '数值'] : ['Figure', 'Value']);
  const a = m.assembly;
  ev.push([zh ? '全员到达集合点，自警报起' : 'Everyone at the assembly point, from the alarm', secs(a.fromAlarmS)]);
  ev.push([zh ? '全员到达集合点，自起火起' : 'Everyone at the assembly point, from ignition', secs(a.fromIgnitionS)]);
  ev.push([zh ? '自警报起均值' : 'Mean from the alarm', f1(a.fromAlarmS.mean ?? null)]);
  ev.push([zh ? '时限内全员到达的概率' : 'P(everyone assembled within the horizon)', prob(a.everyoneProbability)]);
  ev.push([zh ? '受烟气侵袭人数（均值 / P50 / P90 / P99）' : 'People exposed to smoke (mean / P50 / P90 / P99)', people(m.exposure.exposed)]);
  ev.push([zh ? '有人受烟气侵袭的概率' : 'P(anyone exposed to smoke)', prob(m.exposure.anyProbability)]);
  ev.push([zh ? '初起火灾被灭火组扑灭的比例' : 'Share of fires knocked down by the firefighting role (灭火)', prob(m.fire.knockedDownProbability)]);
  ev.push([zh ? '由消防队扑灭的比例' : 'Share put out by the fire brigade', prob(m.fire.outByBrigadeProbability)]);
  ev.push([zh ? '119 报警，自发现起' : '119 call, from detection', secs(m.call119)]);
  ev.push([zh ? '清点人数上报，自警报起' : 'Headcount reported, from the alarm', secs(m.headcount)]);
  ev.push([zh ? '清点时缺员（均值）' : 'Missing at the headcount (mean)', f1(m.headcount.meanMissing)]);
  out.push(ev.toString());

  out.push('', zh ? '楼梯（每次试验中各梯段入口的最大排队）' : 'Stairs (per trial, the largest queue at the mouth of any flight)');
  const st = table(zh ? ['楼梯', '最大排队 人（均值 / P50 / P90 / P99）', '最长等待均值（秒）'] : ['Stair', 'Largest queue, persons (mean / P50 / P90 / P99)', 'Mean longest wait (s)']);
  for (const x of m.stairs) st.push([x.name[lang], people(x.maxQueue), f1(x.meanMaxWaitS)]);
  out.push(st.toString());

  if (m.targets.length > 0) {
    out.push('', zh ? '演练目标' : 'Targets');
    const tt = table(
      zh ? ['目标', '达成概率（95%置信区间）', '标准误', '实际 P50/P90/P95/P99'] : ['Target', 'P(met) (95% CI)', 'SE', 'Achieved P50/P90/P95/P99'],
    );
    for (const t of m.targets) {
      const q = t.achieved;
      const achieved =
        'n' in q
          ? `${secs(q)}${zh ? ' 秒' : ' s'}`
          : zh
            ? `均值 ${f1(q.mean)} 人；P50/P90/P99 ${[q.p50, q.p90, q.p99].map((v) => (v === null ? '—' : v.toFixed(0))).join(' / ')}`
            : `mean ${f1(q.mean)} people; P50/P90/P99 ${[q.p50, q.p90, q.p99].map((v) => (v === null ? '—' : v.toFixed(0))).join(' / ')}`;
      tt.push([evacTargetLabel(t.kind, t.limit, lang), prob(t.metProbability), t.metProbability.se === null ? '—' : pct(t.metProbability.se), achieved]);
    }
    out.push(tt.toString());
  }
  out.push(
    '',
    zh
      ? `分位数：R type 7（numpy linear），按 1 秒分箱中点计算，误差不超过 0.5 秒；区间：Wilson 95%。最大标准误 ${m.headline.maxSe ?? '—'}`
      : `Quantiles: R type 7 (numpy linear) over 1-second bin midpoints, within 0.5 s; intervals: Wilson 95%. Largest headline SE ${m.headline.maxSe ?? '—'}`,
  );
  return out.join('\n');
}
