import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { SavedSession } from '../net/savedSession.ts';
import type { ApiError, CodeLookup } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface JoinFormProps {
  /** the position code from a join link (`#/trainee?code=…`), or '' */
  code: string;
  onJoined: (s: SavedSession) => void;
}

/**
 * A trainee joins their position (岗位) by its own code: the join link the director sent fills
 * it in and shows the position, or the trainee types the code read out to them. The position
 * comes from the code, never from a choice; the drill code alone joins no position (the server
 * refuses it, and this form says so). Wrong codes are refused (and rate-limited) by the server.
 */
export function JoinForm({ code: initialCode, onJoined }: JoinFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [code, setCode] = useState(initialCode);
  const [found, setFound] = useState<CodeLookup | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const position = found?.position ?? null;

  const lookUp = async (c: string) => {
    setBusy(true);
    setError(null);
    const r = await apiCall<CodeLookup>('POST', '/api/positions', { body: { code: c } });
    setBusy(false);
    if (!r.ok) {
      setFound(null);
      return setError(r.error);
    }
    setFound(r.value);
  };

  useEffect(() => {
    if (initialCode) void lookUp(initialCode);
    // only for a code that came with a join link
  }, [initialCode]);

  const join = async (e: FormEvent) => {
    e.preventDefault();
    if (!position) return void lookUp(code);
    setBusy(true);
    setError(null);
    const r = await apiCall<{ token: string; drillId: string }>('POST', '/api/join', {
      body: { code, role: 'trainee', name: name.trim() || pickText(position.name, lang) },
    });
    setBusy(false);
    if (r.ok) onJoined({ token: r.value.token, drillId: r.value.drillId });
    else setError(r.error);
  };

  return (
    <div className="page trainee-join">
      <Panel title={t('join.heading')} testId="join-panel">
        <form className="form" onSubmit={(e) => void join(e)} data-testid="join-form">
          <label>
            {t('positionJoin.codeLabel')}
            <input
              type="text"
              value={code}
              required
              maxLength={20}
              autoCapitalize="characters"
              autoComplete="off"
              placeholder={t('positionJoin.codePlaceholder')}
              onChange={(e) => {
                setCode(e.target.value);
                setFound(null);
              }}
              data-testid="code-input"
            />
          </label>
          {!position && (
            <button type="button" className="btn btn-primary" disabled={busy || code.trim().length < 8} onClick={() => void lookUp(code)} data-testid="lookup">
              {t('join.lookUp')}
            </button>
          )}
          {found && !position && (
            <p className="error-note" role="alert" data-testid="drill-code-only">
              {t('positionJoin.drillCodeOnly')}
            </p>
          )}
          {found && position && (
            <>
              <p className="drill-title" data-testid="join-drill-title">
                {found.title}
              </p>
              <p data-testid="join-position" data-position={position.id}>
                {t('positionJoin.yourPosition', { name: pickText(position.name, lang) })}
              </p>
              <label>
                {t('join.name')}
                <input type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
              </label>
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="join-submit">
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
