import { proportion, type Proportion } from '../../../engine/montecarlo/proportion.ts';

/** Two-sided 95% normal quantile (as engine/montecarlo/proportion.ts uses for Wilson). */
const Z95 = 1.959964;

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

/** A paired difference B − A over trials run with the same seeds: mean, standard error and normal 95% interval. */
export interface PairedDiff {
  n: number;
  mean: number;
  se: number;
  ci95: [number, number];
}

/**
 * The paired difference of two 0/1 outcomes trial by trial (trial i of A and B share their seed —
 * common random numbers, as `sweep` does), so a small change is detectable where two separate
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

/** One compared outcome: a probability under plan A and plan B, the paired difference, and which plan does better. */
export interface CompareRow {
  column: string;
  kind: 'stockout' | 'met';
  id: string;
  a: Proportion;
  b: Proportion;
  diff: PairedDiff | null;
  /** 'B' or 'A' when the 95% interval of the difference excludes 0 in that plan's favour; 'same' otherwise */
  better: 'A' | 'B' | 'same';
}

const prop = (cells: readonly string[]): Proportion => {
  const v = cells.filter((c) => c !== '');
  return proportion(v.filter((c) => c === '1').length, v.length);
};

/**
 * Compares two runs' per-trial CSVs (same seed, same trials): for every `item.X.stockout` (lower is
 * better) and `target.X.met` (higher is better) column both have, the two proportions with their
 * Wilson intervals and the paired difference B − A. Pure.
 */
export function compareRuns(csvA: string, csvB: string): CompareRow[] {
  const A = csvColumns(csvA);
  const B = csvColumns(csvB);
  const rows: CompareRow[] = [];
  for (const [col, a] of A) {
    const m = /^(item|target)\.(.+)\.(stockout|met)$/.exec(col);
    const b = B.get(col);
    if (!m || !b) continue;
    const kind = m[3] as 'stockout' | 'met';
    const diff = pairedDiff(a, b);
    let better: CompareRow['better'] = 'same';
    if (diff && (diff.ci95[0] > 0 || diff.ci95[1] < 0)) {
      const up = diff.ci95[0] > 0;
      better = (kind === 'met') === up ? 'B' : 'A';
    }
    rows.push({ column: col, kind, id: m[2]!, a: prop(a), b: prop(b), diff, better });
  }
  return rows;
}
