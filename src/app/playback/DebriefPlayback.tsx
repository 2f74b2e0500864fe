import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import type { DrillPlaybackData } from './drillPlayback.ts';
import { DrillPlaybackView } from './DrillPlaybackView.tsx';
import { ensurePlaybackI18n } from './playbackI18n.ts';
import './playback.css';

ensurePlaybackI18n();

/**
 * The playback embedded in the trainer's debrief panel: this drill (`GET /api/playback/drill`
 * with the director's or evaluator's token), ground truth and each position's view. Loaded
 * lazily with three.js.
 */
export default function DebriefPlayback({ token }: { token: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<DrillPlaybackData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void apiCall<DrillPlaybackData>('GET', '/api/playback/drill', { token }).then((r) => (r.ok ? setData(r.value) : setError(r.error)));
  }, [token]);
  return (
    <div className="pb-embed" data-testid="debrief-playback">
      {!data && !error && <p className="hint">{t('playback.drills.opening')}</p>}
      <ErrorNote error={error} />
      {data && <DrillPlaybackView data={data} />}
    </div>
  );
}
