import { TOTAL_KEYS, type McLayout } from './mcLayout.ts';
import type { TrialRow } from './trialRow.ts';

/** CSV line ending (CRLF, so Excel and WPS read it) and the UTF-8 byte-order mark that opens the file. */
export const CSV_EOL = '\r\n';
export const CSV_BOM = '\uFEFF';

const cell = (x: string | number | boolean | null): string => {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? '1' : '0';
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Column names of the per-trial CSV: trial index, its seed (re-run it with
 * `yanlian run FILE --seed <seed>`), the trial's totals, the highest response level, per target
 * whether it was met (1/0, empty when no case applied) and the worst hours (empty when a case
 * never finished), per item whether a store ran out (1/0), the first stock-out hour and the
 * shortfall in units. Pure.
 */
export function csvHeader(layout: McLayout): string {
  const cols = ['trial', 'seed', ...TOTAL_KEYS, 'responseHighest'];
  for (const t of layout.targets) cols.push(`target.${t.id}.met`, `target.${t.id}.worstHours`);
  for (const it of layout.items) cols.push(`item.${it.id}.stockout`, `item.${it.id}.firstStockoutHours`, `item.${it.id}.shortfallUnits`);
  if (layout.fire) cols.push('fire.count', 'fire.outWithin24h', 'fire.initialAttackContained', 'fire.burnedHa', 'fire.largestGrade', 'fire.peopleEvacuated');
  return cols.map(cell).join(',') + CSV_EOL;
}

/** One CSV line (with its CRLF) for a trial's row; pure. */
export function csvRow(row: TrialRow): string {
  const cells: (string | number | boolean | null)[] = [row.trial, row.seed, ...TOTAL_KEYS.map((k) => row.totals[k]), row.highest];
  for (const t of row.targets) cells.push(t.met, t.met === null ? null : t.worstHours);
  for (const it of row.items) cells.push(it.stockoutHours !== null, it.stockoutHours, it.shortfall);
  const f = row.fire;
  if (f) cells.push(f.count, f.outWithin24h, f.initialAttackContained, f.burnedHa, f.largestGrade, f.peopleEvacuated);
  return cells.map(cell).join(',') + CSV_EOL;
}
