import { evacTargetLabel } from '../../cli/evacLabels.ts';
import { esc, num } from '../html.ts';
import { pct } from '../labels.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/** Mean largest stair queue (persons) above which the note calls the stairs the place people wait. */
const QUEUE_NOTE_PERSONS = 20;

/**
 * "What this means": a few plain sentences built only from the numbers above (each tagged with
 * its JSON path): how often each target is met, where people queue, smoke and the fire.
 */
export function evacMeaningSection(c: EvacReportContext): string[] {
  const { m, lang, zh, T, n } = c;
  if (m.trials === 0) return [];
  const p = (path: string, x: number | null) => num(path, x, pct(x));
  const items: string[] = [];
  m.targets.forEach((t, k) => {
    const label = esc(evacTargetLabel(t.kind, t.limit, lang));
    const mp = t.metProbability;
    const path = `targets.${k}.metProbability`;
    if (mp.estimate === 0)
      items.push(
        zh
          ? `“${label}”在 ${m.trials} 次试验中一次也未达成（达成概率 95% 上限 ${p(`${path}.ci95.1`, mp.ci95?.[1] ?? null)}）。`
          : `"${label}" was never met in ${m.trials} trials (95% upper bound on P(met) ${p(`${path}.ci95.1`, mp.ci95?.[1] ?? null)}).`,
      );
    else
      items.push(
        zh
          ? `“${label}”的达成概率为 ${p(`${path}.estimate`, mp.estimate)}（95% 区间 ${p(`${path}.ci95.0`, mp.ci95?.[0] ?? null)} – ${p(`${path}.ci95.1`, mp.ci95?.[1] ?? null)}）。`
          : `"${label}" is met with probability ${p(`${path}.estimate`, mp.estimate)} (95% interval ${p(`${path}.ci95.0`, mp.ci95?.[0] ?? null)} – ${p(`${path}.ci95.1`, mp.ci95?.[1] ?? null)}).`,
      );
    if (t.kind === 'allAssembledWithin' && m.assembly.fromAlarmS.n > 0)
      items[items.length - 1] += zh
        ? ` 警报后全员到达集合点的中位数为 ${n('assembly.fromAlarmS.p50', m.assembly.fromAlarmS.p50, 0)} 秒，P99 为 ${n('assembly.fromAlarmS.p99', m.assembly.fromAlarmS.p99, 0)} 秒，目标为 ${t.limit} 秒。`
        : ` Everyone is at the assembly point a median ${n('assembly.fromAlarmS.p50', m.assembly.fromAlarmS.p50, 0)} s after the alarm (P99 ${n('assembly.fromAlarmS.p99', m.assembly.fromAlarmS.p99, 0)} s), against a target of ${t.limit} s.`;
  });
  const queued = m.stairs.map((s, k) => ({ s, k })).filter(({ s }) => (s.maxQueue.mean ?? 0) >= QUEUE_NOTE_PERSONS);
  if (queued.length > 0) {
    const list = queued
      .map(({ s, k }) =>
        zh
          ? `${esc(s.name.zh)}平均最多 ${n(`stairs.${k}.maxQueue.mean`, s.maxQueue.mean, 1)} 人排队、最长等待 ${n(`stairs.${k}.meanMaxWaitS`, s.meanMaxWaitS, 1)} 秒`
          : `${esc(s.name.en)} ${n(`stairs.${k}.maxQueue.mean`, s.maxQueue.mean, 1)} people at most in the queue on average, longest wait ${n(`stairs.${k}.meanMaxWaitS`, s.meanMaxWaitS, 1)} s`,
      )
      .join(zh ? '；' : '; ');
    items.push(
      zh
        ? `人员在楼梯口排队：${list}。楼梯的通行能力限制了撤离速度；加宽楼梯、增设楼梯或分楼层错峰撤离是值得检验的改进方向（修改场景后重新模拟比较；本报告未模拟这些改动）。`
        : `People queue at the stairs: ${list}. The capacity of the stairs limits how fast the building empties; a wider or an added stair, or floors leaving in turn, are the levers worth testing (edit the scenario and simulate again; this report did not model those changes).`,
    );
  }
  const e = m.exposure;
  items.push(
    zh
      ? `有人受烟气侵袭的概率为 ${p('exposure.anyProbability.estimate', e.anyProbability.estimate)}，平均 ${n('exposure.exposed.mean', e.exposed.mean, 1)} 人，P90 为 ${n('exposure.exposed.p90', e.exposed.p90, 0)} 人。`
      : `Someone is exposed to smoke with probability ${p('exposure.anyProbability.estimate', e.anyProbability.estimate)}: ${n('exposure.exposed.mean', e.exposed.mean, 1)} people on average, P90 ${n('exposure.exposed.p90', e.exposed.p90, 0)}.`,
  );
  const f = m.fire;
  items.push(
    zh
      ? `灭火组用灭火器扑灭初起火灾的概率为 ${p('fire.knockedDownProbability.estimate', f.knockedDownProbability.estimate)}，由消防队扑灭的为 ${p('fire.outByBrigadeProbability.estimate', f.outByBrigadeProbability.estimate)}。`
      : `The firefighting role knocks the fire down with an extinguisher with probability ${p('fire.knockedDownProbability.estimate', f.knockedDownProbability.estimate)}; the fire brigade puts it out in ${p('fire.outByBrigadeProbability.estimate', f.outByBrigadeProbability.estimate)} of trials.`,
  );
  return [`<section id="meaning">`, `<h2>${esc(T('结果说明', 'What this means'))}</h2>`, `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`, `</section>`];
}
