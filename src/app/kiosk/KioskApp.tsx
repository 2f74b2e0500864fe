import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvacRunResult } from '../../../engine/evacuation/runEvacuation.ts';
import { langOf, pickText } from '../format/pickText.ts';
import type { ApiError } from '../net/types.ts';
import { webglAvailable } from '../three/mapScenario.ts';
import '../styles/kiosk.css';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { playAlarm } from './alarmSound.ts';
import { BuildingView } from './BuildingView.tsx';
import { buildingLayout } from './buildingLayout.ts';
import { DEFAULT_KIOSK_SCENARIO, fetchKioskScenario, pickSeed, warmKioskCache, type KioskScenarioResponse } from './kioskApi.ts';
import { homeGroupOf, KIOSK_ROLES, type KioskAnswers, type KioskRole, type QuestionId } from './kioskRoles.ts';
import { mmss, reviewChoices } from './kioskSummary.ts';
import { playbackIndex } from './playbackIndex.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { ResultCard } from './ResultCard.tsx';
import { useIdleTimeout } from './useIdleTimeout.ts';
import type { HazardId } from './hazardSpecs.ts';
import { useKioskLockdown } from './useKioskLockdown.ts';
import { StaffExit, useStaffHold } from './StaffExit.tsx';
import { movePoint, runPlan, runVisitor, stairStatuses, type KioskContext } from './visitorRun.ts';

export interface KioskAppProps {
  /** building scenario name (default: the school fire evacuation) */
  scenarioName?: string | null;
  /** a fixed seed (tests, demonstrations); otherwise each visitor gets a fresh one */
  seed?: number | null;
  /** back to the start screen after this long without a touch (default 90 s) */
  idleMs?: number;
  /** the attract loop after this long without a touch on the start screen (default 60 s) */
  attractMs?: number;
  /** how long the school fire's replay lasts in real time (default 24 s) */
  replayMs?: number;
}

// the rainstorm experience carries three.js and the county engine: loaded only when a visitor picks it
const RainstormExperience = lazy(() => import('./RainstormExperience.tsx'));
// the earthquake, forest-fire and typhoon experiences: one component over hazardSpecs.ts, loaded the same way
const HazardExperience = lazy(() => import('./HazardExperience.tsx'));
// the attract loop replays a county experience in 3D: loaded when the kiosk first goes idle
const AttractLoop = lazy(() => import('./AttractLoop.tsx'));
/** the school fire's replay in 3D, with three.js (the 2D drawing where WebGL is missing) */
const SchoolPlay3D = lazy(() => import('./SchoolPlay3D.tsx'));
/** Idle time on the start screen before the 3D experiences are readied (warmHazards). */
const WARM_AFTER_MS = 15_000;
/** The county experiences on the start screen after the rainstorm, in this order. */
const HAZARDS = ['quake', 'forest', 'typhoon'] as const satisfies readonly HazardId[];

type Step = 'start' | 'role' | 'alarm' | 'question' | 'play' | 'result' | 'rain' | HazardId;
type Stairs = ReturnType<typeof stairStatuses>;

/**
 * The science-centre kiosk (自救互救体验馆): the start screen offers two experiences. The school
 * fire (2D): start → pick a role → the alarm → "what would you
 * do?" → the evacuation replayed as an animated elevation → the result with 科普 explanations,
 * against the plan's own run of the same fire. The pure engine runs here, in the browser; the
 * server only hands over the loaded scenario. The rainstorm (3D, RainstormExperience, loaded
 * lazily): the county chain run in the browser and replayed on the visitor's village. The idle
 * timeout returns either to the start screen; the page is locked down (useKioskLockdown).
 */
export function KioskApp({ scenarioName, seed: fixedSeed, idleMs = 90_000, attractMs = 60_000, replayMs = 24_000 }: KioskAppProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [data, setData] = useState<KioskScenarioResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [step, setStep] = useState<Step>('start');
  const [seed, setSeed] = useState(0);
  const [role, setRole] = useState<KioskRole | null>(null);
  const [answers, setAnswers] = useState<KioskAnswers>({});
  const [qIndex, setQIndex] = useState(0);
  const [stairs, setStairs] = useState<Stairs>([]);
  const [plan, setPlan] = useState<EvacRunResult | null>(null);
  const [visitor, setVisitor] = useState<ReturnType<typeof runVisitor> | null>(null);
  const [played, setPlayed] = useState(false);
  const gl = useMemo(() => webglAvailable(), []);
  const [rainSeed, setRainSeed] = useState<number | null>(null);
  const [staff, setStaff] = useState(false);
  const [attract, setAttract] = useState<{ n: number; on: boolean }>({ n: 0, on: false });
  const hold = useStaffHold(() => setStaff(true));
  useKioskLockdown();
  useEffect(() => warmKioskCache(scenarioName || DEFAULT_KIOSK_SCENARIO), [scenarioName]);
  // once the start screen has waited a while with nobody at it (between visitors): load three.js and the
  // experiences' scenarios, so a tap does not wait for them (the server's first load of them is slow)
  useEffect(() => {
    if (step !== 'start') return;
    const id = setTimeout(() => void import('./HazardExperience.tsx').then((m) => m.warmHazards()).catch(() => undefined), WARM_AFTER_MS);
    return () => clearTimeout(id);
  }, [step]);

  useEffect(() => {
    let live = true;
    setError(null);
    void fetchKioskScenario(scenarioName || DEFAULT_KIOSK_SCENARIO).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [scenarioName, attempt]);

  const scenario = data?.scenario ?? null;
  const layout = useMemo(() => (scenario ? buildingLayout(scenario) : null), [scenario]);
  const reset = useCallback(() => {
    setStep('start');
    setRole(null);
    setAnswers({});
    setQIndex(0);
    setPlan(null);
    setVisitor(null);
    setPlayed(false);
    setRainSeed(null);
  }, []);
  // not while the replay plays (nobody touches a screen they are watching); the result, shown by itself after it, counts again
  const idle = useIdleTimeout(idleMs, step !== 'start' && step !== 'play', reset);
  // nobody at the start screen: the attract loop, a different experience each time
  useIdleTimeout(attractMs, step === 'start' && !attract.on && !staff, () => setAttract((a) => ({ n: a.n + 1, on: true })), 0);

  const ctx: KioskContext | null = scenario && role && plan ? { scenario, seed, role, plan: plan.outcome, planLog: plan.log } : null;
  const group = scenario && role ? homeGroupOf(scenario, role) : null;
  const questions: QuestionId[] = role ? role.questions.filter((q) => !(q === 'stair' && answers.lift === 'lift')) : [];
  const question = questions[qIndex];

  // the moment a question is asked: the alarm, or (lift, stair, posture) when the group steps out with the answers so far
  const asked = useMemo(() => {
    if (!ctx || !question || !scenario) return null;
    if (question === 'lift' || question === 'stair' || question === 'posture') {
      const m = movePoint(ctx, answers);
      return { t: m.t, log: m.log };
    }
    const at = question === 'call119' || question === 'say119' || question === 'fight' ? ctx.plan.detectedS : question === 'headcount' ? ctx.plan.allAssembledS : ctx.plan.alarmS;
    return { t: at ?? 0, log: plan!.log };
  }, [scenario, role, plan, seed, question, answers]); // ctx is rebuilt from these on every render
  const stillIndex = useMemo(() => (asked && scenario ? playbackIndex(asked.log, scenario.building.rooms) : null), [asked, scenario]);
  useEffect(() => {
    if (question === 'stair' && asked && scenario && group) setStairs(stairStatuses(scenario, asked.log, asked.t, group));
  }, [question, asked, scenario, group]);

  useEffect(() => (step === 'alarm' ? playAlarm() : undefined), [step]);

  const begin = () => {
    setSeed(fixedSeed ?? pickSeed());
    setStep('role');
  };
  const beginRain = () => {
    setSeed(fixedSeed ?? pickSeed());
    setStep('rain');
  };
  const beginHazard = (h: HazardId) => {
    setSeed(fixedSeed ?? pickSeed());
    setStep(h);
  };
  const hazard = (HAZARDS as readonly string[]).includes(step) ? (step as HazardId) : null;
  const county = step === 'rain' || hazard !== null;
  const chooseRole = (r: KioskRole) => {
    if (!scenario) return;
    setRole(r);
    setPlan(runPlan(scenario, seed));
    setStep('alarm');
  };
  const answer = (opt: string) => {
    if (!question || !ctx) return;
    const next = { ...answers, [question]: opt };
    setAnswers(next);
    const remaining = role!.questions.filter((q) => !(q === 'stair' && next.lift === 'lift'));
    if (qIndex + 1 < remaining.length) setQIndex(qIndex + 1);
    else {
      setVisitor(runVisitor(ctx, next));
      setPlayed(false);
      setStep('play');
    }
  };

  const visitorIndex = useMemo(() => (visitor && scenario ? playbackIndex(visitor.log, scenario.building.rooms) : null), [visitor, scenario]);
  const playSpan = useMemo(() => {
    if (!visitor) return null;
    const o = visitor.outcome;
    const from = Math.max(0, (o.alarmS ?? 0) - 20);
    const mine = o.groups.find((g) => g.id === group)?.arrivedS;
    const to = Math.min(scenario!.horizonS, Math.max(o.allAssembledS ?? 0, mine ?? 0, (o.alarmS ?? 0) + 240) + 15);
    return { from, to, speed: (to - from) / (replayMs / 1000) };
  }, [visitor, group, scenario, replayMs]);
  // the result comes by itself when the replay ends (untapped, the kiosk would otherwise reset without showing it)
  const onPlayEnd = useCallback(() => {
    setPlayed(true);
    setStep((s) => (s === 'play' ? 'result' : s));
  }, []);

  const fireRoomName = scenario && plan ? pickText(scenario.building.rooms.find((r) => r.id === plan.outcome.originRoom)?.name, lang, plan.outcome.originRoom) : '';
  const groupName = scenario && group ? pickText(scenario.building.rooms.find((r) => r.id === group)?.name, lang, group) : '';

  return (
    <div className="kiosk" data-testid="kiosk" data-step={step}>
      <header className="kiosk-head">
        <h1 {...hold} data-testid="kiosk-title">{step === 'start' ? t('kiosk.pick.title') : step === 'rain' ? t('kiosk.rain.title') : hazard ? t(`kiosk.${hazard}.title`) : t('kiosk.title')}</h1>
        <span className="spacer" />
        {step !== 'start' && (
          <>
            <span className="kiosk-seed">{county ? t('kiosk.rain.runNo', { seed: rainSeed ?? seed }) : t('kiosk.seed', { seed })}</span>
            <button type="button" className="kiosk-btn" data-testid="kiosk-restart" onClick={reset}>
              {t('kiosk.restart')}
            </button>
          </>
        )}
        <button type="button" className="kiosk-btn" data-testid="kiosk-lang" onClick={() => void i18n.changeLanguage(lang === 'en' ? 'zh-CN' : 'en')}>
          {lang === 'en' ? '中文' : 'English'}
        </button>
      </header>
      {staff && <StaffExit onClose={() => setStaff(false)} />}
      {attract.on && step === 'start' && (
        <Suspense fallback={<div className="kiosk-attract" data-testid="kiosk-attract" onClick={() => setAttract((a) => ({ ...a, on: false }))} />}>
          <AttractLoop hazard={HAZARDS[(attract.n - 1) % HAZARDS.length]!} seed={fixedSeed ?? attract.n} onTouch={() => setAttract((a) => ({ ...a, on: false }))} />
        </Suspense>
      )}
      {idle.warning && (
        <p className="kiosk-idle" role="status" data-testid="kiosk-idle">
          {t('kiosk.idle')}
        </p>
      )}

      {error && !county && (
        <div className="kiosk-card">
          <ErrorNote error={error} testId="kiosk-error" />
          <button type="button" className="kiosk-btn" onClick={() => setAttempt((a) => a + 1)}>
            {t('kiosk.retry')}
          </button>
        </div>
      )}

      {step === 'start' && (
        <section className="kiosk-pick" data-testid="kiosk-pick">
          <p className="kiosk-pick-hint">{t('kiosk.pick.hint')}</p>
          <div className="kiosk-pick-grid">
            {!error && (
              <button type="button" className="kiosk-start" data-testid="kiosk-start" disabled={!scenario} onClick={begin}>
                <span className="kiosk-start-title">{scenario ? pickText(data!.title, lang) : t('kiosk.loading')}</span>
                <span className="kiosk-start-sub">{t('kiosk.subtitle')}</span>
                <span className="kiosk-start-cta">{t('kiosk.start')}</span>
              </button>
            )}
            <button type="button" className="kiosk-start kiosk-start-rain" data-testid="kiosk-start-rain" onClick={beginRain}>
              <span className="kiosk-start-tag">{t('kiosk.pick.rain.tag')}</span>
              <span className="kiosk-start-title">{t('kiosk.pick.rain.title')}</span>
              <span className="kiosk-start-sub">{t('kiosk.pick.rain.desc')}</span>
              <span className="kiosk-start-cta">{t('kiosk.start')}</span>
            </button>
            {HAZARDS.map((h) => (
              <button key={h} type="button" className={`kiosk-start kiosk-start-${h}`} data-testid={`kiosk-start-${h}`} onClick={() => beginHazard(h)}>
                <span className="kiosk-start-tag">{t(`kiosk.pick.${h}.tag`)}</span>
                <span className="kiosk-start-title">{t(`kiosk.pick.${h}.title`)}</span>
                <span className="kiosk-start-sub">{t(`kiosk.pick.${h}.desc`)}</span>
                <span className="kiosk-start-cta">{t('kiosk.start')}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      {step === 'rain' && (
        <Suspense
          fallback={
            <section className="kiosk-card" data-testid="kiosk-rain-loading">
              <p className="kiosk-big">{t('kiosk.rain.loading')}</p>
            </section>
          }
        >
          <RainstormExperience seed={seed} onHome={reset} onSeed={setRainSeed} />
        </Suspense>
      )}

      {hazard && (
        <Suspense
          fallback={
            <section className="kiosk-card" data-testid="kiosk-hazard-loading">
              <p className="kiosk-big">{t(`kiosk.${hazard}.loading`)}</p>
            </section>
          }
        >
          <HazardExperience key={hazard} hazard={hazard} seed={seed} onHome={reset} onSeed={setRainSeed} />
        </Suspense>
      )}

      {step === 'role' && (
        <section className="kiosk-card">
          <h2>{t('kiosk.pickRole')}</h2>
          <p className="hint">{t('kiosk.roleHint')}</p>
          <div className="kiosk-roles">
            {KIOSK_ROLES.map((r) => (
              <button key={r.id} type="button" className="kiosk-role" data-testid={`kiosk-role-${r.id}`} onClick={() => chooseRole(r)}>
                <strong>{t(`kiosk.role.${r.id}.name`)}</strong>
                <span>{t(`kiosk.role.${r.id}.desc`)}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      {step === 'alarm' && plan && (
        <section className="kiosk-card kiosk-alarm" data-testid="kiosk-alarm">
          <h2 className="kiosk-alarm-title">{t('kiosk.alarm.title')}</h2>
          <p className="kiosk-big">{t('kiosk.alarm.fire', { room: fireRoomName })}</p>
          <p>{t('kiosk.alarm.detected', { time: mmss(plan.outcome.detectedS), bell: mmss(plan.outcome.alarmS) })}</p>
          <p>{group ? t('kiosk.yourGroup', { room: groupName }) : t('kiosk.noGroup')}</p>
          <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-btn-big" data-testid="kiosk-go" onClick={() => setStep('question')}>
            {t('kiosk.alarm.go')}
          </button>
        </section>
      )}

      {step === 'question' && question && scenario && layout && stillIndex && asked && (
        <div className="kiosk-split">
          <div className="kiosk-drawing">
            <BuildingView scenario={scenario} layout={layout} index={stillIndex} highlight={group} t={asked.t} focusStairs={question === 'stair'} />
          </div>
          <QuestionCard key={question} scenario={scenario} question={question} n={qIndex + 1} total={questions.length} atS={asked.t} stairs={question === 'stair' ? stairs : undefined} onAnswer={answer} />
        </div>
      )}

      {step === 'play' && scenario && layout && visitorIndex && playSpan && (
        <section className="kiosk-play" data-testid="kiosk-play">
          <div className="kiosk-drawing kiosk-drawing-wide">
            {gl ? (
              <Suspense fallback={<p className="kiosk-big">{t('kiosk.loading')}</p>}>
                <SchoolPlay3D scenario={scenario} log={visitor!.log} highlight={group} play={{ ...playSpan, onEnd: onPlayEnd }} />
              </Suspense>
            ) : (
              <BuildingView scenario={scenario} layout={layout} index={visitorIndex} highlight={group} play={{ ...playSpan, onEnd: onPlayEnd }} />
            )}
          </div>
          <div className="kiosk-play-bar">
            <span className="legend">
              {group && (
                <>
                  <i className="lg lg-you" /> {t('kiosk.play.legendYou')}
                </>
              )}{' '}
              <i className="lg lg-grp" /> {t('kiosk.play.legendGroup')} <i className="lg lg-fire" /> {t('kiosk.play.legendFire')} <i className="lg lg-smoke" /> {t('kiosk.play.legendSmoke')} <i className="lg lg-blocked" /> {t('kiosk.play.legendBlocked')}
            </span>
            <span className="spacer" />
            <button type="button" className={played ? 'kiosk-btn kiosk-btn-primary kiosk-btn-big' : 'kiosk-btn kiosk-btn-big'} data-testid="kiosk-skip" onClick={() => setStep('result')}>
              {t('kiosk.play.skip')}
            </button>
          </div>
        </section>
      )}

      {step === 'result' && scenario && visitor && plan && role && (
        <ResultCard scenario={scenario} group={group} visitor={visitor.outcome} plan={plan.outcome} choices={reviewChoices(role, answers, stairs)} onAgain={reset} />
      )}
    </div>
  );
}
