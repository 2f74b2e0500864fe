import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, Bilingual, Channel } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { useLang } from '../ui/useLang.ts';

export interface AdhocInjectFormProps {
  token: string;
  positions: { id: string; name: Bilingual }[];
}

const CHANNELS: Channel[] = ['phone', 'sms', 'radio', 'written', 'video'];

/** An ad-hoc inject (临机导调), e.g. a question from the rear command, to chosen positions. */
export function AdhocInjectForm({ token, positions }: AdhocInjectFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [to, setTo] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSent(false);
    const r = await apiCall('POST', '/api/drill/injects', { token, body: { title: { zh: title }, body: { zh: body }, channel, to } });
    if (!r.ok) return setError(r.error);
    setSent(true);
    setTitle('');
    setBody('');
  };
  return (
    <details className="adhoc">
      <summary>{t('adhoc.heading')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('adhoc.title')}
          <input type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('adhoc.body')}
          <textarea required maxLength={2000} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label>
          {t('adhoc.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('adhoc.to')}
          <select multiple value={to} size={Math.min(6, positions.length)} onChange={(e) => setTo([...e.target.selectedOptions].map((o) => o.value))}>
            {positions.map((p) => (
              <option key={p.id} value={p.id}>
                {pickText(p.name, lang)}
              </option>
            ))}
          </select>
          <span className="hint">{t('adhoc.toHint')}</span>
        </label>
        <button type="submit" className="btn btn-primary">
          {t('adhoc.send')}
        </button>
        {sent && <p className="ok-note">{t('adhoc.sent')}</p>}
        <ErrorNote error={error} />
      </form>
    </details>
  );
}
