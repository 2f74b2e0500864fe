import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { CompareCharts } from './CompareCharts.tsx';
import { compareTables } from './compareTables.ts';
import { downloadText } from './download.ts';
import { summaryXlsx } from './planSheets.ts';
import { PLAN_COLORS } from './compareCharts.ts';
import { comparePlans, planLetter, verdictsOf, type CompareRow, type PairedDiff, type PlanValue } from './planCompare.ts';
import { num, pct } from './plannerFormat.ts';

/** One compared plan: its name, file, finished summary and per-trial CSV. */
export interface CompareSide {
  label: string;
  file: string;
  summary: McSummary | EvacMcSummary;
  csv: string;
}

const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
const hh = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/**
 * Two to four plans (A is the original file) run with the same seed and trials (common random
 * numbers), against a base the planner picks (A by default; changing it needs no new run): each
 * item's stock-out probability, each target's probability of being met and its mean worst hours,
 * with their 95% intervals per plan; for every other plan the paired difference plan − base with
 * its own 95% interval and whether the plan is better or worse there; a short "better at / worse
 * at" list per plan; for a county, the comparison charts (CompareCharts.tsx); the comparison as an
 * .xlsx workbook (compareTables.ts), with every plan's own summary tables.
 */
export function CompareResults({ plans }: { plans: CompareSide[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [base, setBase] = useState(0);
  const rows = useMemo(() => comparePlans(plans.map((p) => p.csv), base), [plans, base]);
  const s = plans[0]!.summary;
  const name = (r: CompareRow): string => {
    const last = plans[plans.length - 1]!.summary;
    if (r.kind === 'stockout' && last.format === 'yanlian-mc-summary') return last.reserves.items.find((x) => x.id === r.id)?.name[lang] ?? r.id;
    if (last.format === 'yanlian-mc-summary') {
      const g = last.targets.find((x) => x.id === r.id);
      return g ? `${g.name[lang]}（${t('planner.within', { hours: g.hours })}）` : r.id;
    }
    const g = last.targets.find((x) => x.id === r.id);
    return g ? t(`planner.evacTarget.${g.kind}`, { limit: g.limit }) : r.id;
  };
  const outcome = (r: CompareRow) => t(`planner.compare.${r.kind}`, { name: name(r) });
  const value = (r: CompareRow, v: PlanValue) => (r.kind === 'hours' ? num(v.estimate, 2) : pct(v.estimate));
  const interval = (r: CompareRow, v: PlanValue) => (v.ci95 ? `[${value(r, { ...v, estimate: v.ci95[0] })}, ${value(r, { ...v, estimate: v.ci95[1] })}]` : '—');
  const diffText = (r: CompareRow, d: PairedDiff) => (r.kind === 'hours' ? `${hh(d.mean)} h [${hh(d.ci95[0])}, ${hh(d.ci95[1])}]` : `${pp(d.mean)} [${pp(d.ci95[0])}, ${pp(d.ci95[1])}]`);
  const others = plans.map((_, i) => i).filter((i) => i !== base);
  const L = planLetter;
  return (
    <Panel title={`${t('planner.compare.title')} · ${t('planner.summaryOf', { trials: s.trials, seed: s.seedInput ?? s.seed })}`} testId="pl-compare">
      <ul className="pl-compare-plans small">
        {plans.map((p, i) => (
          <li key={i} data-testid="pl-compare-plan">
            <span className="pl-swatch" style={{ background: PLAN_COLORS[i] }} /> <b>{L(i)}</b> = {p.label}（<code>{p.file}</code>）
          </li>
        ))}
      </ul>
      <p className="small">
        {t('planner.compare.crn')}{' '}
        <label>
          {t('planner.compare.base')}{' '}
          <select data-testid="pl-compare-base" value={base} onChange={(e) => setBase(Number(e.target.value))}>
            {plans.map((p, i) => (
              <option key={i} value={i}>
                {L(i)} · {p.label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <div className="pl-verdicts" data-testid="pl-verdicts">
        {others.map((i) => {
          const v = verdictsOf(rows, i);
          return (
            <p key={i} data-testid="pl-verdict" data-plan={L(i)} data-better={v.better.length} data-worse={v.worse.length}>
              <b>{t('planner.compare.versus', { plan: L(i), base: L(base) })}</b>
              {v.better.length === 0 && v.worse.length === 0 ? (
                <span className="small"> {t('planner.compare.noDifference')}</span>
              ) : (
                <>
                  {v.better.length > 0 && <span className="pl-better"> {t('planner.compare.betterAt')}</span>}
                  {v.better.map((r) => outcome(r)).join('、')}
                  {v.better.length > 0 && v.worse.length > 0 && '；'}
                  {v.worse.length > 0 && <span className="pl-worse"> {t('planner.compare.worseAt')}</span>}
                  {v.worse.map((r) => outcome(r)).join('、')}
                </>
              )}
            </p>
          );
        })}
      </div>
      <p>
        <button
          type="button"
          data-testid="pl-compare-xlsx"
          onClick={() =>
            void summaryXlsx(compareTables(plans, rows, base, outcome, lang)).then((b) =>
              downloadText(`${plans[0]!.file.replace(/\.(ya?ml|json)$/i, '')}.compare.xlsx`, b, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
            )
          }
        >
          {t('planner.compare.xlsx')}
        </button>
      </p>
      <div className="pl-table-wrap">
        <table className="pl-table pl-compare-table" data-testid="pl-compare-table">
          <thead>
            <tr>
              <th>{t('planner.compare.outcome')}</th>
              {plans.map((_, i) => (
                <th key={i} className="num">
                  {L(i)}
                  {i === base && ` (${t('planner.compare.baseShort')})`}
                </th>
              ))}
              {others.map((i) => (
                <th key={i}>{t('planner.compare.diffOf', { plan: L(i), base: L(base) })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.column} data-testid="pl-compare-row" data-column={r.column} data-verdicts={r.verdicts.map((v) => v ?? 'base').join(',')}>
                <td>{outcome(r)}</td>
                {r.values.map((v, i) => (
                  <td key={i} className="num">
                    {value(r, v)}
                    <div className="small">{interval(r, v)}</div>
                  </td>
                ))}
                {others.map((i) => {
                  const d = r.diffs[i];
                  const v = r.verdicts[i];
                  return (
                    <td key={i} className={v === 'better' ? 'pl-better' : v === 'worse' ? 'pl-worse' : 'small'}>
                      {d ? diffText(r, d) : '—'}
                      <div className="small">{v === 'better' ? t('planner.compare.better') : v === 'worse' ? t('planner.compare.worse') : t('planner.compare.same')}</div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plans.every((p) => p.summary.format === 'yanlian-mc-summary') && (
        // the charts name plans by letter; the list at the top of the panel gives each letter's plan and colour
        <CompareCharts plans={plans.map((p, i) => ({ label: L(i), color: PLAN_COLORS[i]!, summary: p.summary as McSummary }))} />
      )}
    </Panel>
  );
}
