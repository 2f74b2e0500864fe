import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPath, type Problem } from '../../../engine/scenario/problem.ts';
import { useLang } from '../ui/useLang.ts';
import { downloadText } from './download.ts';
import { pathKey, setAt, type PlanChange, type PlanPath } from './planDoc.ts';
import { SchemaField, type FormCtx } from './PlanForm.tsx';
import { PlanSheets } from './PlanSheets.tsx';
import { pushState, redo, startHistory, undo, type PlanHistory } from './planHistory.ts';
import { loadPlannerScenario, type PlannerScenario } from './plannerScenario.ts';
import { PLAN_SECTIONS, planJsonSchema } from './planSchema.ts';
import { sourceAt, withPlanSources, planYaml } from './planSources.ts';

/** The plan being run: the original file, an edited plan that loaded, or an edited plan with errors (nothing runs). */
export type PlanStatus = { kind: 'original' } | { kind: 'checking' } | { kind: 'edited'; plan: PlannerScenario; changes: PlanChange[] } | { kind: 'invalid'; problems: Problem[] };

export interface PlanEditorProps {
  loaded: PlannerScenario;
  disabled: boolean;
  onStatus: (s: PlanStatus) => void;
  /** a document to start from instead of the file's (a saved plan, a spreadsheet import) */
  history: PlanHistory;
  onHistory: (h: PlanHistory) => void;
}

/** The name an edited plan's file gets ("lezhi-rainstorm-plan.yaml"). Pure. */
export const planFileName = (file: string): string => `${file.replace(/\.(ya?ml|json)$/i, '')}-plan.yaml`;

/**
 * Step ② 编辑预案: the plan's sections (stores and stock, teams, shelters, targets for a county;
 * flow, pre-movement, fire, roles, targets for a building) as forms generated from the scenario's
 * JSON Schema. Every edit records the planner's source (the text in 修改来源 when it was made);
 * undo/redo; a diff against the original file; the edited plan is checked by the engine's own
 * loader (debounced) and its problems are shown at their fields and in a list — the run stays
 * disabled until the plan is valid. The edited plan downloads as scenario YAML that
 * `yanlian validate` accepts and `yanlian simulate` runs to the same summary.
 */
export function PlanEditor({ loaded, disabled, onStatus, history, onHistory }: PlanEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const sections = PLAN_SECTIONS[loaded.model];
  const [tab, setTab] = useState(sections[0]!);
  const [source, setSource] = useState('');
  const [checked, setChecked] = useState<{ problems: Problem[]; changes: PlanChange[]; text: string | null }>({ problems: [], changes: [], text: null });
  const schema = planJsonSchema(loaded.model);
  const { doc, sources } = history.present;
  const fallback = t('planner.edit.defaultSource');

  // check the edited plan with the engine's loader, a moment after the last keystroke
  useEffect(() => {
    if (doc === loaded.doc) {
      setChecked({ problems: [], changes: [], text: null });
      onStatus({ kind: 'original' });
      return;
    }
    onStatus({ kind: 'checking' });
    let live = true;
    const timer = setTimeout(() => {
      const w = withPlanSources(loaded.doc, doc, sources, fallback);
      const text = planYaml(w.doc, loaded.file);
      void loadPlannerScenario(new TextEncoder().encode(text), planFileName(loaded.file), lang).then((r) => {
        if (!live) return;
        const problems = r.ok ? r.loaded.warnings.filter((p) => p.severity === 'error') : r.problems.filter((p) => p.severity === 'error');
        setChecked({ problems, changes: w.changes, text });
        onStatus(r.ok ? { kind: 'edited', plan: r.loaded, changes: w.changes } : { kind: 'invalid', problems });
      });
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onStatus is the page's setter wrapper; the check depends on the plan only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, sources, loaded, lang, fallback]);

  const problemMap = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of checked.problems) m.set(pathKey(p.path), [...(m.get(pathKey(p.path)) ?? []), p.message]);
    return m;
  }, [checked.problems]);

  const ctx: FormCtx = {
    disabled,
    problems: problemMap,
    set: (path: PlanPath, value: unknown) => onHistory(pushState(history, { doc: setAt(doc, path, value), sources: { ...sources, [pathKey(path)]: source.trim() || fallback } })),
  };

  const docObj = (doc ?? {}) as Record<string, unknown>;
  const edited = doc !== loaded.doc;
  return (
    <div className="pl-editor" data-testid="pl-editor">
      <div className="pl-editor-bar">
        <label className="pl-source">
          <span>{t('planner.edit.source')}</span>
          <input data-testid="pl-edit-source" value={source} placeholder={t('planner.edit.sourcePlaceholder')} onChange={(e) => setSource(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="button" className="btn" data-testid="pl-undo" disabled={disabled || history.past.length === 0} onClick={() => onHistory(undo(history))}>
            ↶ {t('planner.edit.undo')}
          </button>
          <button type="button" className="btn" data-testid="pl-redo" disabled={disabled || history.future.length === 0} onClick={() => onHistory(redo(history))}>
            ↷ {t('planner.edit.redo')}
          </button>
          <button type="button" className="btn" data-testid="pl-revert" disabled={disabled || !edited} onClick={() => onHistory(pushState(history, { doc: loaded.doc, sources: {} }))}>
            {t('planner.edit.revert')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="pl-download-plan"
            disabled={!edited || checked.text === null || checked.problems.length > 0}
            onClick={() => checked.text && downloadText(planFileName(loaded.file), checked.text, 'text/yaml;charset=utf-8')}
          >
            {t('planner.edit.downloadPlan')}
          </button>
        </div>
      </div>
      <PlanSheets
        doc={doc}
        base={loaded.file.replace(/\.(ya?ml|json)$/i, '')}
        disabled={disabled}
        onApply={(next, changed, file) => {
          const title = source.trim() || t('planner.sheets.source', { file });
          onHistory(pushState(history, { doc: next, sources: { ...sources, ...Object.fromEntries(changed.map((p) => [pathKey(p), title])) } }));
        }}
      />
      <div className="pl-tabs" role="tablist">
        {sections.map((k) => {
          const bad = checked.problems.filter((p) => p.path[0] === k).length;
          return (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'pl-tab active' : 'pl-tab'} data-testid={`pl-tab-${k}`} onClick={() => setTab(k)}>
              {t(`planner.field.${k}`, { defaultValue: k })}
              {bad > 0 && <span className="pf-badge">{bad}</span>}
            </button>
          );
        })}
      </div>
      <div className="pl-section" data-testid={`pl-section-${tab}`}>
        {schema.properties?.[tab] && <SchemaField schema={schema.properties[tab]} value={docObj[tab]} path={[tab]} name={tab} required ctx={ctx} />}
      </div>
      {checked.problems.length > 0 && (
        <div className="error-note" data-testid="pl-plan-problems">
          <p>{t('planner.edit.invalid', { count: checked.problems.length })}</p>
          <ul>
            {checked.problems.slice(0, 50).map((p, i) => (
              <li key={i} data-testid="pl-plan-problem" data-path={pathKey(p.path)}>
                <button type="button" className="pf-link" onClick={() => typeof p.path[0] === 'string' && sections.includes(p.path[0]) && setTab(p.path[0])}>
                  <code>{formatPath(p.path)}</code>
                </button>
                ：{p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checked.changes.length > 0 && <PlanDiff changes={checked.changes} sources={sources} fallback={fallback} />}
    </div>
  );
}

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The edited plan against the original: each change with its before and after values and the planner's source. */
function PlanDiff({ changes, sources, fallback }: { changes: PlanChange[]; sources: Readonly<Record<string, string>>; fallback: string }) {
  const { t } = useTranslation();
  return (
    <details className="pl-diff" open data-testid="pl-diff">
      <summary>{t('planner.edit.diff', { count: changes.length })}</summary>
      <div className="pl-table-wrap">
        <table className="pl-table">
          <thead>
            <tr>
              <th>{t('planner.edit.where')}</th>
              <th>{t('planner.edit.before')}</th>
              <th>{t('planner.edit.after')}</th>
              <th>{t('planner.edit.sourceCol')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, 200).map((c, i) => (
              <tr key={i} data-testid="pl-diff-row" data-kind={c.kind}>
                <td>
                  <code>{c.label}</code> {c.kind !== 'changed' && <span className="small">（{t(`planner.edit.${c.kind}`)}）</span>}
                </td>
                <td className="num pf-before">{show(c.before)}</td>
                <td className="num pf-after">{show(c.after)}</td>
                <td>{c.kind === 'removed' ? '—' : sourceAt(sources, c.path, fallback)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
