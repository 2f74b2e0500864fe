import Table from 'cli-table3';
import type { Lang, Scenario } from '../../engine/index.ts';
import type { HoursQuantiles, McSummary, Proportion, UnconditionalHours } from '../../engine/montecarlo/index.ts';

type Text = { zh: string; en: string };

const tierName: Record<string, Text> = {
  county: { zh: '县级库', en: 'county' },
  township: { zh: '乡镇库', en: 'township' },
  village: { zh: '村储备点', en: 'village' },
  agreement: { zh: '协议代储', en: 'agreement' },
};
const levelName: Record<string, Text> = {
  none: { zh: '未启动', en: 'none' },
  IV: { zh: 'Ⅳ级', en: 'Level IV' },
  III: { zh: 'Ⅲ级', en: 'Level III' },
  II: { zh: 'Ⅱ级', en: 'Level II' },
  I: { zh: 'Ⅰ级', en: 'Level I' },
};
const shortfallUnit: Record<string, Text> = {
  personDays: { zh: '人·天', en: 'person-days' },
  people: { zh: '人', en: 'people' },
  units: { zh: '单位', en: 'units' },
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** "32.0% (20.8–45.8%)", or "—" with nothing to estimate from. */
function prob(p: Proportion | null): string {
  if (!p || p.estimate === null || !p.ci95) return '—';
  return `${pct(p.estimate)} (${(p.ci95[0] * 100).toFixed(1)}–${pct(p.ci95[1])})`;
}
const se = (p: Proportion | null) => (p && p.se !== null ? pct(p.se) : '—');

/** "13.3 / 22.6 / 28.1" for p50 / p90 (/ p99); a quantile past the horizon shows as ">72". */
function hours(q: HoursQuantiles | null, horizon: number): string {
  if (!q || q.n === 0) return '—';
  const one = (x: number | null | undefined) => (x === null || x === undefined ? `>${horizon}` : x.toFixed(1));
  const parts = [one(q.p50), one(q.p90)];
  if ('p99' in q) parts.push(one(q.p99));
  return parts.join(' / ');
}

/** Unconditional "P50 / P90" over all trials; a quantile past the horizon (not run out by then) shows as ">72". */
function hoursAll(q: UnconditionalHours, horizon: number): string {
  if (q.n === 0) return '—';
  return [q.p50, q.p90].map((x) => (x === null ? `>${horizon}` : x.toFixed(1))).join(' / ');
}

/** Up to four whole-day times on the curve grid (24 h, 48 h, …) plus the horizon, for the survival table. */
function survivalTimes(m: McSummary): number[] {
  const H = m.horizonHours;
  const step = m.curveStepHours;
  const days = Math.max(1, Math.floor(H / 24 / 4));
  const ts: number[] = [];
  for (let t = 24 * days; t < H && ts.length < 3; t += 24 * days) ts.push(t);
  if (ts.length === 0) for (const f of [0.25, 0.5, 0.75]) ts.push(Math.round((H * f) / step) * step);
  ts.push(Math.floor(H / step) * step);
  return ts;
}

const gradeLabel: Record<string, Text> = {
  none: { zh: '无火灾', en: 'no fire' },
  一般: { zh: '一般', en: 'ordinary (< 1 ha)' },
  较大: { zh: '较大', en: 'large (1–100 ha)' },
  重大: { zh: '重大', en: 'serious (100–1000 ha)' },
  特别重大: { zh: '特别重大', en: 'particularly serious (≥ 1000 ha)' },
};

/** The fire-season block of the summary (only for a fire-season scenario). Pure. */
function fireSummaryLines(f: NonNullable<McSummary['fire']>, lang: Lang): string[] {
  const zh = lang === 'zh';
  const n = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
  const out = [zh ? '森林火灾（森林防火条例第四十条分级；24小时扑灭率目标 ≥ 95%）' : 'Forest fires (grades: 森林防火条例 art. 40; national 24 h extinguishing target ≥ 95%)'];
  const t = table(zh ? ['指标', '数值'] : ['Figure', 'Value']);
  t.push([zh ? '每季火灾（均值 / P50 / P90）' : 'Fires per season (mean / P50 / P90)', `${n(f.firesPerSeason.mean, 2)} / ${n(f.firesPerSeason.p50, 0)} / ${n(f.firesPerSeason.p90, 0)}`]);
  t.push([zh ? '每季过火面积 公顷（均值 / P50 / P90 / P99）' : 'Burned per season, ha (mean / P50 / P90 / P99)', `${n(f.burnedHa.mean)} / ${n(f.burnedHa.p50)} / ${n(f.burnedHa.p90)} / ${n(f.burnedHa.p99)}`]);
  t.push([zh ? '24小时扑灭率（全部火灾）' : 'Share of fires out within 24 h', prob(f.shareOutWithin24h)]);
  t.push([zh ? '全季每起火灾均在24小时内扑灭的概率' : 'P(every fire of the season out within 24 h)', prob(f.allOutWithin24hProbability)]);
  t.push([zh ? '首攻控制率' : 'Initial-attack success', prob(f.initialAttackSuccess)]);
  t.push([zh ? '每季转移群众（均值）' : 'People evacuated per season (mean)', n(f.meanPeopleEvacuated)]);
  for (const g of f.largestGrade) t.push([zh ? `最大火灾为${gradeLabel[g.grade]!.zh}的概率` : `P(largest fire ${gradeLabel[g.grade]!.en})`, prob(g.probability)]);
  out.push(t.toString());
  return out;
}

function table(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [], compact: true } });
}

/**
 * The Monte Carlo summary as readable tables (cli-table3 aligns Chinese text): reserves by item
 * and tier, targets, response levels and the trunk roads that were cut. Pure.
 */
export function formatSummary(s: Scenario, m: McSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const H = m.horizonHours;
  const out: string[] = [];
  out.push(
    zh
      ? `场景：${s.name.zh}（${s.id}）  试验：${m.trials} 次  主种子：${m.seed}  引擎：${m.engineVersion}`
      : `Scenario: ${s.name.en} (${s.id})  trials: ${m.trials}  master seed: ${m.seed}  engine: ${m.engineVersion}`,
  );
  if (m.partial)
    out.push(zh ? `注意：运行被中断，结果只含前 ${m.trials} 次试验（partial）` : `Note: interrupted; the results cover the first ${m.trials} trials only (partial)`);
  if (m.stoppedBy === 'untilSe')
    out.push(
      zh
        ? `精度已达到（主要概率的标准误 ≤ ${m.untilSe?.se}），在 ${m.trials} 次后停止`
        : `Precision reached (headline standard errors ≤ ${m.untilSe?.se}); stopped after ${m.trials} trials`,
    );
  const imp = m.impact;
  const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  const f0 = (x: number | null) => (x === null ? '—' : x.toFixed(0));
  out.push(
    zh
      ? `平均灾情：失稳隐患点 ${f1(imp.meanFailedSites)} 处，受灾 ${f1(imp.affectedPeople.mean)} 人（P90 ${f0(imp.affectedPeople.p90)}），死亡失踪 ${f1(imp.deadMissing.mean)} 人，道路中断 ${f1(imp.meanRoadCuts)} 次（干线 ${f1(imp.meanTrunkCuts)}）`
      : `Mean impact: ${f1(imp.meanFailedSites)} sites failed, ${f1(imp.affectedPeople.mean)} people affected (P90 ${f0(imp.affectedPeople.p90)}), ${f1(imp.deadMissing.mean)} dead or missing, ${f1(imp.meanRoadCuts)} road cuts (${f1(imp.meanTrunkCuts)} trunk)`,
  );

  out.push(
    zh
      ? `平均紧急转移安置 ${f1(imp.meanRelocatedPeople)} 人；倒塌和严重损坏房屋 ${f1(imp.meanDamagedRooms)} 间（每户 3 人、3 间，假设）`
      : `Mean relocated (紧急转移安置): ${f1(imp.meanRelocatedPeople)} people; collapsed or badly damaged rooms: ${f1(imp.meanDamagedRooms)} (3 people and 3 rooms a household, assumed)`,
  );

  out.push('', zh ? '物资储备（断货 = 某库该物资耗尽；缺口 = 无可达库存可供的需求）' : 'Reserves (stock-out: a store ran empty; shortfall: need no reachable store could meet)');
  const res = table(
    zh
      ? ['物资', '层级', '断货概率（95%置信区间）', '标准误', '断货时刻 P50/P90/P99（h）\n条件：仅断货的试验', '断货时刻 P50/P90（h）\n全部试验', '缺口概率', '缺口均值', '缺口 P90']
      : ['Item', 'Tier', 'P(stock-out) (95% CI)', 'SE', 'Stock-out at P50/P90/P99 (h)\nconditional: trials that ran out', 'Stock-out at P50/P90 (h)\nall trials', 'P(shortfall)', 'Mean shortfall', 'Shortfall P90'],
  );
  for (const it of m.reserves.items) {
    const unit = it.shortfall.unit === 'units' ? it.unit[lang] : shortfallUnit[it.shortfall.unit]![lang];
    res.push([
      it.name[lang],
      zh ? '全部' : 'all',
      prob(it.stockoutProbability),
      se(it.stockoutProbability),
      hours(it.hoursToStockout, H),
      hoursAll(it.hoursToStockoutUnconditional, H),
      prob(it.shortfallProbability),
      it.shortfall.mean === null ? '—' : `${it.shortfall.mean.toFixed(1)} ${unit}`,
      it.shortfall.p90 === null ? '—' : `${it.shortfall.p90.toFixed(1)} ${unit}`,
    ]);
    for (const t of it.tiers)
      res.push([
        '',
        `${tierName[t.tier]![lang]}（${t.warehouses}）`,
        prob(t.stockoutProbability),
        se(t.stockoutProbability),
        hours(t.hoursToStockout, H),
        hoursAll(t.hoursToStockoutUnconditional, H),
        '',
        '',
        '',
      ]);
  }
  out.push(res.toString());

  const times = survivalTimes(m);
  const survived = m.reserves.items.flatMap((it) => it.tiers.map((t) => ({ it, t })));
  if (survived.length > 0 && m.trials > 0) {
    out.push(
      '',
      zh
        ? '库存存续概率（全部试验）：该层级每个储备库在 t 时仍有该物资的概率'
        : 'Stock survival (all trials): P(every store of the tier still holds the item at hour t)',
    );
    const sv = table([zh ? '物资' : 'Item', zh ? '层级' : 'Tier', ...times.map((t) => `t = ${t} h`)]);
    for (const { it, t } of survived)
      sv.push([it.name[lang], tierName[t.tier]![lang], ...times.map((x) => pct(t.survivalByHour[Math.round(x / m.curveStepHours)] ?? NaN))]);
    out.push(sv.toString());
  }

  if (m.targets.length > 0) {
    out.push('', zh ? '规划目标' : 'Targets');
    const tt = table(
      zh
        ? ['目标', '时限（h）', '适用次数', '达成概率（95%置信区间）', '标准误', '实际用时 P50/P90/P99（h）\n条件：适用的试验']
        : ['Target', 'Limit (h)', 'Applied', 'P(met) (95% CI)', 'SE', 'Achieved P50/P90/P99 (h)\nconditional: trials it applied to'],
    );
    for (const t of m.targets) tt.push([t.name[lang], t.hours, t.applied, prob(t.metProbability), se(t.metProbability), hours(t.achievedHours, H)]);
    out.push(tt.toString());
  }

  out.push('', zh ? '应急响应最高级别' : 'Highest response level');
  const rl = table(
    zh
      ? ['级别', '为最高级别的概率', '达到时刻 P50/P90（h）\n条件：该级别为最高级别的试验']
      : ['Level', 'P(highest)', 'Reached at P50/P90 (h)\nconditional: trials where it was the highest'],
  );
  for (const l of m.responseLevels) rl.push([levelName[l.level]![lang], prob(l.highestProbability), hours(l.hoursToReach, H)]);
  out.push(rl.toString());

  const cut = m.roads.trunkLinks.filter((l) => l.episodes > 0).sort((a, b) => (b.cutProbability.estimate ?? 0) - (a.cutProbability.estimate ?? 0));
  out.push('', zh ? `干线公路中断（${m.roads.trunkLinks.length} 条干线中 ${cut.length} 条曾中断）` : `Trunk road cuts (${cut.length} of ${m.roads.trunkLinks.length} trunk links were ever cut)`);
  if (cut.length > 0) {
    const rt = table(
      zh
        ? ['路段', '中断概率（95%置信区间）', '中断次数', '恢复用时 P50/P90（h）\n条件：每次中断']
        : ['Link', 'P(cut) (95% CI)', 'Cuts', 'Reopened after P50/P90 (h)\nconditional: per cut'],
    );
    for (const l of cut) rt.push([l.name ? `${l.name[lang]}（${l.link}）` : l.link, prob(l.cutProbability), l.episodes, hours(l.reopenHours, H)]);
    out.push(rt.toString());
  }
  if (m.fire) out.push('', ...fireSummaryLines(m.fire, lang));
  const step = m.bins.hours.kind === 'step' ? m.bins.hours.step : 1 / 60;
  if (Math.abs(step - 1 / 60) > 1e-12)
    out.push('', zh ? `时长分箱宽 ${Math.round(step * 60)} 分钟（长时段场景）` : `Hour bins are ${Math.round(step * 60)} minutes wide (long horizon)`);
  out.push(
    '',
    zh
      ? `分位数：R type 7（numpy linear），按 1 分钟分箱中点计算，误差不超过半个分箱；区间：Wilson 95%。最大标准误 ${m.headline.maxSe ?? '—'}`
      : `Quantiles: R type 7 (numpy linear) over 1-minute bin midpoints, within half a bin; intervals: Wilson 95%. Largest headline SE ${m.headline.maxSe ?? '—'}`,
  );
  return out.join('\n');
}
