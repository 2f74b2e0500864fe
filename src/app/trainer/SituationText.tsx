import { useTranslation } from 'react-i18next';
import type { CountyState } from '../../../engine/playback/index.ts';
import type { MapNames } from '../format/MapNames.ts';
import { useLang } from '../ui/useLang.ts';

export interface SituationTextProps {
  state: CountyState;
  /** names for the map's ids (countyNames: unnamed roads are named after their ends) */
  names: MapNames;
  testId?: string;
}

/**
 * The situation map as text, from the same fold as the 3D map: roads not open, hazard sites on
 * watch or failed, teams out, shelters with people, fires. Shown where WebGL is unavailable or
 * the trainer chose text only.
 */
export function SituationText({ state: st, names, testId }: SituationTextProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const roads = Object.entries(st.links).filter(([, v]) => v !== 'open');
  const sites = Object.entries(st.sites).filter(([, v]) => v !== 'stable');
  const teams = Object.entries(st.teams).filter(([, v]) => v.status !== 'atBase');
  const shelters = Object.entries(st.shelters).filter(([, v]) => v.people > 0);
  const fires = Object.values(st.fires).filter((f) => f.status !== 'out');
  const empty = !roads.length && !sites.length && !teams.length && !shelters.length && !fires.length;
  const row = (title: string, items: string[]) =>
    items.length ? (
      <li>
        <b>{title}</b>：{items.join('；')}
      </li>
    ) : null;
  return (
    <ul className="situation-text" data-testid={testId}>
      {empty && <li className="hint">{t('playback.map.text.nothing')}</li>}
      {row(t('playback.map.text.roads'), roads.map(([id, v]) => `${names.name('link', id, lang)}（${t(`playback.map.text.linkState.${v}`)}）`))}
      {row(t('playback.map.text.sites'), sites.map(([id, v]) => `${names.name('site', id, lang)}（${t(`playback.map.text.siteState.${v}`)}）`))}
      {row(t('playback.map.text.teams'), teams.map(([id, v]) => `${names.name('team', id, lang)}（${t(`playback.map.text.teamStatus.${v.status}`)}）`))}
      {row(t('playback.map.text.shelters'), shelters.map(([id, v]) => `${names.name('shelter', id, lang)}（${t('playback.map.text.people', { n: v.people })}）`))}
      {row(t('playback.map.text.fires'), fires.map((f) => `${names.name('site', f.site, lang)}（${t(`playback.map.text.fireStatus.${f.status}`)}）`))}
    </ul>
  );
}
