/**
 * Import templates taken from a shipped scenario: `--template earthquake` fills the hazard, chain,
 * warnings, response ladder, horizon and targets from scenarios/shidian-earthquake.yaml, `typhoon`
 * from pinghu-typhoon.yaml, `fire-season` from shidian-forest-fire.yaml (its sites register then
 * holds forest compartments, 类型 林区, with their columns or the defaults below), each with that scenario's own provenance entries and sources for those
 * parts, so every number keeps its citation. Relief items, store and team timings and the site and
 * link defaults stay the rainstorm template's (rainstormTemplate.ts). An earthquake's epicentre is
 * moved to the imported county by buildScenario (the shipped one is in 施甸). Pure: the shell reads
 * the shipped file.
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { ForestDefaults, ImportTemplate } from './rainstormTemplate.ts';

export interface ShippedTemplateSpec {
  /** scenario file under scenarios/ */
  file: string;
  zh: string;
  en: string;
  /** fire season: the sites register holds forest compartments, with these defaults */
  forest?: ForestDefaults;
}

/** Defaults for compartments whose row leaves a column empty: the shipped 施甸 fire season's choices, marked assumed with its reasons. */
const FIRE_SEASON_FOREST: ForestDefaults = {
  fuelFactor: {
    value: 0.2,
    note: 'Template fire-season: 王正非 fuel factor Ks 0.2 for 云南松 (Yunnan pine) needle litter where the register gives no 可燃物系数 — the value the shipped 施甸 fire season uses, set well below the formula table there and calibrated to national fire statistics (few ha a fire); not calibrated for this county: check the burned areas of `yanlian simulate`.',
  },
  slopeDeg: { value: 15, note: 'Template fire-season: slope 15° where the register gives no 坡度 (the middle of the 4–22° of the shipped 施甸 compartments); measure it from the county’s DEM.' },
  walkIn: {
    edge: [0.1, 0.3, 1],
    remote: [0.5, 1.2, 3],
    note: 'Template fire-season: walking from the road end to the fire edge where the register gives no 进山时间 — 0.1–1 h (mode 0.3 h) for a compartment with a 距村距离 (next to its village, whose micro fire station knows the paths), 0.5–3 h for a remote one, as the shipped 施甸 fire season.',
  },
  walkInSpread: { factors: [1 / 3, 3], note: 'Template fire-season: a row that gives only 进山时间 (the most likely hours) walks in between a third of it and three times it (at most 24 h), the spread of the shipped 施甸 compartments.' },
  teamCapability: 'fireSuppression',
};

/** `--template` names served from a shipped scenario. */
export const SHIPPED_TEMPLATES: Record<string, ShippedTemplateSpec> = {
  earthquake: { file: 'shidian-earthquake.yaml', zh: '地震—崩滑—断路', en: 'earthquake, slope failures and road cuts' },
  typhoon: { file: 'pinghu-typhoon.yaml', zh: '台风暴雨—内涝—断路', en: 'typhoon rain, flooding and road cuts' },
  'fire-season': { file: 'shidian-forest-fire.yaml', zh: '森林火险期—林火—森林城镇交界火', en: 'fire season: forest fires and fires reaching villages', forest: FIRE_SEASON_FOREST },
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
    ...(spec.forest ? { forest: spec.forest } : {}),
  };
}
