import { esc } from '../html.ts';
import { manifestSection } from '../kit/manifestSection.ts';
import type { EvacReportContext } from './evacReportContext.ts';

/** The evacuation run manifest: the kit's manifest with the horizon, the plan mode, how to re-run one trial and the evacuation's methods. */
export function evacManifestSection(c: EvacReportContext): string[] {
  const { input, m, T } = c;
  const methods = m.methods;
  const file = input.scenarioFile ?? T('场景文件', 'FILE');
  return manifestSection(c, {
    settings: [
      [T('时域', 'horizon'), esc(`${m.horizonS} s`)],
      [T('预案模式', 'plan mode'), esc(T('自动（按预案执行，无人工决策）', 'auto (the plan runs itself, no decisions)'))],
    ],
    trialSeeds: T("第 i 次试验（从 0 起）的种子为 deriveSeed(主种子, 'trial', i)，即 --csv 每行的 seed 列", methods.trialSeed ?? ''),
    reproduce: [[T('重现一次试验', 'reproduce one trial'), `<code>${esc(`yanlian run ${file} --seed <${T('试验种子', 'trial seed')}>`)}</code>`]],
    quantiles: T('R 第 7 类 / numpy "linear"，基于直方图分箱中点（时间 1 秒、人数 1 人）；时间误差不超过 0.5 秒，人数精确', `${methods.quantiles ?? ''}; ${methods.quantileError ?? ''}`),
    intervals: T('Wilson 得分 95% 区间（z = 1.959964）', methods.interval ?? ''),
  });
}
