import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFrame, MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { intelReports } from '../../state/selectors.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { useDecision } from './useDecision.ts';

export interface DispatchFormProps {
  token: string;
  map: MapInfo;
  events: readonly EventFrame[];
  disabled: boolean;
}

/**
 * 派出队伍: one of this position's teams to rescue at a hazard site or to clear a road. Sites
 * and roads already reported are listed first; the engine decides whether the team can go.
 */
export function DispatchForm({ token, map, events, disabled }: DispatchFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const teams = map.teams.filter((x) => map.you?.teams.includes(x.id));
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  const [task, setTask] = useState<'rescue' | 'clear'>('rescue');
  const [target, setTarget] = useState('');
  const reports = useMemo(() => intelReports(events), [events]);
  const reported = useMemo(() => new Set(reports.map((r) => (r.what === 'roadCut' ? r.link : r.site)).filter(Boolean) as string[]), [reports]);
  const options = useMemo(() => {
    const list = task === 'rescue' ? map.hazardSites.map((x) => ({ id: x.id, name: pickText(x.name, lang) })) : map.roads.links.map((l) => ({ id: l.id, name: `${pickText(l.name, lang, l.id)}${l.trunk ? ` (${t('feed.trunk')})` : ''}` }));
    return [...list.filter((x) => reported.has(x.id)), ...list.filter((x) => !reported.has(x.id))];
  }, [task, map, lang, reported, t]);
  const chosen = target && options.some((o) => o.id === target) ? target : (options[0]?.id ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'dispatchTeam', team, task: task === 'clear' ? { kind: 'clear', link: chosen } : { kind: 'rescue', site: chosen } });
  };
  return (
    <form className="action-form form" onSubmit={submit} data-testid="act-dispatchTeam">
      <label>
        {t('act.team')}
        <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="dispatch-team">
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {pickText(x.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="choice">
        <legend>{t('act.task')}</legend>
        {(['rescue', 'clear'] as const).map((k) => (
          <label className="check" key={k}>
            <input type="radio" name="dispatch-task" checked={task === k} onChange={() => setTask(k)} data-testid={`dispatch-task-${k}`} />
            {t(`task.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {task === 'rescue' ? t('act.site') : t('act.link')}
        <select value={chosen} onChange={(e) => setTarget(e.target.value)} data-testid="dispatch-target">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {reported.has(o.id) ? `⚠ ${o.name} · ${t('act.reported')}` : o.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !team || !chosen} data-testid="dispatch-submit">
        {t('act.dispatch')}
      </button>
      <ActionResult state={s} kind="dispatchTeam" />
    </form>
  );
}
