import type { DocPath } from '../scenario/problem.ts';
import type { McSummary } from './summaryTypes.ts';

/** One value of a swept parameter and the summary of its run (same trials, same trial seeds). */
export interface SweepRun {
  /** the value as given: `45`, `x0.5` */
  value: string;
  /** each leaf of the scenario file it changed */
  changes: { path: DocPath; from: unknown; to: unknown }[];
  summary: McSummary;
}

/** One `--set` parameter of a sweep. */
export interface SweepParameterResult {
  /** the `--set` text */
  set: string;
  /** the path as given */
  path: string;
  runs: SweepRun[];
}

/** One parameter's effect on one headline estimate: the range of the estimate over its values and the base. */
export interface TornadoBar {
  /** the parameter's path as given */
  path: string;
  /** max − min of the estimate over the base and this parameter's values; 0 when none is known */
  swing: number;
  /** where the estimate was lowest and highest; `value` null is the base run */
  low: { value: string | null; estimate: number } | null;
  high: { value: string | null; estimate: number } | null;
  /** the estimate at each of the parameter's values, in order (null: nothing to estimate from) */
  estimates: { value: string; estimate: number | null }[];
}

/** The parameters ranked by swing (largest first; ties in declaration order) for one headline estimate. */
export interface TornadoEntry {
  key: string;
  base: number | null;
  bars: TornadoBar[];
}

/** A sweep: the base run and, per parameter, one run per value, all with the same trial seeds. */
export interface McSweep {
  format: 'yanlian-mc-sweep';
  formatVersion: 1;
  engineVersion: string;
  scenario: { id: string; sha256: string };
  seed: number;
  seedInput?: string;
  trials: number;
  methods: Record<string, string>;
  base: McSummary;
  parameters: SweepParameterResult[];
  tornado: TornadoEntry[];
}

export const SWEEP_METHODS: Record<string, string> = {
  commonRandomNumbers:
    'every run uses the same master seed and trial count, so trial i gets the same seed deriveSeed(seed, "trial", i) in every run; randomness is derived from entity ids, so a changed value changes only what depends on it',
  oneAtATime: 'each value of each parameter is applied alone to the base scenario file (a deep copy of the parsed file), then re-validated by the scenario loader',
  scale: 'xK multiplies the value in the file; where the schema wants a whole number the product is rounded to the nearest one',
  swing: 'per headline estimate and parameter: max − min of the estimate over the base run and the runs of the parameter values; parameters ranked by swing, ties in declaration order',
  manifest: 'scenario.sha256 in every summary is that of the base file; the changes of each run are listed beside it',
};

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

function estimateOf(s: McSummary, key: string): number | null {
  return s.headline.estimates.find((e) => e.key === key)?.estimate ?? null;
}

/**
 * Ranks the swept parameters by the swing each causes in each headline estimate of the base
 * run (the range over the base and the parameter's values). Pure.
 */
export function tornado(base: McSummary, parameters: readonly SweepParameterResult[]): TornadoEntry[] {
  return base.headline.estimates.map(({ key, estimate: b }) => {
    const bars: TornadoBar[] = parameters.map((p) => {
      const estimates = p.runs.map((r) => ({ value: r.value, estimate: estimateOf(r.summary, key) }));
      const known = [{ value: null, estimate: b }, ...estimates].filter(
        (e): e is { value: string | null; estimate: number } => e.estimate !== null,
      );
      let low: TornadoBar['low'] = null;
      let high: TornadoBar['high'] = null;
      for (const e of known) {
        if (!low || e.estimate < low.estimate) low = e;
        if (!high || e.estimate > high.estimate) high = e;
      }
      return { path: p.path, swing: low && high ? r6(high.estimate - low.estimate) : 0, low, high, estimates };
    });
    const order = bars.map((bar, i) => ({ bar, i })).sort((x, y) => y.bar.swing - x.bar.swing || x.i - y.i);
    return { key, base: b, bars: order.map((o) => o.bar) };
  });
}
