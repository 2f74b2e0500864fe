import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from './download.ts';
import { diffPlans } from './planDoc.ts';
import { listPlans, plannerDb, runsOf, savePlan, type SavedPlan, type SavedRun } from './planStore.ts';
import type { PlannerScenario } from './plannerScenario.ts';
import type { PlanHistory } from './planHistory.ts';

export interface SavedPlansProps {
  /** the scenario as loaded (plan A) and the plan being edited, when one is loaded */
  loaded: PlannerScenario | null;
  history: PlanHistory | null;
  /** the plan that runs now (its runs are listed) */
  current: PlannerScenario | null;
  /** changes a run or a save made, to list again */
  version: number;
  disabled: boolean;
  onOpen: (p: SavedPlan) => void;
}

/**
 * Plans and results kept in this browser (IndexedDB): save the plan being edited under a name
 * (the original file goes with it, so the comparison's plan A comes back too), reopen a saved plan
 * after a reload, and download the saved summaries of the plan that runs now.
 */
export function SavedPlans({ loaded, history, current, version, disabled, onOpen }: SavedPlansProps) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<SavedPlan[] | null>(null);
  const [runs, setRuns] = useState<SavedRun[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setPlans(await listPlans(plannerDb()));
      setRuns(current ? await runsOf(plannerDb(), current.sha256) : []);
    } catch (e) {
      setFailed(t('planner.saved.unavailable', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }, [current, t]);
  useEffect(() => void refresh(), [refresh, version]);

  const save = async () => {
    if (!loaded || !history || name.trim() === '') return;
    const changed = history.present.doc !== loaded.doc;
    await savePlan(plannerDb(), {
      name: name.trim(),
      file: loaded.file,
      originalText: loaded.text,
      model: loaded.model,
      docJson: JSON.stringify(history.present.doc),
      sources: { ...history.present.sources },
      changes: changed ? diffPlans(loaded.doc, history.present.doc).length : 0,
    });
    setNote(t('planner.saved.done', { name: name.trim() }));
    await refresh();
  };

  return (
    <div className="pl-saved" data-testid="pl-saved">
      <h3>{t('planner.saved.title')}</h3>
      {failed && <p className="error-note">{failed}</p>}
      {loaded && history && (
        <form
          className="pl-saved-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input data-testid="pl-save-name" value={name} placeholder={t('planner.saved.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn btn-small" data-testid="pl-save" disabled={name.trim() === ''}>
            {t('planner.saved.save')}
          </button>
          {note && <span className="small" data-testid="pl-save-note">{note}</span>}
        </form>
      )}
      {plans && plans.length === 0 && <p className="hint">{t('planner.saved.none')}</p>}
      {plans && plans.length > 0 && (
        <ul className="pl-saved-list">
          {plans.map((p) => (
            <li key={p.id} data-testid="pl-saved-plan" data-name={p.name}>
              <button type="button" className="btn btn-small" data-testid={`pl-open-${p.id}`} disabled={disabled} onClick={() => onOpen(p)}>
                {t('planner.saved.open')}
              </button>
              <strong>{p.name}</strong>
              <span className="small">
                {p.file} · {t('planner.saved.changes', { count: p.changes })} · {new Date(p.savedAt).toLocaleString()}
              </span>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  void plannerDb()
                    .plans.delete(p.id)
                    .then(refresh);
                }}
              >
                {t('planner.edit.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {runs.length > 0 && (
        <details className="pl-saved-runs" data-testid="pl-saved-runs">
          <summary>{t('planner.saved.runs', { count: runs.length })}</summary>
          <ul>
            {runs.map((r) => (
              <li key={r.id}>
                {new Date(r.savedAt).toLocaleString()} · {t('planner.summaryOf', { trials: r.trials, seed: r.seed })}
                {r.partial && ` · ${t('planner.partial')}`}{' '}
                <button type="button" className="btn btn-small" onClick={() => downloadText(`${r.file.replace(/\.ya?ml$/, '')}-seed${r.seed}-${r.trials}.summary.json`, r.summaryJson, 'application/json')}>
                  {t('planner.downloadJson')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
