import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from './download.ts';
import type { PlanPath } from './planDoc.ts';
import { csvSheet, tableCsv, tablesXlsx, xlsxSheets } from './planSheets.ts';
import { applyTables, planTables, sheetErrorText, templateTables, type AddedRow, type SheetError } from './planTables.ts';

export interface PlanSheetsProps {
  doc: unknown;
  /** the file name stem for downloads ("lezhi-rainstorm") */
  base: string;
  disabled: boolean;
  /** a valid import: the new plan and the paths it changed */
  onApply: (doc: unknown, changed: PlanPath[], file: string) => void;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The plan's stores (stock per item), teams and shelters as a spreadsheet: download the workbook
 * (.xlsx, exceljs loaded on first use) or one CSV per table (UTF-8 BOM, CRLF), edit them in Excel
 * or WPS, and import them back; or start from the blank template (heads and a 填写说明 sheet).
 * Rows are matched by 编号, a new 编号 adds a store, team or shelter (its other settings copied
 * from one of the same tier, listed); every bad cell is reported as 工作表!列行 and nothing is
 * applied unless the whole file is valid.
 */
export function PlanSheets({ doc, base, disabled, onApply }: PlanSheetsProps) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<SheetError[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [added, setAdded] = useState<AddedRow[]>([]);
  const [busy, setBusy] = useState(false);
  const tables = planTables(doc);
  if (tables.length === 0) return null;

  const importFile = async (f: File) => {
    setBusy(true);
    setNote(null);
    setAdded([]);
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const sheets = /\.xlsx$/i.test(f.name) ? await xlsxSheets(bytes) : [csvSheet(new TextDecoder().decode(bytes), tables, f.name)];
      const r = applyTables(doc, sheets);
      if (!r.ok) {
        setErrors(r.errors);
        return;
      }
      setErrors(null);
      setNote(t('planner.sheets.applied', { file: f.name, count: r.changed.length - r.added.length }) + (r.added.length ? ' ' + t('planner.sheets.added', { count: r.added.length }) : ''));
      setAdded(r.added);
      if (r.changed.length) onApply(r.doc, r.changed, f.name);
    } catch (e) {
      setErrors([{ sheet: f.name, row: 1, col: 'A', message: t('planner.sheets.unreadable', { detail: e instanceof Error ? e.message : String(e) }) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pl-sheets" data-testid="pl-sheets">
      <span className="pl-sheets-title">{t('planner.sheets.title')}</span>
      <button
        type="button"
        className="btn btn-small"
        data-testid="pl-sheets-xlsx"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void tablesXlsx(tables)
            .then((b) => downloadText(`${base}-tables.xlsx`, b, XLSX_TYPE))
            .finally(() => setBusy(false));
        }}
      >
        {t('planner.sheets.xlsx')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        data-testid="pl-sheets-template"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void tablesXlsx(templateTables(doc))
            .then((b) => downloadText(`${base}-template.xlsx`, b, XLSX_TYPE))
            .finally(() => setBusy(false));
        }}
      >
        {t('planner.sheets.template')}
      </button>
      {tables.map((tb, i) => (
        <button key={tb.sheet} type="button" className="btn btn-small" data-testid={`pl-sheets-csv-${i}`} onClick={() => downloadText(`${base}-${tb.sheet}.csv`, tableCsv(tb), 'text/csv;charset=utf-8')}>
          {tb.sheet}.csv
        </button>
      ))}
      <label className="btn btn-small pl-sheets-import">
        {t('planner.sheets.import')}
        <input
          type="file"
          hidden
          accept=".xlsx,.csv,text/csv"
          data-testid="pl-sheets-file"
          disabled={disabled || busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </label>
      {busy && <span className="small">{t('planner.sheets.busy')}</span>}
      {note && (
        <span className="small" data-testid="pl-sheets-note">
          {note}
        </span>
      )}
      {added.length > 0 && (
        <ul className="small pl-sheets-added" data-testid="pl-sheets-added">
          {added.map((a) => (
            <li key={`${a.sheet}-${a.id}`} data-testid="pl-sheets-added-row" data-id={a.id}>
              {t('planner.sheets.addedRow', { sheet: a.sheet, row: a.row, id: a.id, like: a.like })}
            </li>
          ))}
        </ul>
      )}
      {errors && (
        <div className="error-note" data-testid="pl-sheet-errors">
          <p>{t('planner.sheets.invalid', { count: errors.length })}</p>
          <ul>
            {errors.slice(0, 50).map((e, i) => (
              <li key={i} data-testid="pl-sheet-error" data-sheet={e.sheet} data-row={e.row} data-col={e.col}>
                {sheetErrorText(e)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
