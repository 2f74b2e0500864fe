import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../ui/useLang.ts';
import { ChartBox } from './ChartBox.tsx';
import { exceedanceOption, levelsOption, stockFanOption, stockoutOption, type ChartPlan, type ChartWords } from './compareCharts.ts';

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/**
 * The comparison's charts, every plan overlaid in its colour: each applied target's exceedance
 * curve against its hours (relief, trunk-road reopening, response, rescue), one item's stock fan
 * (median, 10–90% band) and stock-out curve (the item picked above them), and the distribution
 * of the highest response level.
 */
export function CompareCharts({ plans }: { plans: ChartPlan[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const first = plans[0]!.summary;
  const items = first.reserves.items.filter((it) => it.initialStock > 0 || plans.some((p) => (p.summary.reserves.items.find((x) => x.id === it.id)?.initialStock ?? 0) > 0));
  // the item the plans differ most on first (its stock-out probability), else the first
  const spread = (id: string) => {
    const ps = plans.map((p) => p.summary.reserves.items.find((x) => x.id === id)?.stockoutProbability.estimate ?? 0);
    return Math.max(...ps) - Math.min(...ps);
  };
  const [item, setItem] = useState(() => [...items].sort((a, b) => spread(b.id) - spread(a.id))[0]?.id ?? '');
  const words: ChartWords = useMemo(
    () => ({
      hours: t('planner.hours'),
      probability: t('planner.compare.probability'),
      target: (hours) => t('planner.compare.targetLine', { hours }),
      stock: (unit) => t('planner.compare.stockAxis', { unit }),
      level: (l) => (l === 'none' ? t('planner.levelNone') : lang === 'en' ? `Level ${l}` : `${ROMAN[l] ?? l}级`),
    }),
    [t, lang],
  );
  const targets = first.targets.filter((g) => plans.some((p) => (p.summary.targets.find((x) => x.id === g.id)?.applied ?? 0) > 0));
  const exceed = useMemo(() => targets.map((g) => ({ g, option: exceedanceOption(plans, g.id, words) })), [plans, words, targets.map((g) => g.id).join()]);
  const unit = items.find((x) => x.id === item)?.unit[lang] ?? '';
  const fan = useMemo(() => stockFanOption(plans, item, words, unit), [plans, item, words, unit]);
  const stockout = useMemo(() => stockoutOption(plans, item, words), [plans, item, words]);
  const levels = useMemo(() => levelsOption(plans, words), [plans, words]);
  return (
    <div className="pl-compare-charts" data-testid="pl-compare-charts">
      <h3>{t('planner.compare.exceedanceTitle')}</h3>
      <div className="pl-charts">
        {exceed.map(({ g, option }) => (
          <ChartBox key={g.id} title={`${g.name[lang]}`} option={option} testId={`pl-compare-exceedance-${g.id}`} />
        ))}
      </div>
      <h3>
        {t('planner.compare.stockTitle')}{' '}
        <select data-testid="pl-compare-item" value={item} onChange={(e) => setItem(e.target.value)}>
          {items.map((it) => (
            <option key={it.id} value={it.id}>
              {it.name[lang]}
            </option>
          ))}
        </select>
      </h3>
      <div className="pl-charts">
        <ChartBox title={t('planner.compare.fan', { unit })} option={fan} testId="pl-compare-fan" />
        <ChartBox title={t('planner.compare.chart')} option={stockout} testId="pl-compare-chart" />
      </div>
      <div className="pl-charts">
        <ChartBox title={t('planner.compare.levelsTitle')} option={levels} testId="pl-compare-levels" />
      </div>
    </div>
  );
}
