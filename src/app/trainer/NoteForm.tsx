import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, Bilingual, ScriptResponse } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface NoteFormProps {
  token: string;
}

/**
 * Evaluator notes (评估记录): free text, optionally against an objective with a 1–5 rating, or
 * marked as an improvement item. They go into the log (staff only) and the after-action report.
 */
export function NoteForm({ token }: NoteFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [objectives, setObjectives] = useState<{ id: string; name: Bilingual }[]>([]);
  const [text, setText] = useState('');
  const [objective, setObjective] = useState('');
  const [rating, setRating] = useState('');
  const [improvement, setImprovement] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void apiCall<ScriptResponse>('GET', '/api/drill/script', { token }).then((r) => {
      if (r.ok && !r.value.selfBlind) setObjectives(r.value.config.objectives ?? []);
    });
  }, [token]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const body = { text, ...(objective ? { objective } : {}), ...(objective && rating ? { rating: Number(rating) } : {}), ...(improvement ? { improvement: true } : {}) };
    const r = await apiCall('POST', '/api/drill/notes', { token, body });
    if (!r.ok) return setError(r.error);
    setSaved(true);
    setText('');
  };
  return (
    <Panel title={t('notes.heading')} testId="notes">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('notes.text')}
          <textarea rows={3} required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
        </label>
        {objectives.length > 0 && (
          <div className="row">
            <label>
              {t('notes.objective')}
              <select value={objective} onChange={(e) => setObjective(e.target.value)}>
                <option value="">{t('notes.noObjective')}</option>
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {pickText(o.name, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('notes.rating')}
              <select value={rating} disabled={!objective} onChange={(e) => setRating(e.target.value)}>
                <option value="">—</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {t('notes.stars', { n })}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={improvement} onChange={(e) => setImprovement(e.target.checked)} />
          {t('notes.improvement')}
        </label>
        <button type="submit" className="btn btn-primary" data-testid="note-submit">
          {t('notes.save')}
        </button>
        {saved && <p className="ok-note">{t('notes.saved')}</p>}
        <ErrorNote error={error} />
      </form>
    </Panel>
  );
}
