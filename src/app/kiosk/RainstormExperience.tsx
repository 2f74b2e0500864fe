import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../../../engine/model/models.ts';
import { buildPlayback, type CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError } from '../net/types.ts';
import { Player } from '../playback/player.ts';
import { countyTerrain } from '../three/countyTerrain.ts';
import { webglAvailable } from '../three/mapScenario.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { RainResultCard } from './RainResultCard.tsx';
import { optionOrder, RAIN_QUESTIONS, type RainAnswers, type RainQuestionId } from './rainQuestions.ts';
import { pickRainRun, rainAt, wallClock, type RainRun } from './rainStory.ts';
import { HazardScene } from './HazardScene.tsx';
import { useReplayDriver } from './useReplayDriver.ts';

export interface RainstormExperienceProps {
  /** the seed asked for (the run may use a later one, see pickRainRun) */
  seed: number;
  /** back to the kiosk's start screen */
  onHome(): void;
  /** the seed the run actually used, for the header */
  onSeed?(seed: number): void;
}

/** The shipped county scenario this experience plays (乐至: rainstorm → landslide → road cut). */
export const RAIN_SCENARIO = 'lezhi-rainstorm';

type Phase = 'loading' | 'intro' | 'play' | 'question' | 'result';

/** Where each question stops the replay, minutes: report just before the move order, then the move, the lull, and just after the cut. Pure. */
function stops(run: RainRun): Record<RainQuestionId, number> {
  const s = run.story;
  const watch = s.tWatch ?? s.tWarn;
  return { report: Math.max(0, watch - 30), move: watch, belongings: s.tEase, road: s.tFail + 5 };
}

/** Month abbreviations for the English clock (the Chinese one writes 7月). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Real seconds each replay segment lasts (the intro's build-up longest). */
const SEGMENT_S: Record<RainQuestionId | 'end', number> = { report: 8, move: 2, belongings: 6, road: 5, end: 6 };

/**
 * The kiosk's rainstorm experience (暴雨 → 滑坡 → 断路, 乐至), loaded lazily with three.js: the
 * county scenario from the server, one run of the real county engine here in the browser (a
 * seed whose log has a slope failing onto a road), the log folded by the playback reducer and
 * replayed in 3D on the visitor's village; the replay stops at four moments of the log to ask
 * "what would you do?", then the result card shows what the run did and why each answer is
 * right or could be better. Time lives in the Player; React re-renders on applied events and
 * phase changes, never per frame.
 */
export default function RainstormExperience({ seed, onHome, onSeed }: RainstormExperienceProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [run, setRun] = useState<RainRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [qIndex, setQIndex] = useState(0);
  const [answers, setAnswers] = useState<RainAnswers>({});
  const gl = useMemo(() => webglAvailable(), []);

  useEffect(() => {
    let live = true;
    void apiCall<{ scenario: Scenario }>('GET', `/api/playback/scenario/${RAIN_SCENARIO}`).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      // let the loading text paint before the engine runs (a few hundred ms on a kiosk PC)
      setTimeout(() => {
        if (!live) return;
        const found = pickRainRun(r.value.scenario, seed, (s, sd) => MODELS.county.run(s, sd));
        if (!found) return setError({ code: 'noCut', zh: '这几次模拟里没有滑坡阻断道路，请重新开始', en: 'none of these runs had a landslide cutting a road; please start again' });
        setScenario(r.value.scenario);
        setRun(found);
        onSeed?.(found.seed);
        setPhase('intro');
      }, 30);
    });
    return () => {
      live = false;
    };
  }, [seed]); // eslint-disable-line react-hooks/exhaustive-deps

  const index = useMemo(() => (scenario && run ? buildPlayback({ model: 'county', scenario }, run.events) : null), [scenario, run]);
  const terrain = useMemo(() => (scenario ? countyTerrain(scenario) : null), [scenario]);
  const player = useMemo(() => (index ? new Player(index) : null), [index]);
  useEffect(() => () => player?.dispose(), [player]);
  const at = useMemo(() => (run ? stops(run) : null), [run]);

  const driveTo = useReplayDriver(player);

  const questions = RAIN_QUESTIONS;
  const q = questions[qIndex];
  const endT = run ? Math.min(run.story.tReopen !== null ? run.story.tReopen + 30 : run.story.tFail + 6 * 60, index?.endT ?? Infinity) : 0;

  const playToQuestion = (i: number) => {
    const next = questions[i]!;
    setPhase('play');
    driveTo(at![next.id], SEGMENT_S[next.id], () => {
      setQIndex(i);
      setPhase('question');
    });
  };
  const begin = () => playToQuestion(0);
  const answer = (opt: string) => {
    if (!q) return;
    setAnswers((a) => ({ ...a, [q.id]: opt }));
    if (qIndex + 1 < questions.length) {
      const nextAt = at![questions[qIndex + 1]!.id];
      if (nextAt <= (player?.t ?? 0) + 0.5) {
        setQIndex(qIndex + 1);
        return;
      }
      playToQuestion(qIndex + 1);
    } else {
      setPhase('play');
      // the result card comes by itself when the replay ends (no button to miss)
      driveTo(endT, SEGMENT_S.end, () => setPhase('result'));
    }
  };

  useEffect(() => {
    if (import.meta.env.MODE === 'test' && run) (window as unknown as Record<string, unknown>).__yanlianKioskRain = { seed: run.seed, story: run.story, t: () => player?.t };
  }, [run, player]);

  if (error)
    return (
      <section className="kiosk-card">
        <ErrorNote error={error} testId="kiosk-rain-error" />
        <button type="button" className="kiosk-btn" onClick={onHome}>
          {t('kiosk.rain.result.home')}
        </button>
      </section>
    );
  if (!scenario || !run || !player || !terrain || !at)
    return (
      <section className="kiosk-card kiosk-rain-loading" data-testid="kiosk-rain-loading">
        <p className="kiosk-big">{t('kiosk.rain.loading')}</p>
      </section>
    );

  const story = run.story;
  const village = scenario.region.villages.find((v) => v.id === story.village);
  const township = scenario.region.townships.find((x) => x.id === village?.township);
  const site = scenario.hazardSites.find((h) => h.id === story.site);
  const link = scenario.roads.links.find((l) => l.id === story.link);
  const names = { village: pickText(village?.name, lang, story.village), site: pickText(site?.name, lang, story.site), road: pickText(link?.name, lang, story.link) };
  const clock = (x: number) => {
    const w = wallClock(scenario.start, x);
    // the same placeholders in both languages: the month is a number in Chinese, a name in English
    return t('kiosk.rain.clock', { ...w, month: lang === 'en' ? MONTHS[w.month - 1] : w.month });
  };

  if (phase === 'result')
    return <RainResultCard scenario={scenario} run={run} answers={answers} names={names} clock={clock} onAgain={onHome} />;

  return (
    <div className="kiosk-rain" data-testid="kiosk-rain" data-phase={phase}>
      <div className="kiosk-rain-stage" data-testid="kiosk-rain-stage">
        {gl ? <HazardScene scenario={scenario} terrain={terrain} player={player} focus={story} names={names} lang={lang} rain={() => rainAt(story, player.t) / 30} /> : <p className="kiosk-card">{t('kiosk.rain.noWebgl')}</p>}
        <RainHud player={player} story={story} clock={clock} place={t('kiosk.rain.you', { village: names.village, township: pickText(township?.name, lang, '') })} />
        <RainLegend />
      </div>
      <aside className="kiosk-rain-side">
        {phase === 'intro' && (
          <section className="kiosk-card kiosk-question" data-testid="kiosk-rain-intro">
            <h2 className="kiosk-ask">{t('kiosk.rain.intro.title')}</h2>
            <p className="kiosk-situation">{t('kiosk.rain.intro.body', { village: names.village })}</p>
            <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-btn-big" data-testid="kiosk-rain-go" onClick={begin}>
              {t('kiosk.rain.intro.go')}
            </button>
          </section>
        )}
        {phase === 'play' && (
          <section className="kiosk-card" data-testid="kiosk-rain-playing">
            <p className="kiosk-big">{t('kiosk.rain.playing')}</p>
          </section>
        )}
        {phase === 'question' && q && (
          <RainQuestionCard key={q.id} id={q.id} n={qIndex + 1} total={questions.length} options={optionOrder(q, run.seed)} vars={questionVars(q.id)} onAnswer={answer} />
        )}
      </aside>
    </div>
  );

  function questionVars(id: RainQuestionId): Record<string, string | number> {
    const st = player!.state() as CountyState;
    return { time: clock(at![id]), warning: t(`kiosk.rain.warning.${st.warning}`, { defaultValue: st.warning }), mm: Math.round(rainAt(story, at![id]) * 10) / 10, road: names.road };
  }
}

/** The clock, the warning signal in its colour and the hour's rain, over the scene. The clock follows every time change through a ref; the rest re-renders on applied events only. */
function RainHud({ player, story, clock, place }: { player: Player; story: RainRun['story']; clock: (t: number) => string; place: string }) {
  const { t } = useTranslation();
  useSyncExternalStore(player.subscribe, player.snapshot);
  const clockRef = useRef<HTMLSpanElement>(null);
  useEffect(
    () =>
      player.onFrame(() => {
        if (clockRef.current) clockRef.current.textContent = clock(player.t);
      }),
    [player, clock],
  );
  const st = player.state() as CountyState;
  const mm = rainAt(story, player.t);
  const level = st.warning in { blue: 1, yellow: 1, orange: 1, red: 1 } ? st.warning : 'none';
  return (
    <div className="kiosk-rain-hud">
      <span className="kiosk-rain-clock" ref={clockRef} data-testid="kiosk-rain-clock">
        {clock(player.t)}
      </span>
      <span className={`kiosk-rain-warning kiosk-warn-${level}`} data-testid="kiosk-rain-warning" data-level={level}>
        <strong>{t(`kiosk.rain.warning.${level}`)}</strong>
        {level !== 'none' && <small>{t(`kiosk.rain.warningMeaning.${level}`)}</small>}
      </span>
      <span className="kiosk-rain-mm" data-testid="kiosk-rain-mm">
        {mm > 0 ? t('kiosk.rain.rainNow', { mm: Math.round(mm * 10) / 10 }) : player.t < (story.rain[0]?.[0] ?? 0) - 60 ? t('kiosk.rain.notYet') : t('kiosk.rain.dry')}
      </span>
      <span className="kiosk-rain-place">{place}</span>
    </div>
  );
}

function RainLegend() {
  const { t } = useTranslation();
  return (
    <div className="kiosk-rain-legend">
      <span>
        <i className="lg lg-you" /> {t('kiosk.rain.legend.you')}
      </span>
      <span>
        <i className="lg lg-site" /> {t('kiosk.rain.legend.site')}
      </span>
      <span>
        <i className="lg lg-cut" /> {t('kiosk.rain.legend.cut')}
      </span>
      <span>
        <i className="lg lg-clearing" /> {t('kiosk.rain.legend.clearing')}
      </span>
      <span>
        <i className="lg lg-reopened" /> {t('kiosk.rain.legend.reopened')}
      </span>
      <span>
        <i className="lg lg-team" /> {t('kiosk.rain.legend.team')}
      </span>
      <span>
        <i className="lg lg-store" /> {t('kiosk.rain.legend.store')}
      </span>
      <span>
        <i className="lg lg-shelter" /> {t('kiosk.rain.legend.shelter')}
      </span>
    </div>
  );
}

/** One question with big touch buttons, in the seed's order. */
function RainQuestionCard({ id, n, total, options, vars, onAnswer }: { id: RainQuestionId; n: number; total: number; options: readonly string[]; vars: Record<string, string | number>; onAnswer(o: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-card kiosk-question" data-testid="kiosk-rain-question" data-question={id}>
      <p className="kiosk-progress">{t('kiosk.progress', { n, total })}</p>
      <h2 className="kiosk-ask">{t('kiosk.question')}</h2>
      <p className="kiosk-situation">{t(`kiosk.rain.q.${id}.title`, vars)}</p>
      <div className="kiosk-options">
        {options.map((o) => (
          <button key={o} type="button" className="kiosk-option" data-testid={`kiosk-rain-option-${o}`} onClick={() => onAnswer(o)}>
            <span className="kiosk-option-label">{t(`kiosk.rain.q.${id}.${o}`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
