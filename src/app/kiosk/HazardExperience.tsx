import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../../../engine/model/models.ts';
import { buildPlayback, type CountyState } from '../../../engine/playback/index.ts';
import type { TimedDecision } from '../../../engine/sim/decision.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { langOf, pickText } from '../format/pickText.ts';
import type { ApiError } from '../net/types.ts';
import { Player } from '../playback/player.ts';
import { countyTerrain, type CountyTerrain } from '../three/countyTerrain.ts';
import { webglAvailable } from '../three/mapScenario.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { pickHazardRun, runVisitor, type Answers, type HazardRun, type HazardSpec } from './hazardSpec.ts';
import { HAZARD_SPECS, type HazardId } from './hazardSpecs.ts';
import { fetchCountyScenario } from './kioskApi.ts';
import { HazardResultCard } from './HazardResultCard.tsx';
import { HazardScene } from './HazardScene.tsx';
import { optionOrder } from './rainQuestions.ts';
import { rainAt, wallClock } from './rainStory.ts';
import { TyphoonTrackInset } from './TyphoonTrackInset.tsx';
import { useReplayDriver } from './useReplayDriver.ts';

export interface HazardExperienceProps {
  /** which experience: the earthquake, the forest fire or the typhoon */
  hazard: HazardId;
  /** the seed asked for (the run may use a later one, see pickHazardRun) */
  seed: number;
  /** back to the kiosk's start screen */
  onHome(): void;
  /** the seed the run actually used, for the header */
  onSeed?(seed: number): void;
}

type Phase = 'intro' | 'play' | 'question' | 'result';

/** Month abbreviations for the English clock (the Chinese one writes 5月). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Real seconds of replay before each question and after the last (the kiosk's paced clock). */
const SEGMENT_S = { first: 4, next: 5, end: 6 };

const terrains = new WeakMap<Scenario, CountyTerrain>();
/** The scene's ground of a scenario, made once per scenario object (the fetch is kept too: fetchCountyScenario). */
export function terrainOf(s: Scenario): CountyTerrain {
  let t = terrains.get(s);
  if (!t) terrains.set(s, (t = countyTerrain(s)));
  return t;
}

/**
 * Readies the 3D experiences while the kiosk's start screen waits: importing this module loads
 * three.js, then each experience's scenario is fetched (the server's first load of its scenarios
 * is the slow part) and its ground made, one per idle moment. A visitor's tap then costs one engine
 * run (the story seed comes from a committed table, storySeeds.ts) and the replay's setup.
 */
export function warmHazards(ids: readonly HazardId[] = Object.keys(HAZARD_SPECS) as HazardId[]): Promise<void> {
  return ids.reduce<Promise<void>>(
    (prev, id) =>
      prev.then(async () => {
        const r = await fetchCountyScenario(HAZARD_SPECS[id].scenario);
        if (r.ok) await new Promise<void>((done) => setTimeout(() => (terrainOf(r.value.scenario), done()), 50));
      }),
    Promise.resolve(),
  );
}

const run = (s: Scenario, seed: number, decisions?: readonly TimedDecision[]) => MODELS.county.run(s, seed, decisions ? { played: { mode: 'auto', decisions: [...decisions] } } : {});

/**
 * A county experience of the kiosk (earthquake, forest fire, typhoon), loaded lazily with
 * three.js: the county scenario from the server, one run of the real county engine here in the
 * browser (a seed whose log tells the experience's story, hazardSpec.ts), replayed in 3D on the
 * visitor's village; the replay stops at the story's moments to ask "what would you do?" (the
 * options in an order shuffled by the seed); the answers become engine decisions and the same
 * seed is run again with them, and the result card sets that run beside the plan's own. Time
 * lives in the Player; React re-renders on applied events and phase changes, never per frame.
 */
export default function HazardExperience({ hazard, seed, onHome, onSeed }: HazardExperienceProps) {
  const spec: HazardSpec = HAZARD_SPECS[hazard];
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [plan, setPlan] = useState<HazardRun | null>(null);
  const [visitor, setVisitor] = useState<ReturnType<typeof runVisitor> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>('intro');
  const [qIndex, setQIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const gl = useMemo(() => webglAvailable(), []);

  useEffect(() => {
    let live = true;
    void fetchCountyScenario(spec.scenario).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      // let the loading text paint before the engine runs (a few hundred ms on a kiosk PC)
      setTimeout(() => {
        if (!live) return;
        const found = pickHazardRun(spec, r.value.scenario, seed, run);
        if (!found) return setError({ code: 'noStory', zh: '这几次模拟里没有出现要讲的灾情，请重新开始', en: 'none of these runs had the disaster this experience tells; please start again' });
        setScenario(r.value.scenario);
        setPlan(found);
        onSeed?.(found.seed);
      }, 30);
    });
    return () => {
      live = false;
    };
  }, [seed, spec]); // eslint-disable-line react-hooks/exhaustive-deps

  const index = useMemo(() => (scenario && plan ? buildPlayback({ model: 'county', scenario }, plan.events) : null), [scenario, plan]);
  const terrain = useMemo(() => (scenario ? terrainOf(scenario) : null), [scenario]);
  // the middle of the scenario's townships: where the county is on a map of the region (the typhoon track's inset)
  const home = useMemo(() => {
    const ts = scenario?.region.townships ?? [];
    return ts.length ? { lon: ts.reduce((a, x) => a + x.position[0], 0) / ts.length, lat: ts.reduce((a, x) => a + x.position[1], 0) / ts.length } : null;
  }, [scenario]);
  const player = useMemo(() => {
    if (!index || !plan) return null;
    const p = new Player(index);
    p.seek(plan.story.start);
    return p;
  }, [index, plan]);
  useEffect(() => () => player?.dispose(), [player]);

  const driveTo = useReplayDriver(player);

  const questions = spec.questions;
  const q = questions[qIndex];
  const order = useMemo(() => (plan ? questions.map((x) => optionOrder(x, plan.seed)) : []), [questions, plan]);

  useEffect(() => {
    if (import.meta.env.MODE === 'test' && plan)
      (window as unknown as Record<string, unknown>).__yanlianKioskHazard = { hazard, seed: plan.seed, story: plan.story, right: Object.fromEntries(questions.map((x) => [x.id, x.right])), t: () => player?.t };
  }, [plan, player, hazard, questions]);

  if (error)
    return (
      <section className="kiosk-card">
        <ErrorNote error={error} testId="kiosk-hazard-error" />
        <button type="button" className="kiosk-btn" onClick={onHome}>
          {t('kiosk.hazard.home')}
        </button>
      </section>
    );
  if (!scenario || !plan || !player || !terrain)
    return (
      <section className="kiosk-card kiosk-rain-loading" data-testid="kiosk-hazard-loading">
        <p className="kiosk-big">{t(`kiosk.${hazard}.loading`)}</p>
      </section>
    );

  const story = plan.story;
  const f = story.focus;
  const village = scenario.region.villages.find((v) => v.id === f.village);
  const township = scenario.region.townships.find((x) => x.id === village?.township);
  const site = scenario.hazardSites.find((h) => h.id === f.site);
  const link = f.link ? scenario.roads.links.find((l) => l.id === f.link) : undefined;
  const names = { village: pickText(village?.name, lang, f.village), site: pickText(site?.name, lang, f.site), road: f.link ? pickText(link?.name, lang, f.link) : '' };
  const clock = (x: number) => {
    const w = wallClock(scenario.start, x);
    return t('kiosk.rain.clock', { ...w, month: lang === 'en' ? MONTHS[w.month - 1] : w.month });
  };
  const vars = { ...names, ...spec.vars(scenario, plan, clock, lang) };

  const playToQuestion = (i: number) => {
    setPhase('play');
    driveTo(story.stops[questions[i]!.id] ?? story.end, i === 0 ? SEGMENT_S.first : SEGMENT_S.next, () => {
      setQIndex(i);
      setPhase('question');
    });
  };
  const answer = (opt: string) => {
    if (!q) return;
    const next = { ...answers, [q.id]: opt };
    setAnswers(next);
    if (qIndex + 1 < questions.length) playToQuestion(qIndex + 1);
    else {
      // the visitor's answers as engine decisions, the same seed run again: the consequence is simulated
      setVisitor(runVisitor(spec, scenario, plan, next, run));
      setPhase('play');
      // the result card comes by itself when the replay ends (no button to miss)
      driveTo(story.end, SEGMENT_S.end, () => setPhase('result'));
    }
  };

  if (phase === 'result' && visitor)
    return <HazardResultCard hazard={hazard} spec={spec} scenario={scenario} plan={plan} visitor={visitor} answers={answers} vars={vars} clock={clock} onAgain={onHome} />;

  const shake = spec.shake ? () => spec.shake!(story, player.t) : undefined;
  const rain = spec.rainy ? () => rainAt({ rain: spec.rainy!(plan) }, player.t) / 30 : undefined;
  return (
    <div className="kiosk-rain" data-testid="kiosk-hazard" data-hazard={hazard} data-phase={phase}>
      <div className="kiosk-rain-stage" data-testid="kiosk-hazard-stage">
        {gl ? <HazardScene scenario={scenario} terrain={terrain} player={player} focus={f} names={names} lang={lang} shake={shake} rain={rain} /> : <p className="kiosk-card">{t('kiosk.hazard.noWebgl')}</p>}
        {spec.track && home && <TyphoonTrackInset player={player} rain={spec.track.rain(plan)} pinghu={home} lang={lang} track={spec.track.points} />}
        <HazardHud hazard={hazard} spec={spec} player={player} plan={plan} clock={clock} place={t('kiosk.rain.you', { village: names.village, township: pickText(township?.name, lang, '') })} />
      </div>
      <aside className="kiosk-rain-side">
        {phase === 'intro' && (
          <section className="kiosk-card kiosk-question" data-testid="kiosk-hazard-intro">
            <h2 className="kiosk-ask">{t(`kiosk.${hazard}.intro.title`)}</h2>
            <p className="kiosk-situation">{t(`kiosk.${hazard}.intro.body`, vars)}</p>
            <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-btn-big" data-testid="kiosk-hazard-go" onClick={() => playToQuestion(0)}>
              {t('kiosk.hazard.go')}
            </button>
          </section>
        )}
        {phase === 'play' && (
          <section className="kiosk-card" data-testid="kiosk-hazard-playing">
            <p className="kiosk-big">{t('kiosk.rain.playing')}</p>
          </section>
        )}
        {phase === 'question' && q && (
          <section className="kiosk-card kiosk-question" data-testid="kiosk-hazard-question" data-question={q.id} key={q.id}>
            <p className="kiosk-progress">{t('kiosk.progress', { n: qIndex + 1, total: questions.length })}</p>
            <h2 className="kiosk-ask">{t('kiosk.question')}</h2>
            <p className="kiosk-situation">{t(`kiosk.${hazard}.q.${q.id}.title`, { ...vars, time: clock(story.stops[q.id] ?? story.start) })}</p>
            <div className="kiosk-options">
              {order[qIndex]!.map((o) => (
                <button key={o} type="button" className="kiosk-option" data-testid={`kiosk-hazard-option-${o}`} onClick={() => answer(o)}>
                  <span className="kiosk-option-label">{t(`kiosk.${hazard}.q.${q.id}.${o}`)}</span>
                </button>
              ))}
            </div>
          </section>
        )}
      </aside>
    </div>
  );
}

/** The clock, what is happening now (the spec's HUD line) and the warning signal when one is up, over the scene; the clock follows every frame through a ref. */
function HazardHud({ hazard, spec, player, plan, clock, place }: { hazard: HazardId; spec: HazardSpec; player: Player; plan: HazardRun; clock: (t: number) => string; place: string }) {
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
  const now = spec.hud(plan, player.t);
  const level = st.warning in { blue: 1, yellow: 1, orange: 1, red: 1 } ? st.warning : 'none';
  return (
    <div className="kiosk-rain-hud">
      <span className="kiosk-rain-clock" ref={clockRef} data-testid="kiosk-hazard-clock">
        {clock(player.t)}
      </span>
      {level !== 'none' && (
        <span className={`kiosk-rain-warning kiosk-warn-${level}`} data-testid="kiosk-hazard-warning" data-level={level}>
          <strong>{t(`kiosk.rain.warning.${level}`)}</strong>
        </span>
      )}
      <span className="kiosk-hazard-now" data-testid="kiosk-hazard-now" data-now={now.key}>
        {t(`kiosk.${hazard}.now.${now.key}`, now.vars)}
      </span>
      <span className="kiosk-rain-place">{place}</span>
    </div>
  );
}
