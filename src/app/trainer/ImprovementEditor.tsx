import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, Bilingual } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { useLang } from '../ui/useLang.ts';

/** One improvement item as `GET /api/drill/improvements` gives it (src/server/reportRoutes.ts). */
interface Item {
  key: string;
  text: Bilingual;
  source: 'metric' | 'note';
  owner: string;
  deadline: string;
}

export interface ImprovementEditorProps {
  token: string;
  /** read again when the phase changes (notes may be added until the debrief) */
  phase: string;
}

/**
 * 改进事项: the report's improvement items, each with who is responsible and by when, typed in
 * before the report is opened or downloaded. Saved on the server with the drill when a field is
 * left (report.html and report.docx print them).
 */
export function ImprovementEditor({ token, phase }: ImprovementEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [items, setItems] = useState<Item[] | null>(null);
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void apiCall<{ items: Item[] }>('GET', '/api/drill/improvements', { token }).then((r) => {
      if (!r.ok) return setError(r.error);
      setItems(r.value.items);
      setSaved(Object.fromEntries(r.value.items.map((x) => [x.key, `${x.owner}\n${x.deadline}`])));
    });
  }, [token, phase]);
  if (!items) return error ? <ErrorNote error={error} /> : null;
  const edit = (key: string, patch: Partial<Item>) => setItems((xs) => xs!.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const save = async (x: Item) => {
    const now = `${x.owner.trim()}\n${x.deadline.trim()}`;
    if (saved[x.key] === now) return;
    setError(null);
    const r = await apiCall('POST', '/api/drill/improvements', { token, body: { key: x.key, owner: x.owner, deadline: x.deadline } });
    if (!r.ok) return setError(r.error);
    setSaved((s) => ({ ...s, [x.key]: now }));
  };
  return (
    <details open className="improvements" data-testid="improvements">
      <summary>{t('debrief.improvements', { count: items.length })}</summary>
      {items.length === 0 ? (
        <p className="empty">{t('debrief.noImprovements')}</p>
      ) : (
        <table className="improve-table">
          <thead>
            <tr>
              <th>{t('debrief.improvementItem')}</th>
              <th>{t('debrief.owner')}</th>
              <th>{t('debrief.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x, k) => (
              <tr key={x.key} data-testid="improvement">
                <td>
                  {k + 1}. {pickText(x.text, lang)}
                </td>
                <td>
                  <input type="text" value={x.owner} maxLength={200} aria-label={t('debrief.owner')} placeholder={t('debrief.ownerHint')} onChange={(e) => edit(x.key, { owner: e.target.value })} onBlur={() => void save(x)} data-testid="improvement-owner" />
                </td>
                <td>
                  <input type="text" value={x.deadline} maxLength={200} aria-label={t('debrief.deadline')} placeholder={t('debrief.deadlineHint')} onChange={(e) => edit(x.key, { deadline: e.target.value })} onBlur={() => void save(x)} data-testid="improvement-deadline" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('debrief.improvementsHint')}</p>
      <ErrorNote error={error} />
    </details>
  );
}
