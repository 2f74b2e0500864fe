import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFrame, MapInfo } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { openShelters, teamStates } from '../state/selectors.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface OwnResourcesProps {
  map: MapInfo;
  events: readonly EventFrame[];
}

/**
 * This position's own teams (with what they are doing, from their events), stores (with their
 * stock at the start of the drill) and shelters (open or not). Long lists start folded.
 */
export function OwnResources({ map, events }: OwnResourcesProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const you = map.you!;
  const teams = map.teams.filter((x) => you.teams.includes(x.id));
  const states = useMemo(() => teamStates(events, you.teams), [events, you.teams]);
  const open = useMemo(() => openShelters(events), [events]);
  const whs = map.warehouses.filter((w) => you.warehouses.includes(w.id));
  const shelters = map.shelters.filter((s) => you.shelters.includes(s.id));
  const item = (id: string) => map.items.find((i) => i.id === id);
  const none = <li className="empty">{t('resources.none')}</li>;
  return (
    <Panel title={t('resources.heading')} testId="own-resources">
      <details open={teams.length <= 6}>
        <summary>{t('resources.teams', { count: teams.length })}</summary>
        <ul className="resources">
          {teams.map((x) => (
            <li key={x.id}>
              {pickText(x.name, lang)} <span className="small">{t('resources.size', { size: x.size })}</span>{' '}
              <span className={`tag team-${states[x.id]}`}>{t(`team.${states[x.id] ?? 'idle'}`)}</span>
            </li>
          ))}
          {!teams.length && none}
        </ul>
      </details>
      <details open={whs.length <= 4}>
        <summary>{t('resources.warehouses', { count: whs.length })}</summary>
        <ul className="resources">
          {whs.map((w) => (
            <li key={w.id}>
              {pickText(w.name, lang)}{' '}
              <span className="small">
                {Object.entries(w.stock ?? {})
                  .map(([id, n]) => `${pickText(item(id)?.name, lang, id)} ${n}`)
                  .join(lang === 'zh' ? '、' : ', ')}
              </span>
            </li>
          ))}
          {!whs.length && none}
        </ul>
        {whs.length > 0 && <p className="hint">{t('resources.stockHint')}</p>}
      </details>
      <details open={shelters.length <= 6}>
        <summary>{t('resources.shelters', { count: shelters.length })}</summary>
        <ul className="resources">
          {shelters.map((s) => (
            <li key={s.id}>
              {pickText(s.name, lang)} <span className="small">{t('resources.capacity', { capacity: s.capacity })}</span>{' '}
              <span className={`tag ${open.has(s.id) ? 'ok' : ''}`}>{open.has(s.id) ? t('resources.open') : t('resources.closed')}</span>
            </li>
          ))}
          {!shelters.length && none}
        </ul>
      </details>
    </Panel>
  );
}
