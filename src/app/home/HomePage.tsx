import { useTranslation } from 'react-i18next';

/** The start screen: the trainer console, the trainee screen, the science-centre kiosk or the debrief playback. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="page home" data-testid="home">
      <p className="lead">{t('home.lead')}</p>
      <div className="home-choices">
        <a className="choice-card" href="#/trainer" data-testid="go-trainer">
          <strong>{t('home.trainer')}</strong>
          <span>{t('home.trainerHint')}</span>
        </a>
        <a className="choice-card" href="#/trainee" data-testid="go-trainee">
          <strong>{t('home.trainee')}</strong>
          <span>{t('home.traineeHint')}</span>
        </a>
        <a className="choice-card" href="#/kiosk" data-testid="go-kiosk">
          <strong>{t('kiosk.homeTitle')}</strong>
          <span>{t('kiosk.homeHint')}</span>
        </a>
        <a className="choice-card" href="#/playback" data-testid="go-playback">
          <strong>{t('playback.homeTitle')}</strong>
          <span>{t('playback.homeHint')}</span>
        </a>
        <a className="choice-card" href="#/planner" data-testid="go-planner">
          <strong>{t('planner.homeTitle')}</strong>
          <span>{t('planner.homeHint')}</span>
        </a>
      </div>
      <p className="hint">
        <a href="/status">{t('home.status')}</a>
      </p>
    </div>
  );
}
