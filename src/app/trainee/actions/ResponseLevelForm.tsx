import { useTranslation } from 'react-i18next';
import type { ResponseLevel } from '../../net/types.ts';
import { ActionResult } from './ActionResult.tsx';
import { useDecision } from './useDecision.ts';

export interface ResponseLevelFormProps {
  token: string;
  disabled: boolean;
}

const LEVELS: (ResponseLevel | 'ended')[] = ['IV', 'III', 'II', 'I', 'ended'];

/** 启动/调整应急响应: Ⅳ (blue) … Ⅰ (red), each written out, or end the response. */
export function ResponseLevelForm({ token, disabled }: ResponseLevelFormProps) {
  const { t } = useTranslation();
  const s = useDecision(token);
  return (
    <div className="action-form" data-testid="act-setResponseLevel">
      <div className="button-row">
        {LEVELS.map((l) => (
          <button key={l} type="button" className={`btn level-${l}`} disabled={disabled || s.busy} onClick={() => void s.submit({ kind: 'setResponseLevel', level: l })} data-testid={`level-${l}`}>
            {l === 'ended' ? t('act.endResponse') : t(`level.${l}`)}
          </button>
        ))}
      </div>
      <ActionResult state={s} kind="setResponseLevel" />
    </div>
  );
}
