import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPath, type Problem } from '../../../engine/scenario/problem.ts';
import { useLang } from '../ui/useLang.ts';
import { loadPlannerScenario, type PlannerScenario } from './plannerScenario.ts';

// "新建县域情景" carries the importer's parsers (xlsx, shapefile, GeoTIFF): its own chunk, loaded when opened
const ImportPanel = lazy(() => import('./ImportPanel.tsx'));

/** A shipped scenario as GET /api/planner/scenarios lists it (src/server/plannerRoutes.ts). */
interface ShippedEntry {
  name: string;
  title: { zh: string; en: string };
  model: 'county' | 'evacuation';
  bytes: number;
}

type PickStatus = { kind: 'idle' } | { kind: 'busy'; file: string } | { kind: 'invalid'; file: string; problems: Problem[] } | { kind: 'error'; text: string };

export interface ScenarioPickerProps {
  loaded: PlannerScenario | null;
  /** called with a valid scenario only (a bad file leaves the current one loaded) */
  onLoaded: (s: PlannerScenario) => void;
  disabled: boolean;
}

/**
 * Step 1: a shipped scenario (its exact bytes from `/api/planner/scenario/:name`) or an uploaded
 * YAML/JSON file, validated here with the engine's loader; problems are listed with their line
 * and column and nothing is loaded until the file is valid.
 */
export function ScenarioPicker({ loaded, onLoaded, disabled }: ScenarioPickerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [shipped, setShipped] = useState<ShippedEntry[] | null>(null);
  const [status, setStatus] = useState<PickStatus>({ kind: 'idle' });
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    let live = true;
    fetch('/api/planner/scenarios')
      .then((r) => r.json() as Promise<{ scenarios: ShippedEntry[] }>)
      .then((b) => live && setShipped(b.scenarios))
      .catch((e: unknown) => live && setStatus({ kind: 'error', text: t('planner.network', { detail: e instanceof Error ? e.message : String(e) }) }));
    return () => {
      live = false;
    };
  }, [t]);

  const load = async (file: string, bytes: () => Promise<Uint8Array>) => {
    setStatus({ kind: 'busy', file });
    let b: Uint8Array;
    try {
      b = await bytes();
    } catch (e) {
      setStatus({ kind: 'error', text: t('planner.network', { detail: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    // let the busy note paint before the (synchronous) loader runs
    await new Promise((r) => setTimeout(r, 0));
    const r = await loadPlannerScenario(b, file, lang);
    if (!r.ok) {
      setStatus({ kind: 'invalid', file, problems: r.problems });
      return;
    }
    setStatus({ kind: 'idle' });
    onLoaded(r.loaded);
  };

  const pickShipped = (name: string) =>
    void load(`${name}.yaml`, async () => {
      const res = await fetch(`/api/planner/scenario/${encodeURIComponent(name)}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { zh: string; en: string } };
        throw new Error(body.error ? body.error[lang] : `HTTP ${res.status}`);
      }
      return new Uint8Array(await res.arrayBuffer());
    });

  const errors = status.kind === 'invalid' ? status.problems.filter((p) => p.severity === 'error') : [];
  return (
    <div className="pl-picker">
      <div className="pl-shipped" data-testid="pl-shipped">
        <h3>{t('planner.shipped')}</h3>
        {shipped === null ? (
          <p className="hint">{t('planner.shippedLoading')}</p>
        ) : (
          <div className="pl-cards">
            {shipped.map((s) => (
              <button
                key={s.name}
                type="button"
                className={`pl-card ${loaded?.file === `${s.name}.yaml` ? 'active' : ''}`}
                data-testid={`pl-scenario-${s.name}`}
                disabled={disabled || status.kind === 'busy'}
                onClick={() => pickShipped(s.name)}
              >
                <strong>{s.title[lang]}</strong>
                <span className="small">
                  {s.name}.yaml · {s.model === 'evacuation' ? t('planner.modelEvacuation') : t('planner.modelCounty')}
                </span>
              </button>
            ))}
          </div>
        )}
      </div>
      <label className="pl-upload">
        <span>{t('planner.upload')}</span>
        <input
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          data-testid="pl-file"
          disabled={disabled || status.kind === 'busy'}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(f.name, async () => new Uint8Array(await f.arrayBuffer()));
          }}
        />
        <span className="hint">{t('planner.uploadHint')}</span>
      </label>
      <div className="pl-upload">
        <button type="button" className="btn" data-testid="pl-import-open" aria-expanded={importing} disabled={disabled} onClick={() => setImporting(!importing)}>
          {t('planner.importer.open')}
        </button>
        <span className="hint">{t('planner.importer.openHint')}</span>
      </div>
      {importing && (
        <Suspense fallback={<p className="hint">{t('planner.importer.panelLoading')}</p>}>
          <ImportPanel onLoaded={onLoaded} onClose={() => setImporting(false)} disabled={disabled} />
        </Suspense>
      )}
      {status.kind === 'busy' && <p className="hint">{t('planner.loading', { file: status.file })}</p>}
      {status.kind === 'error' && <p className="error-note">{status.text}</p>}
      {status.kind === 'invalid' && (
        <div className="error-note" data-testid="pl-problems">
          <p>{t('planner.invalid', { file: status.file, count: errors.length })}</p>
          <ul>
            {status.problems.map((p, i) => (
              <li key={i} data-testid="pl-problem" data-line={p.line} data-col={p.col}>
                <code>{t('planner.problemAt', { file: p.file, line: p.line, col: p.col })}</code>
                {p.path.length > 0 && <code> {formatPath(p.path)}</code>}：{p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {loaded && status.kind !== 'busy' && (
        <p className="pl-loaded" data-testid="pl-loaded" data-model={loaded.model} data-sha256={loaded.sha256}>
          {t('planner.loaded', { name: loaded.scenario.name[lang] })} · {loaded.file} ·{' '}
          {loaded.model === 'evacuation' ? t('planner.modelEvacuation') : t('planner.modelCounty')} ·{' '}
          <span className="small">
            {t('planner.sha')} <code>{loaded.sha256.slice(0, 16)}…</code>
            {loaded.warnings.length > 0 && ` · ${t('planner.warnings', { count: loaded.warnings.length })}`}
          </span>
        </p>
      )}
    </div>
  );
}
