import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, DrillPhase } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { SPEEDS } from './speeds.ts';
import { useConfirm } from './ConfirmDialog.tsx';

export interface ControlBarProps {
  token: string;
  phase: DrillPhase;
  speed: number;
}

type Op = 'brief' | 'start' | 'pause' | 'resume' | 'end' | 'debrief';

/** Which lifecycle commands the phase allows (engine/drill/drillLifecycle.machine.ts). */
const OPS: Record<DrillPhase, Op[]> = {
  draft: ['brief'],
  briefing: ['start', 'end'],
  running: ['pause', 'end'],
  paused: ['resume', 'end'],
  ended: ['debrief'],
  debriefed: [],
};

/** The director's lifecycle and clock controls: brief, start, pause, resume, speed, end, debrief. */
export function ControlBar({ token, phase, speed }: ControlBarProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { dialog, ask } = useConfirm();
  const send = async (body: { op: string; speed?: number }) => {
    if (body.op === 'end' && !(await ask({ message: t('control.confirmEnd'), confirmLabel: t('control.end'), danger: true }))) return;
    setBusy(true);
    setError(null);
    const r = await apiCall('POST', '/api/drill/control', { token, body });
    setBusy(false);
    if (!r.ok) setError(r.error);
  };
  return (
    <div className="control-bar" data-testid="control-bar">
      {OPS[phase].map((op) => (
        <button key={op} type="button" className={`btn ${op === 'end' ? 'btn-danger' : 'btn-primary'}`} disabled={busy} onClick={() => void send({ op })} data-testid={`control-${op}`}>
          {t(`control.${op}`)}
        </button>
      ))}
      {phase !== 'ended' && phase !== 'debriefed' && (
        <label className="inline">
          {t('control.speed')}
          <select value={SPEEDS.includes(speed) ? speed : ''} disabled={busy} onChange={(e) => void send({ op: 'speed', speed: Number(e.target.value) })} data-testid="control-speed">
            {!SPEEDS.includes(speed) && <option value="">{speed}×</option>}
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="hint">{t(`control.hint.${phase}`)}</p>
      <ErrorNote error={error} testId="control-error" />
      {dialog}
    </div>
  );
}
