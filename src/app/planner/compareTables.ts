import type { EvacMcSummary } from '../../../engine/evacuation/montecarlo/evacSummaryTypes.ts';
import type { Lang } from '../../../engine/i18n/lang.ts';
import type { McSummary } from '../../../engine/montecarlo/summaryTypes.ts';
import { planLetter, type CompareRow, type Verdict } from './planCompare.ts';
import { summaryTables, type CellFormat, type SummaryTable } from './summaryTables.ts';

/** One compared plan as the workbook names it. */
export interface ComparedPlan {
  label: string;
  file: string;
  summary: McSummary | EvacMcSummary;
}

const VERDICT: Record<Verdict | 'base', [string, string]> = {
  better: ['更好', 'better'],
  worse: ['更差', 'worse'],
  same: ['无可检出差异', 'no detectable difference'],
  base: ['基准', 'base'],
};

/**
 * A comparison of two to four plans as worksheets: 方案 (each letter's plan and file, which is the
 * base), 概率对比 (stock-out and target-met probabilities: each plan's estimate with its 95%
 * interval, and for every other plan the paired difference plan − base with its interval and
 * verdict), 时长对比 (the targets' mean worst hours, the same way), then every plan's own summary
 * tables with its letter before the sheet name. `outcome` names a row as the page does. Numbers
 * stay numbers, unrounded: the same figures as the page's table. Pure.
 */
export function compareTables(plans: readonly ComparedPlan[], rows: readonly CompareRow[], base: number, outcome: (r: CompareRow) => string, lang: Lang): SummaryTable[] {
  const zh = lang === 'zh';
  const w = (pair: [string, string]) => (zh ? pair[0] : pair[1]);
  const L = planLetter;
  const others = plans.map((_, i) => i).filter((i) => i !== base);
  const planSheet: SummaryTable = {
    sheet: zh ? '方案' : 'Plans',
    header: zh ? ['方案', '名称', '文件', '基准'] : ['Plan', 'Name', 'File', 'Base'],
    formats: ['plain', 'plain', 'plain', 'plain'],
    rows: plans.map((p, i) => [L(i), p.label, p.file, i === base ? w(VERDICT.base) : null]),
  };
  const table = (sheet: string, kinds: readonly CompareRow['kind'][], format: CellFormat): SummaryTable => {
    const header = [zh ? '指标' : 'Outcome'];
    const formats: CellFormat[] = ['plain'];
    plans.forEach((_, i) => {
      header.push(`${L(i)} ${zh ? '估计' : 'estimate'}`, `${L(i)} ${zh ? '95% 下限' : '95% low'}`, `${L(i)} ${zh ? '95% 上限' : '95% high'}`);
      formats.push(format, format, format);
    });
    for (const i of others) {
      header.push(`${L(i)} − ${L(base)}`, zh ? '配对 95% 下限' : 'paired 95% low', zh ? '配对 95% 上限' : 'paired 95% high', zh ? '结论' : 'verdict');
      formats.push(format, format, format, 'plain');
    }
    return {
      sheet,
      header,
      formats,
      rows: rows
        .filter((r) => kinds.includes(r.kind))
        .map((r) => [
          outcome(r),
          ...r.values.flatMap((v) => [v.estimate, v.ci95?.[0] ?? null, v.ci95?.[1] ?? null]),
          ...others.flatMap((i) => {
            const d = r.diffs[i];
            const v = r.verdicts[i];
            return [d?.mean ?? null, d?.ci95[0] ?? null, d?.ci95[1] ?? null, v ? w(VERDICT[v]) : null];
          }),
        ]),
    };
  };
  const own = plans.flatMap((p, i) => summaryTables(p.summary, lang).map((t) => ({ ...t, sheet: `${L(i)} ${t.sheet}`.slice(0, 31) })));
  return [planSheet, table(zh ? '概率对比' : 'Probabilities', ['stockout', 'met'], 'pct'), table(zh ? '时长对比' : 'Hours', ['hours'], 'hours'), ...own];
}
