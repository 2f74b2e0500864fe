import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, EventFrame } from '../net/types.ts';
import type { MapNames } from '../format/MapNames.ts';
import { pickText } from '../format/pickText.ts';
import { simTime } from '../format/simTime.ts';
import { acknowledged, intelReports, releasedInjects } from '../state/selectors.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface InboxProps {
  token: string;
  events: readonly EventFrame[];
  names: MapNames;
  position: string;
  active: boolean;
}

/**
 * Messages to this position, newest first: injects (phone calls, texts, written reports …)
 * with an acknowledge button, and reports of slides and road cuts as they come in.
 */
export function Inbox({ token, events, names, position, active }: InboxProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);
  const injects = useMemo(() => releasedInjects(events), [events]);
  const intel = useMemo(() => intelReports(events), [events]);
  const acks = useMemo(() => acknowledged(events), [events]);
  const items = useMemo(
    () => [...injects.map((i) => ({ t: i.t, key: i.key, inject: i })), ...intel.map((r) => ({ t: r.t, key: r.key, intel: r }))].sort((a, b) => b.t - a.t),
    [injects, intel],
  );
  const ack = async (key: string) => {
    setError(null);
    const r = await apiCall('POST', '/api/drill/acks', { token, body: { key } });
    if (!r.ok) setError({ key, error: r.error });
  };
  return (
    <Panel title={t('inbox.heading', { count: items.length })} testId="inbox" className="span-2">
      <ol className="inbox">
        {items.map((m) =>
          'inject' in m && m.inject ? (
            <li key={m.key} className={`msg channel-${m.inject.channel}`} data-testid="inbox-inject" data-inject={m.inject.inject}>
              <div className="msg-head">
                <span className="tag">{t(`channel.${m.inject.channel}`, { defaultValue: m.inject.channel })}</span>
                <strong>{pickText(m.inject.title, lang)}</strong>
                <span className="time">{simTime(m.t)}</span>
              </div>
              <p>{pickText(m.inject.body, lang)}</p>
              {acks.get(m.key)?.has(position) ? (
                <span className="tag ok">{t('inbox.acked')}</span>
              ) : (
                <button type="button" className="btn" disabled={!active} onClick={() => void ack(m.key)} data-testid="ack">
                  {t('inbox.ack')}
                </button>
              )}
              {error?.key === m.key && <ErrorNote error={error.error} />}
            </li>
          ) : 'intel' in m && m.intel ? (
            <li key={m.key} className="msg intel" data-testid="inbox-intel">
              <div className="msg-head">
                <span className="tag bad">{t('inbox.report')}</span>
                <strong>
                  {m.intel.what === 'roadCut'
                    ? t('intel.roadCut', { link: names.name('link', m.intel.link, lang), trunk: m.intel.trunk ? t('feed.trunk') : '' })
                    : t('intel.siteFailed', { site: names.name('site', m.intel.site, lang), village: names.name('village', m.intel.village, lang) })}
                </strong>
                <span className="time">{simTime(m.t)}</span>
              </div>
              <p className="meta">{t('inbox.since', { time: simTime(m.intel.sinceMin) })}</p>
            </li>
          ) : null,
        )}
        {!items.length && <li className="empty">{t('inbox.empty')}</li>}
      </ol>
    </Panel>
  );
}
