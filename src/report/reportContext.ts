import type { HoursQuantiles, McSummary, McSweep } from '../../engine/montecarlo/index.ts';
import { nc, num } from './html.ts';
import { kitContext, type KitContext, type KitInput } from './kit/kitContext.ts';
import { hoursText } from './labels.ts';

export interface ReportInput extends KitInput<McSummary> {
  /** a sweep over this summary's scenario: adds the sensitivity tornado */
  sweep?: McSweep;
}

/**
 * What every county report section shares: the kit's context (summary, language, figures,
 * interval cells) and the county's hour cells.
 */
export interface ReportContext extends KitContext<ReportInput> {
  /** horizon, hours */
  H: number;
  /** hour-quantile cells at a JSON path */
  hq: (path: string, q: HoursQuantiles | null, keys: ('p50' | 'p90' | 'p99')[]) => string[];
}

/** The shared context of one county report (pure). */
export function reportContext(input: ReportInput): ReportContext {
  const c = kitContext(input, 'yl');
  const H = c.m.horizonHours;
  const hq = (path: string, q: HoursQuantiles | null, keys: ('p50' | 'p90' | 'p99')[]): string[] =>
    keys.map((k) => nc(q ? num(`${path}.${k}`, q[k], hoursText(q[k], H, q.n)) : '—'));
  return { ...c, H, hq };
}
