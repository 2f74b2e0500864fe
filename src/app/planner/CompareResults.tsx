import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { compareRuns, type CompareRow } from './planCompare.ts';
import { ci, pct } from './plannerFormat.ts';
import { LineChartBox, type Series } from './SummaryCharts.tsx';

/** One side of a comparison: a finished run's summary and its per-trial CSV. */
export interface CompareSide {
  label: string;
  file: string;
  summary: McSummary | EvacMcSummary;
  csv: string;
}

const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];

const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;

/**
 * Plan A (the original file) against plan B (the edited plan), run with the same seed and trials
 * (common random numbers): each item's stock-out probability and each target's probability of
 * being met, with their Wilson intervals, the paired difference B − A in percentage points with
 * its 95% interval, and which plan is better where the interval excludes 0; for a county, the
 * stock-out curves of both plans overlaid (A dashed).
 */
export function CompareResults({ a, b }: { a: CompareSide; b: CompareSide }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useMemo(() => compareRuns(a.csv, b.csv), [a.csv, b.csv]);
  const name = (r: CompareRow): string => {
    const s = b.summary;
    if (r.kind === 'stockout' && s.format === 'yanlian-mc-summary') return s.reserves.items.find((x) => x.id === r.id)?.name[lang] ?? r.id;
    if (s.format === 'yanlian-mc-summary') {
      const g = s.targets.find((x) => x.id === r.id);
      return g ? `${g.name[lang]}（${t('planner.within', { hours: g.hours })}）` : r.id;
    }
    const g = s.targets.find((x) => x.id === r.id);
    return g ? t(`planner.evacTarget.${g.kind}`, { limit: g.limit }) : r.id;
  };
  const stock = useMemo(() => {
    const out: Series[] = [];
    if (a.summary.format !== 'yanlian-mc-summary' || b.summary.format !== 'yanlian-mc-summary') return out;
    const sa = a.summary;
    b.summary.reserves.items.forEach((it, i) => {
      const color = PALETTE[i % PALETTE.length]!;
      const old = sa.reserves.items.find((x) => x.id === it.id);
      if (old) out.push({ name: `A · ${old.name[lang]}`, values: old.stockoutByHour, dashed: true, color });
      out.push({ name: `B · ${it.name[lang]}`, values: it.stockoutByHour, color });
    });
    return out;
  }, [a.summary, b.summary, lang]);
  const s = b.summary;
  return (
    <Panel title={`${t('planner.compare.title')} · ${t('planner.summaryOf', { trials: s.trials, seed: s.seedInput ?? s.seed })}`} testId="pl-compare">
      <p className="small">
        A = <code>{a.file}</code>（{a.label}）；B = <code>{b.file}</code>（{b.label}）。{t('planner.compare.crn')}
      </p>
      <div className="pl-table-wrap">
        <table className="pl-table" data-testid="pl-compare-table">
          <thead>
            <tr>
              <th>{t('planner.compare.outcome')}</th>
              <th className="num">A</th>
              <th>{t('planner.ci95')}</th>
              <th className="num">B</th>
              <th>{t('planner.ci95')}</th>
              <th className="num">{t('planner.compare.diff')}</th>
              <th>{t('planner.compare.diffCi')}</th>
              <th>{t('planner.compare.better')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.column} data-testid="pl-compare-row" data-column={r.column} data-better={r.better}>
                <td>
                  {r.kind === 'stockout' ? t('planner.compare.stockout', { name: name(r) }) : t('planner.compare.met', { name: name(r) })}
                </td>
                <td className="num">{pct(r.a.estimate)}</td>
                <td className="small">{ci(r.a)}</td>
                <td className="num">{pct(r.b.estimate)}</td>
                <td className="small">{ci(r.b)}</td>
                <td className="num">{r.diff ? pp(r.diff.mean) : '—'}</td>
                <td className="small">{r.diff ? `[${pp(r.diff.ci95[0])}, ${pp(r.diff.ci95[1])}]` : '—'}</td>
                <td className={r.better === 'B' ? 'pl-better' : r.better === 'A' ? 'pl-worse' : 'small'}>
                  {r.better === 'same' ? t('planner.compare.same') : t('planner.compare.betterIs', { plan: r.better })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stock.length > 0 && a.summary.format === 'yanlian-mc-summary' && (
        <div className="pl-charts">
          <LineChartBox title={t('planner.compare.chart')} series={stock} step={a.summary.curveStepHours} xName={t('planner.hours')} testId="pl-compare-chart" />
        </div>
      )}
    </Panel>
  );
}
