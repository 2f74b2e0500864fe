import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFrame } from '../net/types.ts';
import { describeRecord } from '../format/describeRecord.ts';
import type { MapNames } from '../format/MapNames.ts';
import { simTime } from '../format/simTime.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { ensureSceneI18n } from '../three/sceneI18n.ts';
import { eventSubject } from '../three/sceneSubject.ts';
import { Panel } from '../ui/Panel.tsx';
import { pickFromFeed } from './feedFocus.ts';
import { useLang } from '../ui/useLang.ts';

export interface EventFeedProps {
  events: readonly EventFrame[];
  names: MapNames;
  /** the player feed: a trainee's own view instead of the director's ground truth */
  player?: boolean;
}

const SHOWN = 300;

/** Whether a record is about something on the map (a road, site, team, village, store, shelter or fire): the director can fly there. */
function onMap(e: EventFrame): boolean {
  if (e.kind === 'intel') return typeof e.data.link === 'string' || typeof e.data.site === 'string';
  if (e.kind !== 'sim' || typeof e.data.type !== 'string') return false;
  return e.data.type.startsWith('fire.') || e.data.type.startsWith('delivery.') || eventSubject(e.data as unknown as LogEvent, null) !== null;
}
const FEED_KINDS = new Set(['sim', 'intel', 'inject', 'phase', 'clock', 'note', 'reveal', 'recovered', 'ack']);

/**
 * The live event feed, newest first. For the director it is the ground truth (every engine
 * event, with who could see it); for a trainee, only what the server sent them. Hourly rain
 * readings can be hidden. The director clicks an entry about a place to fly the situation map
 * there (feedFocus.ts: the map beside the feed listens).
 */
export function EventFeed({ events, names, player = false }: EventFeedProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rain, setRain] = useState(false);
  ensureSceneI18n();
  const shown = useMemo(() => {
    const out: EventFrame[] = [];
    for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const e = events[i]!;
      if (!FEED_KINDS.has(e.kind)) continue;
      if (!rain && e.kind === 'sim' && e.data.type === 'rain.hour') continue;
      out.push(e);
    }
    return out;
  }, [events, rain]);
  return (
    <Panel
      title={player ? t('feed.playerHeading') : t('feed.heading')}
      testId="event-feed"
      className="span-2 feed-panel"
      actions={
        <label className="check small">
          <input type="checkbox" checked={rain} onChange={(e) => setRain(e.target.checked)} />
          {t('feed.showRain')}
        </label>
      }
    >
      {!player && <p className="hint">{t('feed.groundTruth')}</p>}
      <ol className="feed" aria-live="polite">
        {shown.map((e) => {
          const pick = !player && onMap(e);
          return (
          <li
            key={e.cursor}
            className={`feed-${e.kind} ${e.kind === 'sim' ? `sim-${String(e.data.type).replace('.', '-')}` : ''}${pick ? ' feed-pick' : ''}`}
            {...(pick
              ? {
                  role: 'button',
                  tabIndex: 0,
                  title: t('scene.feed.locate'),
                  onClick: () => pickFromFeed(e.data),
                  onKeyDown: (k: KeyboardEvent) => {
                    if (k.key === 'Enter' || k.key === ' ') {
                      k.preventDefault();
                      pickFromFeed(e.data);
                    }
                  },
                }
              : {})}
          >
            <span className="time">{simTime(e.t)}</span>
            <span className="what">{describeRecord(e, names, lang, t)}</span>
            {!player && e.audience && e.audience !== 'all' && <span className="aud">{e.audience === 'staff' ? t('feed.staffOnly') : t('feed.to', { who: e.audience.slice(2).split(',').map((p) => names.name('position', p, lang)).join('、') })}</span>}
          </li>
          );
        })}
        {!shown.length && <li className="empty">{t('feed.empty')}</li>}
      </ol>
    </Panel>
  );
}
