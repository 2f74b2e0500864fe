import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { Bilingual } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { useLang } from '../ui/useLang.ts';
import type { BlindBoundsDraft } from '../state/blindBounds.ts';
import type { NameOption } from './NamePicker.tsx';
import { NameListPicker } from './NameListPicker.tsx';

export interface BlindBoundsFieldsProps {
  /** the shipped scenario's file name, whose hazard sites are offered */
  scenario: string;
  value: BlindBoundsDraft;
  onChange: (v: BlindBoundsDraft) => void;
}

/** What `GET /api/scenarios/:key/places` answers (src/server/scenarioRoutes.ts). */
interface ScenarioPlaces {
  villages: { id: string; name: Bilingual; township: string }[];
  hazardSites: { id: string; name: Bilingual; village: string }[];
}

const idsOf = (s: string) => s.split(/[\s,，、]+/).filter(Boolean);

/**
 * The trainer's 双盲 bounds: start window, how many sites fail, and which must or must not — picked
 * by name from the scenario's hazard sites (the server's list of them), kept as ids.
 */
export function BlindBoundsFields({ scenario, value, onChange }: BlindBoundsFieldsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [places, setPlaces] = useState<ScenarioPlaces | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!scenario) return;
    let live = true;
    setPlaces(null);
    setFailed(false);
    void apiCall<ScenarioPlaces>('GET', `/api/scenarios/${encodeURIComponent(scenario)}/places`).then((r) => {
      if (!live) return;
      if (r.ok) setPlaces(r.value);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [scenario]);
  const sites: NameOption[] = useMemo(() => {
    if (!places) return [];
    const villages = new Map(places.villages.map((v) => [v.id, v]));
    return places.hazardSites
      .map((s) => ({ id: s.id, label: pickText(s.name, lang), hint: villages.get(s.village) ? pickText(villages.get(s.village)!.name, lang) : undefined }))
      .sort((a, b) => a.label.localeCompare(b.label, lang === 'zh' ? 'zh-CN' : 'en'));
  }, [places, lang]);
  const set = (patch: Partial<BlindBoundsDraft>) => onChange({ ...value, ...patch });
  const include = idsOf(value.include);
  const exclude = idsOf(value.exclude);
  return (
    <fieldset className="blind-bounds" data-testid="blind-bounds">
      <legend>{t('create.blindBounds')}</legend>
      <p className="hint">{t('create.blindHint')}</p>
      <div className="row">
        <label>
          {t('create.startFrom')}
          <input type="datetime-local" value={value.startFrom} onChange={(e) => set({ startFrom: e.target.value })} />
        </label>
        <label>
          {t('create.startTo')}
          <input type="datetime-local" value={value.startTo} onChange={(e) => set({ startTo: e.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('create.failMin')}
          <input type="number" min={0} inputMode="numeric" value={value.failMin} onChange={(e) => set({ failMin: e.target.value })} />
        </label>
        <label>
          {t('create.failMax')}
          <input type="number" min={0} inputMode="numeric" value={value.failMax} onChange={(e) => set({ failMax: e.target.value })} />
        </label>
      </div>
      {failed && <p className="hint warn">{t('create.sitesUnavailable')}</p>}
      {!places && !failed && <p className="hint">{t('app.loading')}</p>}
      {places && (
        <>
          <NameListPicker label={t('create.include', { count: sites.length })} options={sites} value={include} exclude={exclude} onChange={(ids) => set({ include: ids.join(', ') })} testId="blind-include" />
          <NameListPicker label={t('create.exclude')} options={sites} value={exclude} exclude={include} onChange={(ids) => set({ exclude: ids.join(', ') })} testId="blind-exclude" />
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={value.selfBlind} onChange={(e) => set({ selfBlind: e.target.checked })} />
        {t('create.selfBlind')}
      </label>
    </fieldset>
  );
}
