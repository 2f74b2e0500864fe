import { useTranslation } from 'react-i18next';
import type { EvacOutcome } from '../../../engine/evacuation/evacOutcome.ts';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { assemblyTarget, groupResult, mmss, timeline, type ChoiceReview } from './kioskSummary.ts';

export interface ResultCardProps {
  scenario: EvacuationScenario;
  group: string | null;
  visitor: EvacOutcome;
  plan: EvacOutcome;
  choices: readonly ChoiceReview[];
  onAgain(): void;
}

/**
 * The result: the visitor's group time to the assembly point (from the alarm) beside the plan's
 * run of the same fire, smoke, the school-wide target, each choice with its 科普 explanation,
 * and what the plan's duties did and when.
 */
export function ResultCard({ scenario, group, visitor, plan, choices, onAgain }: ResultCardProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const mine = groupResult(visitor, group);
  const planMine = groupResult(plan, group);
  const target = assemblyTarget(visitor);
  const planLines = new Map(timeline(plan).map((l) => [l.key, l.s]));
  // one time base on the whole card: since each run's alarm (a duty done before the bell shows as "−m:ss")
  const sinceAlarm = (s: number | null | undefined, alarm: number | null) => {
    if (s === null || s === undefined || !Number.isFinite(s)) return mmss(null);
    const d = s - (alarm ?? 0);
    return d < 0 ? `−${mmss(-d)}` : mmss(d);
  };
  const answerText = (c: ChoiceReview, a: string) =>
    c.question === 'stair' ? pickText(scenario.building.stairs.find((s) => s.id === a)?.name, lang, a) : t(`kiosk.q.${c.question}.${a}`);
  return (
    <section className="kiosk-card kiosk-result" data-testid="kiosk-result">
      <h2>{t('kiosk.result.title')}</h2>
      <div className="kiosk-result-head">
        {mine && (
          <div className="kiosk-big" data-testid="kiosk-your-time">
            {mine.arrivedAfterAlarmS !== null ? t('kiosk.result.yourTime', { time: mmss(mine.arrivedAfterAlarmS) }) : t('kiosk.result.yourTimeNone', { state: t(`kiosk.state.${mine.state}`, { defaultValue: mine.state }) })}
            {planMine && <div className="kiosk-sub">{t('kiosk.result.planTime', { time: mmss(planMine.arrivedAfterAlarmS) })}</div>}
            <div className={mine.exposed ? 'kiosk-sub bad' : 'kiosk-sub ok'}>
              {t('kiosk.result.smoke', { seconds: Math.round(mine.smokeS) })} · {mine.exposed ? t('kiosk.result.exposed') : t('kiosk.result.notExposed')}
            </div>
          </div>
        )}
        <div className="kiosk-school">
          <p data-testid="kiosk-school">{t('kiosk.result.school', { people: visitor.totals.people, assembled: visitor.totals.assembled, exposed: visitor.totals.exposed })}</p>
          {target && (
            <p>
              {t('kiosk.result.target', { value: mmss(target.value), limit: mmss(target.limit) })}{' '}
              <span className={target.met ? 'pill ok' : 'pill bad'}>{target.met ? t('kiosk.result.targetMet') : t('kiosk.result.targetMissed')}</span>
            </p>
          )}
          {group && <p className="kiosk-tip">{t('kiosk.result.assemblyTip')}</p>}
        </div>
      </div>

      <h3>{t('kiosk.result.choices')}</h3>
      <ol className="kiosk-choices" data-testid="kiosk-choices">
        {choices.map((c) => (
          <li key={c.question} className={c.right ? 'right' : 'wrong'} data-testid={`kiosk-choice-${c.question}`} data-right={c.right ? '1' : '0'}>
            <div className="kiosk-choice-head">
              <span className={c.right ? 'pill ok' : 'pill bad'}>{c.right ? t('kiosk.result.right') : t('kiosk.result.wrong')}</span> {answerText(c, c.answer)}
            </div>
            {!c.right && <div className="kiosk-right-is">{t('kiosk.result.rightIs', { answer: answerText(c, c.rightAnswer) })}</div>}
            <p className="kiosk-explain" data-testid="kiosk-explain">{t(`kiosk.explain.${c.question}`)}</p>
          </li>
        ))}
      </ol>

      <h3>{t('kiosk.result.timeline')}</h3>
      <table className="kiosk-timeline" data-testid="kiosk-timeline">
        <thead>
          <tr>
            <th />
            <th>{t('kiosk.result.colYours')}</th>
            <th>{t('kiosk.result.colPlan')}</th>
          </tr>
        </thead>
        <tbody>
          {timeline(visitor).map((l) => (
            <tr key={l.key} data-key={l.key}>
              <th>{t(`kiosk.tl.${l.key}`)}</th>
              <td>{sinceAlarm(l.s, visitor.alarmS)}</td>
              <td>{sinceAlarm(planLines.get(l.key), plan.alarmS)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-btn kiosk-btn-primary" data-testid="kiosk-again" onClick={onAgain}>
          {t('kiosk.result.again')}
        </button>
      </div>
    </section>
  );
}
