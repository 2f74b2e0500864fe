import { esc, num } from '../html.ts';
import type { Text } from '../labels.ts';
import type { KitContext, KitInput, KitSummary } from './kitContext.ts';

/** A manifest row: its label (plain text) and its value (ready HTML). */
export type ManifestRow = [string, string];

/** What a model adds to the run manifest. */
export interface ManifestSpec {
  /** after the precision target: the horizon and the model's run settings */
  settings: ManifestRow[];
  /** how trial i's seed is derived and how to re-run it (plain text) */
  trialSeeds: string;
  /** after the trial seeds (e.g. the command that reproduces one trial) */
  reproduce?: ManifestRow[];
  /** the quantile definition and its error (plain text) */
  quantiles: string;
  /** the interval method (plain text) */
  intervals: string;
}

const STOPPED: Record<string, Text> = {
  trials: { zh: '完成全部试验', en: 'all trials done' },
  untilSe: { zh: '达到精度（--until-se）', en: 'precision reached (--until-se)' },
  interrupted: { zh: '被中断', en: 'interrupted' },
};

/**
 * The run manifest (the report's appendix), the same for every model: what reproduces these
 * numbers bit for bit — scenario, file, SHA-256, engine, seeds, trials, how the run stopped —
 * with the model's settings, seed rule and methods in their places.
 */
export function manifestSection<I extends KitInput<KitSummary>>(c: KitContext<I>, spec: ManifestSpec): string[] {
  const { input, m, lang, name, T } = c;
  const rows: ManifestRow[] = [
    [T('场景', 'scenario'), esc(name)],
    [T('场景编号', 'scenario id'), `<code>${esc(m.scenario.id)}</code>`],
    ...(input.scenarioFile ? [[T('场景文件', 'scenario file'), `<code>${esc(input.scenarioFile)}</code>`] as ManifestRow] : []),
    [T('场景 SHA-256', 'scenario SHA-256'), `<code>${esc(m.scenario.sha256)}</code>`],
    [T('引擎版本', 'engine version'), `<code>${esc(m.engineVersion)}</code>`],
    [T('主种子', 'master seed'), `${num('seed', m.seed, String(m.seed))}${m.seedInput !== undefined ? ` (--seed ${esc(JSON.stringify(m.seedInput))})` : ''}`],
    [T('试验次数', 'trials'), `${num('trials', m.trials, String(m.trials))} / ${num('trialsRequested', m.trialsRequested, String(m.trialsRequested))} ${esc(T('（完成 / 请求）', '(done / requested)'))}`],
    [T('不完整（partial）', 'partial'), `${m.partial ? T('是', 'yes') : T('否', 'no')} (partial: ${m.partial})`],
    [T('停止原因', 'stopped by'), esc(STOPPED[m.stoppedBy]?.[lang] ?? m.stoppedBy)],
    [T('精度目标', 'precision target'), m.untilSe ? esc(`--until-se ${m.untilSe.se} (chunk ${m.untilSe.chunkSize})`) : '—'],
    ...spec.settings,
    [T('试验种子', 'trial seeds'), esc(spec.trialSeeds)],
    ...(spec.reproduce ?? []),
    [T('分位数定义', 'quantile definition'), esc(spec.quantiles)],
    [T('置信区间', 'intervals'), esc(spec.intervals)],
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
