import { useTranslation } from 'react-i18next';
import type { EvacMcSummary, PeopleQuantiles, SecondsQuantiles } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import type { Proportion } from '../../../engine/montecarlo/proportion.ts';
import { useLang } from '../ui/useLang.ts';
import { Bar } from './CountyResults.tsx';
import { ci, num, pct } from './plannerFormat.ts';

export interface EvacResultsProps {
  summary: EvacMcSummary;
}

/**
 * The building evacuation headline: everyone at the 集合点 (probability and time from the alarm),
 * smoke exposure, the fire's end, 119 and headcount times, the targets with their Wilson
 * intervals and the stair queues — read from the summary only.
 */
export function EvacResults({ summary: s }: EvacResultsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const secs = (q: SecondsQuantiles, all = false) => (all ? [q.p50, q.p90, q.p95, q.p99] : [q.p50, q.p90]).map((x) => num(x, 0)).join(' / ');
  const prob = (label: string, p: Proportion, good = false, testId?: string) => (
    <tr data-testid={testId}>
      <td>{label}</td>
      <td className="num">
        <Bar p={p.estimate} good={good} />
        {pct(p.estimate)}
      </td>
      <td className="num">{ci(p)}</td>
    </tr>
  );
  const achieved = (a: SecondsQuantiles | PeopleQuantiles) => ('n' in a ? secs(a) : `${num(a.p50, 0)} / ${num(a.p90, 0)}`);
  return (
    <div className="pl-results">
      <h3>{t('planner.evacHeadline')}</h3>
      <table className="pl-table" data-testid="pl-evac">
        <thead>
          <tr>
            <th />
            <th className="num">{t('planner.probability')}</th>
            <th className="num">{t('planner.ci95')}</th>
          </tr>
        </thead>
        <tbody>
          {prob(t('planner.assemblyAll'), s.assembly.everyoneProbability, true, 'pl-assembly')}
          <tr>
            <td>{t('planner.fromAlarm')}</td>
            <td className="num" colSpan={2} data-testid="pl-from-alarm">
              {secs(s.assembly.fromAlarmS, true)}
            </td>
          </tr>
          {prob(t('planner.exposureAny'), s.exposure.anyProbability)}
          <tr>
            <td>{t('planner.exposed')}</td>
            <td className="num" colSpan={2}>
              {num(s.exposure.exposed.mean)} / {num(s.exposure.exposed.p90, 0)}
            </td>
          </tr>
          {prob(t('planner.knockedDown'), s.fire.knockedDownProbability, true)}
          {prob(t('planner.brigade'), s.fire.outByBrigadeProbability)}
          <tr>
            <td>{t('planner.call119')}</td>
            <td className="num" colSpan={2}>
              {secs(s.call119)}
            </td>
          </tr>
          <tr>
            <td>{t('planner.headcount')}</td>
            <td className="num" colSpan={2}>
              {secs(s.headcount)}
            </td>
          </tr>
        </tbody>
      </table>

      <h3>{t('planner.targets')}</h3>
      <table className="pl-table" data-testid="pl-targets">
        <thead>
          <tr>
            <th>{t('planner.target')}</th>
            <th className="num">{t('planner.pMet')}</th>
            <th className="num">{t('planner.ci95')}</th>
            <th className="num">P50 / P90</th>
          </tr>
        </thead>
        <tbody>
          {s.targets.map((g) => (
            <tr key={g.id}>
              <td>{t(`planner.evacTarget.${g.kind}`, { limit: g.limit })}</td>
              <td className="num">
                <Bar p={g.metProbability.estimate} good />
                {pct(g.metProbability.estimate)}
              </td>
              <td className="num">{ci(g.metProbability)}</td>
              <td className="num">{achieved(g.achieved)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('planner.stairs')}</h3>
      <table className="pl-table" data-testid="pl-stairs">
        <thead>
          <tr>
            <th>{t('planner.stair')}</th>
            <th className="num">{t('planner.maxQueue')}</th>
            <th className="num">{t('planner.maxWait')}</th>
          </tr>
        </thead>
        <tbody>
          {s.stairs.map((st) => (
            <tr key={st.id}>
              <td>{st.name[lang]}</td>
              <td className="num">
                {num(st.maxQueue.mean)} / {num(st.maxQueue.p90, 0)}
              </td>
              <td className="num">{num(st.meanMaxWaitS, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
