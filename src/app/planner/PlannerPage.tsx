import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { McAggregate } from '../../../engine/montecarlo/aggregate.ts';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { runBrowserMonteCarlo } from './browserChunkPool.ts';
import { CompareResults } from './CompareResults.tsx';
import { CompareSetup, type Candidate } from './CompareSetup.tsx';
import { MAX_COMPARED, planLetter } from './planCompare.ts';
import { CountyResults } from './CountyResults.tsx';
import { downloadText } from './download.ts';
import { EvacResults } from './EvacResults.tsx';
import { duration } from './plannerFormat.ts';
import { ensurePlannerI18n } from './plannerI18n.ts';
import { equivalentCommand, parseRunSettings, plannerSummary, summaryJson, trialsCsv, type PlannerRunSettings, type SettingsError } from './plannerRun.ts';
import type { PlannerScenario } from './plannerScenario.ts';
import { PlanEditor, type PlanStatus } from './PlanEditor.tsx';
import { pushState, startHistory, type PlanHistory } from './planHistory.ts';
import { loadPlannerScenario } from './plannerScenario.ts';
import { plannerDb, saveRun, type SavedPlan } from './planStore.ts';
import { SavedPlans } from './SavedPlans.tsx';
import { workerChunkSize } from './workerChunk.ts';
import { summaryXlsx } from './planSheets.ts';
import { summaryTables } from './summaryTables.ts';
import { RunForm, type RunFields } from './RunForm.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import './planner.css';

ensurePlannerI18n();

/** A finished (or stopped) run as the results panel shows it; the files are built once. */
interface Finished {
  file: string;
  settings: PlannerRunSettings;
  summary: McSummary | EvacMcSummary;
  json: string;
  csv: string | null;
  secs: number;
  /** the plan that ran */
  scenario: PlannerScenario;
  /** the aggregate behind the summary (the report's curves) */
  result: { layout: unknown; agg: McAggregate };
}

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; t0: number; now: number; phase: string | null }
  | { kind: 'finished'; run: Finished }
  | { kind: 'compared'; plans: { label: string; run: Finished }[] }
  | { kind: 'error'; text: string };

const defaultWorkers = () => String(Math.max(1, Math.min(64, navigator.hardwareConcurrency || 1)));

/**
 * `#/planner`, the planner workbench: pick a shipped or uploaded scenario (validated in the page),
 * run its Monte Carlo on Web Workers (one per core by default) with progress, ETA, cancel and
 * "stop at ±x pp", and read the headline tables; download the summary JSON — byte-identical to
 * `yanlian simulate --json` for the same scenario, seed, trials and chunk size — and the per-trial
 * CSV. Loaded lazily: the other routes never load the engine's Monte Carlo.
 */
export default function PlannerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [loaded, setLoaded] = useState<PlannerScenario | null>(null);
  const [history, setHistory] = useState<PlanHistory | null>(null);
  const [planStatus, setPlanStatus] = useState<PlanStatus>({ kind: 'original' });
  // what a run runs: the file as loaded, or the edited plan once the loader accepts it
  const current: PlannerScenario | null = !loaded ? null : planStatus.kind === 'original' ? loaded : planStatus.kind === 'edited' ? planStatus.plan : null;
  const [fields, setFields] = useState<RunFields>({ trials: '1000', seed: '1', chunk: '', untilSePp: '', workers: defaultWorkers(), withCsv: true });
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const [openError, setOpenError] = useState<string | null>(null);
  // edited plans put aside for a comparison (B, C, D), each a snapshot the loader accepted
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const running = run.kind === 'running';

  /** Runs one scenario's Monte Carlo on the workers; `phase` names it in the progress line (A/B of a comparison). */
  const runOne = async (sc: PlannerScenario, s: PlannerRunSettings, workers: number, withCsv: boolean, signal: AbortSignal, phase: string | null): Promise<Finished> => {
    const lines: string[] = [];
    const t0 = performance.now();
    setRun({ kind: 'running', done: 0, total: s.trials, t0, now: t0, phase });
    const r = await runBrowserMonteCarlo(sc.model, sc.scenario, {
      master: s.seed,
      trials: s.trials,
      chunkSize: workerChunkSize(s, workers),
      workers,
      withCsv,
      untilSe: s.untilSe,
      signal,
      onChunk: ({ trialsDone, csv }) => {
        if (csv) lines.push(csv);
        setRun({ kind: 'running', done: trialsDone, total: s.trials, t0, now: performance.now(), phase });
      },
    });
    const summary = plannerSummary(sc.model, sc.scenario, sc.sha256, s, r) as McSummary | EvacMcSummary;
    return {
      file: sc.file,
      settings: s,
      summary,
      json: summaryJson(summary),
      csv: withCsv ? trialsCsv(sc.model, r.layout, lines) : null,
      secs: (performance.now() - t0) / 1000,
      scenario: sc,
      result: { layout: r.layout, agg: r.agg },
    };
  };

  /** Keeps a finished run's summary in IndexedDB (best effort: a browser without storage still shows it). */
  const keepRun = (r: Finished) => {
    const s = r.summary;
    void saveRun(plannerDb(), { scenarioSha256: r.scenario.sha256, file: r.file, trials: s.trials, seed: s.seed, partial: s.partial, summaryJson: r.json })
      .then(() => setSavedVersion((v) => v + 1))
      .catch(() => {});
  };

  /** Reopens a saved plan: its original file (plan A) loaded again, its edits on top (undoable). */
  const openSaved = async (p: SavedPlan) => {
    setOpenError(null);
    const r = await loadPlannerScenario(new TextEncoder().encode(p.originalText), p.file, lang);
    if (!r.ok) {
      setOpenError(t('planner.saved.broken', { name: p.name }));
      return;
    }
    const doc = JSON.parse(p.docJson) as unknown;
    setLoaded(r.loaded);
    const h = startHistory({ doc: r.loaded.doc, sources: {} });
    setHistory(JSON.stringify(doc) === JSON.stringify(r.loaded.doc) ? h : pushState(h, { doc, sources: p.sources }));
    setPlanStatus({ kind: 'original' });
    setRun({ kind: 'idle' });
    setCandidates([]);
  };

  /** The form's settings and worker count, or null (the errors shown) when a field is bad. */
  const settingsOrNull = (): { s: PlannerRunSettings; workers: number } | null => {
    const p = parseRunSettings(fields);
    setErrors(p.ok ? [] : p.errors);
    if (!p.ok) return null;
    const workers = /^\d{1,2}$/.test(fields.workers.trim()) ? Math.max(1, Math.min(64, Number(fields.workers))) : Number(defaultWorkers());
    return { s: p.settings, workers };
  };

  const start = async () => {
    const sc = current;
    const got = settingsOrNull();
    if (!sc || !got) return;
    const ac = new AbortController();
    abort.current = ac;
    try {
      const done = await runOne(sc, got.s, got.workers, fields.withCsv, ac.signal, null);
      setRun({ kind: 'finished', run: done });
      keepRun(done);
    } catch (e) {
      setRun({ kind: 'error', text: t('planner.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      abort.current = null;
    }
  };

  /** The plans a comparison runs: A (the file as loaded), the plans put aside, then the current edited plan unless it is one of them. */
  const comparedPlans = (): { label: string; plan: PlannerScenario }[] => {
    if (!loaded) return [];
    const out = [{ label: t('planner.compare.original'), plan: loaded }, ...candidates.map((c) => ({ label: c.label, plan: c.plan }))];
    if (planStatus.kind === 'edited' && !out.some((p) => p.plan.sha256 === planStatus.plan.sha256) && out.length < MAX_COMPARED)
      out.push({ label: t('planner.compare.current', { count: planStatus.changes.length }), plan: planStatus.plan });
    return out;
  };

  /** Every compared plan with the same seed and trials, every trial (no early stop), per-trial rows kept for the paired differences. */
  const compare = async () => {
    const got = settingsOrNull();
    const list = comparedPlans();
    if (list.length < 2 || !got) return;
    const s: PlannerRunSettings = { ...got.s, untilSe: null };
    const ac = new AbortController();
    abort.current = ac;
    try {
      const done: { label: string; run: Finished }[] = [];
      for (const [i, p] of list.entries()) {
        const r = await runOne(p.plan, s, got.workers, true, ac.signal, planLetter(i));
        if (r.summary.partial) throw new Error(t('planner.compare.stopped'));
        done.push({ label: p.label, run: r });
      }
      setRun({ kind: 'compared', plans: done });
      done.forEach((d) => keepRun(d.run));
    } catch (e) {
      setRun({ kind: 'error', text: t('planner.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      abort.current = null;
    }
  };

  /** Puts the current edited plan aside as the next compared plan (B, C or D). */
  const putAside = () => {
    if (planStatus.kind !== 'edited' || candidates.some((c) => c.plan.sha256 === planStatus.plan.sha256)) return;
    const letter = planLetter(candidates.length + 1);
    setCandidates([...candidates, { label: t('planner.compare.aside', { plan: letter, count: planStatus.changes.length }), plan: planStatus.plan }]);
  };

  const progress =
    run.kind === 'running' ? (
      <div className="pl-progress" data-testid="pl-progress" data-done={run.done} data-total={run.total}>
        <progress max={run.total} value={run.done} />
        <span>
          {run.phase && `${t('planner.compare.phase', { plan: run.phase })} · `}
          {t('planner.progress', { done: run.done, total: run.total })}
          {run.done > 0 && ` · ${t('planner.eta', { eta: duration((((run.now - run.t0) / run.done) * (run.total - run.done)) / 1000, lang) })}`}
        </span>
      </div>
    ) : null;

  return (
    <div className="page planner" data-testid="planner-page">
      <div>
        <h1>{t('planner.title')}</h1>
        <p className="hint">{t('planner.lead')}</p>
      </div>
      <Panel title={t('planner.step1')} testId="pl-step1">
        <ScenarioPicker
          loaded={loaded}
          disabled={running}
          onLoaded={(s) => {
            setLoaded(s);
            setHistory(startHistory({ doc: s.doc, sources: {} }));
            setPlanStatus({ kind: 'original' });
            setRun({ kind: 'idle' });
            setCandidates([]);
          }}
        />
        <SavedPlans loaded={loaded} history={history} current={current} version={savedVersion} disabled={running} onOpen={(p) => void openSaved(p)} />
        {openError && <p className="error-note">{openError}</p>}
      </Panel>
      {loaded && history && (
        <Panel title={t('planner.stepEdit')} testId="pl-step-edit">
          <PlanEditor key={loaded.sha256 + loaded.file} loaded={loaded} disabled={running} history={history} onHistory={setHistory} onStatus={setPlanStatus} />
        </Panel>
      )}
      <Panel title={t('planner.step2')} testId="pl-step2">
        {loaded && planStatus.kind !== 'original' && (
          <p className={planStatus.kind === 'edited' ? 'pl-plan-note' : 'pl-plan-note bad'} data-testid="pl-plan-status" data-kind={planStatus.kind}>
            {planStatus.kind === 'edited'
              ? t('planner.edit.runsEdited', { count: planStatus.changes.length, file: planStatus.plan.file })
              : planStatus.kind === 'checking'
                ? t('planner.edit.checking')
                : t('planner.edit.blocked', { count: planStatus.problems.length })}
          </p>
        )}
        <RunForm fields={fields} onChange={setFields} errors={errors} running={running} canRun={current !== null} onRun={() => void start()} onCancel={() => abort.current?.abort()} />
        {loaded && (
          <CompareSetup
            plans={comparedPlans()}
            candidates={candidates.length}
            canAdd={planStatus.kind === 'edited' && candidates.length < MAX_COMPARED - 1 && !candidates.some((c) => c.plan.sha256 === planStatus.plan.sha256)}
            running={running}
            onAdd={putAside}
            onClear={() => setCandidates([])}
            onCompare={() => void compare()}
          />
        )}
        {progress}
        {run.kind === 'error' && <p className="error-note">{run.text}</p>}
        {current && run.kind !== 'running' && <Equivalent file={current.file} fields={fields} />}
      </Panel>
      {run.kind === 'finished' && <ResultsPanel run={run.run} />}
      {run.kind === 'compared' && <CompareResults plans={run.plans.map((p) => ({ label: p.label, file: p.run.file, summary: p.run.summary, csv: p.run.csv! }))} />}
    </div>
  );
}

/** The `yanlian simulate` command that gives the same summary, when the fields are valid. */
function Equivalent({ file, fields }: { file: string; fields: RunFields }) {
  const { t } = useTranslation();
  const p = parseRunSettings(fields);
  if (!p.ok) return null;
  return (
    <p className="small pl-equivalent">
      {t('planner.equivalent')}: <code data-testid="pl-command">{equivalentCommand(file, p.settings)}</code>
    </p>
  );
}

/** Step 3: what stopped the run, the downloads and the model's tables. */
function ResultsPanel({ run }: { run: Finished }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [reportBusy, setReportBusy] = useState(false);
  const s = run.summary;
  const base = `${s.scenario.id}-seed${s.seed}-${s.trials}`;
  return (
    <Panel
      title={
        <>
          {t('planner.step3')} · {t('planner.summaryOf', { trials: s.trials, seed: s.seedInput ?? s.seed })}
          {s.partial && <span className="pl-partial"> {t('planner.partial')}</span>}
        </>
      }
      testId="pl-results"
      actions={
        <div className="button-row">
          <button type="button" className="btn" data-testid="pl-download-json" onClick={() => downloadText(`${base}.summary.json`, run.json, 'application/json')}>
            {t('planner.downloadJson')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="pl-download-report"
            disabled={reportBusy}
            onClick={() => {
              setReportBusy(true);
              void import('./plannerReport.ts')
                .then(({ plannerReportHtml }) => plannerReportHtml(run.scenario, s, run.result, lang))
                .then((html) => downloadText(`${base}.report.html`, html, 'text/html;charset=utf-8'))
                .finally(() => setReportBusy(false));
            }}
          >
            {reportBusy ? t('planner.reportBusy') : t('planner.downloadReport')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="pl-download-xlsx"
            onClick={() => {
              void summaryXlsx(summaryTables(s, lang)).then((b) => downloadText(`${base}.summary.xlsx`, b, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
            }}
          >
            {t('planner.downloadXlsx')}
          </button>
          {run.csv !== null && (
            <button type="button" className="btn" data-testid="pl-download-csv" onClick={() => downloadText(`${base}.trials.csv`, run.csv!, 'text/csv;charset=utf-8')}>
              {t('planner.downloadCsv')}
            </button>
          )}
        </div>
      }
    >
      <p className="small" data-testid="pl-stopped" data-stopped-by={s.stoppedBy}>
        {s.stoppedBy === 'interrupted'
          ? t('planner.cancelled', { done: s.trials })
          : s.stoppedBy === 'untilSe'
            ? t('planner.stoppedUntilSe', { done: s.trials })
            : null}{' '}
        {t('planner.elapsed', { secs: run.secs.toFixed(1), rate: run.secs > 0 ? Math.round(s.trials / run.secs) : '—' })}
      </p>
      {s.format === 'yanlian-mc-summary' ? <CountyResults summary={s} /> : <EvacResults summary={s} />}
    </Panel>
  );
}
