import { esc } from '../html.ts';
import { manifestSection } from '../kit/manifestSection.ts';
import type { ReportContext } from '../reportContext.ts';

/** The county run manifest: the kit's manifest with the horizon, the curve step and the county's methods. */
export function countyManifestSection(c: ReportContext): string[] {
  const { m, H, T } = c;
  const methods = m.methods;
  return manifestSection(c, {
    settings: [
      [T('时域', 'horizon'), esc(`${H} h`)],
      [T('曲线步长', 'curve step'), esc(`${m.curveStepHours} h`)],
    ],
    trialSeeds: T("第 i 次试验（从 0 起）的种子为 deriveSeed(主种子, 'trial', i)；yanlian run 场景 --seed <该种子> 可单独重现", methods.trialSeed ?? ''),
    quantiles: T(
      'R 第 7 类 / numpy "linear"（索引 (n−1)·p，线性插值，同 simple-statistics ≥ 7.8.9），基于直方图分箱中点；与原始值相差不超过半个分箱：时长 0.5 分钟，库存 0.25% 初始库存，人数与缺口 1%',
      `${methods.quantiles ?? ''}; ${methods.quantileError ?? ''}`,
    ),
    intervals: T('Wilson 得分 95% 区间（z = 1.959964）；标准误 sqrt(p(1−p)/n)', `${methods.interval ?? ''}; SE ${methods.se ?? ''}`),
  });
}
