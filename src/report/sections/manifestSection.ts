import { esc, num } from '../html.ts';
import type { Text } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';

/** The run manifest: what reproduces these numbers bit for bit. */
export function manifestSection(c: ReportContext): string[] {
  const { input, m, lang, name, H, T } = c;
  const out: string[] = [];
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
  return out;
}
