import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { SavedSession } from '../net/savedSession.ts';
import type { ApiError, Bilingual } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface JoinFormProps {
  code: string;
  position: string;
  onJoined: (s: SavedSession) => void;
}

/**
 * A trainee enters the drill code read out by the trainer, picks their position (岗位) from the
 * drill's list and joins. Wrong codes are refused (and rate-limited) by the server.
 */
export function JoinForm({ code: initialCode, position: initialPosition, onJoined }: JoinFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [code, setCode] = useState(initialCode);
  const [positions, setPositions] = useState<{ id: string; name: Bilingual }[] | null>(null);
  const [drillTitle, setDrillTitle] = useState('');
  const [position, setPosition] = useState(initialPosition);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (c: string) => {
    setBusy(true);
    setError(null);
    const r = await apiCall<{ title: string; positions: { id: string; name: Bilingual }[] }>('POST', '/api/positions', { body: { code: c } });
    setBusy(false);
    if (!r.ok) {
      setPositions(null);
      return setError(r.error);
    }
    setPositions(r.value.positions);
    setDrillTitle(r.value.title);
    setPosition((p) => (r.value.positions.some((x) => x.id === p) ? p : ''));
  };

  useEffect(() => {
    if (initialCode) void lookUp(initialCode);
    // only for a code that came with a join link
  }, [initialCode]);

  const join = async (e: FormEvent) => {
    e.preventDefault();
    if (!positions) return void lookUp(code);
    setBusy(true);
    setError(null);
    const posName = positions.find((p) => p.id === position)?.name;
    const r = await apiCall<{ token: string; drillId: string }>('POST', '/api/join', {
      body: { code, role: 'trainee', position, name: name.trim() || (posName ? pickText(posName, lang) : '') },
    });
    setBusy(false);
    if (r.ok) onJoined({ token: r.value.token, drillId: r.value.drillId, code });
    else setError(r.error);
  };

  return (
    <div className="page trainee-join">
      <Panel title={t('join.heading')} testId="join-panel">
        <form className="form" onSubmit={(e) => void join(e)} data-testid="join-form">
          <label>
            {t('join.code')}
            <input
              type="text"
              value={code}
              required
              maxLength={20}
              autoCapitalize="characters"
              autoComplete="off"
              placeholder="ABCD-EFGH"
              onChange={(e) => {
                setCode(e.target.value);
                setPositions(null);
              }}
              data-testid="code-input"
            />
          </label>
          {!positions && (
            <button type="button" className="btn btn-primary" disabled={busy || code.trim().length < 8} onClick={() => void lookUp(code)} data-testid="lookup">
              {t('join.lookUp')}
            </button>
          )}
          {positions && (
            <>
              <p className="drill-title" data-testid="join-drill-title">
                {drillTitle}
              </p>
              <fieldset className="choice positions-choice">
                <legend>{t('join.position')}</legend>
                <select value={position} required onChange={(e) => setPosition(e.target.value)} data-testid="position-select">
                  <option value="">{t('join.pickPosition')}</option>
                  {positions.map((p) => (
                    <option key={p.id} value={p.id}>
                      {pickText(p.name, lang)}
                    </option>
                  ))}
                </select>
              </fieldset>
              <label>
                {t('join.name')}
                <input type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
              </label>
              <button type="submit" className="btn btn-primary" disabled={busy || !position} data-testid="join-submit">
                {t('join.submit')}
              </button>
            </>
          )}
          <ErrorNote error={error} testId="join-error" />
        </form>
      </Panel>
    </div>
  );
}
