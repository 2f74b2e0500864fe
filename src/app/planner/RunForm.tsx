import { useTranslation } from 'react-i18next';
import { defaultChunkSize } from '../../../engine/montecarlo/runChunk.ts';
import type { SettingsError } from './plannerRun.ts';

/** The run form's fields as typed. */
export interface RunFields {
  trials: string;
  seed: string;
  /** empty: defaultChunkSize(trials), as the CLI */
  chunk: string;
  /** percentage points; empty: run every trial */
  untilSePp: string;
  workers: string;
  withCsv: boolean;
}

export interface RunFormProps {
  fields: RunFields;
  onChange: (f: RunFields) => void;
  errors: SettingsError[];
  running: boolean;
  canRun: boolean;
  onRun: () => void;
  onCancel: () => void;
}

/** Step 2's form: trials, seed, chunk size, "stop at ±x pp", workers, CSV; Run and Cancel. */
export function RunForm({ fields, onChange, errors, running, canRun, onRun, onCancel }: RunFormProps) {
  const { t } = useTranslation();
  const set = (k: keyof RunFields) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...fields, [k]: k === 'withCsv' ? e.target.checked : e.target.value });
  const trialsN = /^\d+$/.test(fields.trials.trim()) ? Number(fields.trials) : null;
  return (
    <form
      className="pl-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running && canRun) onRun();
      }}
    >
      <div className="pl-fields">
        <label>
          <span>{t('planner.trials')}</span>
          <input data-testid="pl-trials" inputMode="numeric" value={fields.trials} onChange={set('trials')} disabled={running} />
        </label>
        <label>
          <span>{t('planner.seed')}</span>
          <input data-testid="pl-seed" value={fields.seed} onChange={set('seed')} disabled={running} />
        </label>
        <label>
          <span>{t('planner.chunk')}</span>
          <input
            data-testid="pl-chunk"
            inputMode="numeric"
            value={fields.chunk}
            placeholder={trialsN ? t('planner.chunkAuto', { n: defaultChunkSize(trialsN) }) : ''}
            onChange={set('chunk')}
            disabled={running}
          />
        </label>
        <label title={t('planner.untilSeHint')}>
          <span>{t('planner.untilSe')}</span>
          <input data-testid="pl-until-se" inputMode="decimal" value={fields.untilSePp} placeholder="—" onChange={set('untilSePp')} disabled={running} />
        </label>
        <label>
          <span>{t('planner.workers')}</span>
          <input data-testid="pl-workers" inputMode="numeric" value={fields.workers} onChange={set('workers')} disabled={running} />
        </label>
        <label className="pl-check">
          <input type="checkbox" data-testid="pl-csv" checked={fields.withCsv} onChange={set('withCsv')} disabled={running} />
          <span>{t('planner.csv')}</span>
        </label>
      </div>
      {errors.length > 0 && (
        <ul className="error-note" data-testid="pl-form-errors">
          {errors.map((e) => (
            <li key={e}>{t(`planner.${e}`)}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" data-testid="pl-run" disabled={running || !canRun}>
          {t('planner.run')}
        </button>
        <button type="button" className="btn btn-danger" data-testid="pl-cancel" disabled={!running} onClick={onCancel}>
          {t('planner.cancel')}
        </button>
      </div>
    </form>
  );
}
