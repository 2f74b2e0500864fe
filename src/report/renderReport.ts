import type { Lang } from '../../engine/index.ts';
import type { HoursQuantiles, McSummary, McSweep, Proportion } from '../../engine/montecarlo/index.ts';
import { exceedanceChart, fanChart, probabilityBars, tornadoChart } from './chartOptions.ts';
import { esc, nc, num, table } from './html.ts';
import { headlineLabel, hoursText, LEVEL_COLOUR, LEVEL_NAME, pct, SHORTFALL_UNIT, TIER_NAME, type Text } from './labels.ts';
import { REPORT_CSS } from './reportCss.ts';
import { renderSvgChart, type ChartOption } from './svgChart.ts';

export interface ReportInput {
  summary: McSummary;
  /** the scenario's name, as in the file */
  scenarioName: Text;
  /** the scenario file's name (no folders), for the manifest */
  scenarioFile?: string;
  lang: Lang;
  /** a sweep over this summary's scenario: adds the sensitivity tornado */
  sweep?: McSweep;
}

/** Bar colours per warehouse tier; "all" is the darkest. */
const TIER_COLOUR: Record<string, string> = { all: '#1d3f7a', county: '#3b6fb6', township: '#6e9bd6', village: '#9fc0e8', agreement: '#8c7bb8' };

/**
 * The Monte Carlo report as one self-contained HTML page: inline CSS, charts as inline SVG
 * rendered here with ECharts, no script and no external resource, A4-printable; Chinese by
 * default, English with lang 'en'. Every number in a table carries its JSON path and exact
 * value (see `num`). Pure apart from ECharts' rendering: the same input gives the same bytes.
 */
export function renderReport(input: ReportInput): string {
  const { summary: m, lang } = input;
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const H = m.horizonHours;
  let charts = 0;
  const chart = (c: { option: ChartOption; height: number }, caption: string): string => {
    const svg = renderSvgChart(c.option, { height: c.height, lang, idPrefix: `yl${charts++}`, label: caption });
    return `<figure>\n${svg}\n<figcaption>${esc(caption)}</figcaption>\n</figure>`;
  };
  const prob = (path: string, p: Proportion | null): string[] => [
    nc(num(`${path}.estimate`, p?.estimate, pct(p?.estimate))),
    nc(
      p?.ci95
        ? `${num(`${path}.ci95.0`, p.ci95[0], pct(p.ci95[0]))} – ${num(`${path}.ci95.1`, p.ci95[1], pct(p.ci95[1]))}`
        : '—',
    ),
    nc(num(`${path}.se`, p?.se, pct(p?.se))),
  ];
  const hq = (path: string, q: HoursQuantiles | null, keys: ('p50' | 'p90' | 'p99')[]): string[] =>
    keys.map((k) => nc(q ? num(`${path}.${k}`, q[k], hoursText(q[k], H, q.n)) : '—'));
  const probHead = [T('估计值', 'estimate'), T('95% 置信区间', '95% interval'), T('标准误', 'SE')];
  const name = input.scenarioName[lang];
  const out: string[] = [];

  // header
  out.push(
    `<header>`,
    `<h1>${esc(T('蒙特卡洛模拟报告', 'Monte Carlo report'))}</h1>`,
    `<p class="subtitle">${esc(name)}${zh ? '（' : ' ('}${esc(m.scenario.id)}${zh ? '）' : ')'}</p>`,
    `<p class="facts">${esc(
      T(
        `试验 ${m.trials} 次 · 主种子 ${m.seed} · 时域 ${H} 小时 · 引擎 ${m.engineVersion}`,
        `${m.trials} trials · master seed ${m.seed} · horizon ${H} h · engine ${m.engineVersion}`,
      ),
    )}</p>`,
  );
  if (m.partial)
    out.push(
      `<p class="banner">${esc(
        T(
          `运行被中断：结果只含前 ${m.trials} 次试验（共请求 ${m.trialsRequested} 次），标记为 partial。`,
          `Interrupted: the results cover the first ${m.trials} of ${m.trialsRequested} trials requested, marked partial.`,
        ),
      )}</p>`,
    );
  out.push(
    `<p class="note">${esc(
      T(
        '概率均附 Wilson 95% 置信区间与标准误；时长分位数为 P50/P90/P99（小时），“>' + H + '”表示落在时域之外。',
        `Every probability has its Wilson 95% interval and standard error; durations are P50/P90/P99 in hours, ">${H}" means beyond the horizon.`,
      ),
    )}</p>`,
    `</header>`,
  );

  // impact overview
  {
    const i = m.impact;
    const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));
    const f0 = (x: number | null) => (x === null ? '—' : x.toFixed(0));
    const rows: string[][] = [
      [esc(T('失稳隐患点（处，均值）', 'hazard sites failed (mean)')), nc(num('impact.meanFailedSites', i.meanFailedSites, f1(i.meanFailedSites))), nc('—'), nc('—')],
      [
        esc(T('受灾人数', 'people affected')),
        nc(num('impact.affectedPeople.mean', i.affectedPeople.mean, f1(i.affectedPeople.mean))),
        nc(num('impact.affectedPeople.p50', i.affectedPeople.p50, f0(i.affectedPeople.p50))),
        nc(num('impact.affectedPeople.p90', i.affectedPeople.p90, f0(i.affectedPeople.p90))),
      ],
      [
        esc(T('死亡失踪人数', 'dead or missing')),
        nc(num('impact.deadMissing.mean', i.deadMissing.mean, f1(i.deadMissing.mean))),
        nc(num('impact.deadMissing.p50', i.deadMissing.p50, f0(i.deadMissing.p50))),
        nc(num('impact.deadMissing.p90', i.deadMissing.p90, f0(i.deadMissing.p90))),
      ],
      [esc(T('道路中断（次，均值）', 'road cuts (mean)')), nc(num('impact.meanRoadCuts', i.meanRoadCuts, f1(i.meanRoadCuts))), nc('—'), nc('—')],
      [esc(T('其中干线', 'of which trunk')), nc(num('impact.meanTrunkCuts', i.meanTrunkCuts, f1(i.meanTrunkCuts))), nc('—'), nc('—')],
      [esc(T('物资配送（次，均值）', 'deliveries (mean)')), nc(num('impact.meanDeliveries', i.meanDeliveries, f1(i.meanDeliveries))), nc('—'), nc('—')],
    ];
    out.push(
      `<section id="impact">`,
      `<h2>${esc(T('灾情概要', 'Impact overview'))}</h2>`,
      table([esc(T('指标', 'measure')), esc(T('均值', 'mean')), 'P50', 'P90'], rows),
      `</section>`,
    );
  }

  // forest fires (only for a fire-season scenario)
  if (m.fire) {
    const f = m.fire;
    const n = (x: number | null, d: number) => (x === null ? '—' : x.toFixed(d));
    const figures: string[][] = [
      [esc(T('每季火灾（起）', 'fires per season')), nc(num('fire.firesPerSeason.mean', f.firesPerSeason.mean, n(f.firesPerSeason.mean, 2))), nc(num('fire.firesPerSeason.p50', f.firesPerSeason.p50, n(f.firesPerSeason.p50, 0))), nc(num('fire.firesPerSeason.p90', f.firesPerSeason.p90, n(f.firesPerSeason.p90, 0)))],
      [esc(T('每季过火面积（公顷）', 'burned per season (ha)')), nc(num('fire.burnedHa.mean', f.burnedHa.mean, n(f.burnedHa.mean, 1))), nc(num('fire.burnedHa.p50', f.burnedHa.p50, n(f.burnedHa.p50, 1))), nc(num('fire.burnedHa.p90', f.burnedHa.p90, n(f.burnedHa.p90, 1)))],
      [esc(T('每季转移群众（人）', 'people evacuated per season')), nc(num('fire.meanPeopleEvacuated', f.meanPeopleEvacuated, n(f.meanPeopleEvacuated, 1))), nc('—'), nc('—')],
    ];
    const probs: string[][] = [
      [esc(T('24小时扑灭率（目标 ≥ 95%）', 'share of fires out within 24 h (target ≥ 95%)')), ...prob('fire.shareOutWithin24h', f.shareOutWithin24h)],
      [esc(T('全季火灾均在24小时内扑灭', 'every fire of the season out within 24 h')), ...prob('fire.allOutWithin24hProbability', f.allOutWithin24hProbability)],
      [esc(T('首攻控制率', 'initial-attack success')), ...prob('fire.initialAttackSuccess', f.initialAttackSuccess)],
      ...f.largestGrade.map((g, k) => [esc(T(`最大火灾等级：${g.grade === 'none' ? '无火灾' : g.grade}`, `largest fire: ${g.grade === 'none' ? 'no fire' : g.grade}`)), ...prob(`fire.largestGrade.${k}.probability`, g.probability)]),
    ];
    out.push(
      `<section id="fire">`,
      `<h2>${esc(T('森林火灾', 'Forest fires'))}</h2>`,
      table([esc(T('指标', 'measure')), esc(T('均值', 'mean')), 'P50', 'P90'], figures),
      table([esc(T('概率', 'probability')), ...probHead.map(esc)], probs),
      `</section>`,
    );
  }

  // reserves
  {
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
          esc(T('断货时刻 P50（h）', 'stock-out at P50 (h)')),
          'P90',
          'P99',
          esc(T('缺口概率', 'P(shortfall)')),
          esc(T('缺口均值', 'mean shortfall')),
          esc(T('缺口 P90', 'shortfall P90')),
        ],
        rows,
      ),
      `</section>`,
    );
  }

  // targets and exceedance curves
  {
    const rows = m.targets.map((t, k) => [
      `<th scope="row">${esc(t.name[lang])}</th>`,
      nc(num(`targets.${k}.hours`, t.hours, String(t.hours))),
      nc(num(`targets.${k}.applied`, t.applied, String(t.applied))),
      ...prob(`targets.${k}.metProbability`, t.metProbability),
      ...hq(`targets.${k}.achievedHours`, t.achievedHours, ['p50', 'p90', 'p99']),
    ]);
    out.push(
      `<section id="targets">`,
      `<h2>${esc(T('规划目标：达成概率与超时概率曲线', 'Targets: attainment and exceedance curves'))}</h2>`,
      `<p class="note">${esc(
        T(
          '曲线为 P(用时 > t)：在目标适用的试验中，最慢一例的用时超过 t 小时的概率；红色虚线为目标时限。',
          'Each curve is P(hours > t): over the trials the target applied to, the chance that its slowest case took longer than t hours; the red dashed line is the target.',
        ),
      )}</p>`,
    );
    if (m.targets.length > 0)
      out.push(
        table(
          [
            esc(T('目标', 'target')),
            esc(T('时限（h）', 'limit (h)')),
            esc(T('适用次数', 'applied')),
            ...probHead.map((h) => esc(`${T('达成', 'met')} ${h}`)),
            esc(T('实际用时 P50（h）', 'achieved P50 (h)')),
            'P90',
            'P99',
          ],
          rows,
        ),
      );
    for (const t of m.targets) {
      out.push(`<h3>${esc(t.name[lang])}</h3>`);
      if (t.applied === 0 || t.exceedance.length === 0) {
        out.push(`<p class="note">${esc(T('没有试验适用此目标，无曲线。', 'No trial applied to this target; no curve.'))}</p>`);
        continue;
      }
      const late = t.metProbability.estimate === null ? null : 1 - t.metProbability.estimate;
      out.push(
        chart(
          exceedanceChart({
            hours: t.exceedance.map((_, i) => Math.round(i * m.curveStepHours * 1e6) / 1e6),
            exceedance: t.exceedance,
            targetHours: t.hours,
            horizonHours: H,
            targetLabel: T(`目标 ${t.hours} h：超时 ${pct(late)}`, `target ${t.hours} h: late ${pct(late)}`),
            xName: T('用时 t（小时）', 't (hours)'),
            yName: T('P(用时 > t)', 'P(hours > t)'),
          }),
          T(`${t.name.zh}：超时概率曲线 P(用时 > t)`, `${t.name.en}: exceedance P(hours > t)`),
        ),
      );
    }
    out.push(`</section>`);
  }

  // stock fans
  {
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
  }

  // response levels
  {
    const lv = m.responseLevels;
    const rows = lv.map((l, k) => [
      `<th scope="row"><span class="swatch" style="background:${LEVEL_COLOUR[l.level]}"></span>${esc(LEVEL_NAME[l.level][lang])}</th>`,
      ...prob(`responseLevels.${k}.highestProbability`, l.highestProbability),
      ...hq(`responseLevels.${k}.hoursToReach`, l.hoursToReach, ['p50', 'p90']),
      nc(l.atLeastProbability ? num(`responseLevels.${k}.atLeastProbability.estimate`, l.atLeastProbability.estimate, pct(l.atLeastProbability.estimate)) : '—'),
    ]);
    out.push(
      `<section id="levels">`,
      `<h2>${esc(T('应急响应最高级别分布', 'Highest response level reached'))}</h2>`,
      `<p class="note">${esc(T('颜色按国家惯例：Ⅰ级红、Ⅱ级橙、Ⅲ级黄、Ⅳ级蓝。', 'Colours follow Chinese practice: Level I red, II orange, III yellow, IV blue.'))}</p>`,
      chart(
        probabilityBars({
          categories: lv.map((l) => LEVEL_NAME[l.level][lang]),
          values: lv.map((l) => l.highestProbability.estimate),
          ci: lv.map((l) => l.highestProbability.ci95),
          colours: lv.map((l) => LEVEL_COLOUR[l.level]),
          labels: lv.map((l) => pct(l.highestProbability.estimate)),
          horizontal: false,
          valueName: T('为最高级别的概率', 'P(highest level)'),
        }),
        T('应急响应最高级别的概率分布（95% 置信区间）', 'Distribution of the highest response level (95% intervals)'),
      ),
      table(
        [
          esc(T('级别', 'level')),
          ...probHead.map((h) => esc(`${T('为最高级别', 'highest')} ${h}`)),
          esc(T('达到时刻 P50（h）', 'reached at P50 (h)')),
          'P90',
          esc(T('达到该级或更高', 'P(this level or higher)')),
        ],
        rows,
      ),
      `</section>`,
    );
  }

  // trunk roads
  {
    const links = m.roads.trunkLinks.map((l, k) => ({ l, k }));
    const cut = links.filter(({ l }) => l.episodes > 0).sort((a, b) => (b.l.cutProbability.estimate ?? 0) - (a.l.cutProbability.estimate ?? 0) || a.k - b.k);
    const linkName = (l: (typeof links)[number]['l']) => (l.name ? T(`${l.name.zh}（${l.link}）`, `${l.name.en} (${l.link})`) : l.link);
    out.push(
      `<section id="roads">`,
      `<h2>${esc(T('干线公路中断频率', 'Trunk road cut frequency'))}</h2>`,
      `<p class="note">${esc(
        T(
          `${m.roads.trunkLinks.length} 条干线中 ${cut.length} 条曾中断；图中只画曾中断的路段，表中列出全部干线。`,
          `${cut.length} of ${m.roads.trunkLinks.length} trunk links were ever cut; the chart shows those, the table lists every trunk link.`,
        ),
      )}</p>`,
    );
    if (cut.length > 0)
      out.push(
        chart(
          probabilityBars({
            categories: cut.map(({ l }) => linkName(l)),
            values: cut.map(({ l }) => l.cutProbability.estimate),
            ci: cut.map(({ l }) => l.cutProbability.ci95),
            colours: cut.map(() => '#8c5a2b'),
            labels: cut.map(({ l }) => pct(l.cutProbability.estimate)),
            horizontal: true,
            valueName: T('中断概率', 'P(cut)'),
          }),
          T('各干线路段至少中断一次的概率（95% 置信区间）', 'Probability that each trunk link was cut at least once (95% intervals)'),
        ),
      );
    const order = [...cut, ...links.filter(({ l }) => l.episodes === 0)];
    out.push(
      table(
        [
          esc(T('路段', 'link')),
          ...probHead.map((h) => esc(`${T('中断', 'cut')} ${h}`)),
          esc(T('中断次数', 'cuts')),
          esc(T('恢复用时 P50（h）', 'reopened after P50 (h)')),
          'P90',
        ],
        order.map(({ l, k }) => [
          `<th scope="row">${esc(linkName(l))}</th>`,
          ...prob(`roads.trunkLinks.${k}.cutProbability`, l.cutProbability),
          nc(num(`roads.trunkLinks.${k}.episodes`, l.episodes, String(l.episodes))),
          ...hq(`roads.trunkLinks.${k}.reopenHours`, l.reopenHours, ['p50', 'p90']),
        ]),
      ),
      `</section>`,
    );
  }

  // sensitivity
  out.push(`<section id="sensitivity">`, `<h2>${esc(T('敏感性分析（龙卷风图）', 'Sensitivity (tornado)'))}</h2>`);
  if (!input.sweep)
    out.push(
      `<p class="note">${esc(
        T(
          '本次运行未做参数扫描。用 yanlian sweep 场景文件 --set 路径=值1,值2 … --report 报告.html 生成含龙卷风图的报告。',
          'No parameter sweep in this run. Use yanlian sweep FILE --set path=v1,v2 … --report OUT.html for a report with the tornado.',
        ),
      )}</p>`,
    );
  else out.push(...sensitivity(input.sweep, m, lang, chart));
  out.push(`</section>`);

  // manifest
  {
    const methods = m.methods;
    const yes = T('是', 'yes');
    const no = T('否', 'no');
    const stopped: Record<string, Text> = {
      trials: { zh: '完成全部试验', en: 'all trials done' },
      untilSe: { zh: '达到精度（--until-se）', en: 'precision reached (--until-se)' },
      interrupted: { zh: '被中断', en: 'interrupted' },
    };
    const rows: [string, string][] = [
      [T('场景', 'scenario'), esc(name)],
      [T('场景编号', 'scenario id'), `<code>${esc(m.scenario.id)}</code>`],
      ...(input.scenarioFile ? [[T('场景文件', 'scenario file'), `<code>${esc(input.scenarioFile)}</code>`] as [string, string]] : []),
      [T('场景 SHA-256', 'scenario SHA-256'), `<code>${esc(m.scenario.sha256)}</code>`],
      [T('引擎版本', 'engine version'), `<code>${esc(m.engineVersion)}</code>`],
      [T('主种子', 'master seed'), `${num('seed', m.seed, String(m.seed))}${m.seedInput !== undefined ? ` (--seed ${esc(JSON.stringify(m.seedInput))})` : ''}`],
      [T('试验次数', 'trials'), `${num('trials', m.trials, String(m.trials))} / ${num('trialsRequested', m.trialsRequested, String(m.trialsRequested))} ${esc(T('（完成 / 请求）', '(done / requested)'))}`],
      [T('不完整（partial）', 'partial'), `${m.partial ? yes : no} (partial: ${m.partial})`],
      [T('停止原因', 'stopped by'), esc(stopped[m.stoppedBy]?.[lang] ?? m.stoppedBy)],
      [T('精度目标', 'precision target'), m.untilSe ? esc(`--until-se ${m.untilSe.se} (chunk ${m.untilSe.chunkSize})`) : '—'],
      [T('时域', 'horizon'), esc(`${H} h`)],
      [T('曲线步长', 'curve step'), esc(`${m.curveStepHours} h`)],
      [T('试验种子', 'trial seeds'), esc(T("第 i 次试验（从 0 起）的种子为 deriveSeed(主种子, 'trial', i)；yanlian run 场景 --seed <该种子> 可单独重现", methods.trialSeed ?? ''))],
      [
        T('分位数定义', 'quantile definition'),
        esc(
          T(
            'R 第 7 类 / numpy "linear"（索引 (n−1)·p，线性插值，同 simple-statistics ≥ 7.8.9），基于直方图分箱中点；与原始值相差不超过半个分箱：时长 0.5 分钟，库存 0.25% 初始库存，人数与缺口 1%',
            `${methods.quantiles ?? ''}; ${methods.quantileError ?? ''}`,
          ),
        ),
      ],
      [T('置信区间', 'intervals'), esc(T('Wilson 得分 95% 区间（z = 1.959964）；标准误 sqrt(p(1−p)/n)', `${methods.interval ?? ''}; SE ${methods.se ?? ''}`))],
      [T('汇总格式', 'summary format'), `<code>${esc(`${m.format} v${m.formatVersion}`)}</code>`],
    ];
    out.push(
      `<section id="manifest">`,
      `<h2>${esc(T('运行清单', 'Run manifest'))}</h2>`,
      `<dl class="manifest">\n${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`,
      `<p class="note">${esc(
        T(
          '同一场景文件（SHA-256 相同）、引擎版本、主种子和试验次数给出逐位相同的结果，与工作线程数和分块无关。',
          'The same scenario file (same SHA-256), engine version, master seed and trial count give bit-identical results, whatever the worker count or chunking.',
        ),
      )}</p>`,
      `</section>`,
    );
  }

  const title = `${T('蒙特卡洛模拟报告', 'Monte Carlo report')} — ${name}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${zh ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="yanlian ${esc(m.engineVersion)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...out,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The tornado section: the swept parameters, then one tornado chart and table per headline estimate. */
function sensitivity(
  sw: McSweep,
  base: McSummary,
  lang: Lang,
  chart: (c: { option: ChartOption; height: number }, caption: string) => string,
): string[] {
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const valueText = (v: string | null) => (v === null ? T('基准', 'base') : v);
  const out: string[] = [
    `<p class="note">${esc(
      T(
        `每个参数单独改变、其余保持基准；所有运行使用同一主种子 ${sw.seed} 和 ${sw.trials} 次试验（公共随机数），差异只来自参数。波动幅度 = 基准与该参数各取值下估计值的最大值 − 最小值。`,
        `Each parameter is changed alone, the rest kept at base; every run uses the same master seed ${sw.seed} and ${sw.trials} trials (common random numbers), so differences come from the parameter alone. Swing = max − min of the estimate over the base and the parameter's values.`,
      ),
    )}</p>`,
    table(
      [esc(T('参数（路径）', 'parameter (path)')), esc(T('取值', 'values')), esc(T('改动的字段数', 'fields changed'))],
      sw.parameters.map((p) => [
        `<th scope="row"><code>${esc(p.path)}</code></th>`,
        esc(p.runs.map((r) => r.value).join(', ')),
        nc(esc(p.runs.map((r) => r.changes.length).join(', '))),
      ]),
    ),
  ];
  sw.tornado.forEach((e, k) => {
    const label = headlineLabel(base, e.key, lang);
    out.push(`<h3>${esc(label)}${esc(T(`（基准 ${pct(e.base)}）`, ` (base ${pct(e.base)})`))}</h3>`);
    if (e.bars.every((b) => b.swing === 0)) {
      out.push(`<p class="note">${esc(T('各参数均未改变此估计值（波动幅度为 0）。', 'No parameter changed this estimate (every swing is 0).'))}</p>`);
    } else {
      out.push(
        chart(
          tornadoChart({
            params: e.bars.map((b) => b.path),
            low: e.bars.map((b) => b.low?.estimate ?? null),
            high: e.bars.map((b) => b.high?.estimate ?? null),
            lowLabel: e.bars.map((b) => (b.low ? valueText(b.low.value) : '')),
            highLabel: e.bars.map((b) => (b.high ? valueText(b.high.value) : '')),
            base: e.base,
            baseLabel: T(`基准 ${pct(e.base)}`, `base ${pct(e.base)}`),
            xName: label,
          }),
          T(`龙卷风图：${label}`, `Tornado: ${label}`),
        ),
      );
    }
    out.push(
      table(
        [
          esc(T('排序', 'rank')),
          esc(T('参数', 'parameter')),
          esc(T('最低（取值）', 'lowest (at)')),
          esc(T('最高（取值）', 'highest (at)')),
          esc(T('波动幅度（百分点）', 'swing (points)')),
          esc(T('各取值下的估计值', 'estimate at each value')),
        ],
        e.bars.map((b, j) => {
          const p = `tornado.${k}.bars.${j}`;
          return [
            nc(String(j + 1)),
            `<code>${esc(b.path)}</code>`,
            nc(b.low ? `${num(`${p}.low.estimate`, b.low.estimate, pct(b.low.estimate), 'data-sweep')} (${esc(valueText(b.low.value))})` : '—'),
            nc(b.high ? `${num(`${p}.high.estimate`, b.high.estimate, pct(b.high.estimate), 'data-sweep')} (${esc(valueText(b.high.value))})` : '—'),
            nc(num(`${p}.swing`, b.swing, (b.swing * 100).toFixed(1), 'data-sweep')),
            b.estimates.map((x, i) => `${esc(x.value)}: ${num(`${p}.estimates.${i}.estimate`, x.estimate, pct(x.estimate), 'data-sweep')}`).join('；'),
          ];
        }),
      ),
    );
  });
  return out;
}
