import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAYBACKS, playbackModelId } from '../../../engine/model/modelPlaybacks.ts';
import { buildPlayback, parsePlaybackLog, type PlaybackIndex } from '../../../engine/playback/index.ts';
import { langOf } from '../format/pickText.ts';
import type { LoadedScenario } from './describeEvent.ts';
import type { DrillPlaybackData } from './drillPlayback.ts';
import { DrillPlaybackView } from './DrillPlaybackView.tsx';
import { PlaybackView } from './PlaybackView.tsx';
import { ensurePlaybackI18n } from './playbackI18n.ts';
import { ServerDrills } from './ServerDrills.tsx';
import { useFileDrop } from '../ui/useFileDrop.ts';
import './playback.css';

ensurePlaybackI18n();

type Loaded = { file: string; index: PlaybackIndex; scenario: LoadedScenario; sha: { log: string; server: string }; unknown: { count: number; type: string } | null };
type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'error'; text: string } | { kind: 'ready'; loaded: Loaded } | { kind: 'drill'; data: DrillPlaybackData };

/**
 * `#/playback`: open a drill from the server's database (its password; see ServerDrills) and
 * switch between the ground truth and any position's view, or open a `yanlian run --log` file (file picker or drop), check it whole (a bad or
 * truncated log is refused with its line and reason, nothing drawn), fetch its scenario from the
 * server by the manifest's id (`/api/playback/scenario/:id`), compare the scenario's SHA-256 with
 * the manifest's, and play it back in 3D. Loaded lazily: the other routes never load three.
 */
export default function PlaybackPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const open = async (file: File) => {
    setStatus({ kind: 'busy', text: t('playback.reading') });
    const text = await file.text();
    const log = parsePlaybackLog(text);
    if (!log.ok) {
      setStatus({ kind: 'error', text: t('playback.badLog', { file: file.name, line: log.problem.line, reason: lang === 'en' ? log.problem.en : log.problem.zh }) });
      return;
    }
    const id = log.manifest.scenario.id;
    setStatus({ kind: 'busy', text: t('playback.loadingScenario', { id }) });
    let body: { model?: string; sha256?: string; scenario?: unknown; error?: { zh: string; en: string } };
    try {
      const res = await fetch(`/api/playback/scenario/${encodeURIComponent(id)}`);
      body = (await res.json()) as typeof body;
    } catch (e) {
      setStatus({ kind: 'error', text: t('playback.network', { detail: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    if (!body.scenario || !body.model) {
      setStatus({ kind: 'error', text: t('playback.noScenario', { file: file.name, reason: body.error ? (lang === 'en' ? body.error.en : body.error.zh) : '?' }) });
      return;
    }
    const modelId = playbackModelId(body.model);
    const pb = modelId ? PLAYBACKS[modelId] : undefined;
    if (!pb || pb.scene !== log.model) {
      setStatus({ kind: 'error', text: t('playback.noScenario', { file: file.name, reason: lang === 'en' ? 'the log and the scenario are for different models' : '日志与场景的模型不一致' }) });
      return;
    }
    // the server's scenario of that model (as the server sent it; the log's manifest named it)
    const scenario: LoadedScenario = pb.input(body.scenario as never);
    // a log run with recorded decisions says its policy mode; otherwise the log's events tell it
    const index = buildPlayback(scenario.model === 'county' && log.manifest.mode ? { ...scenario, policy: log.manifest.mode } : scenario, log.events);
    setStatus({
      kind: 'ready',
      loaded: { file: file.name, index, scenario, sha: { log: log.manifest.scenario.sha256, server: body.sha256 ?? '' }, unknown: index.unknown.length ? { count: index.unknown.length, type: index.unknown[0]!.type } : null },
    });
  };

  const onFiles = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void open(f);
  };
  const drop = useFileDrop(onFiles);

  const picker = (
    <div
      className={`pb-drop ${drop.over ? 'over' : ''}`}
      data-testid="pb-drop"
      {...drop.handlers}
    >
      <label className="button">
        {t('playback.pick')}
        <input type="file" accept=".jsonl,application/x-ndjson,application/jsonl,text/plain" data-testid="pb-file" onChange={(e) => onFiles(e.target.files)} />
      </label>
      <span className="hint">{t('playback.drop')}</span>
      <p className="hint small">{t('playback.help')}</p>
    </div>
  );

  return (
    <div className="page pb-page" data-testid="playback-page">
      <h2>{t('playback.title')}</h2>
      {status.kind === 'drill' ? (
        <>
          <div className="pb-meta">
            <b data-testid="pb-drill-title">{status.data.drill.title}</b>
            {' · '}
            {t(`mode.${status.data.drill.mode}`)} · {t(`phase.${status.data.drill.phase}`)}
            <button type="button" className="link" onClick={() => setStatus({ kind: 'idle' })} data-testid="pb-another">
              {t('playback.another')}
            </button>
          </div>
          <DrillPlaybackView key={status.data.drill.id} data={status.data} />
        </>
      ) : status.kind === 'ready' ? (
        <>
          <div className="pb-meta">
            <b>{status.loaded.file}</b>
            {' · '}
            {lang === 'en' ? status.loaded.scenario.scenario.name.en : status.loaded.scenario.scenario.name.zh}
            {' · '}
            {status.loaded.sha.log === status.loaded.sha.server ? (
              <span className="small" data-testid="pb-sha-ok">{t('playback.shaOk', { sha: status.loaded.sha.log.slice(0, 12) })}</span>
            ) : (
              <span className="error-note" data-testid="pb-sha-mismatch">{t('playback.shaMismatch', { log: status.loaded.sha.log.slice(0, 12), server: status.loaded.sha.server.slice(0, 12) })}</span>
            )}
            {status.loaded.unknown ? <span className="error-note">{t('playback.unknownEvents', status.loaded.unknown)}</span> : null}
            <button type="button" className="link" onClick={() => setStatus({ kind: 'idle' })} data-testid="pb-another">
              {t('playback.another')}
            </button>
          </div>
          <PlaybackView key={status.loaded.file + status.loaded.index.events.length} index={status.loaded.index} scenario={status.loaded.scenario} />
        </>
      ) : (
        <>
          <ServerDrills onOpen={(data) => setStatus({ kind: 'drill', data })} />
          <p className="hint">{t('playback.drills.orFile')}</p>
          {picker}
          {status.kind === 'busy' ? <p data-testid="pb-busy">{status.text}</p> : null}
          {status.kind === 'error' ? (
            <p className="error-note" role="alert" data-testid="pb-error">
              {status.text}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
