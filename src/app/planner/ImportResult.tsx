import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMessage } from '../../../engine/import/importMessages.ts';
import { formatImportProblem, type ImportProblem } from '../../../engine/import/importProblem.ts';
import { formatPath } from '../../../engine/scenario/problem.ts';
import { importNoteLine, importSummaryLines } from '../../import/importCounty.ts';
import { useLang } from '../ui/useLang.ts';
import { ImportMap } from './ImportMap.tsx';
import { problemMarks } from './importMarks.ts';
import type { PlannerImportResult } from './plannerImport.ts';

export interface ImportResultProps {
  result: Extract<PlannerImportResult, { kind: 'done' }>;
  saved: boolean;
  disabled: boolean;
  onSave: () => void;
  onDownload: () => void;
}

/** Where a problem is, as a clerk finds it: file, then row (Excel's numbering) or feature (QGIS's), then the column. Pure. */
function where(p: ImportProblem, zh: boolean): string {
  let at = p.file;
  if (p.row !== undefined) at += zh ? ` 第 ${p.row} 行` : ` row ${p.row}`;
  if (p.feature !== undefined) at += zh ? ` 要素 ${p.feature}` : ` feature ${p.feature}`;
  if (p.column !== undefined) at += zh ? ` ${p.column}` : `, ${p.column}`;
  return at;
}

/**
 * The import's outcome: the verdict and the save/download buttons, the summary `yanlian import`
 * prints (the same lines), every located problem (errors first; a row with a place on the map
 * zooms the map to it) and the map.
 */
export function ImportResult({ result, saved, disabled, onSave, onDownload }: ImportResultProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const zh = lang === 'zh';
  const { outcome } = result;
  const marks = useMemo(() => problemMarks(outcome), [outcome]);
  const [selected, setSelected] = useState<number | null>(null);
  const items = outcome.problems.items;
  const order = items.map((_, i) => i).sort((a, b) => (items[a]!.severity === items[b]!.severity ? a - b : items[a]!.severity === 'error' ? -1 : 1));
  // numbered as listed (errors first), on the list and the map alike
  const shownNo = new Map(order.map((i, k) => [i, k + 1]));
  const errors = outcome.problems.errorCount;
  const warnings = items.length - errors;
  const lines = outcome.graph && outcome.built ? importSummaryLines(outcome.graph.stats, outcome.built.summary, lang) : null;
  const pick = (i: number | null) => {
    setSelected(i);
    if (i !== null) document.querySelector(`[data-testid="pl-import-problem"][data-index="${i}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className="pl-import-result" data-testid="pl-import-result" data-errors={errors} data-warnings={warnings} data-ok={result.loaded ? 'true' : 'false'}>
      <div className={`pl-import-verdict ${result.loaded ? 'ok' : 'bad'}`} data-testid="pl-import-verdict">
        <p>
          {result.loaded
            ? t('planner.importer.ok', { warnings, secs: (result.ms / 1000).toFixed(1) })
            : result.invalid
              ? t('planner.importer.invalid', { count: result.invalid.length })
              : t('planner.importer.failed', { errors, warnings })}
        </p>
        {result.loaded && (
          <div className="button-row">
            <button type="button" className="btn btn-primary" data-testid="pl-import-save" disabled={disabled || saved} onClick={onSave}>
              {saved ? t('planner.importer.saved') : t('planner.importer.save')}
            </button>
            <button type="button" className="btn" data-testid="pl-import-download" onClick={onDownload}>
              {t('planner.importer.download')}
            </button>
          </div>
        )}
        {saved && <p className="small" data-testid="pl-import-saved-note">{t('planner.importer.savedNote')}</p>}
      </div>
      {lines && (
        <div className="pl-import-summary" data-testid="pl-import-summary">
          <h4>{t('planner.importer.summary')}</h4>
          {outcome.roads?.note && <p data-testid="pl-import-summary-line">{importNoteLine(outcome.roads.note, lang)}</p>}
          {lines.map((l, i) => (
            <p key={i} data-testid="pl-import-summary-line">
              {l}
            </p>
          ))}
        </div>
      )}
      {result.invalid && (
        <ul className="error-note">
          {result.invalid.map((p, i) => (
            <li key={i}>
              <code>{`${p.file}:${p.line}:${p.col}`}</code> {p.path.length > 0 && <code>{formatPath(p.path)}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="pl-import-body">
        {items.length > 0 && (
          <div className="pl-import-problems" data-testid="pl-import-problems">
            <h4>{t('planner.importer.problems', { errors, warnings })}</h4>
            <ol>
              {order.map((i) => {
                const p = items[i]!;
                const m = marks[i]!;
                const placed = m.at !== undefined || m.features.length > 0;
                return (
                  <li
                    key={i}
                    className={`${p.severity} ${selected === i ? 'picked' : ''}`}
                    data-testid="pl-import-problem"
                    data-index={i}
                    data-severity={p.severity}
                    data-text={formatImportProblem(p, lang)}
                    data-file={p.file}
                    {...(p.row !== undefined ? { 'data-row': p.row } : {})}
                    {...(p.feature !== undefined ? { 'data-feature': p.feature } : {})}
                  >
                    <span className="n">{shownNo.get(i)}</span>
                    <span className="tag">{p.severity === 'error' ? t('planner.importer.error') : t('planner.importer.warning')}</span>
                    <span className="body">
                      <span className="where">{where(p, zh)}</span>
                      <span className="what">{importMessage(lang, p.key, p.params)}</span>
                    </span>
                    {placed && outcome.graph && (
                      <button type="button" className="btn small" data-testid="pl-import-locate" onClick={() => pick(selected === i ? null : i)}>
                        {selected === i ? t('planner.importer.unlocate') : t('planner.importer.locate')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        )}
        {outcome.graph && <ImportMap outcome={outcome} marks={marks} numbers={shownNo} selected={selected} onSelect={pick} />}
      </div>
    </div>
  );
}
