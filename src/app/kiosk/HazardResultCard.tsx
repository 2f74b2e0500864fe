import { useTranslation } from 'react-i18next';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import type { TrialOutcome } from '../../../engine/sim/outcome.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { Answers, HazardRun, HazardSpec } from './hazardSpec.ts';

export interface HazardResultCardProps {
  hazard: string;
  spec: HazardSpec;
  scenario: Scenario;
  /** the plan's own run (the engine deciding everything) */
  plan: HazardRun;
  /** the same seed run with the visitor's answers as decisions */
  visitor: { events: readonly LogEvent[]; outcome: TrialOutcome };
  answers: Answers;
  /** place names and the plan's figures (spec.vars) */
  vars: Record<string, string | number>;
  clock(t: number): string;
  onAgain(): void;
}

/**
 * A county experience's result: what the plan's own run did at the visitor's village, what the
 * same seed did with the visitor's answers as engine decisions, and each answer — right or could
 * be better — with the run's own figures beside the 科普 explanation and its theme (防范、避险、
 * 自救、互救).
 */
export function HazardResultCard({ hazard, spec, scenario, plan, visitor, answers, vars, clock, onAgain }: HazardResultCardProps) {
  const { t } = useTranslation();
  const r = spec.result(scenario, plan, visitor, clock);
  const all = { ...vars, ...r.vars };
  const score = spec.questions.filter((q) => answers[q.id] === q.right).length;
  return (
    <section className="kiosk-card kiosk-result" data-testid="kiosk-hazard-result" data-hazard={hazard} data-score={score}>
      <h2>{t(`kiosk.${hazard}.result.title`)}</h2>
      <div className="kiosk-result-head">
        <div data-testid="kiosk-hazard-story">
          <p className="kiosk-big">{String(vars.village ?? '')}</p>
          <p>{t(`kiosk.${hazard}.result.${r.plan}`, all)}</p>
        </div>
        <div>
          <p className={r.yours === 'yoursSame' ? 'kiosk-yours kiosk-yours-same' : 'kiosk-yours'} data-testid="kiosk-hazard-yours" data-yours={r.yours}>
            <strong>{t('kiosk.hazard.yoursTitle')}</strong> {t(`kiosk.${hazard}.result.${r.yours}`, all)}
          </p>
        </div>
      </div>
      <h3>
        {t('kiosk.rain.result.choices')} <span className="kiosk-score" data-testid="kiosk-hazard-score">{t('kiosk.hazard.score', { n: score, total: spec.questions.length })}</span>
      </h3>
      <ol className="kiosk-choices" data-testid="kiosk-hazard-choices">
        {spec.questions.map((q) => {
          const a = answers[q.id] ?? '';
          const right = a === q.right;
          return (
            <li key={q.id} className={right ? 'right' : 'wrong'} data-testid={`kiosk-hazard-choice-${q.id}`} data-right={right ? '1' : '0'}>
              <div className="kiosk-choice-head">
                <span className={right ? 'pill ok' : 'pill bad'}>{right ? t('kiosk.result.right') : t('kiosk.result.wrong')}</span> <span className="pill theme">{t(`kiosk.rain.result.theme.${q.theme}`)}</span> {a ? t(`kiosk.${hazard}.q.${q.id}.${a}`) : ''}
              </div>
              {!right && <div className="kiosk-right-is">{t('kiosk.result.rightIs', { answer: t(`kiosk.${hazard}.q.${q.id}.${q.right}`) })}</div>}
              <p className="kiosk-run-fact">
                {t('kiosk.rain.result.inRun')}
                {t(`kiosk.${hazard}.fact.${q.id}`, all)}
              </p>
              <p className="kiosk-explain">{t(`kiosk.${hazard}.explain.${q.id}`)}</p>
            </li>
          );
        })}
      </ol>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-btn-big" data-testid="kiosk-hazard-again" onClick={onAgain}>
          {t('kiosk.rain.result.again')}
        </button>
      </div>
    </section>
  );
}
