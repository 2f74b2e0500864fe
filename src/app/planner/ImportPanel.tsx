import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DivisionData } from '../../../engine/import/divisions.ts';
import { TEMPLATE_LABELS } from '../../import/importCounty.ts';
import { useLang } from '../ui/useLang.ts';
import { DIVISION_TABLES, parseDivisionTable } from './divisionTables.ts';
import { downloadText } from './download.ts';
import { FILE_ROLES, guessRole, importCommandText, type DroppedFile, type FileRole } from './importFiles.ts';
import { ImportResult } from './ImportResult.tsx';
import { runPlannerImport, type PlannerImportResult } from './plannerImport.ts';
import type { PlannerScenario } from './plannerScenario.ts';
import { useFileDrop } from '../ui/useFileDrop.ts';
import './importPanel.css';

export interface ImportPanelProps {
  /** the imported scenario, once saved: it becomes the planner's current scenario */
  onLoaded: (s: PlannerScenario) => void;
  onClose: () => void;
  disabled: boolean;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'result'; result: PlannerImportResult; saved: boolean; out: string; opts: { snapM?: number; bufferM?: number } };

const numberField = (v: string, lo: number, hi: number): number | undefined | null => {
  if (v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= lo && n <= hi ? n : null;
};

/**
 * "新建县域情景": a county's division table (by GB/T 2260 code, or a table file as `--divisions`
 * takes), its road layer and registers dropped or picked (the files `yanlian import` takes, each
 * file's role guessed from its name and changeable), the template and the buffer; then the same
 * importer as the CLI runs in the page. Its located problems, summary and map are shown; a clean
 * import can be saved as the planner's current scenario and downloaded as the YAML the CLI writes.
 * Loaded lazily with its parsers (xlsx, shapefile, GeoTIFF) only when opened.
 */
export default function ImportPanel({ onLoaded, onClose, disabled }: ImportPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [extra, setExtra] = useState<DivisionData | null>(null);
  const tables = useMemo(() => (extra ? [extra, ...DIVISION_TABLES.filter((d) => d.county.code !== extra.county.code)] : [...DIVISION_TABLES]), [extra]);
  // no county is preselected: importing under the wrong county's table would only show as a wall of unknown villages
  const [code, setCode] = useState('');
  const [tableNote, setTableNote] = useState<string | null>(null);
  const [files, setFiles] = useState<DroppedFile[]>([]);
  const [template, setTemplate] = useState('rainstorm');
  const [buffer, setBuffer] = useState('');
  const [snap, setSnap] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const division = tables.find((d) => d.county.code === code.trim());
  const bufferM = numberField(buffer, 1, 10000);
  const snapM = numberField(snap, 0.1, 1000);
  const out = `county-${code.trim()}.yaml`;
  const busy = status.kind === 'busy';

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const read = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), role: guessRole(f.name) })));
    setFiles((old) => [...old.filter((o) => !read.some((r) => r.name === o.name)), ...read]);
    setStatus({ kind: 'idle' });
  };
  const drop = useFileDrop((list) => void addFiles(list));
  const setRole = (name: string, role: FileRole) => {
    setFiles((old) => old.map((f) => (f.name === name ? { ...f, role } : f)));
    setStatus({ kind: 'idle' });
  };

  const run = async () => {
    if (!division || bufferM === null || snapM === null) return;
    setStatus({ kind: 'busy' });
    // let the busy note paint before the importer (synchronous stretches) runs
    await new Promise((r) => setTimeout(r, 0));
    const opts = { ...(bufferM !== undefined ? { bufferM } : {}), ...(snapM !== undefined ? { snapM } : {}) };
    const result = await runPlannerImport(files, { divisions: division, template, out, ...opts }, lang);
    setStatus({ kind: 'result', result, saved: false, out, opts });
  };

  const ran = status.kind === 'result' ? status : null;
  const result = ran?.result ?? null;
  const done = result?.kind === 'done' ? result : null;
  return (
    <section className="pl-import" data-testid="pl-import">
      <header className="pl-import-head">
        <h3>{t('planner.importer.title')}</h3>
        <button type="button" className="btn small" data-testid="pl-import-close" onClick={onClose}>
          {t('planner.importer.close')}
        </button>
      </header>
      <p className="hint">{t('planner.importer.lead')}</p>
      <div className="pl-fields">
        <label>
          {t('planner.importer.division')}
          <input data-testid="pl-import-code" value={code} inputMode="numeric" maxLength={6} onChange={(e) => setCode(e.target.value)} aria-invalid={!division} />
        </label>
        <label>
          {t('planner.importer.county')}
          <select data-testid="pl-import-county" value={division ? division.county.code : ''} onChange={(e) => setCode(e.target.value)}>
            {!division && <option value="">{t('planner.importer.pickCounty')}</option>}
            {tables.map((d) => (
              <option key={d.county.code} value={d.county.code}>
                {d.county.code} {lang === 'zh' ? d.county.zh : d.county.en}
              </option>
            ))}
          </select>
        </label>
        <label className="pl-import-table">
          {t('planner.importer.table')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="pl-import-table"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              void f.text().then((text) => {
                const d = parseDivisionTable(text);
                if (typeof d === 'string') setTableNote(t('planner.importer.tableBad', { file: f.name, detail: d }));
                else {
                  setExtra(d);
                  setCode(d.county.code);
                  setTableNote(t('planner.importer.tableLoaded', { file: f.name, county: d.county.zh }));
                }
              });
            }}
          />
        </label>
        <label>
          {t('planner.importer.template')}
          <select data-testid="pl-import-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {TEMPLATE_LABELS.map((x) => (
              <option key={x.name} value={x.name}>
                {x[lang]} ({x.name})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('planner.importer.buffer')}
          <input data-testid="pl-import-buffer" value={buffer} placeholder="200" inputMode="decimal" onChange={(e) => setBuffer(e.target.value)} aria-invalid={bufferM === null} />
        </label>
        <label>
          {t('planner.importer.snap')}
          <input data-testid="pl-import-snap" value={snap} placeholder="20" inputMode="decimal" onChange={(e) => setSnap(e.target.value)} aria-invalid={snapM === null} />
        </label>
      </div>
      {!division && code.trim().length === 6 && (
        <p className="error-note" data-testid="pl-import-no-table">
          {t('planner.importer.noTable', { code: code.trim(), known: tables.map((d) => `${d.county.code} ${d.county.zh}`).join('、') })}
        </p>
      )}
      {tableNote && <p className="small">{tableNote}</p>}
      {bufferM === null && <p className="error-note">{t('planner.importer.badBuffer')}</p>}
      {snapM === null && <p className="error-note">{t('planner.importer.badSnap')}</p>}
      <label
        className={`pl-drop ${drop.over ? 'over' : ''}`}
        data-testid="pl-import-drop"
        {...drop.handlers}
      >
        <strong>{t('planner.importer.drop')}</strong>
        <span className="small">{t('planner.importer.dropHint')}</span>
        <input
          type="file"
          multiple
          accept=".geojson,.json,.shp,.dbf,.cpg,.prj,.shx,.xlsx,.csv,.txt,.tif,.tiff"
          data-testid="pl-import-files"
          onChange={(e) => {
            const list = e.target.files;
            void addFiles(list).then(() => (e.target.value = ''));
          }}
        />
      </label>
      {files.length > 0 && (
        <table className="pl-table pl-import-files" data-testid="pl-import-filelist">
          <thead>
            <tr>
              <th>{t('planner.importer.file')}</th>
              <th className="num">{t('planner.importer.size')}</th>
              <th>{t('planner.importer.role')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.name} data-testid="pl-import-file" data-name={f.name} data-role={f.role}>
                <td>
                  <code>{f.name}</code>
                </td>
                <td className="num">{f.bytes.length >= 10240 ? `${Math.round(f.bytes.length / 1024)} KB` : `${f.bytes.length} B`}</td>
                <td>
                  <select value={f.role} aria-label={t('planner.importer.role')} onChange={(e) => setRole(f.name, e.target.value as FileRole)}>
                    {FILE_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`planner.importer.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => {
                      setFiles((old) => old.filter((o) => o.name !== f.name));
                      setStatus({ kind: 'idle' });
                    }}
                  >
                    {t('planner.importer.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-primary" data-testid="pl-import-run" disabled={disabled || busy || !division || files.length === 0 || bufferM === null || snapM === null} onClick={() => void run()}>
          {busy ? t('planner.importer.busy') : t('planner.importer.run')}
        </button>
        {done && (
          <code className="small pl-import-command" data-testid="pl-import-command">
            {importCommandText(done.args, ran!.out, ran!.opts)}
          </code>
        )}
      </div>
      {result?.kind === 'files' && (
        <p className="error-note" data-testid="pl-import-files-bad">
          {t(`planner.importer.files_${result.reason}`, { role: result.role ? t(`planner.importer.roles.${result.role}`) : '' })}
        </p>
      )}
      {result?.kind === 'template' && <p className="error-note">{t('planner.importer.templateFailed', { detail: result.text })}</p>}
      {done && (
        <ImportResult
          result={done}
          saved={ran?.saved ?? false}
          disabled={disabled}
          onSave={() => {
            if (!done.loaded) return;
            onLoaded(done.loaded);
            setStatus({ ...ran!, saved: true });
          }}
          onDownload={() => done.yaml && downloadText(ran!.out, done.yaml, 'text/yaml;charset=utf-8')}
        />
      )}
    </section>
  );
}
