import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionResult } from './ActionResult.tsx';
import { useDecision } from './useDecision.ts';

export interface SitrepFormProps {
  token: string;
  disabled: boolean;
}

/** 灾情上报: a situation report, free text plus the figures known so far. */
export function SitrepForm({ token, disabled }: SitrepFormProps) {
  const { t } = useTranslation();
  const s = useDecision(token);
  const [text, setText] = useState('');
  const [fig, setFig] = useState({ affectedPeople: '', deadMissing: '', cutLinks: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const figures = Object.fromEntries(
      Object.entries(fig)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    if (await s.submit({ kind: 'situationReport', text, ...(Object.keys(figures).length ? { figures } : {}) })) setText('');
  };
  return (
    <form className="action-form form" onSubmit={(e) => void submit(e)} data-testid="act-situationReport">
      <label>
        {t('act.reportText')}
        <textarea rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} data-testid="sitrep-text" />
      </label>
      <div className="row">
        {(['affectedPeople', 'deadMissing', 'cutLinks'] as const).map((k) => (
          <label key={k}>
            {t(`act.${k}`)}
            <input type="number" min={0} inputMode="numeric" value={fig[k]} onChange={(e) => setFig({ ...fig, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy} data-testid="sitrep-submit">
        {t('act.sendReport')}
      </button>
      <ActionResult state={s} kind="situationReport" />
    </form>
  );
}
