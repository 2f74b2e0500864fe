import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall, NETWORK_ERROR, statusError } from '../net/httpApi.ts';
import { openAuthenticatedPage } from '../net/openAuthenticatedPage.ts';
import type { ApiError, DrillPhase, VerifyResponse } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { EvaluationSummary } from './EvaluationSummary.tsx';
import { ImprovementEditor } from './ImprovementEditor.tsx';

// the playback carries three.js: loaded only when the trainer opens it here
const DebriefPlayback = lazy(() => import('../playback/DebriefPlayback.tsx'));

export interface DebriefPanelProps {
  token: string;
  phase: DrillPhase;
}

/**
 * After the drill (复盘): the evaluation (expected actions met, partly met ½, not met), the
 * after-action report (printable HTML, Word, or JSON) and the integrity
 * check — the hash chain, and after the debrief the commitment against its reveal.
 */
export function DebriefPanel({ token, phase }: DebriefPanelProps) {
  const { t } = useTranslation();
  const [verify, setVerify] = useState<VerifyResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [playback, setPlayback] = useState(false);
  const check = async () => {
    setError(null);
    const r = await apiCall<VerifyResponse>('GET', '/api/drill/verify', { token });
    if (r.ok) setVerify(r.value);
    else setError(r.error);
  };
  const downloadJson = async () => {
    const r = await apiCall<unknown>('GET', '/api/drill/report.json', { token });
    if (!r.ok) return setError(r.error);
    const url = URL.createObjectURL(new Blob([JSON.stringify(r.value, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'yanlian-report.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // the Word document: fetched with the token (a plain link cannot carry it), saved under its Chinese name
  const downloadDocx = async () => {
    setError(null);
    let res: Response;
    try {
      res = await fetch('/api/drill/report.docx', { headers: { authorization: `Bearer ${token}` } });
    } catch {
      return setError(NETWORK_ERROR);
    }
    if (!res.ok) {
      const e = ((await res.json().catch(() => null)) as { error?: ApiError } | null)?.error;
      return setError(e ?? statusError(res.status, res.headers.get('retry-after')));
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = t('debrief.docxName');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const v = verify?.verification;
  return (
    <Panel title={t('debrief.heading')} testId="debrief" className={playback ? 'span-2 debrief-wide' : 'span-2'}>
      {phase === 'ended' && <p className="hint">{t('debrief.beforeDebrief')}</p>}
      <div className="row">
        <button type="button" className="btn btn-primary" data-testid="open-report" onClick={() => void openAuthenticatedPage('/api/drill/report.html', token).then(setError)}>
          {t('debrief.openReport')}
        </button>
        <button type="button" className="btn" data-testid="download-docx" onClick={() => void downloadDocx()}>
          {t('debrief.downloadDocx')}
        </button>
        <button type="button" className="btn" onClick={() => void openAuthenticatedPage('/api/drill/report.html?whatif=20', token).then(setError)}>
          {t('debrief.openWhatIf')}
        </button>
        <button type="button" className="btn" onClick={() => void downloadJson()}>
          {t('debrief.downloadJson')}
        </button>
        <button type="button" className="btn" data-testid="verify" onClick={() => void check()}>
          {t('debrief.verify')}
        </button>
        <button type="button" className="btn" data-testid="debrief-playback-toggle" onClick={() => setPlayback(!playback)}>
          {playback ? t('playback.debrief.hide') : t('playback.debrief.show')}
        </button>
      </div>
      {verify && (
        <ul className="verify" data-testid="verify-result">
          <li className={verify.chain.ok ? 'ok' : 'bad'} data-testid="verify-chain">
            {verify.chain.ok ? t('debrief.chainOk', { count: verify.chain.count }) : t('debrief.chainBad', { seq: verify.chain.badSeq })}
          </li>
          {!verify.revealed && <li>{t('debrief.notRevealed')}</li>}
          {v && (
            <li className={v.ok ? 'ok' : 'bad'} data-testid="verify-commitment">
              {v.ok ? t('debrief.commitmentOk') : t('debrief.commitmentBad')}
            </li>
          )}
          {v && (
            <li className="small">
              {t('debrief.details', {
                commitment: v.commitmentMatches ? '✓' : '✗',
                scenario: v.scenarioMatches === null ? '—' : v.scenarioMatches ? '✓' : '✗',
                config: v.configMatches === null ? '—' : v.configMatches ? '✓' : '✗',
                schedule: v.scheduleRedrawn === null ? '—' : v.scheduleRedrawn ? '✓' : '✗',
              })}
            </li>
          )}
        </ul>
      )}
      <ErrorNote error={error} />
      <EvaluationSummary token={token} phase={phase} />
      <ImprovementEditor token={token} phase={phase} />
      {playback && (
        <Suspense fallback={<p className="hint">{t('playback.map.loading')}</p>}>
          <DebriefPlayback token={token} />
        </Suspense>
      )}
    </Panel>
  );
}
