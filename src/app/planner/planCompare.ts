import { proportion } from '../../../engine/montecarlo/proportion.ts';

/** Two-sided 95% normal quantile (as engine/montecarlo/proportion.ts uses for Wilson). */
const Z95 = 1.959964;

/** Most plans compared at once (the original and three others). */
export const MAX_COMPARED = 4;

/** The per-trial CSV (as `simulate --csv` writes it) as columns of cells, in trial order. Pure. */
export function csvColumns(csv: string): Map<string, string[]> {
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  const head = (lines[0] ?? '').split(',');
  const cols = new Map<string, string[]>(head.map((h) => [h, []]));
  // the columns compared here never hold quoted text, so a plain split is exact for them
  for (const line of lines.slice(1)) line.split(',').forEach((c, i) => cols.get(head[i]!)?.push(c));
  const trial = cols.get('trial');
  if (trial && trial.some((t, i) => t !== String(i))) throw new Error('per-trial CSV rows are not in trial order');
  return cols;
}

/** A paired difference (plan − base) over trials run with the same seeds: mean, standard error and normal 95% interval. */
export interface PairedDiff {
  n: number;
  mean: number;
  se: number;
  ci95: [number, number];
}

/**
 * The paired difference b − a trial by trial (trial i of both runs shares its seed — common
 * random numbers, as `sweep` does), so a small change is detectable where two separate
 * intervals would overlap. Trials where either run has no value (the case did not apply) are
 * left out. Pure.
 */
export function pairedDiff(a: readonly string[], b: readonly string[]): PairedDiff | null {
  const d: number[] = [];
  const n0 = Math.min(a.length, b.length);
  for (let i = 0; i < n0; i++) if (a[i] !== '' && b[i] !== '') d.push(Number(b[i]) - Number(a[i]));
  const n = d.length;
  if (n < 2) return null;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const varS = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const se = Math.sqrt(varS / n);
  return { n, mean, se, ci95: [mean - Z95 * se, mean + Z95 * se] };
}

/** One plan's value of an outcome: a probability (Wilson interval) or a mean in hours (normal interval), over `n` trials. */
export interface PlanValue {
  estimate: number | null;
  ci95: [number, number] | null;
  n: number;
}

/**
 * What a row compares: an item's stock-out (lower is better), a target met (higher is better),
 * a target's worst hours, mean over the trials where every case finished (lower is better).
 */
export type CompareKind = 'stockout' | 'met' | 'hours';

/** How a plan does against the base on one outcome: better or worse where the paired 95% interval excludes 0. */
export type Verdict = 'better' | 'worse' | 'same';

/** One compared outcome across the plans: each plan's value, and for each plan but the base its paired difference and verdict. */
export interface CompareRow {
  column: string;
  kind: CompareKind;
  id: string;
  values: PlanValue[];
  /** plan − base per plan (null for the base itself, or too few paired trials) */
  diffs: (PairedDiff | null)[];
  /** null for the base */
  verdicts: (Verdict | null)[];
}

const probability = (cells: readonly string[]): PlanValue => {
  const v = cells.filter((c) => c !== '');
  const p = proportion(v.filter((c) => c === '1').length, v.length);
  return { estimate: p.estimate, ci95: p.ci95, n: p.n };
};

const meanOf = (cells: readonly string[]): PlanValue => {
  const v = cells.filter((c) => c !== '').map(Number);
  const n = v.length;
  if (n === 0) return { estimate: null, ci95: null, n };
  const m = v.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { estimate: m, ci95: null, n };
  const se = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1) / n);
  return { estimate: m, ci95: [m - Z95 * se, m + Z95 * se], n };
};

const COLUMN = /^(item|target)\.(.+)\.(stockout|met|worstHours)$/;

/**
 * Compares two to four runs' per-trial CSVs (same seed, same trials: common random numbers)
 * against the run at `base`: for every `item.X.stockout`, `target.X.met` and
 * `target.X.worstHours` column all of them have, each plan's value with its interval and, for
 * every other plan, the paired difference plan − base with its 95% interval and whether that
 * plan is better or worse there (the interval excludes 0) or not detectably different. Each
 * comparison is at 95% on its own (no correction for comparing several plans). Pure.
 */
export function comparePlans(csvs: readonly string[], base: number): CompareRow[] {
  if (csvs.length < 2 || csvs.length > MAX_COMPARED) throw new Error(`compare 2 to ${MAX_COMPARED} plans, not ${csvs.length}`);
  if (!Number.isInteger(base) || base < 0 || base >= csvs.length) throw new Error(`no plan ${base} to compare against`);
  const cols = csvs.map(csvColumns);
  const rows: CompareRow[] = [];
  for (const [col, baseCells] of cols[base]!) {
    const m = COLUMN.exec(col);
    if (!m || cols.some((c) => !c.has(col))) continue;
    const kind: CompareKind = m[3] === 'worstHours' ? 'hours' : (m[3] as CompareKind);
    const higherBetter = kind === 'met';
    const cells = cols.map((c) => c.get(col)!);
    const diffs = cells.map((c, i) => (i === base ? null : pairedDiff(baseCells, c)));
    const verdicts = diffs.map((d, i): Verdict | null => {
      if (i === base) return null;
      if (!d || (d.ci95[0] <= 0 && d.ci95[1] >= 0)) return 'same';
      return d.ci95[0] > 0 === higherBetter ? 'better' : 'worse';
    });
    rows.push({ column: col, kind, id: m[2]!, values: cells.map((c) => (kind === 'hours' ? meanOf(c) : probability(c))), diffs, verdicts });
  }
  return rows;
}

/** For one plan against the base: the rows where it is better and where it is worse (the rest show no detectable difference). Pure. */
export function verdictsOf(rows: readonly CompareRow[], plan: number): { better: CompareRow[]; worse: CompareRow[] } {
  return { better: rows.filter((r) => r.verdicts[plan] === 'better'), worse: rows.filter((r) => r.verdicts[plan] === 'worse') };
}

/** The letter of the i-th compared plan (A is the original file). Pure. */
export const planLetter = (i: number): string => String.fromCharCode(65 + i);
