import { reportPage } from '../html.ts';
import type { Text } from '../labels.ts';
import { REPORT_CSS } from '../reportCss.ts';
import type { KitContext, KitInput, KitSummary } from './kitContext.ts';

/** A section of a report: the HTML lines it adds, from the report's context (pure). */
export type Section<C> = (c: C) => string[];

/**
 * One model's report: how its context is built from its input, the page title, and its sections
 * in page order (shared kit sections — cover, manifest — and the model's own). Adding a section
 * is one file exporting a `Section` and one line in the model's `sections` list.
 */
export interface ReportDefinition<I extends KitInput<KitSummary>, C extends KitContext<I>> {
  context(input: I): C;
  /** the page title, before " — scenario name" */
  title: Text;
  sections: readonly Section<C>[];
}

/**
 * A Monte Carlo report as one self-contained HTML page: inline CSS, charts as inline SVG
 * rendered with ECharts, no script and no external resource, A4-printable; Chinese by default,
 * English with lang 'en'. Every number in a table carries its JSON path and exact value (see
 * `num`). Pure apart from ECharts' rendering: the same input gives the same bytes.
 */
export function renderModelReport<I extends KitInput<KitSummary>, C extends KitContext<I>>(def: ReportDefinition<I, C>, input: I): string {
  const c = def.context(input);
  const body = def.sections.flatMap((section) => section(c));
  const title = `${def.title[c.lang]} — ${c.name}`;
  return reportPage({ zh: c.zh, title, engineVersion: c.m.engineVersion, css: REPORT_CSS, body });
}
