import { fanChart, probabilityBars } from '../chartOptions.ts';
import { esc, nc, num, table } from '../html.ts';
import { pct, SHORTFALL_UNIT, TIER_NAME } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';

/** Bar colours per warehouse tier; "all" is the darkest. */
const TIER_COLOUR: Record<string, string> = { all: '#1d3f7a', county: '#3b6fb6', township: '#6e9bd6', village: '#9fc0e8', agreement: '#8c7bb8' };

/** Stock-out probability per item and warehouse tier, with shortfall. */
export function reservesSection(c: ReportContext): string[] {
  const { m, lang, T, chart, prob, hq, probHead } = c;
  const out: string[] = [];
  const cats: string[] = [];
  const values: (number | null)[] = [];
  const ci: ([number, number] | null)[] = [];
  const colours: string[] = [];
  const labels: string[] = [];
  const rows: string[][] = [];
  const allName = T('全部', 'all');
  m.reserves.items.forEach((it, k) => {
    const base = `reserves.items.${k}`;
    cats.push(`${it.name[lang]} · ${allName}`);
    values.push(it.stockoutProbability.estimate);
    ci.push(it.stockoutProbability.ci95);
    colours.push(TIER_COLOUR.all!);
    labels.push(pct(it.stockoutProbability.estimate));
    const unit = it.shortfall.unit === 'units' ? it.unit[lang] : SHORTFALL_UNIT[it.shortfall.unit]![lang];
    const sf = (x: number | null, key: 'mean' | 'p90') => nc(num(`${base}.shortfall.${key}`, x, x === null ? '—' : `${x.toFixed(1)} ${unit}`));
    rows.push([
      `<th scope="row">${esc(it.name[lang])}</th>`,
      esc(allName),
      nc(num(`${base}.initialStock`, it.initialStock, `${it.initialStock} ${it.unit[lang]}`)),
      ...prob(`${base}.stockoutProbability`, it.stockoutProbability),
      ...hq(`${base}.hoursToStockout`, it.hoursToStockout, ['p50', 'p90', 'p99']),
      nc(num(`${base}.shortfallProbability.estimate`, it.shortfallProbability.estimate, pct(it.shortfallProbability.estimate))),
      sf(it.shortfall.mean, 'mean'),
      sf(it.shortfall.p90, 'p90'),
    ]);
    it.tiers.forEach((t, j) => {
      const tn = T(`${TIER_NAME[t.tier].zh}（${t.warehouses}）`, `${TIER_NAME[t.tier].en} (${t.warehouses})`);
      cats.push(`${it.name[lang]} · ${TIER_NAME[t.tier][lang]}`);
      values.push(t.stockoutProbability.estimate);
      ci.push(t.stockoutProbability.ci95);
      colours.push(TIER_COLOUR[t.tier]!);
      labels.push(pct(t.stockoutProbability.estimate));
      const tp = `${base}.tiers.${j}`;
      rows.push([
        '',
        esc(tn),
        nc(''),
        ...prob(`${tp}.stockoutProbability`, t.stockoutProbability),
        ...hq(`${tp}.hoursToStockout`, t.hoursToStockout, ['p50', 'p90', 'p99']),
        nc(''),
        nc(''),
        nc(''),
      ]);
    });
  });
  const tiersUsed = ['all', ...new Set(m.reserves.items.flatMap((it) => it.tiers.map((t) => t.tier)))];
  out.push(
    `<section id="reserves">`,
    `<h2>${esc(T('物资断货概率（按物资与储备层级）', 'Stock-out probability by item and tier'))}</h2>`,
    `<p class="note">${esc(
      T(
        '断货：该层级某个储备库的该物资耗尽；缺口：有需求而无可达库存可供。条形为估计值，须线为 95% 置信区间。',
        'Stock-out: a store of the item at that tier ran empty; shortfall: need that no reachable store could meet. Bars are estimates, whiskers 95% intervals.',
      ),
    )}</p>`,
    chart(
      probabilityBars({
        categories: cats,
        values,
        ci,
        colours,
        labels,
        horizontal: true,
        valueName: T('断货概率', 'P(stock-out)'),
        legend: tiersUsed.map((t) => ({ name: t === 'all' ? allName : TIER_NAME[t as keyof typeof TIER_NAME][lang], colour: TIER_COLOUR[t]! })),
      }),
      T('各物资及储备层级的断货概率（95% 置信区间）', 'Stock-out probability per item and tier (95% intervals)'),
    ),
    table(
      [
        esc(T('物资', 'item')),
        esc(T('层级（库数）', 'tier (stores)')),
        esc(T('初始库存', 'initial stock')),
        ...probHead.map((h) => esc(`${T('断货', 'stock-out')} ${h}`)),
        esc(T('断货时刻 P50（h，条件：仅断货试验）', 'stock-out at P50 (h, conditional: trials that ran out)')),
        esc(T('条件 P90', 'conditional P90')),
        esc(T('条件 P99', 'conditional P99')),
        esc(T('缺口概率', 'P(shortfall)')),
        esc(T('缺口均值', 'mean shortfall')),
        esc(T('缺口 P90', 'shortfall P90')),
      ],
      rows,
    ),
    `</section>`,
  );
  return out;
}

/** Each item's total stock over time as a P10–P50–P90 fan. */
export function stockSection(c: ReportContext): string[] {
  const { m, lang, T, chart } = c;
  const out: string[] = [];
  out.push(
    `<section id="stock">`,
    `<h2>${esc(T('库存变化扇形图（P10–P50–P90）', 'Stock over time (P10–P50–P90 fan)'))}</h2>`,
    `<p class="note">${esc(
      T(
        '各物资全部储备库的总库存（含补货）在每个整点的第 10、50、90 百分位数；阴影为 P10–P90 区间。',
        "Each item's total stock over all stores (resupply included) at every whole hour: 10th, 50th and 90th percentiles; the shaded band is P10–P90.",
      ),
    )}</p>`,
  );
  for (const it of m.reserves.items) {
    out.push(`<h3>${esc(it.name[lang])}</h3>`);
    if (it.stockFan.p50.length === 0) {
      out.push(`<p class="note">${esc(T('无初始库存，无扇形图。', 'No initial stock; no fan.'))}</p>`);
      continue;
    }
    out.push(
      chart(
        fanChart({
          ...it.stockFan,
          initialStock: it.initialStock,
          names: {
            p10: 'P10',
            band: T('P10–P90 区间', 'P10–P90 band'),
            p50: T('P50 中位数', 'P50 median'),
            initial: T(`初始 ${it.initialStock}`, `initial ${it.initialStock}`),
          },
          xName: T('时间（小时）', 'time (hours)'),
          yName: T(`库存（${it.unit.zh}）`, `stock (${it.unit.en})`),
        }),
        T(`${it.name.zh}：总库存随时间变化（P10/P50/P90）`, `${it.name.en}: total stock over time (P10/P50/P90)`),
      ),
    );
  }
  out.push(`</section>`);
  return out;
}
