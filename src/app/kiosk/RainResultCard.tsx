import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { RAIN_QUESTIONS, type RainAnswers, type RainQuestionId } from './rainQuestions.ts';
import type { RainRun } from './rainStory.ts';

export interface RainResultCardProps {
  scenario: Scenario;
  run: RainRun;
  answers: RainAnswers;
  names: { village: string; site: string; road: string };
  /** a simulated minute as the scenario's wall-clock time */
  clock(t: number): string;
  onAgain(): void;
}

const hours = (min: number) => Math.round((min / 60) * 10) / 10;

/**
 * The rainstorm result: what this run of the engine did at the visitor's village (when the slope
 * failed, who was affected, when the rain stopped, how long the road was cut and who cleared it),
 * the county's totals, and each answer — right or could be better — with the run's own times
 * beside the 科普 explanation and the theme it belongs to (防范、避险、自救、互救).
 */
export function RainResultCard({ scenario, run, answers, names, clock, onAgain }: RainResultCardProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const s = run.story;
  const team = s.clearing ? pickText(scenario.teams.find((x) => x.id === s.clearing!.team)?.name, lang, s.clearing.team) : '';
  const watch = s.tWatch ?? s.tWarn;
  const fact = (id: RainQuestionId): string => {
    if (id === 'report') return t('kiosk.rain.runFact.report', { fail: clock(s.tFail) });
    if (id === 'move')
      return s.tRainEnd !== null && s.tRainEnd < s.tFail
        ? t('kiosk.rain.runFact.moveAfterRain', { watch: clock(watch), rainEnd: clock(s.tRainEnd), fail: clock(s.tFail) })
        : t('kiosk.rain.runFact.move', { watch: clock(watch), fail: clock(s.tFail), hours: hours(s.tFail - watch) });
    if (id === 'belongings') return t('kiosk.rain.runFact.belongings', { ease: clock(s.tEase), fail: clock(s.tFail), hours: hours(s.tFail - s.tEase) });
    return s.tReopen !== null ? t('kiosk.rain.runFact.road', { cut: clock(s.tFail), reopen: clock(s.tReopen) }) : t('kiosk.rain.runFact.roadOpen', { cut: clock(s.tFail) });
  };
  const score = RAIN_QUESTIONS.filter((q) => answers[q.id] === q.right).length;
  return (
    <section className="kiosk-card kiosk-result" data-testid="kiosk-rain-result" data-score={score}>
      <h2>{t('kiosk.rain.result.title')}</h2>
      <div className="kiosk-result-head">
        <div data-testid="kiosk-rain-story">
          <p className="kiosk-big">{names.village}</p>
          <p>{t('kiosk.rain.result.story', { time: clock(s.tFail), affected: s.affected, dead: s.deadMissing })}</p>
          <p className={s.evacuated ? 'ok' : 'bad'}>{s.evacuated ? t('kiosk.rain.result.storyEvac') : t('kiosk.rain.result.storyNoEvac')}</p>
          <p>{s.tRainEnd !== null && s.tRainEnd < s.tFail ? t('kiosk.rain.result.rainEnd', { time: clock(s.tRainEnd), hours: hours(s.tFail - s.tRainEnd) }) : t('kiosk.rain.result.rainOn')}</p>
        </div>
        <div>
          <p data-testid="kiosk-rain-road">
            {s.tReopen !== null && s.hoursClosed !== null ? t('kiosk.rain.result.road', { hours: Math.round(s.hoursClosed * 10) / 10, team, start: clock(s.clearing?.t ?? s.tFail), end: clock(s.tReopen) }) : t('kiosk.rain.result.roadOpen')}
            {s.trunk ? ` ${t('kiosk.rain.result.roadTrunk')}` : ''}
          </p>
          <p data-testid="kiosk-rain-county">{t('kiosk.rain.result.county', { sites: run.outcome.totals.failedSites, cuts: run.outcome.totals.roadCuts, people: run.outcome.totals.affectedPeople })}</p>
        </div>
      </div>

      <h3>
        {t('kiosk.rain.result.choices')} <span className="kiosk-score" data-testid="kiosk-rain-score">{t('kiosk.rain.result.score', { n: score })}</span>
      </h3>
      <ol className="kiosk-choices" data-testid="kiosk-rain-choices">
        {RAIN_QUESTIONS.map((q) => {
          const a = answers[q.id] ?? '';
          const right = a === q.right;
          return (
            <li key={q.id} className={right ? 'right' : 'wrong'} data-testid={`kiosk-rain-choice-${q.id}`} data-right={right ? '1' : '0'}>
              <div className="kiosk-choice-head">
                <span className={right ? 'pill ok' : 'pill bad'}>{right ? t('kiosk.result.right') : t('kiosk.result.wrong')}</span> <span className="pill theme">{t(`kiosk.rain.result.theme.${q.theme}`)}</span> {a ? t(`kiosk.rain.q.${q.id}.${a}`) : ''}
              </div>
              {!right && <div className="kiosk-right-is">{t('kiosk.result.rightIs', { answer: t(`kiosk.rain.q.${q.id}.${q.right}`) })}</div>}
              <p className="kiosk-run-fact">
                {t('kiosk.rain.result.inRun')}
                {fact(q.id)}
              </p>
              <p className="kiosk-explain" data-testid="kiosk-rain-explain">
                {t(`kiosk.rain.explain.${q.id}`)}
              </p>
            </li>
          );
        })}
      </ol>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-btn-big" data-testid="kiosk-rain-again" onClick={onAgain}>
          {t('kiosk.rain.result.again')}
        </button>
      </div>
    </section>
  );
}
