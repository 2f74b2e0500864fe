import { useTranslation } from 'react-i18next';
import { HomePage } from './home/HomePage.tsx';
import { TraineeScreen } from './trainee/TraineeScreen.tsx';
import { TrainerConsole } from './trainer/TrainerConsole.tsx';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';
import { useHashRoute } from './ui/useHashRoute.ts';

/** The web app shell: a top bar and the screen the hash route names. */
export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  return (
    <>
      <nav className="top-bar">
        <a href="#/" className="brand">
          {t('app.name')} <span className="small">{t('app.tagline')}</span>
        </a>
        <a href="#/trainer" className={route.path === 'trainer' ? 'active' : ''}>
          {t('home.trainer')}
        </a>
        <a href="#/trainee" className={route.path === 'trainee' ? 'active' : ''}>
          {t('home.trainee')}
        </a>
        <span className="spacer" />
        <LanguageSwitch />
      </nav>
      <main>
        {route.path === 'trainer' ? (
          <TrainerConsole />
        ) : route.path === 'trainee' ? (
          <TraineeScreen code={route.query.get('code')} position={route.query.get('position')} />
        ) : (
          <HomePage />
        )}
      </main>
    </>
  );
}
