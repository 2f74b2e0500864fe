import type { EvacMcSummary, PeopleQuantiles, SecondsQuantiles } from '../../../engine/evacuation/montecarlo/index.ts';
import type { EvacuationScenario } from '../../../engine/evacuation/index.ts';
import { nc, num } from '../html.ts';
import { kitContext, type KitContext, type KitInput } from '../kit/kitContext.ts';
import type { EvacCurves } from './evacCurves.ts';

export interface EvacReportInput extends KitInput<EvacMcSummary> {
  /** the histograms behind the exceedance curve and the histogram (see `evacCurves`); without them those charts are left out */
  curves?: EvacCurves;
  /** the plan's roles, for the duties table (titles, holders, tasks); without them the table lists only what the summary measures */
  roles?: EvacuationScenario['roles'];
}

type SecKey = 'p50' | 'p90' | 'p95' | 'p99';

/**
 * What every section of the evacuation report shares: the kit's context (summary, language,
 * figures, interval cells) and the evacuation's seconds and people cells. Pure.
 */
export interface EvacReportContext extends KitContext<EvacReportInput> {
  /** seconds-quantile cells (whole seconds; among the never-cases "—") at a JSON path */
  secs: (path: string, q: SecondsQuantiles, keys?: SecKey[]) => string[];
  /** a mean / quantile of people at a JSON path (mean 1 decimal, quantiles whole) */
  ppl: (path: string, q: PeopleQuantiles, key: 'mean' | 'p50' | 'p90' | 'p99') => string;
  /** a plain number at a JSON path, `d` decimals */
  n: (path: string, x: number | null | undefined, d: number) => string;
}

/** The shared context of one evacuation report (pure). */
export function evacReportContext(input: EvacReportInput): EvacReportContext {
  const c = kitContext(input, 'ye');
  const n = (path: string, x: number | null | undefined, d: number) => num(path, x, x === null || x === undefined ? '—' : x.toFixed(d));
  const secs = (path: string, q: SecondsQuantiles, keys: SecKey[] = ['p50', 'p90', 'p95', 'p99']): string[] =>
    keys.map((k) => nc(q.n === 0 ? '—' : n(`${path}.${k}`, q[k], 0)));
  const ppl = (path: string, q: PeopleQuantiles, key: 'mean' | 'p50' | 'p90' | 'p99') => n(`${path}.${key}`, q[key], key === 'mean' ? 1 : 0);
  return { ...c, secs, ppl, n };
}
