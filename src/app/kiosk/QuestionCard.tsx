import { useTranslation } from 'react-i18next';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import { pickText, langOf } from '../format/pickText.ts';
import { QUESTION_OPTIONS, type QuestionId } from './kioskRoles.ts';
import { mmss } from './kioskSummary.ts';
import type { StairStatus } from './visitorRun.ts';

export interface QuestionCardProps {
  scenario: EvacuationScenario;
  question: QuestionId;
  n: number;
  total: number;
  /** the moment the question is asked, s since ignition */
  atS: number;
  /** for 'stair': each stair's state at that moment */
  stairs?: readonly { id: string; status: StairStatus; plan: boolean; nearFire: boolean }[];
  onAnswer(option: string): void;
}

/** One "what would you do?" question with big touch buttons, one per option. */
export function QuestionCard({ scenario, question, n, total, atS, stairs = [], onAnswer }: QuestionCardProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const options =
    question === 'stair'
      ? stairs.map((s) => {
          const st = scenario.building.stairs.find((x) => x.id === s.id);
          const tags = [t(`kiosk.q.stair.${s.status}`), s.plan ? t('kiosk.q.stair.plan') : '', s.nearFire ? t('kiosk.q.stair.nearFire') : ''].filter(Boolean).join(' · ');
          return { id: s.id, label: pickText(st?.name, lang, s.id), sub: tags, status: s.status };
        })
      : QUESTION_OPTIONS[question].options.map((o) => ({ id: o, label: t(`kiosk.q.${question}.${o}`), sub: '', status: undefined }));
  return (
    <section className="kiosk-card kiosk-question" data-testid="kiosk-question" data-question={question}>
      <p className="kiosk-progress">
        {t('kiosk.progress', { n, total })} · {t('kiosk.atTime', { time: mmss(atS) })}
      </p>
      <h2 className="kiosk-ask">{t('kiosk.question')}</h2>
      <p className="kiosk-situation">{t(`kiosk.q.${question}.title`)}</p>
      {question === 'stair' && <p className="hint">{t('kiosk.q.stair.hint')}</p>}
      <div className="kiosk-options">
        {options.map((o) => (
          <button key={o.id} type="button" className="kiosk-option" data-testid={`kiosk-option-${o.id}`} data-status={o.status} onClick={() => onAnswer(o.id)}>
            <span className="kiosk-option-label">{o.label}</span>
            {o.sub && <span className="kiosk-option-sub">{o.sub}</span>}
          </button>
        ))}
      </div>
    </section>
  );
}
