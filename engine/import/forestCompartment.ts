/**
 * A forest compartment (类型 林区, `--template fire-season`) from its sites-register row: the
 * `forest` block the fire model needs, the template's defaults where a column is empty, and the
 * provenance of each number (the register's column, or the template's `assumed` note). Pure.
 */
import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import { roundTo } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
import type { ForestDefaults } from './rainstormTemplate.ts';
import { REGISTERS } from './registerSpecs.ts';
import type { RegisterRow } from './registers.ts';

type Provenance = ScenarioFile['provenance'][number];
type Forest = NonNullable<ScenarioFile['hazardSites'][number]['forest']>;

/** Which forest columns a row gave (the rest are the template's). 最短/最长 count only beside a 进山时间. */
export interface ForestGiven {
  fuel: boolean;
  slope: boolean;
  mode: boolean;
  min: boolean;
  max: boolean;
  wui: boolean;
}

/** The compartment of one row, or undefined after a located problem (no 林区面积, a walk-in range out of order). */
export function forestOfRow(row: RegisterRow, f: ForestDefaults, file: string, problems: ProblemList): { forest: Forest; given: ForestGiven } | undefined {
  const at = (key: string) => ({ row: row.row, column: row.columns[key]! });
  const num = (k: string) => (typeof row.values[k] === 'number' ? (row.values[k] as number) : undefined);
  const areaHa = num('areaHa');
  if (areaHa === undefined) {
    const field = REGISTERS.sites.fields.find((x) => x.key === 'areaHa')!;
    if (row.columns.areaHa) problems.error(file, 'emptyCell', {}, at('areaHa'));
    else problems.error(file, 'missingColumn', { column: field.zh, aliases: [field.zh, field.en, ...field.aliases].join('/') }, { row: row.row });
    return undefined;
  }
  const wui = num('wuiDistanceM');
  const mode = num('walkIn');
  const lo = num('walkInMin');
  const hi = num('walkInMax');
  const walk: readonly [number, number, number] =
    mode === undefined
      ? wui === undefined
        ? f.walkIn.remote
        : f.walkIn.edge
      : [lo ?? roundTo(mode * f.walkInSpread.factors[0], 2), mode, hi ?? Math.min(24, roundTo(mode * f.walkInSpread.factors[1], 2))];
  if (!(walk[0] <= walk[1] && walk[1] <= walk[2]) || walk[0] === walk[2]) {
    problems.error(file, 'outOfRange', { value: `${walk[0]}–${walk[1]}–${walk[2]}`, min: '最短 ≤ 最可能 ≤ 最长', max: '且最短 < 最长' }, at(mode === undefined ? 'walkInMin' : 'walkIn'));
    return undefined;
  }
  return {
    forest: {
      areaHa,
      fuelFactor: num('fuelFactor') ?? f.fuelFactor.value,
      slopeDeg: num('slopeDeg') ?? f.slopeDeg.value,
      walkInHours: { dist: 'triangular', min: walk[0], mode: walk[1], max: walk[2] },
      ...(wui !== undefined ? { wuiDistanceM: wui } : {}),
    },
    given: { fuel: num('fuelFactor') !== undefined, slope: num('slopeDeg') !== undefined, mode: mode !== undefined, min: mode !== undefined && lo !== undefined, max: mode !== undefined && hi !== undefined, wui: wui !== undefined },
  };
}

/** Provenance of the compartments' numbers: `rows` are the compartments' site indices and what each row gave, of `siteCount` sites. */
export function forestProvenance(rows: readonly ({ i: number } & ForestGiven)[], siteCount: number, file: string, f: ForestDefaults): Provenance[] {
  const out: Provenance[] = [];
  const paths = (which: readonly number[], field: string) => (which.length === siteCount ? [`hazardSites.*.${field}`] : which.map((i) => `hazardSites.${i}.${field}`));
  const cite = (pick: (r: ForestGiven) => boolean, field: string, source: string, note: string) => {
    const which = rows.filter(pick).map((r) => r.i);
    if (which.length > 0) out.push({ paths: paths(which, field), source, note });
  };
  const column = (c: string) => `The ${c} column of ${file}.`;
  cite(() => true, 'forest.areaHa', 'sites', column('林区面积 (area inside the firebreaks, ha)'));
  cite((r) => r.fuel, 'forest.fuelFactor', 'sites', column('可燃物系数 (fuel factor Ks)'));
  cite((r) => !r.fuel, 'forest.fuelFactor', 'assumed', f.fuelFactor.note);
  cite((r) => r.slope, 'forest.slopeDeg', 'sites', column('坡度 (slope, degrees)'));
  cite((r) => !r.slope, 'forest.slopeDeg', 'assumed', f.slopeDeg.note);
  cite((r) => r.mode, 'forest.walkInHours.mode', 'sites', column('进山时间 (walk-in hours, most likely)'));
  cite((r) => r.min, 'forest.walkInHours.min', 'sites', column('进山时间最短 (walk-in hours, shortest)'));
  cite((r) => r.max, 'forest.walkInHours.max', 'sites', column('进山时间最长 (walk-in hours, longest)'));
  cite((r) => r.mode && !r.min, 'forest.walkInHours.min', 'assumed', f.walkInSpread.note);
  cite((r) => r.mode && !r.max, 'forest.walkInHours.max', 'assumed', f.walkInSpread.note);
  cite((r) => !r.mode, 'forest.walkInHours.min', 'assumed', f.walkIn.note);
  cite((r) => !r.mode, 'forest.walkInHours.mode', 'assumed', f.walkIn.note);
  cite((r) => !r.mode, 'forest.walkInHours.max', 'assumed', f.walkIn.note);
  cite((r) => r.wui, 'forest.wuiDistanceM', 'sites', column('距村距离 (head-fire run to the village, m)'));
  return out;
}
