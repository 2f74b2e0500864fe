import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import { loadSession, saveSession } from '../net/savedSession.ts';
import type { ApiError, Bilingual, EventFrame, ParticipantRow, PositionCodes } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { participants } from '../state/selectors.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { useConfirm } from './ConfirmDialog.tsx';

export interface JoinCodesProps {
  code: string;
  positions: { id: string; name: Bilingual }[];
  events: readonly EventFrame[];
}

/** The join link of a position code: the trainee screen with the code filled in. */
const linkOf = (code: string) => `${location.origin}${location.pathname}#/trainee?code=${encodeURIComponent(code)}`;

/**
 * Copies text to the clipboard; falls back to a selected textarea where the Clipboard API is
 * missing (a LAN server over plain http is not a secure context). Resolves whether it worked.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/**
 * 岗位及加入链接: the drill code (for observers, directors and evaluators), then each position's
 * own join link and code with copy buttons — a trainee who opens the link joins that position
 * and no other — and who has joined. The server keeps only hashes of the codes, so they are shown
 * as issued to this tab (at creation, or re-issued here; re-issuing voids the old link). The
 * director can also let an observer see every position's messages instead of the public ones.
 */
export function JoinCodes({ code, positions, events }: JoinCodesProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const joined = useMemo(() => participants(events), [events]);
  const [codes, setCodes] = useState<PositionCodes>(() => loadSession('director')?.positionCodes ?? {});
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { dialog, ask } = useConfirm();
  const [views, setViews] = useState<Map<string, ParticipantRow['view']>>(new Map());
  const token = loadSession('director')?.token ?? null;
  const byPosition = new Map<string, string[]>();
  for (const p of joined) if (p.position) byPosition.set(p.position, [...(byPosition.get(p.position) ?? []), p.name]);
  const observers = joined.filter((p) => p.role === 'observer');

  // the observers' current views (participant records do not carry them)
  useEffect(() => {
    if (!token || !observers.length) return;
    void apiCall<{ participants: ParticipantRow[] }>('GET', '/api/drill/participants', { token }).then((r) => {
      if (r.ok) setViews(new Map(r.value.participants.map((p) => [p.id, p.view ?? null])));
    });
  }, [token, observers.length]);

  const issue = async (ids?: string[]) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    const r = await apiCall<{ positionCodes: PositionCodes }>('POST', '/api/drill/position-codes', { token, body: ids ? { positions: ids } : {} });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const next = { ...codes, ...r.value.positionCodes };
    setCodes(next);
    const saved = loadSession('director');
    if (saved) saveSession('director', { ...saved, positionCodes: next });
  };

  const copy = async (what: string, text: string) => {
    setCopied((await copyText(text)) ? what : `!${what}`);
    setTimeout(() => setCopied((c) => (c === what || c === `!${what}` ? null : c)), 2000);
  };

  const setView = async (id: string, view: 'players' | 'public') => {
    if (!token) return;
    setError(null);
    const r = await apiCall('POST', `/api/drill/participants/${encodeURIComponent(id)}/view`, { token, body: { view } });
    if (!r.ok) return setError(r.error);
    setViews((m) => new Map(m).set(id, view === 'players' ? 'players' : null));
  };

  const copyNote = (what: string) =>
    copied === what ? <span className="tag ok">{t('positionJoin.copied')}</span> : copied === `!${what}` ? <span className="tag bad">{t('positionJoin.copyFailed')}</span> : null;

  return (
    <Panel title={t('positionJoin.heading')} testId="join-codes" className="span-2">
      <p className="drill-code" data-testid="drill-code">
        {code}
      </p>
      <p className="hint">{t('positionJoin.hint')}</p>
      {/* open at first; the director folds it away once everyone has joined */}
      <details open className="positions-box" data-testid="position-links-box">
        <summary>{t('positionJoin.list', { count: positions.length, joined: positions.filter((p) => byPosition.has(p.id)).length })}</summary>
        <ul className="positions" data-testid="position-links">
          {positions.map((p) => {
            const pc = codes[p.id];
            const name = pickText(p.name, lang);
            return (
              <li key={p.id} data-testid="position-link" data-position={p.id}>
                {pc ? (
                  <a href={linkOf(pc)} target="_blank" rel="noreferrer" data-testid="position-link-url">
                    {name}
                  </a>
                ) : (
                  <span>{name}</span>
                )}{' '}
                {pc ? <code data-testid="position-code">{pc}</code> : <span className="hint">{t('positionJoin.noCode')}</span>}
                {pc && (
                  <>
                    <button type="button" className="btn" onClick={() => void copy(`link:${p.id}`, linkOf(pc))} data-testid="copy-link">
                      {t('positionJoin.copyLink')}
                    </button>
                    <button type="button" className="btn" onClick={() => void copy(`code:${p.id}`, pc)} data-testid="copy-code">
                      {t('positionJoin.copyCode')}
                    </button>
                  </>
                )}
                {copyNote(`link:${p.id}`)}
                {copyNote(`code:${p.id}`)}
                <button
                  type="button"
                  className="btn btn-quiet"
                  disabled={busy || !token}
                  onClick={() => {
                    if (!pc) return void issue([p.id]);
                    void ask({ message: t('positionJoin.reissueConfirm', { name }), confirmLabel: t('positionJoin.reissue'), danger: true }).then((yes) => {
                      if (yes) void issue([p.id]);
                    });
                  }}
                  data-testid="reissue"
                >
                  {t('positionJoin.reissue')}
                </button>
                {byPosition.has(p.id) && <span className="tag ok">{t('codes.joined', { names: byPosition.get(p.id)!.join('、') })}</span>}
              </li>
            );
          })}
        </ul>
      </details>
      {positions.some((p) => !codes[p.id]) && (
        <button type="button" className="btn btn-primary" disabled={busy || !token} onClick={() => void issue()} data-testid="issue-all">
          {t('positionJoin.issueAll')}
        </button>
      )}
      <p className="hint">{t('positionJoin.onceOnly')}</p>
      {observers.length > 0 && (
        <details data-testid="observers">
          <summary>{t('positionJoin.observers', { count: observers.length })}</summary>
          <ul className="positions">
            {observers.map((o) => {
              const players = views.get(o.id) === 'players';
              return (
                <li key={o.id} data-testid="observer" data-view={players ? 'players' : 'public'}>
                  {o.name} <span className="tag">{t(players ? 'positionJoin.viewPlayers' : 'positionJoin.viewPublic')}</span>
                  <button type="button" className="btn" disabled={!token} onClick={() => void setView(o.id, players ? 'public' : 'players')} data-testid="observer-view">
                    {t(players ? 'positionJoin.revokePlayers' : 'positionJoin.grantPlayers')}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <ErrorNote error={error} testId="join-codes-error" />
      <p data-testid="participant-count">{t('codes.participants', { count: joined.length })}</p>
      {dialog}
    </Panel>
  );
}
