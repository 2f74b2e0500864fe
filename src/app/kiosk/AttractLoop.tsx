import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../../../engine/model/models.ts';
import { buildPlayback } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { Player } from '../playback/player.ts';
import { countyTerrain } from '../three/countyTerrain.ts';
import { webglAvailable } from '../three/mapScenario.ts';
import { pickHazardRun, type HazardRun, type HazardSpec } from './hazardSpec.ts';
import { HAZARD_SPECS, type HazardId } from './hazardSpecs.ts';
import { fetchCountyScenario } from './kioskApi.ts';
import { HazardScene } from './HazardScene.tsx';
import { rainAt } from './rainStory.ts';

/** Real seconds one pass of the attract replay lasts. */
const LOOP_S = 24;

/**
 * The kiosk's attract loop, shown when nobody has touched the start screen for a while: a silent
 * replay of one county experience's engine run (the same 3D scene the visitor gets), looping,
 * with "touch to start" over it; any touch dismisses it. Loaded lazily with three.js.
 */
export default function AttractLoop({ hazard, seed, onTouch }: { hazard: HazardId; seed: number; onTouch(): void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const spec: HazardSpec = HAZARD_SPECS[hazard];
  const [got, setGot] = useState<{ scenario: Scenario; plan: HazardRun } | null>(null);
  const gl = useMemo(() => webglAvailable(), []);
  useEffect(() => {
    let live = true;
    void fetchCountyScenario(spec.scenario).then((r) => {
      if (!live || !r.ok) return;
      const plan = pickHazardRun(spec, r.value.scenario, seed, (s, sd) => MODELS.county.run(s, sd));
      if (live && plan) setGot({ scenario: r.value.scenario, plan });
    });
    return () => {
      live = false;
    };
  }, [spec, seed]);
  const player = useMemo(() => (got ? new Player(buildPlayback({ model: 'county', scenario: got.scenario }, got.plan.events)) : null), [got]);
  const terrain = useMemo(() => (got ? countyTerrain(got.scenario) : null), [got]);
  useEffect(() => {
    if (!player || !got) return;
    const { start, end } = got.plan.story;
    let raf = 0;
    const t0 = performance.now();
    const step = (now: number) => {
      const k = (((now - t0) / 1000) % LOOP_S) / LOOP_S;
      player.seek(start + (end - start) * k);
      raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(raf);
      player.dispose();
    };
  }, [player, got]);

  const s = got?.scenario;
  const f = got?.plan.story.focus;
  const names = s && f ? { village: pickText(s.region.villages.find((v) => v.id === f.village)?.name, lang, f.village), site: pickText(s.hazardSites.find((h) => h.id === f.site)?.name, lang, f.site), road: '' } : null;
  const story = got?.plan.story;
  return (
    <div className="kiosk-attract" data-testid="kiosk-attract" data-ready={player ? "1" : "0"} onClick={onTouch}>
      {gl && s && terrain && player && f && names && story && (
        <div className="kiosk-attract-stage">
          <HazardScene
            scenario={s}
            terrain={terrain}
            player={player}
            focus={f}
            names={names}
            lang={lang}
            shake={spec.shake ? () => spec.shake!(story, player.t) : undefined}
            rain={spec.rainy ? () => rainAt({ rain: spec.rainy!(got.plan) }, player.t) / 30 : undefined}
          />
        </div>
      )}
      <p className="kiosk-attract-caption">
        <strong>{t('kiosk.attract.title')}</strong>
        <span>{t('kiosk.attract.touch')}</span>
      </p>
    </div>
  );
}
