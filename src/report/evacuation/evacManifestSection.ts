import { esc, num } from '../html.ts';
import type { Text } from '../labels.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/** The run manifest: what reproduces these numbers bit for bit, and how to re-run one trial. */
export function evacManifestSection(c: EvacReportContext): string[] {
  const { input, m, lang, name, T } = c;
  const methods = m.methods;
  const stopped: Record<string, Text> = {
    trials: { zh: '完成全部试验', en: 'all trials done' },
    untilSe: { zh: '达到精度（--until-se）', en: 'precision reached (--until-se)' },
    interrupted: { zh: '被中断', en: 'interrupted' },
  };
  const file = input.scenarioFile ?? T('场景文件', 'FILE');
  const rows: [string, string][] = [
    [T('场景', 'scenario'), esc(name)],
    [T('场景编号', 'scenario id'), `<code>${esc(m.scenario.id)}</code>`],
    ...(input.scenarioFile ? [[T('场景文件', 'scenario file'), `<code>${esc(input.scenarioFile)}</code>`] as [string, string]] : []),
    [T('场景 SHA-256', 'scenario SHA-256'), `<code>${esc(m.scenario.sha256)}</code>`],
    [T('引擎版本', 'engine version'), `<code>${esc(m.engineVersion)}</code>`],
    [T('主种子', 'master seed'), `${num('seed', m.seed, String(m.seed))}${m.seedInput !== undefined ? ` (--seed ${esc(JSON.stringify(m.seedInput))})` : ''}`],
    [T('试验次数', 'trials'), `${num('trials', m.trials, String(m.trials))} / ${num('trialsRequested', m.trialsRequested, String(m.trialsRequested))} ${esc(T('（完成 / 请求）', '(done / requested)'))}`],
    [T('不完整（partial）', 'partial'), `${m.partial ? T('是', 'yes') : T('否', 'no')} (partial: ${m.partial})`],
    [T('停止原因', 'stopped by'), esc(stopped[m.stoppedBy]?.[lang] ?? m.stoppedBy)],
    [T('精度目标', 'precision target'), m.untilSe ? esc(`--until-se ${m.untilSe.se} (chunk ${m.untilSe.chunkSize})`) : '—'],
    [T('时域', 'horizon'), esc(`${m.horizonS} s`)],
    [T('预案模式', 'plan mode'), esc(T('自动（按预案执行，无人工决策）', 'auto (the plan runs itself, no decisions)'))],
    [
      T('试验种子', 'trial seeds'),
      esc(T("第 i 次试验（从 0 起）的种子为 deriveSeed(主种子, 'trial', i)，即 --csv 每行的 seed 列", methods.trialSeed ?? '')),
    ],
    [T('重现一次试验', 'reproduce one trial'), `<code>${esc(`yanlian run ${file} --seed <${T('试验种子', 'trial seed')}>`)}</code>`],
    [
      T('分位数定义', 'quantile definition'),
      esc(T('R 第 7 类 / numpy "linear"，基于直方图分箱中点（时间 1 秒、人数 1 人）；时间误差不超过 0.5 秒，人数精确', `${methods.quantiles ?? ''}; ${methods.quantileError ?? ''}`)),
    ],
    [T('置信区间', 'intervals'), esc(T('Wilson 得分 95% 区间（z = 1.959964）', methods.interval ?? ''))],
    [T('汇总格式', 'summary format'), `<code>${esc(`${m.format} v${m.formatVersion}`)}</code>`],
  ];
  return [
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
  ];
}
