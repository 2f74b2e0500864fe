import type { EvacuationScenario } from '../../../engine/evacuation/index.ts';
import { esc, num, table } from '../html.ts';
import { pct, type Text } from '../labels.ts';
import type { EvacReportContext } from './evacReportContext.ts';

type Role = EvacuationScenario['roles'][number];
type Task = Role['tasks'][number];

const TASK: Record<string, Text> = {
  declareEvacuation: { zh: '宣布疏散', en: 'declare the evacuation' },
  guideStairs: { zh: '楼梯口引导', en: 'guide at the stairs' },
  call119: { zh: '拨打119', en: 'call 119' },
  guideFireEngine: { zh: '引导消防车', en: 'guide the fire engine' },
  fightFire: { zh: '用灭火器扑救初起火灾', en: 'fight the fire with an extinguisher' },
  openExits: { zh: '打开锁闭的出口', en: 'open the locked exits' },
  cutPower: { zh: '切断电源（停电梯）', en: 'cut the power (stops the lift)' },
  sweepFloors: { zh: '逐层清查', en: 'sweep the floors' },
  firstAidPost: { zh: '在集合点设救护点', en: 'first-aid post at the assembly point' },
  reportHeadcount: { zh: '清点人数并上报', en: 'count heads and report' },
};

const AFTER: Record<string, Text> = {
  ignition: { zh: '起火后', en: 'after ignition' },
  detection: { zh: '发现火情后', en: 'after detection' },
  alarm: { zh: '警报后', en: 'after the alarm' },
  evacuation: { zh: '宣布疏散后', en: 'after the evacuation order' },
  allAccounted: { zh: '全员到位后', en: 'once everyone is accounted for' },
};

/** A planned duration as text: "30–120 s", "60 s", or the distribution's name. Pure. */
function planned(d: Task['durationS']): string {
  const x = d as Record<string, unknown>;
  if (typeof x.value === 'number') return `${x.value} s`;
  if (typeof x.min === 'number' && typeof x.max === 'number') return `${x.min}–${x.max} s`;
  if (typeof x.mean === 'number') return `${String(x.dist)} ~${x.mean} s`;
  return String(x.dist ?? '');
}

/**
 * The plan's duties: each role with its tasks and planned durations (from the scenario, when the
 * input carries its roles), next to what the Monte Carlo measured for them: the 119 call, the
 * fire knocked down, the headcount. The summary keeps no other task times.
 */
export function evacDutiesSection(c: EvacReportContext): string[] {
  const { m, lang, T, input, n } = c;
  const measured = (kind: string): string => {
    const q = (path: 'call119' | 'headcount') => `P50 ${n(`${path}.p50`, m[path].p50, 0)} · P90 ${n(`${path}.p90`, m[path].p90, 0)}`;
    if (kind === 'call119') return `${esc(T('自发现火情起（秒）', 'from detection (s)'))} ${q('call119')}`;
    if (kind === 'reportHeadcount') return `${esc(T('自警报起（秒）', 'from the alarm (s)'))} ${q('headcount')}`;
    if (kind === 'fightFire') {
      const e = m.fire.knockedDownProbability.estimate;
      return `${esc(T('扑灭概率', 'P(knocked down)'))} ${num('fire.knockedDownProbability.estimate', e, pct(e))}`;
    }
    return '—';
  };
  const out = [`<section id="duties">`, `<h2>${esc(T('预案职责与任务用时', 'Duties in the plan and task times'))}</h2>`];
  const roles = input.roles ?? [];
  if (roles.length > 0) {
    const rows = roles.flatMap((r) =>
      r.tasks.map((t, i) => [
        ...(i === 0 ? [`<th scope="row" rowspan="${r.tasks.length}">${esc(r.title[lang])}<br><span class="note">${esc(r.holder[lang])}${r.present ? '' : esc(T('（缺位）', ' (absent)'))}</span></th>`] : []),
        esc(TASK[t.kind]?.[lang] ?? t.kind),
        esc(`${AFTER[t.after]?.[lang] ?? t.after} ${planned(t.durationS)}`),
        measured(t.kind),
      ]),
    );
    out.push(table([esc(T('职责 / 担任', 'duty / held by')), esc(T('任务', 'task')), esc(T('预案用时（场景设定）', 'planned time (scenario)')), esc(T('模拟结果', 'simulated'))], rows));
  } else {
    out.push(
      table(
        [esc(T('任务', 'task')), esc(T('模拟结果', 'simulated'))],
        ['call119', 'fightFire', 'reportHeadcount'].map((k) => [esc(TASK[k]![lang]), measured(k)]),
      ),
    );
  }
  out.push(
    `<p class="note">${esc(
      T(
        '蒙特卡洛汇总只记录 119 报警、初起火灾扑灭和清点上报三项；其他任务的用时见单次运行（yanlian run 场景 --seed 种子）。',
        'The Monte Carlo summary records only the 119 call, the knock-down and the headcount; the times of the other tasks are in a single run (yanlian run FILE --seed SEED).',
      ),
    )}</p>`,
    `</section>`,
  );
  return out;
}
