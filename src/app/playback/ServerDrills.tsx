import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, DrillMode, DrillPhase } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import type { DrillPlaybackData } from './drillPlayback.ts';

interface DrillRow {
  id: string;
  title: string;
  mode: DrillMode;
  phase: DrillPhase;
  createdAt: number;
}

/**
 * The drills in the server's database (`GET /api/playback/drills`: titles and phases, as the
 * status page shows): a director or evaluator picks one and gives its password to play it back
 * (`POST /api/playback/drills/:id`; nothing is written to the drill).
 */
export function ServerDrills({ onOpen }: { onOpen: (d: DrillPlaybackData) => void }) {
  const { t, i18n } = useTranslation();
  const [drills, setDrills] = useState<DrillRow[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void apiCall<{ drills: DrillRow[] }>('GET', '/api/playback/drills').then((r) => (r.ok ? setDrills(r.value.drills) : setError(r.error)));
  }, []);
  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await apiCall<DrillPlaybackData>('POST', `/api/playback/drills/${encodeURIComponent(chosen)}`, { body: { password } });
    setBusy(false);
    if (r.ok) onOpen(r.value);
    else setError(r.error);
  };
  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language.startsWith('en') ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="pb-drills" data-testid="pb-drills">
      <h3>{t('playback.drills.heading')}</h3>
      <p className="hint small">{t('playback.drills.hint')}</p>
      {drills && !drills.length && <p className="hint">{t('playback.drills.none')}</p>}
      <ul>
        {(drills ?? []).map((d) => (
          <li key={d.id} data-testid="pb-drill">
            <label className="check">
              <input type="radio" name="pb-drill" checked={chosen === d.id} onChange={() => setChosen(d.id)} />
              <span className="title">{d.title}</span>
            </label>
            <span className="small">
              {t(`mode.${d.mode}`)} · {t(`phase.${d.phase}`)} · {t('playback.drills.created', { date: date(d.createdAt) })}
            </span>
            {chosen === d.id && (
              <form onSubmit={(e) => void open(e)}>
                <input type="password" required autoFocus aria-label={t('playback.drills.password')} placeholder={t('playback.drills.password')} value={password} onChange={(e) => setPassword(e.target.value)} data-testid="pb-drill-password" />
                <button type="submit" className="btn btn-primary" disabled={busy || !password} data-testid="pb-drill-open">
                  {busy ? t('playback.drills.opening') : t('playback.drills.open')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
