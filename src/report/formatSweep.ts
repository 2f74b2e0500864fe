import Table from 'cli-table3';
import type { Lang } from '../../engine/index.ts';
import type { McSweep } from '../../engine/montecarlo/index.ts';
import { headlineLabel, headlineProportion, pctPoints, probWithCi, type Text } from './labels.ts';

function table(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [], compact: true } });
}

/**
 * A sweep as plain-text tables (cli-table3 aligns Chinese): the parameters, one comparison
 * table per headline estimate (every run against the base, with the difference in percentage
 * points), and the tornado table ranking the parameters by swing for each estimate. Pure.
 */
export function formatSweep(sw: McSweep, scenarioName: Text, lang: Lang): string {
  const zh = lang === 'zh';
  const T = (z: string, e: string) => (zh ? z : e);
  const base = sw.base;
  const out: string[] = [];
  out.push(
    T(
      `场景：${scenarioName.zh}（${sw.scenario.id}）  每次运行 ${sw.trials} 次试验  主种子：${sw.seed}（各次运行第 i 次试验的种子相同）  引擎：${sw.engineVersion}`,
      `Scenario: ${scenarioName.en} (${sw.scenario.id})  ${sw.trials} trials per run  master seed: ${sw.seed} (trial i has the same seed in every run)  engine: ${sw.engineVersion}`,
    ),
    '',
    T('扫描参数（每次只改一个，其余为基准）：', 'Parameters (one at a time, the rest at base):'),
  );
  sw.parameters.forEach((p, i) =>
    out.push(
      `  ${i + 1}. ${p.path} = ${p.runs.map((r) => r.value).join(', ')}${T(
        `（每个取值改动 ${p.runs.map((r) => r.changes.length).join('/')} 个字段）`,
        ` (fields changed per value: ${p.runs.map((r) => r.changes.length).join('/')})`,
      )}`,
    ),
  );

  for (const { key } of base.headline.estimates) {
    const bp = headlineProportion(base, key);
    out.push('', `${T('对比', 'Compare')}：${headlineLabel(base, key, lang)}`);
    const t = table([T('参数', 'Parameter'), T('取值', 'Value'), T('估计值（95%置信区间）', 'Estimate (95% CI)'), T('与基准差（百分点）', 'vs base (points)')]);
    t.push([T('基准', 'base'), '—', probWithCi(bp), '']);
    for (const p of sw.parameters)
      p.runs.forEach((r, j) => {
        const rp = headlineProportion(r.summary, key);
        const d = rp?.estimate != null && bp?.estimate != null ? Math.round((rp.estimate - bp.estimate) * 1e6) / 1e6 : null;
        t.push([j === 0 ? p.path : '', r.value, probWithCi(rp), pctPoints(d)]);
      });
    out.push(t.toString());
  }

  out.push(
    '',
    T(
      '龙卷风表：各主要估计值下按波动幅度（基准与各取值下估计值的最大值 − 最小值，百分点）排序的参数',
      'Tornado: for each headline estimate, the parameters ranked by swing (max − min of the estimate over the base and their values, in points)',
    ),
  );
  const tt = table([T('主要估计值', 'Headline estimate'), T('基准', 'Base'), T('排序', 'Rank'), T('参数', 'Parameter'), T('最低（取值）', 'Lowest (at)'), T('最高（取值）', 'Highest (at)'), T('波动幅度', 'Swing')]);
  const at = (v: string | null) => (v === null ? T('基准', 'base') : v);
  const p1 = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const e of sw.tornado)
    e.bars.forEach((b, j) =>
      tt.push([
        j === 0 ? headlineLabel(base, e.key, lang) : '',
        j === 0 ? (e.base === null ? '—' : p1(e.base)) : '',
        j + 1,
        b.path,
        b.low ? `${p1(b.low.estimate)} (${at(b.low.value)})` : '—',
        b.high ? `${p1(b.high.estimate)} (${at(b.high.value)})` : '—',
        (b.swing * 100).toFixed(1),
      ]),
    );
  out.push(tt.toString());
  return out.join('\n');
}
