import type { ChartSpec } from '../kit/kitContext.ts';
import { esc, nc, num, table } from '../html.ts';
import { pct, TIER_NAME } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';
import { CHART_FONT } from '../svgChart.ts';

/** Line colours per warehouse tier (as the stock-out bars). */
const TIER_COLOUR: Record<string, string> = { county: '#3b6fb6', township: '#6e9bd6', village: '#1b9e77', agreement: '#8c7bb8' };

/** P(stock remains at t) for each tier of one item, on the summary's curve grid. */
function survivalChart(hours: number[], lines: { name: string; colour: string; values: number[] }[], horizon: number, xName: string, yName: string): ChartSpec {
  return {
    height: 260,
    option: {
      grid: { left: 62, right: 24, top: 34, bottom: 44 },
      legend: { top: 4, textStyle: { fontFamily: CHART_FONT } },
      xAxis: { type: 'value', min: 0, max: horizon, name: xName, nameLocation: 'middle', nameGap: 26, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: yName,
        nameLocation: 'middle',
        nameGap: 46,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: lines.map((l) => ({
        type: 'line',
        name: l.name,
        showSymbol: false,
        step: 'end',
        lineStyle: { width: 2, color: l.colour },
        itemStyle: { color: l.colour },
        data: hours.map((h, i) => [h, l.values[i]]),
      })),
    },
  };
}

/**
 * Stock survival per item and warehouse tier (issue 13): the unconditional curve P(every store
 * of the tier still holds the item at hour t) over all trials, and the stock-out hours two ways —
 * conditional (over the trials that ran out, as the reserves table) and over all trials (a trial
 * that never ran out counting as after the horizon).
 */
export function survivalSection(c: ReportContext): string[] {
  const { m, lang, T, chart, H, hq } = c;
  const items = m.reserves.items.filter((it) => it.tiers.length > 0);
  if (items.length === 0 || m.trials === 0) return [];
  const hours = (items[0]!.tiers[0]!.survivalByHour ?? []).map((_, i) => Math.round(i * m.curveStepHours * 1e6) / 1e6);
  const out: string[] = [
    `<section id="survival">`,
    `<h2>${esc(T('库存存续曲线（按储备层级）', 'Stock survival by tier'))}</h2>`,
    `<p class="note">${esc(
      T(
        '曲线为全部试验中该层级每个储备库在 t 时仍有该物资的概率（无条件）。断货时刻分两种：“条件”分位数只统计发生断货的试验；“全部试验”分位数把未断货的试验计为晚于模拟时长（“>H”）。',
        'Each curve is P(every store of the tier still holds the item at hour t) over all trials (unconditional). Stock-out hours two ways: the conditional percentiles count only the trials that ran out; the all-trials percentiles count a trial that never ran out as after the horizon (">H").',
      ),
    )}</p>`,
  ];
  const rows: string[][] = [];
  items.forEach((it) => {
    const k = m.reserves.items.indexOf(it);
    out.push(
      `<h3>${esc(it.name[lang])}</h3>`,
      chart(
        survivalChart(
          hours,
          it.tiers.map((t) => ({ name: TIER_NAME[t.tier][lang], colour: TIER_COLOUR[t.tier]!, values: t.survivalByHour })),
          H,
          T('时间（小时）', 'time (hours)'),
          T('仍有库存的概率', 'P(stock remains)'),
        ),
        T(`${it.name.zh}：各层级库存存续概率`, `${it.name.en}: P(stock remains) per tier`),
      ),
    );
    it.tiers.forEach((t, j) => {
      const base = `reserves.items.${k}.tiers.${j}`;
      const u = t.hoursToStockoutUnconditional;
      const uh = (key: 'p50' | 'p90') => nc(num(`${base}.hoursToStockoutUnconditional.${key}`, u[key], u[key] === null ? `>${H}` : u[key]!.toFixed(1)));
      const last = t.survivalByHour.at(-1) ?? null;
      rows.push([
        `<th scope="row">${esc(it.name[lang])}</th>`,
        esc(TIER_NAME[t.tier][lang]),
        nc(num(`${base}.survivalByHour.${t.survivalByHour.length - 1}`, last, pct(last))),
        ...hq(`${base}.hoursToStockout`, t.hoursToStockout, ['p50', 'p90']),
        uh('p50'),
        uh('p90'),
      ]);
    });
  });
  out.push(
    table(
      [
        esc(T('物资', 'item')),
        esc(T('层级', 'tier')),
        esc(T(`至 ${H} h 仍有库存`, `stock remains at ${H} h`)),
        esc(T('断货时刻 P50（h，条件：仅断货试验）', 'stock-out at P50 (h, conditional: trials that ran out)')),
        esc(T('条件 P90', 'conditional P90')),
        esc(T('断货时刻 P50（h，全部试验）', 'stock-out at P50 (h, all trials)')),
        esc(T('全部试验 P90', 'all-trials P90')),
      ],
      rows,
    ),
    `</section>`,
  );
  return out;
}
