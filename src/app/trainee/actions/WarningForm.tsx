import { useTranslation } from 'react-i18next';
import type { WarningLevel } from '../../net/types.ts';
import { ActionResult } from './ActionResult.tsx';
import { useDecision } from './useDecision.ts';

export interface WarningFormProps {
  token: string;
  disabled: boolean;
}

const LEVELS: (WarningLevel | 'none')[] = ['blue', 'yellow', 'orange', 'red', 'none'];

/** 发布预警: the county's rainstorm warning, one button per signal colour, or lift it. */
export function WarningForm({ token, disabled }: WarningFormProps) {
  const { t } = useTranslation();
  const s = useDecision(token);
  return (
    <div className="action-form" data-testid="act-issueWarning">
      <div className="button-row">
        {LEVELS.map((l) => (
          <button key={l} type="button" className={`btn warn-${l}`} disabled={disabled || s.busy} onClick={() => void s.submit({ kind: 'issueWarning', level: l })} data-testid={`warning-${l}`}>
            {l === 'none' ? t('act.liftWarning') : t(`warning.${l}`)}
          </button>
        ))}
      </div>
      <ActionResult state={s} kind="issueWarning" />
    </div>
  );
}
