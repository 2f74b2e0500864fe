import { useTranslation } from 'react-i18next';
import { PLAN_COLORS } from './compareCharts.ts';
import { MAX_COMPARED, planLetter } from './planCompare.ts';
import type { PlannerScenario } from './plannerScenario.ts';

/** An edited plan put aside for a comparison: its name and the plan the loader accepted. */
export interface Candidate {
  label: string;
  plan: PlannerScenario;
}

export interface CompareSetupProps {
  /** the plans a comparison would run now, A first */
  plans: { label: string; plan: PlannerScenario }[];
  /** how many edited plans are put aside */
  candidates: number;
  canAdd: boolean;
  running: boolean;
  onAdd: () => void;
  onClear: () => void;
  onCompare: () => void;
}

/**
 * What a comparison will run: the original (A), the edited plans put aside (B, C, D — "put
 * aside" snapshots the current edited plan, so the planner can edit on and put aside another) and
 * the current edited plan, up to four; the button runs them all with the same seed and trials.
 */
export function CompareSetup({ plans, candidates, canAdd, running, onAdd, onClear, onCompare }: CompareSetupProps) {
  const { t } = useTranslation();
  if (plans.length < 2 && candidates === 0 && !canAdd) return null;
  return (
    <div className="pl-compare-setup" data-testid="pl-compare-setup">
      <ul className="pl-compare-plans small">
        {plans.map((p, i) => (
          <li key={i} data-testid="pl-compare-planned">
            <span className="pl-swatch" style={{ background: PLAN_COLORS[i] }} /> <b>{planLetter(i)}</b> {p.label}
          </li>
        ))}
      </ul>
      <div className="button-row pl-compare-row">
        <button type="button" className="btn" data-testid="pl-compare-run" disabled={running || plans.length < 2} onClick={onCompare}>
          {t('planner.compare.runN', { count: plans.length })}
        </button>
        <button type="button" className="btn btn-small" data-testid="pl-compare-add" disabled={running || !canAdd} onClick={onAdd}>
          {t('planner.compare.add', { plan: planLetter(candidates + 1) })}
        </button>
        {candidates > 0 && (
          <button type="button" className="btn btn-small" data-testid="pl-compare-clear" disabled={running} onClick={onClear}>
            {t('planner.compare.clear')}
          </button>
        )}
        <span className="small">{t('planner.compare.hint', { max: MAX_COMPARED })}</span>
      </div>
    </div>
  );
}
