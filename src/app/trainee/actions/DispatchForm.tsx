import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFrame, MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { intelReports } from '../../state/selectors.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { sitesInArea } from './area.ts';
import { usePicked } from './picked.ts';
import { useDecision } from './useDecision.ts';

export interface DispatchFormProps {
  token: string;
  map: MapInfo;
  events: readonly EventFrame[];
  disabled: boolean;
}

type Task = 'rescue' | 'clear' | 'suppress';

/** Engine events that tell this position a forest site is burning (what fog lets it see); `fire.out` ends it. */
const FIRE_NEWS = new Set(['fire.detected', 'fire.escaped', 'fire.wui']);

/**
 * 派出队伍: one of this position's teams to rescue at a hazard site, to clear a road, or — a
 * team with the `fireSuppression` capability — to fight a fire (扑火) at a forest site of this
 * position's jurisdiction. Sites, roads and fires already reported are listed first; the
 * engine decides whether the team can go (it refuses a forest site with no reported fire).
 */
export function DispatchForm({ token, map, events, disabled }: DispatchFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const teams = map.teams.filter((x) => map.you?.teams.includes(x.id));
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  const [pickedTask, setTask] = useState<Task>('rescue');
  const canSuppress = teams.find((x) => x.id === team)?.capabilities.includes('fireSuppression') ?? false;
  const tasks: Task[] = canSuppress ? ['rescue', 'clear', 'suppress'] : ['rescue', 'clear'];
  const task: Task = tasks.includes(pickedTask) ? pickedTask : 'rescue';
  const [target, setTarget] = useState('');
  const reports = useMemo(() => intelReports(events), [events]);
  const reported = useMemo(() => {
    const ids = reports.map((r) => (r.what === 'roadCut' ? r.link : r.site));
    // forests burning now: a fire's news names its site; once it is out (fire.out names only the fire) it drops off
    const burning = new Map<number, string>();
    for (const e of events) {
      if (e.kind !== 'sim') continue;
      const type = String(e.data.type);
      if (FIRE_NEWS.has(type) && typeof e.data.fire === 'number' && typeof e.data.site === 'string') burning.set(e.data.fire, e.data.site);
      else if (type === 'fire.out' && typeof e.data.fire === 'number') burning.delete(e.data.fire);
    }
    ids.push(...burning.values());
    return new Set(ids.filter(Boolean) as string[]);
  }, [reports, events]);
  const options = useMemo(() => {
    const site = (x: MapInfo['hazardSites'][number]) => ({ id: x.id, name: pickText(x.name, lang) });
    const list =
      task === 'rescue'
        ? map.hazardSites.map(site)
        : task === 'suppress'
          ? sitesInArea(map)
              .filter((x) => x.kind === 'forest')
              .map(site)
          : map.roads.links.map((l) => ({ id: l.id, name: `${pickText(l.name, lang, l.id)}${l.trunk ? ` (${t('feed.trunk')})` : ''}` }));
    return [...list.filter((x) => reported.has(x.id)), ...list.filter((x) => !reported.has(x.id))];
  }, [task, map, lang, reported, t]);
  const chosen = target && options.some((o) => o.id === target) ? target : (options[0]?.id ?? '');
  // a road clicked on the map: clear it; a site: rescue there (or fight its fire, for a team that can)
  const formRef = useRef<HTMLFormElement>(null);
  usePicked(
    'dispatchTeam',
    (p) => {
      if (p.kind === 'link' && map.roads.links.some((l) => l.id === p.id)) {
        setTask('clear');
        setTarget(p.id);
        return true;
      }
      if (p.kind !== 'site') return false;
      const site = map.hazardSites.find((x) => x.id === p.id);
      if (!site) return false;
      const suppress = canSuppress && site.kind === 'forest' && sitesInArea(map).some((x) => x.id === p.id);
      setTask(suppress ? 'suppress' : 'rescue');
      setTarget(p.id);
      return true;
    },
    formRef,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'dispatchTeam', team, task: task === 'clear' ? { kind: 'clear', link: chosen } : { kind: task, site: chosen } });
  };
  return (
    <form ref={formRef} className="action-form form" onSubmit={submit} data-testid="act-dispatchTeam">
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
        {tasks.map((k) => (
          <label className="check" key={k}>
            <input type="radio" name="dispatch-task" checked={task === k} onChange={() => setTask(k)} data-testid={`dispatch-task-${k}`} />
            {t(`task.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {task === 'clear' ? t('act.link') : t('act.site')}
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
