/**
 * Helpers for the plausibility tests of the shipped scenarios: load one, vary it (more stock, no
 * trunk cuts), run it over a block of seeds with the compiled machines. Variants keep every id
 * and every random draw in place (common random numbers): a site's cut draws are consumed
 * whatever their probability, so two variants see the same storm or quake and the same failures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledMachines, loadScenario, runTrial, type Scenario, type TrialResult } from '../../engine/index.ts';

export const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;

/** The shipped county scenario files (scenarios/*.yaml; building scenarios, `model: evacuation`, have their own tests). */
export const shippedFiles = (): string[] =>
  readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && !/^model:\s*['"]?evacuation['"]?\s*$/m.test(readFileSync(join(SCENARIO_DIR, f), 'utf8')))
    .sort();

/** The shipped building scenario files (`model: evacuation`), loaded with the building loader. */
export const shippedBuildingFiles = (): string[] =>
  readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && /^model:\s*['"]?evacuation['"]?\s*$/m.test(readFileSync(join(SCENARIO_DIR, f), 'utf8')))
    .sort();

export function loadShipped(file: string): Scenario {
  const r = loadScenario(readFileSync(join(SCENARIO_DIR, file), 'utf8'), file, 'en');
  if (!r.ok) throw new Error(`${file} does not load:\n${r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n')}`);
  return r.scenario;
}

/** A copy with every warehouse's stock multiplied by k (rounded up). */
export function withStockScaled(s: Scenario, k: number): Scenario {
  const c = structuredClone(s) as Scenario;
  for (const w of c.reserves.warehouses) for (const item of Object.keys(w.stock)) w.stock[item] = Math.ceil(w.stock[item]! * k);
  return c;
}

/** A copy in which no hazard site can cut a trunk link (the cut draws still happen, with P 0). */
export function withoutTrunkCuts(s: Scenario): Scenario {
  const c = structuredClone(s) as Scenario;
  const trunk = new Set(c.roads.links.filter((l) => l.trunk).map((l) => l.id));
  for (const site of c.hazardSites) for (const cut of site.cuts) if (trunk.has(cut.link)) cut.probability = 0;
  return c;
}

/** Runs seeds first…first+n−1; the event log is kept only when asked. */
export function runSeeds(s: Scenario, n: number, opts: { log?: boolean; first?: number } = {}): TrialResult[] {
  const out: TrialResult[] = [];
  const first = opts.first ?? 1;
  for (let seed = first; seed < first + n; seed++) out.push(runTrial(s, seed, compiledMachines, { log: opts.log ?? false }));
  return out;
}

/**
 * A copy in which every duration the engine draws per call (clearing, mobilisation, loading,
 * rescue on site, resupply lead) is fixed at its distribution's mean. The engine keys some of
 * those draws by call counters (a link's clearing draw by the trial's episode index, a team's by
 * its call count), so an extra cut anywhere re-draws later durations; fixing them leaves only the
 * structural effect of a cut when two variants are compared.
 */
export function withFixedDurations(s: Scenario): Scenario {
  const c = structuredClone(s) as Scenario;
  const fix = (d: { dist: string } & Record<string, number | string>) => ({ dist: 'fixed' as const, value: meanOf(d) });
  c.chain.clearing.hours = fix(c.chain.clearing.hours as never);
  c.chain.rescue.onSiteHours = fix(c.chain.rescue.onSiteHours as never);
  for (const t of c.teams) t.mobilisationHours = fix(t.mobilisationHours as never);
  for (const w of c.reserves.warehouses) {
    w.loadingHours = fix(w.loadingHours as never);
    w.resupplyLeadHours = fix(w.resupplyLeadHours as never);
  }
  return c;
}

function meanOf(d: Record<string, number | string>): number {
  const n = (k: string) => d[k] as number;
  switch (d.dist) {
    case 'fixed':
      return n('value');
    case 'triangular':
      return (n('min') + n('mode') + n('max')) / 3;
    case 'uniform':
      return (n('min') + n('max')) / 2;
    case 'lognormal':
      return n('median'); // the median: the clamp makes the mean awkward, and any fixed value will do
    case 'exponential':
    case 'poisson':
      return n('mean');
    default:
      throw new Error(`meanOf: ${String(d.dist)}`);
  }
}
