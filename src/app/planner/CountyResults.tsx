import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../engine/montecarlo/mcLayout.ts';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import { useLang } from '../ui/useLang.ts';
import { ci, num, pct } from './plannerFormat.ts';
import { SummaryCharts } from './SummaryCharts.tsx';

const TIER_KEY: Record<Tier, string> = { county: 'tierCounty', township: 'tierTownship', village: 'tierVillage', agreement: 'tierAgreement' };
const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

export interface CountyResultsProps {
  summary: McSummary;
}

/**
 * The county headline tables: stock-out probability per item and per tier with its Wilson 95%
 * interval, target attainment, the highest response level and the impact means — read from the
 * summary only (the numbers `yanlian simulate` prints).
 */
export function CountyResults({ summary: s }: CountyResultsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = (q: { p50: number | null; p90: number | null }) => `${num(q.p50)} / ${num(q.p90)}`;
  return (
    <div className="pl-results">
      <h3>{t('planner.stockout')}</h3>
      <div className="pl-table-wrap">
        <table className="pl-table" data-testid="pl-stockout">
          <thead>
            <tr>
              <th>{t('planner.item')}</th>
              <th>{t('planner.tier')}</th>
              <th className="num">{t('planner.warehouses')}</th>
              <th className="num">{t('planner.initialStock')}</th>
              <th className="num">{t('planner.pStockout')}</th>
              <th className="num">{t('planner.ci95')}</th>
              <th className="num">{t('planner.hoursToStockout')}</th>
              <th className="num">{t('planner.pShortfall')}</th>
            </tr>
          </thead>
          <tbody>
            {s.reserves.items.map((it) => (
              <Fragment key={it.id}>
                <tr className="pl-item-row" data-item={it.id}>
                  <td>
                    <strong>{it.name[lang]}</strong>
                  </td>
                  <td>{t('planner.allTiers')}</td>
                  <td className="num">{it.tiers.reduce((a, x) => a + x.warehouses, 0)}</td>
                  <td className="num">
                    {it.initialStock.toLocaleString()} {it.unit[lang]}
                  </td>
                  <td className="num" data-testid={`pl-p-${it.id}`}>
                    <Bar p={it.stockoutProbability.estimate} />
                    {pct(it.stockoutProbability.estimate)}
                  </td>
                  <td className="num">{ci(it.stockoutProbability)}</td>
                  <td className="num">{h(it.hoursToStockout)}</td>
                  <td className="num">{pct(it.shortfallProbability.estimate)}</td>
                </tr>
                {it.tiers.map((tr) => (
                  <tr key={tr.tier} className="pl-tier-row">
                    <td />
                    <td>{t(`planner.${TIER_KEY[tr.tier]}`)}</td>
                    <td className="num">{tr.warehouses}</td>
                    <td />
                    <td className="num">
                      <Bar p={tr.stockoutProbability.estimate} />
                      {pct(tr.stockoutProbability.estimate)}
                    </td>
                    <td className="num">{ci(tr.stockoutProbability)}</td>
                    <td className="num">{h(tr.hoursToStockout)}</td>
                    <td />
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('planner.targets')}</h3>
      <div className="pl-table-wrap">
        <table className="pl-table" data-testid="pl-targets">
          <thead>
            <tr>
              <th>{t('planner.target')}</th>
              <th className="num">{t('planner.pMet')}</th>
              <th className="num">{t('planner.ci95')}</th>
              <th className="num">{t('planner.achieved')}</th>
              <th className="num">{t('planner.applied')}</th>
            </tr>
          </thead>
          <tbody>
            {s.targets.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.name[lang]} <span className="small">({t('planner.within', { hours: g.hours })})</span>
                </td>
                <td className="num">
                  <Bar p={g.metProbability.estimate} good />
                  {pct(g.metProbability.estimate)}
                </td>
                <td className="num">{ci(g.metProbability)}</td>
                <td className="num">{h(g.achievedHours)}</td>
                <td className="num">{g.applied}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="pl-two">
        <div>
          <h3>{t('planner.levels')}</h3>
          <table className="pl-table" data-testid="pl-levels">
            <thead>
              <tr>
                <th>{t('planner.level')}</th>
                <th className="num">{t('planner.pHighest')}</th>
                <th className="num">{t('planner.ci95')}</th>
              </tr>
            </thead>
            <tbody>
              {s.responseLevels.map((l) => (
                <tr key={l.level}>
                  <td>{l.level === 'none' ? t('planner.levelNone') : <span className={`level-chip level-${l.level}`}>{ROMAN[l.level]}</span>}</td>
                  <td className="num">{pct(l.highestProbability.estimate)}</td>
                  <td className="num">{ci(l.highestProbability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('planner.impact')}</h3>
          <table className="pl-table">
            <tbody>
              <tr>
                <td>{t('planner.affected')}</td>
                <td className="num">
                  {num(s.impact.affectedPeople.mean, 0)} / {num(s.impact.affectedPeople.p90, 0)}
                </td>
              </tr>
              <tr>
                <td>{t('planner.deadMissing')}</td>
                <td className="num">
                  {num(s.impact.deadMissing.mean)} / {num(s.impact.deadMissing.p90)}
                </td>
              </tr>
              <tr>
                <td>{t('planner.roadCuts')}</td>
                <td className="num">
                  {num(s.impact.meanRoadCuts)} ({num(s.impact.meanTrunkCuts)})
                </td>
              </tr>
              <tr>
                <td>{t('planner.deliveries')}</td>
                <td className="num">{num(s.impact.meanDeliveries)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
      <SummaryCharts summary={s} />
    </div>
  );
}

/** A small horizontal bar under a probability (red for stock-outs, green for targets met). */
export function Bar({ p, good = false }: { p: number | null; good?: boolean }) {
  return (
    <span className={`pl-bar ${good ? 'good' : ''}`} aria-hidden="true">
      <span style={{ width: `${Math.round((p ?? 0) * 100)}%` }} />
    </span>
  );
}
