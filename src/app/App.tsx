import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from './home/HomePage.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { ensurePlaybackI18n } from './playback/playbackI18n.ts';
import { ensurePlannerI18n } from './planner/plannerI18n.ts';
import { TraineeScreen } from './trainee/TraineeScreen.tsx';
import { TrainerConsole } from './trainer/TrainerConsole.tsx';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';
import { useHashRoute } from './ui/useHashRoute.ts';

// the playback page carries three.js and the 3D scenes: loaded only when its route is opened
const PlaybackPage = lazy(() => import('./playback/PlaybackPage.tsx'));
// the planner workbench carries the engine's Monte Carlo (and its Web Worker) and ECharts: loaded only on its route
const PlannerPage = lazy(() => import('./planner/PlannerPage.tsx'));

/** The web app shell: a top bar and the screen the hash route names. */
export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  ensurePlaybackI18n();
  ensurePlannerI18n();
  // kiosk mode: no app navigation on the kiosk (the staff leave by a held title and the server's PIN)
  const kiosk = route.path === 'kiosk';
  return (
    <>
      {!kiosk && (
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
        <a href="#/kiosk" className={route.path === 'kiosk' ? 'active' : ''} data-testid="nav-kiosk">
          {t('kiosk.nav')}
        </a>
        <a href="#/playback" className={route.path === 'playback' ? 'active' : ''} data-testid="nav-playback">
          {t('playback.nav')}
        </a>
        <a href="#/planner" className={route.path === 'planner' ? 'active' : ''} data-testid="nav-planner">
          {t('planner.nav')}
        </a>
        <span className="spacer" />
        <LanguageSwitch />
      </nav>
      )}
      <main>
        {route.path === 'trainer' ? (
          <TrainerConsole />
        ) : route.path === 'trainee' ? (
          <TraineeScreen code={route.query.get('code')} position={route.query.get('position')} />
        ) : route.path === 'kiosk' ? (
          <KioskApp scenarioName={route.query.get('scenario')} seed={seedParam(route.query.get('seed'))} idleMs={idleParam(route.query.get('idle'))} attractMs={idleParam(route.query.get('attract'))} replayMs={replayParam(route.query.get('replay'))} />
        ) : route.path === 'playback' ? (
          <Suspense fallback={<p className="page">…</p>}>
            <PlaybackPage />
          </Suspense>
        ) : route.path === 'planner' ? (
          <Suspense fallback={<p className="page">…</p>}>
            <PlannerPage />
          </Suspense>
        ) : (
          <HomePage />
        )}
      </main>
    </>
  );
}

/** `?seed=N` on the kiosk route: a fixed fire (uint32) for demonstrations and tests. */
function seedParam(v: string | null): number | null {
  return v !== null && /^\d{1,10}$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : null;
}

/** `?replay=S` on the kiosk route: seconds the school fire's replay lasts, default 24; 10…120 (slower for young visitors, or a loaded demo machine). */
function replayParam(v: string | null): number | undefined {
  const n = v !== null && /^\d{1,3}$/.test(v) ? Number(v) : NaN;
  return n >= 10 && n <= 120 ? n * 1000 : undefined;
}

/** `?idle=S` (`?attract=S`) on the kiosk route: seconds without a touch before it returns to the start, default 90 (before the attract loop, default 60); 10…600. */
function idleParam(v: string | null): number | undefined {
  const n = v !== null && /^\d{1,3}$/.test(v) ? Number(v) : NaN;
  return n >= 10 && n <= 600 ? n * 1000 : undefined;
}
