import { useTranslation } from 'react-i18next';
import type { CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import type { MapNames } from '../format/MapNames.ts';
import { langOf, pickText } from '../format/pickText.ts';
import { subjectKnown, type Subject } from '../three/sceneSubject.ts';

export interface SubjectInfoProps {
  subject: Subject;
  /** the scenario as the shown view may draw it, and that view's state now */
  scenario: Scenario;
  st: CountyState;
  names: MapNames;
  onClose: () => void;
}

/**
 * The picked object's card over the scene: its human name (never its id) and its state at this
 * moment in the view shown (the ground truth, or what a position knew).
 */
export function SubjectInfo({ subject: sj, scenario: s, st, names, onClose }: SubjectInfoProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const lines: string[] = [];
  const known = subjectKnown(s, sj);
  if (!known) lines.push(t('playback.info.unknown'));
  else if (sj.kind === 'link') lines.push(t('playback.info.state', { state: t(`playback.legend.${st.links[sj.id] ?? 'open'}`) }));
  else if (sj.kind === 'site') {
    lines.push(t('playback.info.state', { state: t(`playback.legend.${st.sites[sj.id] ?? 'stable'}`) }));
    if (st.evacuatedSites[sj.id]) lines.push(t('playback.info.evacuated'));
    for (const f of Object.values(st.fires)) if (f.site === sj.id) lines.push(t('playback.info.fire', { status: t(`playback.map.text.fireStatus.${f.status}`), ha: Math.round(f.areaHa * 10) / 10 }));
  } else if (sj.kind === 'team') {
    const tm = st.teams[sj.id];
    if (tm) {
      lines.push(t('playback.info.state', { state: t(`playback.map.text.teamStatus.${tm.status}`) }));
      if (tm.task) lines.push(t('playback.info.task', { task: `${t(`playback.info.taskKind.${tm.task.kind}`, { defaultValue: tm.task.kind })} · ${names.name(tm.task.kind === 'clear' ? 'link' : 'site', tm.task.target, lang)}` }));
    } else lines.push(t('playback.info.unknown'));
  } else if (sj.kind === 'village') {
    const r = st.relief[sj.id];
    lines.push(r && r.people > 0 ? t('playback.info.relief', { n: r.people }) : t('playback.info.noRelief'));
    if (r?.first) lines.push(t('playback.info.firstRelief'));
  } else if (sj.kind === 'warehouse') {
    const stock = st.stock[sj.id];
    const w = s.reserves.warehouses.find((x) => x.id === sj.id);
    if (!stock || !w || !Object.values(w.stock ?? {}).some((n) => n > 0)) lines.push(t('playback.info.stockUnknown'));
    else
      for (const item of s.reserves.items) {
        const n = stock[item.id] ?? 0;
        if ((w.stock[item.id] ?? 0) > 0 || n > 0) lines.push(`${pickText(item.name, lang)} ${n} / ${w.stock[item.id] ?? 0} ${pickText(item.unit, lang)}`);
      }
  } else if (sj.kind === 'shelter') {
    const sh = st.shelters[sj.id];
    const cap = s.shelters.find((x) => x.id === sj.id)?.capacity ?? 0;
    lines.push(t('playback.info.shelter', { n: sh?.people ?? 0, cap }));
    if (sh?.opened) lines.push(t('playback.info.opened'));
  }
  return (
    <div className="pb-info" data-testid="pb-info" data-kind={sj.kind} data-id={sj.id}>
      <button type="button" className="pb-info-close" onClick={onClose} aria-label={t('playback.info.close')}>
        ×
      </button>
      <div className="pb-info-kind">{t(`playback.info.kind.${sj.kind}`)}</div>
      <div className="pb-info-name" data-testid="pb-info-name">
        {names.name(sj.kind, sj.id, lang)}
      </div>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
