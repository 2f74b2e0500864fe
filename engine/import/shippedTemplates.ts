/**
 * Import templates taken from a shipped scenario: `--template earthquake` fills the hazard, chain,
 * warnings, response ladder, horizon and targets from scenarios/shidian-earthquake.yaml, `typhoon`
 * from pinghu-typhoon.yaml, each with that scenario's own provenance entries and sources for those
 * parts, so every number keeps its citation. Relief items, store and team timings and the site and
 * link defaults stay the rainstorm template's (rainstormTemplate.ts). An earthquake's epicentre is
 * moved to the imported county by buildScenario (the shipped one is in 施甸). Pure: the shell reads
 * the shipped file.
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { ImportTemplate } from './rainstormTemplate.ts';

export interface ShippedTemplateSpec {
  /** scenario file under scenarios/ */
  file: string;
  zh: string;
  en: string;
}

/** `--template` names served from a shipped scenario. fire-season is not among them: it needs forest compartments (林区), which the sites register cannot give yet. */
export const SHIPPED_TEMPLATES: Record<string, ShippedTemplateSpec> = {
  earthquake: { file: 'shidian-earthquake.yaml', zh: '地震—崩滑—断路', en: 'earthquake, slope failures and road cuts' },
  typhoon: { file: 'pinghu-typhoon.yaml', zh: '台风暴雨—内涝—断路', en: 'typhoon rain, flooding and road cuts' },
};

/** The parts of a scenario a template supplies from the shipped file (first path segment). */
const TAKEN = new Set(['start', 'horizonHours', 'hazard', 'chain', 'warnings', 'response', 'targets']);
const taken = (pattern: string) => TAKEN.has(pattern.split('.')[0]!);

/** A template: `base` with the shipped scenario's hazard-side parts and their citations. Pure. */
export function templateFromScenario(id: string, spec: ShippedTemplateSpec, base: ImportTemplate, shipped: ScenarioFile): ImportTemplate {
  const own = shipped.provenance
    .map((p) => ({ ...p, paths: p.paths.filter((x) => taken(x) && !/^hazard\.epicentre(\.|$)/.test(x)), note: `${p.note ?? ''} (from the shipped scenario ${spec.file})`.trim() }))
    .filter((p) => p.paths.length > 0);
  const kept = base.provenance.map((p) => ({ ...p, paths: p.paths.filter((x) => !taken(x)) })).filter((p) => p.paths.length > 0);
  const cited = new Set(own.map((p) => p.source));
  const sources = { ...base.sources, ...Object.fromEntries(Object.entries(shipped.sources).filter(([k]) => cited.has(k))) };
  return {
    ...base,
    id,
    zh: spec.zh,
    en: spec.en,
    start: shipped.start,
    horizonHours: shipped.horizonHours,
    terrain: shipped.region.terrain,
    sources,
    hazard: shipped.hazard,
    chain: shipped.chain,
    warnings: shipped.warnings,
    response: shipped.response,
    targets: shipped.targets,
    provenance: [...own, ...kept],
  };
}
